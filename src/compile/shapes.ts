import type { ContextC, SignalC } from "./types.js";

/**
 * A compiled signal in its one object shape: every key, in this order, `undefined` included. The
 * compiler (compile-signals.ts) and the precompiled decoder (precompiled/serialise.ts) both build
 * signals and contexts through these functions, so the two cannot drift apart. JSON leaves out the
 * keys whose value is undefined (a signal's `description` and `frame`, a context's `before` and
 * `after`); decoded without these, a precompiled policy's signals came in several shapes where a
 * compiled one has one per kind, the evaluator's loads of `s.near`, `c.before`… became polymorphic,
 * and V8 threw away its optimised computeSignals and cueIn each time it met a new shape.
 */
export function signalShape(s: SignalC): SignalC {
  const near = s.near === null ? null : { signal: s.near.signal, scope: s.near.scope, before: s.near.before, after: s.near.after };
  return {
    name: s.name,
    index: s.index,
    description: s.description,
    lexicons: s.lexicons,
    members: s.members,
    require: s.require === null ? null : s.require.map(contextShape),
    exclude: s.exclude.map(contextShape),
    near,
    targetOf: s.targetOf,
    targets: s.targets,
    frame: s.frame,
  };
}

/** A compiled context in the one shape of its kind (see {@link signalShape}), its items too. */
export function contextShape(c: ContextC): ContextC {
  switch (c.k) {
    case "lexicon":
      return { k: "lexicon", lexicons: c.lexicons, before: c.before, after: c.after, scope: c.scope, overlap: c.overlap, stop: c.stop, contrast: c.contrast, negatedBy: c.negatedBy, outside: c.outside, alone: c.alone, label: c.label };
    case "all":
    case "any":
      return { k: c.k, items: c.items.map(contextShape), label: c.label };
    case "not":
      return { k: "not", item: contextShape(c.item), label: c.label };
    default:
      return c;
  }
}

/** A signal's `require` and `exclude` contexts, read together. */
export interface SignalContexts {
  readonly require: readonly ContextC[] | null;
  readonly exclude: readonly ContextC[];
}

/**
 * The method by which a signal that holds its contexts elsewhere gives both from one read (a
 * precompiled signal: one JSON text in its file, see precompiled/serialise.ts). It caches nothing:
 * a compiled signal is immutable, and whoever reads the contexts often keeps what it read (the
 * evaluator, per policy: evaluate/signal-tables.ts).
 */
export const READ_CONTEXTS: unique symbol = Symbol("modpol.readContexts");

/** A signal's contexts, from one read of them for a signal that reads them ({@link READ_CONTEXTS}). */
export function readContexts(s: SignalC): SignalContexts {
  const read = (s as { [READ_CONTEXTS]?: () => SignalContexts })[READ_CONTEXTS];
  return read !== undefined ? read.call(s) : { require: s.require, exclude: s.exclude };
}
