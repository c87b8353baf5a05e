import type { CompiledPolicy, ContextC, SignalC } from "../compile/types.js";
import { VIA_TRANSLIT, type LexMatch, type LexMatches } from "../match/index.js";
import type { Tokens } from "../text/tokenise.js";
import { contextHolds, type Ctx, cueIn, holds, NONE, type SignalState } from "./context-conditions.js";
import { ContextIndex, type WorkMeter } from "./context-index.js";
import { assignTargets, type TargetAssignment } from "./targets.js";
import { signalTables } from "./signal-tables.js";

export type { SignalState } from "./context-conditions.js";

/**
 * A signal's state, always in this one shape (`targets` undefined but for a call signal others are
 * `target-of`): the rules and the `near` and `target-of` signals read `states[i].counted` of any
 * signal, and with several shapes (a frozen one, one with `targets` added) each shape first met
 * after V8 had optimised computeSignals threw that code away (two recompilations of it per run).
 */
function state(counted: LexMatch[], discounted: SignalState["discounted"], targets: TargetAssignment | undefined = undefined): SignalState {
  return { counted, discounted, targets };
}
/**
 * The state of a signal with no candidate at all, the common case, shared rather than built per
 * post. Not frozen, for the shape above; nothing writes to a state (all its fields are readonly).
 */
const EMPTY: SignalState = state(NONE as LexMatch[], NONE as unknown as SignalState["discounted"]);

/** A signal's counted matches sorted by start word (a union lists them member by member). */
function sortedCounted(signal: number, ctx: Ctx): readonly LexMatch[] {
  let list = ctx.sortedCounted.get(signal);
  if (!list) {
    list = [...(ctx.states[signal]?.counted ?? NONE)].sort((a, b) => a.t0 - b.t0);
    ctx.sortedCounted.set(signal, list);
  }
  return list;
}

// The loops over match lists below are index loops, not `for…of`: the lists include the shared
// frozen empty one (NONE), and over arrays of more than one kind TurboFan does not inline the array
// iterator, calling its builtin for every element instead (a million calls a 20,000-post run here).
function candidates(s: SignalC, ctx: Ctx): readonly LexMatch[] {
  if (s.members.length === 0) {
    // Read-only: the lexicon's own list serves when it is the only one (most signals, most posts).
    let out: readonly LexMatch[] = NONE;
    const lexicons = s.lexicons;
    for (let i = 0; i < lexicons.length; i++) {
      const xs = ctx.lex[lexicons[i] as number];
      if (xs && xs.length > 0) out = out.length === 0 ? xs : out.concat(xs);
    }
    return out;
  }
  const seen = new Set<number>();
  const out: LexMatch[] = [];
  const members = s.members;
  for (let i = 0; i < members.length; i++) {
    const counted = ctx.states[members[i] as number]?.counted ?? NONE;
    for (let j = 0; j < counted.length; j++) {
      const m = counted[j] as LexMatch;
      // Word spans are far below 2^21 words long: one number is a unique key for [t0, t1).
      const k = m.t0 * 2097152 + m.t1;
      if (!seen.has(k)) {
        seen.add(k);
        out.push(m);
      }
    }
  }
  return out;
}

/** Applies a signal's `require` and `exclude` contexts to its candidates. */
function filterCandidates(s: SignalC, cands: readonly LexMatch[], ctx: Ctx): { counted: LexMatch[]; discounted: { m: LexMatch; why: string }[] } {
  const counted: LexMatch[] = [];
  const discounted: { m: LexMatch; why: string }[] = [];
  const { require, exclude } = ctx.tables.contextsOf(s);
  for (let i = 0; i < cands.length; i++) {
    const m = cands[i] as LexMatch;
    if (require) {
      let ok = false;
      // Every context is tried, even after one held: a look-up moves the context index's cursors,
      // and the steps it counts (the linear-cost tests) stay what they were.
      for (let j = 0; j < require.length; j++) if (holds(require[j] as ContextC, m, ctx)) ok = true;
      if (!ok) {
        discounted.push({ m, why: `needs ${require.map((c) => c.label).join(" or ")}` });
        continue;
      }
    }
    let excluded: ContextC | undefined;
    for (let j = 0; j < exclude.length && excluded === undefined; j++) if (holds(exclude[j] as ContextC, m, ctx)) excluded = exclude[j];
    if (excluded !== undefined) {
      discounted.push({ m, why: `excluded: ${contextHolds(excluded, m, ctx) as string}` });
      continue;
    }
    counted.push(m);
  }
  return { counted, discounted };
}

