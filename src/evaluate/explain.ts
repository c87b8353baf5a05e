import type { CompiledPolicy, CondC, FieldC, FieldValue, SignalC, ValueC } from "../compile/types.js";
import type { DecisionName } from "../base/decisions.js";
import { analyse, decide, holds, valueOf, toEvidence, type Analysis, type Decision, type Evidence, type Post } from "./evaluate.js";
import type { TargetRole } from "./targets.js";

/**
 * How one part of a condition evaluated: the source text, its value, and its parts. A condition's
 * value is its truth; a count's, its number; a record field's, the language's or a text or date
 * setting's (marked `operand`), the value itself: text, a number, true or false, a list, a date in
 * ISO 8601, or null when the record lacks it.
 */
export interface CondTrace {
  readonly text: string;
  readonly value: boolean | number | string | readonly string[] | null;
  readonly operand?: true;
  readonly children?: readonly CondTrace[];
}

/** A declared record field and its value in the post (null: absent). */
export interface FieldTrace {
  readonly path: string;
  readonly type: FieldC["type"];
  readonly value: string | number | boolean | readonly string[] | null;
}

/** A setting of the policy, its value in this run, and the policy's own value when `--set` changed it. */
export interface SettingTrace {
  readonly name: string;
  readonly value: number | boolean | string;
  readonly policyValue?: number | boolean | string;
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

/** One call found in a post: its words, its frame, whom it is aimed at, and how credible. */
export interface CallTrace {
  /** The call signal that counted it (e.g. violent-call). */
  readonly signal: string;
  /** The words of the call. */
  readonly call: Evidence;
  /** Its frame (imperative, modal, wish…): the `frame` of the signal that found it. */
  readonly frame: string | undefined;
  /** Every target candidate in its reach, with its role: target, antecedent, victim or spared. */
  readonly targets: readonly { readonly evidence: Evidence; readonly role: TargetRole; readonly why: string | undefined }[];
  /** Indicators of credibility near it (signals `near` the call signal, in its sentence). */
  readonly credibility: readonly Evidence[];
}

/** A decision with the full account of how it was reached. */
export interface Explanation extends Decision {
  /** The language the post was read in: the identifier's best guess and whether it is reliable. */
  readonly language: { readonly lang: string | null; readonly guess: string | null; readonly reliable: boolean; readonly candidates: readonly (readonly [string, number])[] };
  readonly calls: readonly CallTrace[];
  readonly signals: readonly SignalTrace[];
  readonly rules: readonly RuleTrace[];
  /** The record fields the policy declares, with their values. */
  readonly fields: readonly FieldTrace[];
  /** The policy's settings as this run used them. */
  readonly settings: readonly SettingTrace[];
}

/**
 * The signal with compiled index `i`. `policy.signals` is in evaluation order (a signal after those
 * it depends on), which is not the order of definition once a signal is used before it is defined
 * (a call frame in an included file that the union in signals.yaml names): look it up by its index.
 */
export function signalAt(policy: CompiledPolicy, i: number): SignalC | undefined {
  const s = policy.signals[i];
  return s?.index === i ? s : policy.signals.find((x) => x.index === i);
}

/** The calls of a post, for every call signal whose targets were resolved (see targets.ts). */
export function callsOf(a: Analysis, policy: CompiledPolicy): CallTrace[] {
  const out: CallTrace[] = [];
  for (const cs of policy.signals) {
    const st = a.states[cs.index];
    if (!st || st.counted.length === 0 || !policy.signals.some((s) => s.targetOf === cs.index)) continue;
    const near = policy.signals.filter((s) => s.near?.signal === cs.index);
    // One call per stretch of words: "must be shot" found as a phrase and "shot" as a participle are one call.
    const longest = [...st.counted].sort((x, y) => x.t0 - y.t0 || y.t1 - x.t1).filter((c, i, all) => !all.slice(0, i).some((o) => o.t0 <= c.t0 && c.t1 <= o.t1));
    for (const c of longest) {
      const member = cs.members.map((m) => signalAt(policy, m)).find((m) => m && (a.states[m.index]?.counted ?? []).some((x) => x.t0 === c.t0 && x.t1 === c.t1));
      const sent = a.tokens.sentence[c.t0];
      const roles = st.targets?.calls.find((x) => x.call === c)?.roles ?? [];
      out.push({
        signal: cs.name,
        call: toEvidence(member?.name ?? cs.name, c, a, policy),
        frame: member?.frame ?? cs.frame,
        targets: roles.map((r) => ({ evidence: toEvidence(signalAt(policy, r.signal)?.name ?? "", r.m, a, policy), role: r.role, why: r.why })),
        credibility: near.flatMap((s) => (a.states[s.index]?.counted ?? []).filter((m) => a.tokens.sentence[m.t0] === sent).map((m) => toEvidence(s.name, m, a, policy))),
      });
    }
  }
  return out;
}

/** A field value as plain data: a date in ISO 8601, absent as null. */
export function plainValue(v: FieldValue | undefined, type: FieldC["type"] | undefined): string | number | boolean | readonly string[] | null {
  if (v === undefined) return null;
  if (type !== "date" || typeof v !== "number") return v;
  // A day at midnight UTC as the day alone, as dates are usually written.
  return new Date(v).toISOString().replace(/T00:00:00\.000Z$/, "");
}

function traceValue(n: ValueC, a: Analysis, src: string, policy: CompiledPolicy | undefined): CondTrace {
  const text = src.slice(n.at[0], n.at[1]);
  const v = valueOf(n, a);
  if (n.k === "value" || n.k === "count" || n.k === "matches") return { text, value: v as number };
  if (n.k === "date") return { text, value: n.text, operand: true };
  const type = n.k === "field" ? policy?.fields[n.field]?.type : undefined;
  return { text, value: plainValue(v, type), operand: true };
}

/** The one field a field condition reads, as an operand of its trace. */
function fieldOperand(field: number, a: Analysis, policy: CompiledPolicy | undefined): CondTrace {
  const f = policy?.fields[field];
  return { text: f?.path ?? String(field), value: plainValue(a.fields[field], f?.type), operand: true };
}

/**
 * Evaluates a condition, recording each part's value (for explanations and "why not"). Given the
 * policy, the parts that read record fields show the fields' values too.
 */
export function traceCond(c: CondC, a: Analysis, src: string, policy?: CompiledPolicy): CondTrace {
  const text = src.slice(c.at[0], c.at[1]);
  switch (c.k) {
    case "or":
    case "and":
    case "not": {
      const items = c.k === "not" ? [c.item] : c.items;
      return { text, value: holds(c, a), children: items.map((x) => traceCond(x, a, src, policy)) };
    }
    case "cmp":
      return { text, value: holds(c, a), children: [traceValue(c.left, a, src, policy), traceValue(c.right, a, src, policy)] };
    case "field-in":
    case "contains":
    case "has":
    case "flag":
      return { text, value: holds(c, a), children: [fieldOperand(c.field, a, policy)] };
    default:
      return { text, value: holds(c, a) };
  }
}

/** The policy's declared fields with their values in the post. */
export function fieldsOf(a: Analysis, policy: CompiledPolicy): FieldTrace[] {
  return policy.fields.map((f, i) => ({ path: f.path, type: f.type, value: plainValue(a.fields[i], f.type) }));
}

/** The policy's settings as the run uses them, with the policy's own value of those `--set` changed. */
export function settingsOf(policy: CompiledPolicy): SettingTrace[] {
  return [...policy.settings].map(([name, value]) => {
    const own = policy.settingsSet?.get(name);
    return own === undefined ? { name, value } : { name, value, policyValue: own };
  });
}

/** Classifies a post and explains it: signals with their evidence, and each rule tried. */
export function explain(post: Post, policy: CompiledPolicy): Explanation {
  const a = analyse(post, policy);
  const d = decide(a, policy);
  const rules: RuleTrace[] = [];
  for (const r of policy.rules) {
    const ok = holds(r.when, a);
    rules.push({ id: r.id, decision: r.decision, holds: ok, trace: traceCond(r.when, a, r.whenSource, policy) });
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
  const g = a.language.guess;
  const language = { lang: a.lang, guess: g?.best ?? null, reliable: g?.reliable ?? false, candidates: (g?.scores ?? []).slice(0, 3) };
  return { ...d, language, calls: callsOf(a, policy), signals, rules, fields: fieldsOf(a, policy), settings: settingsOf(policy) };
}
