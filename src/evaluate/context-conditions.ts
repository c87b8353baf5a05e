/**
 * The context conditions of signals (`require`, `exclude`, `near`: a cue within so many words, in
 * the same clause or sentence, negated, inside another match, in a question) checked for one match
 * of a post. Split from signals.ts, which decides with them which matches of each signal count.
 */
import type { CompiledPolicy, ContextC, Scope } from "../compile/types.js";
import { colonBetween, type Tokens } from "../text/tokenise.js";
import { VIA_TRANSLIT, type LexMatch } from "../match/index.js";
import type { ContextIndex } from "./context-index.js";
import type { TargetAssignment } from "./targets.js";
import type { SignalTables } from "./signal-tables.js";

/** No matches: what a lexicon without any in the post reads as. */
export const NONE: readonly LexMatch[] = Object.freeze([]);

/** What a signal found in a post: the matches that count, and those that did not, with why. */
export interface SignalState {
  readonly counted: LexMatch[];
  readonly discounted: { readonly m: LexMatch; readonly why: string }[];
  /** For a call signal that others are `target-of`: what each of its calls is aimed at. */
  readonly targets?: TargetAssignment;
}

/** What the context checks of one post read: the policy, the post's tokens and matches, the signals computed so far. */
export interface Ctx {
  readonly policy: CompiledPolicy;
  /** What the evaluator keeps of the policy's signals between posts (see signal-tables.ts). */
  readonly tables: SignalTables;
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
  /** Range look-ups over the post's matches (see context-index.ts). */
  readonly ix: ContextIndex;
  /** Counted matches of signals, sorted by start word, for `near` windows (built when first needed). */
  readonly sortedCounted: Map<number, readonly LexMatch[]>;
  /** The post's language (the record's own, or identified reliably), or null when not known. */
  readonly lang: string | null;
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
  for (const l of stop) {
    const list = ctx.lex[l] ?? NONE;
    for (let i = ctx.ix.firstFrom(list, lo); i < list.length && (list[i] as LexMatch).t0 < hi; i++) {
      ctx.ix.step();
      if ((list[i] as LexMatch).t1 <= hi) return true;
    }
  }
  return false;
}

/** The lexicons of a policy's target signals (`target-of` a call), built once per policy. */
function targetLexiconsOf(ctx: Ctx): readonly number[] {
  const t = ctx.tables;
  // Only words that name a target by themselves: a relative word or a pronoun that names one only
  // with what follows it (a signal with `require`) is no target a negation is about ("Nie chcę ich zabijać").
  t.targetLexicons ??= [...new Set(ctx.policy.signals.filter((s) => s.targetOf !== null && t.contextsOf(s).require === null).flatMap((s) => s.lexicons))];
  return t.targetLexicons;
}

/** How many words may stand between a contrasted cue and the target it is about ("not THE civilians"). */
const CONTRAST_REACH = 1;

/**
 * True when cue `x` (a negation) is about a target right after it that a contrast word answers
 * later in the sentence, before candidate `m` is reached or after it: "Не цивільних треба вбивати,
 * а окупантів", "Not the civilians should be killed but the invaders". The negation then picks
 * whom the call is for (the targets spare X), and does not negate the call.
 */
function contrastive(x: LexMatch, m: LexMatch, contrast: readonly number[], ctx: Ctx): boolean {
  const { tokens, ix } = ctx;
  const s = tokens.sentence[x.t0];
  let after = -1;
  for (const l of targetLexiconsOf(ctx)) {
    const list = ctx.lex[l] ?? NONE;
    const t = list[ix.firstFrom(list, x.t1)];
    if (t && t.t0 - x.t1 <= CONTRAST_REACH && t.t1 <= m.t0 && tokens.sentence[t.t0] === s) after = after < 0 ? t.t1 : Math.min(after, t.t1);
  }
  if (after < 0) return false;
  for (const l of contrast) {
    const list = ctx.lex[l] ?? NONE;
    const y = list[ix.firstFrom(list, after)];
    if (y && tokens.sentence[y.t0] === s) return true;
  }
  return false;
}

