import type { CompiledPolicy, CondC, ValueC } from "../compile/types.js";
import type { DecisionName } from "../base/decisions.js";
import { analyse, decide, holds, valueOf, toEvidence, type Analysis, type Decision, type Evidence, type Post } from "./evaluate.js";
import { traceCond, type CondTrace, callsOf, type CallTrace, plainValue, signalAt } from "./explain.js";

/**
 * A value a comparison compared: its source, its value (null: the record lacks it), for
 * `count`/`matches` the signals behind it, and for a setting its name and, when `--set` changed
 * it, the policy's own value.
 */
export interface Operand {
  readonly text: string;
  readonly value: number | string | boolean | readonly string[] | null;
  /** For `count(...)` and `matches(...)`: each signal, whether it holds, and its counted matches. */
  readonly signals?: readonly { readonly signal: string; readonly holds: boolean; readonly evidence: readonly Evidence[] }[];
  /** The value is a record field's (so null means the record lacks it). */
  readonly field?: true;
  readonly setting?: { readonly name: string; readonly policyValue?: number | boolean | string };
}

/**
 * A part of a condition that would have to come out the other way for the condition to change:
 * `want` is the value it needed. `any` lists alternatives, each a list of parts that would all have
 * to change (an `or` none of whose parts held, or an `and` all of whose parts held where it must not).
 */
export type Blame =
  | {
      readonly k: "signal";
      readonly text: string;
      readonly want: boolean;
      readonly signal: string;
      /** What counted (when the signal held). */
      readonly counted: readonly Evidence[];
      /** What was found but set aside, and why (negated, quoted, not near…). */
      readonly discounted: readonly { readonly evidence: Evidence; readonly why: string }[];
    }
  | { readonly k: "country-in"; readonly text: string; readonly want: boolean; readonly country: string | null; readonly set: string | null; readonly codes: readonly string[] }
  | { readonly k: "country-known"; readonly text: string; readonly want: boolean; readonly country: string | null }
  | { readonly k: "lang-in"; readonly text: string; readonly want: boolean; readonly lang: string | null; readonly codes: readonly string[] }
  | { readonly k: "lang-known"; readonly text: string; readonly want: boolean; readonly lang: string | null }
  | { readonly k: "compare"; readonly text: string; readonly want: boolean; readonly left: Operand; readonly right: Operand }
  /**
   * A condition on one record field (`in` a set, `contains`, `has(...)`, a boolean field): the
   * field's value (null: absent) and, for `in` and `contains`, the strings it was tested against.
   */
  | {
      readonly k: "field";
      readonly text: string;
      readonly want: boolean;
      readonly test: "in" | "contains" | "has" | "flag";
      readonly field: string;
      readonly value: string | number | boolean | readonly string[] | null;
      readonly set: string | null;
      readonly values: readonly string[];
    }
  | { readonly k: "constant"; readonly text: string; readonly want: boolean }
  | { readonly k: "any"; readonly text: string; readonly want: boolean; readonly options: readonly (readonly Blame[])[] };

/** A rule that gives the decision asked about, and why it did not give it to this post. */
export interface RuleWhyNot {
  readonly id: string;
  readonly decision: DecisionName;
  readonly reason: string;
  readonly holds: boolean;
  /** When the rule holds but did not decide: the earlier rule that did. */
  readonly preemptedBy?: string;
  /** When the rule does not hold: the parts of its condition that failed (all of them must change). */
  readonly failed: readonly Blame[];
  /** The whole condition with the value of each part. */
  readonly trace: CondTrace;
}

/** Why a post did not get a decision: every rule that gives it, and the default if it does. */
export interface WhyNot {
  readonly wanted: DecisionName;
  /** The decision the post actually got. */
  readonly decision: Decision;
  /** True when the post got `wanted` after all. */
  readonly already: boolean;
  /** The calls found in the post, with whom each is aimed at (what most conditions turn on). */
  readonly calls: readonly CallTrace[];
  /** Every rule whose decision is `wanted`, in policy order. */
  readonly rules: readonly RuleWhyNot[];
  /**
   * When the policy's default is `wanted` and a rule decided: the rules that hold, each with what
   * would have to fail for it not to (the default applies only when no rule holds).
   */
  readonly fallback?: { readonly reason: string; readonly blockedBy: readonly { readonly id: string; readonly decision: DecisionName; readonly failed: readonly Blame[] }[] };
}

function operand(n: ValueC, a: Analysis, src: string, policy: CompiledPolicy): Operand {
  const text = src.slice(n.at[0], n.at[1]);
  if (n.k === "field") return { text, value: plainValue(a.fields[n.field], policy.fields[n.field]?.type), field: true };
  if (n.k === "lang") return { text, value: a.lang };
  if (n.k !== "count" && n.k !== "matches") {
    const value = n.k === "date" ? n.text : n.value;
    if (n.setting === undefined) return { text, value };
    const own = policy.settingsSet?.get(n.setting);
    return { text, value, setting: own === undefined ? { name: n.setting } : { name: n.setting, policyValue: own } };
  }
  const value = valueOf(n, a) as number;
  const ids = n.k === "count" ? n.signals : [n.signal];
  const signals = ids.map((i) => {
    const s = signalAt(policy, i);
    const counted = a.states[i]?.counted ?? [];
    const name = s?.name ?? String(i);
    return { signal: name, holds: counted.length > 0, evidence: counted.map((m) => toEvidence(name, m, a, policy)) };
  });
  return { text, value, signals };
}