/**
 * A word of the post's own language that a target term of that language matches literally is not
 * read again as a transliteration of another language's target term: the Slovak "rusák" (a
 * Russian) is not the Ukrainian "русак" (a Russian soldier) written in Latin letters. Such a
 * transliterated candidate starting at the same word is discounted. Linear: one pass to collect
 * the literal matches' first words, one to test the others.
 */
function yieldToNative(pre: Map<number, { counted: LexMatch[]; discounted: { m: LexMatch; why: string }[] }>, lang: string, ctx: Ctx): void {
  const native = new Set<number>();
  for (const { counted } of pre.values()) {
    for (const m of counted) {
      if ((m.via & VIA_TRANSLIT) === 0 && m.lang === lang) native.add(m.t0);
    }
  }
  if (native.size === 0) return;
  const yields = (m: LexMatch): boolean => (m.via & VIA_TRANSLIT) !== 0 && m.lang !== lang && native.has(m.t0);
  for (const st of pre.values()) {
    if (!st.counted.some(yields)) continue;
    const kept: LexMatch[] = [];
    for (const m of st.counted) {
      if (yields(m)) st.discounted.push({ m, why: `a ${lang} word, read as one: not a transliteration of a ${m.lang} term` });
      else kept.push(m);
    }
    st.counted = kept;
  }
  ctx.ix.step();
}

function noCall(m: LexMatch): { m: LexMatch; why: string } {
  return { m, why: "no counted call in the same sentence" };
}

/** Per call signal, the signals that are `target-of` it, in policy order: built once per policy, not filtered per post. */
function targetSignalsOf(ctx: Ctx, call: number): readonly SignalC[] {
  let bySignal = ctx.tables.targetSignals;
  if (!bySignal) {
    const lists: SignalC[][] = [];
    for (const s of ctx.policy.signals) if (s.targetOf !== null) (lists[s.targetOf] ??= []).push(s);
    ctx.tables.targetSignals = bySignal = lists;
  }
  return bySignal[call] ?? NONE_SIGNALS;
}

const NONE_SIGNALS: readonly SignalC[] = [];

/**
 * The targets of call signal `call` for this post (see targets.ts), computed once for all the
 * signals that are `target-of` it, each after its own require/exclude.
 */
function targetsOf(call: number, ctx: Ctx, lazy: LexMatches | undefined): { assignment: TargetAssignment; pre: Map<number, { counted: LexMatch[]; discounted: { m: LexMatch; why: string }[] }> } {
  let t = ctx.targets.get(call);
  if (t) return t;
  const signals = targetSignalsOf(ctx, call);
  const calls = ctx.states[call]?.counted ?? NONE;
  // Maps filled by loops, not `new Map(signals.map(…))`: no pair array per signal, and no iterator.
  if (calls.length === 0) {
    // No call in the post: nothing is aimed at, and no cue needs matching to say so.
    const counted = new Map<number, LexMatch[]>();
    const discounted = new Map<number, { m: LexMatch; why: string }[]>();
    for (let i = 0; i < signals.length; i++) {
      const x = signals[i] as SignalC;
      counted.set(x.index, []);
      discounted.set(x.index, candidates(x, ctx).map(noCall));
    }
    t = { assignment: { counted, discounted, calls: [] }, pre: new Map() };
    ctx.targets.set(call, t);
    return t;
  }
  lazy?.complete();
  const pre = new Map<number, { counted: LexMatch[]; discounted: { m: LexMatch; why: string }[] }>();
  for (let i = 0; i < signals.length; i++) {
    const x = signals[i] as SignalC;
    pre.set(x.index, filterCandidates(x, candidates(x, ctx), ctx));
  }
  if (ctx.lang !== null) yieldToNative(pre, ctx.lang, ctx);
  const cs = ctx.tables.byIndex[call];
  const assignment = assignTargets(calls, signals, (x) => pre.get(x.index)?.counted ?? NONE, (x) => ctx.tables.contextsOf(x).require === null, cs?.targets ?? null, ctx.lex, ctx.tokens, ctx.text);
  t = { assignment, pre };
  ctx.targets.set(call, t);
  const st = ctx.states[call];
  if (st) ctx.states[call] = state(st.counted, st.discounted, assignment);
  return t;
}