/**
 * The first match of lexicon list `list` that stands in context `c` around candidate `m`, or
 * undefined. Only the matches that can lie in the window are visited: from a binary search to the
 * window's end (a window of words), or the matches of the candidate's unit (a scope); in a unit,
 * once a match outside the candidate itself is found the answer is known.
 */
export function cueIn(list: readonly LexMatch[], c: Extract<ContextC, { k: "lexicon" }>, m: LexMatch, ctx: Ctx, translitOk = ctx.translitContext): LexMatch | undefined {
  const { tokens, ix } = ctx;
  const windowed = c.before !== undefined || c.after !== undefined;
  let from: number;
  let to: number;
  if (windowed) {
    // A cue before the candidate ends at most `before` words before it, so it starts at most its
    // own width earlier still; one overlapping the candidate starts no earlier than that either.
    from = m.t0 - (c.before ?? 0) - ix.widestOf(list);
    to = c.after !== undefined ? m.t1 + c.after : m.t1;
    const [us, ue] = ix.unitRange(m.t0, c.scope);
    from = Math.max(from, us);
    to = Math.min(to, ue);
  } else [from, to] = ix.unitRange(m.t0, c.scope);
  for (let i = ix.firstFrom(list, from); i < list.length; i++) {
    const x = list[i] as LexMatch;
    if (x.t0 >= to) break;
    ix.step();
    // Context cues are read literally: an English "propagandists" is no transliterated Slavic report verb.
    if (x.via & VIA_TRANSLIT && !translitOk) continue;
    if (!inWindow(tokens, m, x, c.scope, c.before, c.after, c.overlap) || stopped(c.stop, m, x, ctx)) continue;
    if (c.contrast.length > 0 && contrastive(x, m, c.contrast, ctx)) continue;
    if (c.alone && !aloneInClause(x, ctx)) continue;
    if (c.negatedBy.length > 0 && negated(x, c.negatedBy, ctx)) continue;
    if (c.outside.length > 0 && inside(x, c.outside, ctx)) continue;
    return x;
  }
  return undefined;
}

/** True when cue `x` makes up its clause by itself ("No." after a quoted call). */
function aloneInClause(x: LexMatch, ctx: Ctx): boolean {
  const [first, end] = ctx.ix.unitRange(x.t0, "clause");
  return first === x.t0 && end === x.t1;
}

/** How many words before a cue a negator may stand and still negate it ("I do NOT really condemn"). */
const NEGATED_REACH = 2;

/**
 * True when a match of the `by` lexicons ends at most NEGATED_REACH words before cue `x`, in its
 * clause: "I don't condemn", "это не преступление", "не шучу" say the opposite of the cue.
 */
function negated(x: LexMatch, by: readonly number[], ctx: Ctx): boolean {
  const [first] = ctx.ix.unitRange(x.t0, "clause");
  // A cue that holds a negator of its own ("nie wolno") takes one before it as concord, not as its
  // negation: "nikogo nie wolno" still forbids.
  for (const l of by) {
    const list = ctx.lex[l] ?? NONE;
    const i = ctx.ix.firstFrom(list, x.t0);
    if (i < list.length && (list[i] as LexMatch).t0 < x.t1) return false;
  }
  for (const l of by) {
    const list = ctx.lex[l] ?? NONE;
    const from = Math.max(first, x.t0 - NEGATED_REACH - ctx.ix.widestOf(list));
    for (let i = ctx.ix.firstFrom(list, from); i < list.length && (list[i] as LexMatch).t0 < x.t0; i++) {
      ctx.ix.step();
      const y = list[i] as LexMatch;
      if (y.t1 <= x.t0 && x.t0 - y.t1 < NEGATED_REACH) return true;
    }
  }
  return false;
}

/** True when cue `x` lies within a match of the `outer` lexicons ("ruski mir", an idea, holds no "ruski"). */
function inside(x: LexMatch, outer: readonly number[], ctx: Ctx): boolean {
  for (const l of outer) {
    const list = ctx.lex[l] ?? NONE;
    for (let i = ctx.ix.firstFrom(list, x.t0 - ctx.ix.widestOf(list) + 1); i < list.length && (list[i] as LexMatch).t0 <= x.t0; i++) {
      ctx.ix.step();
      if ((list[i] as LexMatch).t1 >= x.t1) return true;
    }
  }
  return false;
}

