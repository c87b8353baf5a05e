import { readContexts, type SignalContexts } from "../compile/shapes.js";
import type { CompiledPolicy, SignalC } from "../compile/types.js";

/**
 * What the evaluator derives from a policy's signals, each part built or read when first needed and
 * then kept for every later post. A compiled policy is immutable (compiled once; run-time caches
 * belong to the phase that uses them, not written into compiled objects), so these live here, in
 * the evaluate phase, in a table per signal list ({@link signalTables}); `evaluate(post, policy)`
 * stays a pure function of its arguments from the caller's view.
 */
export class SignalTables {
  /** Each signal at its `index` (policy.signals is in dependency order): no `find` per post. */
  readonly byIndex: readonly SignalC[];
  /**
   * Each signal's contexts at its index, read on first use: a precompiled signal reads them from
   * its file at each read (see precompiled/serialise.ts), so a one-post run reads those of the few
   * signals it has candidates for, and a long run each of them once.
   */
  readonly contexts: (SignalContexts | undefined)[];
  /** The lexicons of the target signals that name a target by themselves (see signals.ts), when first needed. */
  targetLexicons: readonly number[] | undefined = undefined;
  /** Per call signal, the signals that are `target-of` it, in policy order, when first needed. */
  targetSignals: readonly (readonly SignalC[])[] | undefined = undefined;

  constructor(signals: readonly SignalC[]) {
    const byIndex: SignalC[] = [];
    for (const s of signals) byIndex[s.index] = s;
    this.byIndex = byIndex;
    // Filled with undefined, not holes: a packed array, one elements kind from the start.
    this.contexts = signals.map(() => undefined);
  }

  /** Signal `s`'s `require` and `exclude`, read once per policy. */
  contextsOf(s: SignalC): SignalContexts {
    let c = this.contexts[s.index];
    if (c === undefined) this.contexts[s.index] = c = readContexts(s);
    return c;
  }
}

/**
 * The tables of each signal list. Keyed by `policy.signals`, not the policy: the copies a run's
 * settings make of a policy (compile/settings.ts, `withSettings`) share its signals, and so share
 * what has been read of them.
 */
const tables = new WeakMap<readonly SignalC[], SignalTables>();

/** The evaluator's tables for `policy`'s signals (one look-up; built on the first call). */
export function signalTables(policy: CompiledPolicy): SignalTables {
  let t = tables.get(policy.signals);
  if (t === undefined) tables.set(policy.signals, (t = new SignalTables(policy.signals)));
  return t;
}
