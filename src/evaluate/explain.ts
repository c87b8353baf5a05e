import type { CompiledPolicy, CondC, NumC } from "../compile/types.js";
import type { DecisionName } from "../base/decisions.js";
import { analyse, decide, holds, numValue, toEvidence, type Analysis, type Decision, type Evidence, type Post } from "./evaluate.js";

/** How one part of a condition evaluated: the source text, its value, and its parts. */
export interface CondTrace {
  readonly text: string;
  readonly value: boolean | number;
  readonly children?: readonly CondTrace[];
}

/** A rule as tried for a post, in order, up to the one that decided. */
export interface RuleTrace {
  readonly id: string;
  readonly decision: DecisionName;
  readonly holds: boolean;
  readonly trace: CondTrace;
}

/** A signal as computed for a post: what counted and what was set aside, with why. */
export interface SignalTrace {
  readonly name: string;
  readonly holds: boolean;
  readonly counted: readonly Evidence[];
  readonly discounted: readonly { readonly evidence: Evidence; readonly why: string }[];
}

/** A decision with the full account of how it was reached. */
export interface Explanation extends Decision {
  readonly signals: readonly SignalTrace[];
  readonly rules: readonly RuleTrace[];
}

function traceNum(n: NumC, a: Analysis, src: string): CondTrace {
  return { text: src.slice(n.at[0], n.at[1]), value: numValue(n, a) };
}

/** Evaluates a condition, recording each part's value (for explanations and "why not"). */
export function traceCond(c: CondC, a: Analysis, src: string): CondTrace {
  const text = src.slice(c.at[0], c.at[1]);
  switch (c.k) {
    case "or":
    case "and":
    case "not": {
      const items = c.k === "not" ? [c.item] : c.items;
      return { text, value: holds(c, a), children: items.map((x) => traceCond(x, a, src)) };
    }
    case "cmp":
      return { text, value: holds(c, a), children: [traceNum(c.left, a, src), traceNum(c.right, a, src)] };
    default:
      return { text, value: holds(c, a) };
  }
}

/** Classifies a post and explains it: signals with their evidence, and each rule tried. */
export function explain(post: Post, policy: CompiledPolicy): Explanation {
  const a = analyse(post, policy);
  const d = decide(a, policy);
  const rules: RuleTrace[] = [];
  for (const r of policy.rules) {
    const ok = holds(r.when, a);
    rules.push({ id: r.id, decision: r.decision, holds: ok, trace: traceCond(r.when, a, r.whenSource) });
    if (ok) break;
  }
  const signals = policy.signals.map((s) => {
    const st = a.states[s.index] ?? { counted: [], discounted: [] };
    return {
      name: s.name,
      holds: st.counted.length > 0,
      counted: st.counted.map((m) => toEvidence(s.name, m, a, policy)),
      discounted: st.discounted.map((x) => ({ evidence: toEvidence(s.name, x.m, a, policy), why: x.why })),
    };
  });
  return { ...d, signals, rules };
}