/** True when the text after the last word of word `t`'s sentence, up to the next word, holds a question mark. */
function inQuestion(ctx: Ctx, t: number): boolean {
  const [, end] = ctx.ix.unitRange(t, "sentence");
  const from = ctx.tokens.ends[end - 1] as number;
  const to = end < ctx.tokens.words.length ? (ctx.tokens.starts[end] as number) : ctx.text.length;
  return /[?\uff1f]/.test(ctx.text.slice(from, to));
}

/**
 * Whether context `c` holds for match `m`: {@link contextHolds} without its phrase. Most candidates
 * are counted or discounted without anyone reading why, so the phrase (a lexicon's name and the
 * cue's words, joined) is made only for the one context that discounts a candidate; the answer is
 * the same as `contextHolds(c, m, ctx) !== null`, case by case.
 */
export function holds(c: ContextC, m: LexMatch, ctx: Ctx): boolean {
  switch (c.k) {
    case "lexicon": {
      // Index loops: see the note above candidates().
      const lexicons = c.lexicons;
      for (let i = 0; i < lexicons.length; i++) if (cueIn(ctx.lex[lexicons[i] as number] ?? NONE, c, m, ctx)) return true;
      return false;
    }
    case "all": {
      const items = c.items;
      for (let i = 0; i < items.length; i++) if (!holds(items[i] as ContextC, m, ctx)) return false;
      return true;
    }
    case "any": {
      const items = c.items;
      for (let i = 0; i < items.length; i++) if (holds(items[i] as ContextC, m, ctx)) return true;
      return false;
    }
    case "not":
      return !holds(c.item, m, ctx);
    default:
      return contextHolds(c, m, ctx) !== null;
  }
}

/** Why context `c` holds for match `m` (a short phrase for explanations), or null when it does not. */
export function contextHolds(c: ContextC, m: LexMatch, ctx: Ctx): string | null {
  const { tokens } = ctx;
  switch (c.k) {
    case "lexicon":
      for (const l of c.lexicons) {
        const x = cueIn(ctx.lex[l] ?? NONE, c, m, ctx);
        if (x) return `${ctx.policy.index.lexicons[l]} "${tokens.words.slice(x.t0, x.t1).join(" ")}"`;
      }
      return null;
    case "quoted":
      return tokens.quoted[m.t0] ? "inside quotation marks" : null;
    case "question":
      return inQuestion(ctx, m.t0) ? "in a question" : null;
    case "clause-start": {
      // Opens its clause when every word before it in the clause is an opener word ("so", "and").
      const [first] = ctx.ix.unitRange(m.t0, "clause");
      if (m.t0 === first) return "at the start of a clause";
      return ctx.ix.openBefore(c.skip, ctx.lex, m.t0 - 1) < first ? "at the start of a clause" : null;
    }
    case "after-colon": {
      // The gap between the clause's first word and the word before it holds the colon, if any.
      const [first] = ctx.ix.unitRange(m.t0, "clause");
      return first > 0 && colonBetween(tokens, ctx.text, first - 1, first) ? "after a colon (an attribution)" : null;
    }
    case "before-colon": {
      // "'Hang them all': inside the…": a clause that a colon ends, with words after it, is a title.
      const [, end] = ctx.ix.unitRange(m.t0, "clause");
      return end < tokens.words.length && colonBetween(tokens, ctx.text, end - 1, end) ? "before a colon (a title)" : null;
    }
    case "hashtag":
      // Every word of the match is one hashtag: "#DeathToPutin" names a topic; "Death to #Putin" is a sentence.
      // (A match at the text's start has nothing before it: charCodeAt(-1) would be NaN, read out of bounds.)
      return m.t1 - m.t0 === 1 && (tokens.starts[m.t0] as number) > 0 && ctx.text.charCodeAt((tokens.starts[m.t0] as number) - 1) === 0x23 ? "a hashtag, naming a topic" : null;
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
