import type { CompiledPolicy, ContextC, Scope, SignalC } from "../compile/types.js";
import type { Tokens } from "../text/tokenise.js";
import { VIA_TRANSLIT, type LexMatch, type LexMatches } from "../match/index.js";
import { assignTargets, type TargetAssignment } from "./targets.js";

/** What a signal found in a post: the matches that count, and those that did not, with why. */
export interface SignalState {
  readonly counted: LexMatch[];
  readonly discounted: { readonly m: LexMatch; readonly why: string }[];
  /** For a call signal that others are `target-of`: what each of its calls is aimed at. */
  readonly targets?: TargetAssignment;
}

interface Ctx {
  readonly policy: CompiledPolicy;
  readonly tokens: Tokens;
  readonly lex: readonly LexMatch[][];
  /** The normalised text the tokens index. */
  readonly text: string;
  /**
   * Whether transliterated matches may serve as context. Only when the post's language is known
   * (the record's own, or identified): then a transliteration has already been judged plausible in
   * it; otherwise an English "propagandists" could pass for a transliterated Slavic report verb.
   */
  readonly translitContext: boolean;
  readonly states: SignalState[];
  /** Target assignments of call signals, made once per post when first needed. */
  readonly targets: Map<number, { assignment: TargetAssignment; pre: Map<number, { counted: LexMatch[]; discounted: { m: LexMatch; why: string }[] }> }>;
}

function unitOf(tokens: Tokens, scope: Scope): Uint32Array | null {
  return scope === "clause" ? tokens.clause : scope === "sentence" ? tokens.sentence : null;
}

/** True when `x` lies within the window of `m`: N words before, N after, or anywhere in the unit. */
function inWindow(tokens: Tokens, m: LexMatch, x: LexMatch, scope: Scope, before: number | undefined, after: number | undefined, overlapCounts = false): boolean {
  const unit = unitOf(tokens, scope);
  if (unit && unit[x.t0] !== unit[m.t0]) return false;
  // For a context cue, the candidate owns its words: a cue strictly inside it ("should NOT be
  // illegal" within a call phrase) is part of the call, not context around it; a cue that covers it
  // (the idiom "kill time" around "kill") is context. For `near`, a target inside the call phrase
  // ("хай усі окупанти здохнуть") is as near as it gets.
  if (before === undefined && after === undefined) {
    const strictlyInside = x.t0 >= m.t0 && x.t1 <= m.t1 && x.t1 - x.t0 < m.t1 - m.t0;
    return overlapCounts || !strictlyInside;
  }
  if (overlapCounts && x.t0 < m.t1 && x.t1 > m.t0) return true;
  if (before !== undefined && x.t1 <= m.t0 && m.t0 - (x.t1 - 1) <= before) return true;
  if (after !== undefined && x.t0 >= m.t1 && x.t0 - m.t1 + 1 <= after) return true;
  return false;
}

/** True when a match of a `stop` lexicon lies between the cue `x` and the candidate `m`. */
function stopped(stop: readonly number[], m: LexMatch, x: LexMatch, ctx: Ctx): boolean {
  if (stop.length === 0) return false;
  const lo = Math.min(x.t1, m.t1);
  const hi = Math.max(x.t0, m.t0);
  return stop.some((l) => (ctx.lex[l] ?? []).some((b) => b.t0 >= lo && b.t1 <= hi));
}

/** The first word of the clause that word `t` is in. */
function firstOfClause(tokens: Tokens, t: number): number {
  const cl = tokens.clause[t];
  let i = t;
  while (i > 0 && tokens.clause[i - 1] === cl) i--;
  return i;
}

/** Why context `c` holds for match `m` (a short phrase for explanations), or null when it does not. */
export function contextHolds(c: ContextC, m: LexMatch, ctx: Ctx): string | null {
  const { tokens } = ctx;
  switch (c.k) {
    case "lexicon":
      for (const l of c.lexicons) {
        for (const x of ctx.lex[l] ?? []) {
          // Context cues are read literally: an English "propagandists" is no transliterated Slavic report verb.
          if (x.via & VIA_TRANSLIT && !ctx.translitContext) continue;
          if (inWindow(tokens, m, x, c.scope, c.before, c.after, c.overlap) && !stopped(c.stop, m, x, ctx)) return `${ctx.policy.index.lexicons[l]} "${tokens.words.slice(x.t0, x.t1).join(" ")}"`;
        }
      }
      return null;
    case "quoted":
      return tokens.quoted[m.t0] ? "inside quotation marks" : null;
    case "clause-start": {
      const cl = tokens.clause[m.t0];
      for (let t = m.t0 - 1; t >= 0 && tokens.clause[t] === cl; t--) {
        const skipped = c.skip.some((l) => (ctx.lex[l] ?? []).some((x) => x.t0 <= t && t < x.t1));
        if (!skipped) return null;
      }
      return "at the start of a clause";
    }
    case "after-colon": {
      // The gap between the clause's first word and the word before it holds the colon, if any.
      const first = firstOfClause(tokens, m.t0);
      if (first === 0) return null;
      const gap = ctx.text.slice(tokens.ends[first - 1] as number, tokens.starts[first] as number);
      return gap.includes(":") ? "after a colon (an attribution)" : null;
    }
    case "hashtag":
      // Every word of the match is one hashtag: "#DeathToPutin" names a topic; "Death to #Putin" is a sentence.
      return m.t1 - m.t0 === 1 && ctx.text.charCodeAt((tokens.starts[m.t0] as number) - 1) === 0x23 ? "a hashtag, naming a topic" : null;
    case "all": {
      const whys: string[] = [];
      for (const i of c.items) {
        const w = contextHolds(i, m, ctx);
        if (w === null) return null;
        whys.push(w);
      }
      return whys.join(" and ");
    }
    case "any":
      for (const i of c.items) {
        const w = contextHolds(i, m, ctx);
        if (w !== null) return w;
      }
      return null;
    case "not":
      return contextHolds(c.item, m, ctx) === null ? c.label : null;
  }
}