/**
 * The matches of a signal that were found but did not count, with why; for a union (`any`) signal,
 * those of its members too, since that is where a negated or quoted call was set aside.
 */
function setAside(i: number, a: Analysis, policy: CompiledPolicy, seen: Set<number>): { evidence: Evidence; why: string }[] {
  if (seen.has(i)) return [];
  seen.add(i);
  const s = signalAt(policy, i);
  const name = s?.name ?? String(i);
  const own = (a.states[i]?.discounted ?? []).map((x) => ({ evidence: toEvidence(name, x.m, a, policy), why: x.why }));
  return [...own, ...(s?.members ?? []).flatMap((m) => setAside(m, a, policy, seen))];
}

/**
 * The parts of `c` that would have to change for it to come out `want` (it comes out `!want` now):
 * in an `and` that fails, each failing part; in an `or` that fails, any one part (alternatives);
 * `not` turns what is needed around.
 */
export function blame(c: CondC, a: Analysis, src: string, policy: CompiledPolicy, want: boolean): Blame[] {
  const text = src.slice(c.at[0], c.at[1]);
  switch (c.k) {
    case "not":
      return blame(c.item, a, src, policy, !want);
    case "and":
    case "or": {
      // Every part that stands in the way must change (an `and` that must hold, an `or` that must not)…
      if ((c.k === "and") === want) return c.items.filter((x) => holds(x, a) !== want).flatMap((x) => blame(x, a, src, policy, want));
      // …otherwise changing any one part would do.
      const options = c.items.map((x) => blame(x, a, src, policy, want));
      return options.length === 1 ? [...(options[0] as Blame[])] : [{ k: "any", text, want, options }];
    }
    case "signal": {
      const name = signalAt(policy, c.signal)?.name ?? text;
      const counted = (a.states[c.signal]?.counted ?? []).map((m) => toEvidence(name, m, a, policy));
      return [{ k: "signal", text, want, signal: name, counted, discounted: setAside(c.signal, a, policy, new Set()) }];
    }
    case "country-in":
      return [{ k: "country-in", text, want, country: a.country, set: c.set, codes: [...c.codes].sort() }];
    case "country-known":
      return [{ k: "country-known", text, want, country: a.country }];
    case "lang-in":
      return [{ k: "lang-in", text, want, lang: a.lang, codes: [...c.codes].sort() }];
    case "lang-known":
      return [{ k: "lang-known", text, want, lang: a.lang }];
    case "cmp":
      return [{ k: "compare", text, want, left: operand(c.left, a, src, policy), right: operand(c.right, a, src, policy) }];
    case "field-in":
    case "contains":
    case "has":
    case "flag": {
      const f = policy.fields[c.field];
      const tested = c.k === "field-in" || c.k === "contains" ? { set: c.set, values: [...c.values].sort() } : { set: null, values: [] };
      const test = c.k === "field-in" ? "in" : c.k;
      return [{ k: "field", text, want, test, field: f?.path ?? String(c.field), value: plainValue(a.fields[c.field], f?.type), ...tested }];
    }
    case "const":
      return [{ k: "constant", text, want }];
  }
}

/** Why an analysed post did not get `wanted` under `policy`. Pure. */
export function whyNotOf(a: Analysis, policy: CompiledPolicy, wanted: DecisionName): WhyNot {
  const decision = decide(a, policy);
  const deciding = decision.rule;
  const rules = policy.rules
    .filter((r) => r.decision === wanted)
    .map((r): RuleWhyNot => {
      const ok = holds(r.when, a);
      const trace = traceCond(r.when, a, r.whenSource, policy);
      const base = { id: r.id, decision: r.decision, reason: r.reason, holds: ok, trace };
      if (!ok) return { ...base, failed: blame(r.when, a, r.whenSource, policy, true) };
      return r.id === deciding || deciding === null ? { ...base, failed: [] } : { ...base, preemptedBy: deciding, failed: [] };
    });
  let fallback: WhyNot["fallback"];
  if (policy.fallback.decision === wanted && deciding !== null) {
    const blockedBy = policy.rules.filter((r) => holds(r.when, a)).map((r) => ({ id: r.id, decision: r.decision, failed: blame(r.when, a, r.whenSource, policy, false) }));
    fallback = { reason: policy.fallback.reason, blockedBy };
  }
  return { wanted, decision, already: decision.decision === wanted, calls: callsOf(a, policy), rules, ...(fallback ? { fallback } : {}) };
}

/**
 * Why a post did not get the decision `wanted` ("why is this not exempt?"): for each rule that
 * gives that decision, the parts of its condition that failed, with the evidence behind them
 * (signals absent and what was set aside, the country, the values compared and, for counts, which
 * signals held and on which words); a rule that held but came after the deciding one says so.
 * Pure: the same post and policy always give the same answer.
 */
export function whyNot(post: Post, policy: CompiledPolicy, wanted: DecisionName): WhyNot {
  return whyNotOf(analyse(post, policy), policy, wanted);
}