/**
 * The state of a signal with a `near` condition: its counted matches with no match of the `near`
 * signal in the window are discounted. Its own function, and `kept` made by `filter` (an array of
 * `counted`'s element kind, never an empty literal that turns from small integers to objects at
 * its first push), because few posts reach it: the code TurboFan had built for computeSignals
 * before one did was thrown away and rebuilt, once for the branch and once more for the list.
 */
function nearState(near: NonNullable<SignalC["near"]>, counted: LexMatch[], discounted: SignalState["discounted"], ctx: Ctx): SignalState {
  const other = sortedCounted(near.signal, ctx);
  const window: Extract<ContextC, { k: "lexicon" }> = { k: "lexicon", lexicons: [], before: near.before, after: near.after, scope: near.scope, overlap: true, stop: [], contrast: [], negatedBy: [], outside: [], alone: false, label: "" };
  const kept = counted.filter((m) => {
    if (cueIn(other, window, m, ctx, true)) return true;
    discounted.push({ m, why: `no ${ctx.tables.byIndex[near.signal]?.name} in the same ${near.scope}` });
    return false;
  });
  return state(kept, discounted);
}

/**
 * Computes every signal of the policy for one post, in dependency order. A candidate match counts
 * unless a `require` context is missing, an `exclude` context holds, its `near` signal is absent,
 * or (for `target-of`) no counted call is aimed at it.
 */
export function computeSignals(policy: CompiledPolicy, tokens: Tokens, matches: LexMatches | readonly LexMatch[][], text: string, translitContext = false, meter?: WorkMeter, lang: string | null = null): SignalState[] {
  const states: SignalState[] = new Array(policy.signals.length);
  const lazy = "complete" in matches ? matches : undefined;
  const tables = signalTables(policy);
  const ctx: Ctx = { policy, tables, tokens, lex: lazy ? lazy.lists : (matches as readonly LexMatch[][]), text, translitContext, states, ix: new ContextIndex(tokens, meter), sortedCounted: new Map(), lang, targets: new Map() };
  for (const s of policy.signals) {
    if (s.targetOf !== null) {
      // No call, no target: the common case costs nothing.
      if ((states[s.targetOf]?.counted.length ?? 0) === 0 && candidates(s, ctx).length === 0) {
        states[s.index] = EMPTY;
        continue;
      }
      const { assignment, pre } = targetsOf(s.targetOf, ctx, lazy);
      const own = pre.get(s.index);
      const counted = assignment.counted.get(s.index) ?? [];
      const discounted = [...(own?.discounted ?? []), ...(assignment.discounted.get(s.index) ?? [])];
      states[s.index] = counted.length === 0 && discounted.length === 0 ? EMPTY : state(counted, discounted);
      continue;
    }
    const cands = candidates(s, ctx);
    if (cands.length === 0) {
      states[s.index] = EMPTY;
      continue;
    }
    // Contexts read the context-only lexicons: match them now (once; the lists fill in place).
    const contexts = tables.contextsOf(s);
    if (contexts.require || contexts.exclude.length > 0) lazy?.complete();
    const { counted, discounted } = filterCandidates(s, cands, ctx);
    states[s.index] = s.near ? nearState(s.near, counted, discounted, ctx) : state(counted, discounted);
  }
  return states;
}