const NONE: readonly LexMatch[] = Object.freeze([]);
/** The state of a signal with no candidate at all, the common case, shared rather than built per post. */
const EMPTY: SignalState = Object.freeze({ counted: NONE as LexMatch[], discounted: Object.freeze([]) as unknown as SignalState["discounted"] });

function candidates(s: SignalC, ctx: Ctx): readonly LexMatch[] {
  if (s.members.length === 0) {
    // Read-only: the lexicon's own list serves when it is the only one (most signals, most posts).
    let out: readonly LexMatch[] = NONE;
    for (const l of s.lexicons) {
      const xs = ctx.lex[l];
      if (xs && xs.length > 0) out = out.length === 0 ? xs : out.concat(xs);
    }
    return out;
  }
  const seen = new Set<number>();
  const out: LexMatch[] = [];
  for (const mi of s.members) {
    for (const m of ctx.states[mi]?.counted ?? NONE) {
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
  for (const m of cands) {
    if (s.require) {
      let ok = false;
      for (const c of s.require) if (contextHolds(c, m, ctx) !== null) ok = true;
      if (!ok) {
        discounted.push({ m, why: `needs ${s.require.map((c) => c.label).join(" or ")}` });
        continue;
      }
    }
    let excluded: string | null = null;
    for (const c of s.exclude) {
      excluded = contextHolds(c, m, ctx);
      if (excluded !== null) break;
    }
    if (excluded !== null) {
      discounted.push({ m, why: `excluded: ${excluded}` });
      continue;
    }
    counted.push(m);
  }
  return { counted, discounted };
}

/**
 * The targets of call signal `call` for this post (see targets.ts), computed once for all the
 * signals that are `target-of` it, each after its own require/exclude.
 */
function targetsOf(call: number, ctx: Ctx, lazy: LexMatches | undefined): { assignment: TargetAssignment; pre: Map<number, { counted: LexMatch[]; discounted: { m: LexMatch; why: string }[] }> } {
  let t = ctx.targets.get(call);
  if (t) return t;
  const signals = ctx.policy.signals.filter((x) => x.targetOf === call);
  const calls = ctx.states[call]?.counted ?? NONE;
  if (calls.length === 0) {
    // No call in the post: nothing is aimed at, and no cue needs matching to say so.
    const counted = new Map(signals.map((x) => [x.index, [] as LexMatch[]]));
    const discounted = new Map(signals.map((x) => [x.index, candidates(x, ctx).map((m) => ({ m, why: "no counted call in the same sentence" }))]));
    t = { assignment: { counted, discounted, calls: [] }, pre: new Map() };
    ctx.targets.set(call, t);
    return t;
  }
  lazy?.complete();
  const pre = new Map(signals.map((x) => [x.index, filterCandidates(x, candidates(x, ctx), ctx)]));
  const cs = ctx.policy.signals.find((x) => x.index === call);
  const assignment = assignTargets(calls, signals, (x) => pre.get(x.index)?.counted ?? NONE, cs?.targets ?? null, ctx.lex, ctx.tokens);
  t = { assignment, pre };
  ctx.targets.set(call, t);
  const st = ctx.states[call];
  if (st) ctx.states[call] = { ...st, targets: assignment };
  return t;
}

/**
 * Computes every signal of the policy for one post, in dependency order. A candidate match counts
 * unless a `require` context is missing, an `exclude` context holds, its `near` signal is absent,
 * or (for `target-of`) no counted call is aimed at it.
 */
export function computeSignals(policy: CompiledPolicy, tokens: Tokens, matches: LexMatches | readonly LexMatch[][], text: string, translitContext = false): SignalState[] {
  const states: SignalState[] = new Array(policy.signals.length);
  const lazy = "complete" in matches ? matches : undefined;
  const ctx: Ctx = { policy, tokens, lex: lazy ? lazy.lists : (matches as readonly LexMatch[][]), text, translitContext, states, targets: new Map() };
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
      states[s.index] = counted.length === 0 && discounted.length === 0 ? EMPTY : { counted, discounted };
      continue;
    }
    const cands = candidates(s, ctx);
    if (cands.length === 0) {
      states[s.index] = EMPTY;
      continue;
    }
    // Contexts read the context-only lexicons: match them now (once; the lists fill in place).
    if (s.require || s.exclude.length > 0) lazy?.complete();
    const { counted, discounted } = filterCandidates(s, cands, ctx);
    if (s.near) {
      const near = s.near;
      const other = states[near.signal]?.counted ?? [];
      const kept: LexMatch[] = [];
      for (const m of counted) {
        if (other.some((x) => inWindow(tokens, m, x, near.scope, near.before, near.after, true))) kept.push(m);
        else discounted.push({ m, why: `no ${policy.signals.find((x) => x.index === near.signal)?.name} in the same ${near.scope}` });
      }
      states[s.index] = { counted: kept, discounted };
      continue;
    }
    states[s.index] = { counted, discounted };
  }
  return states;
}
