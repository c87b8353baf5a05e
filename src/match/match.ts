import { oneTypo, oneTypoStem } from "./fuzzy.js";
import type { LexiconIndex } from "./lexicon-index.js";
import type { TermPart, WordPattern } from "./terms.js";
import { splitByLexicon, translitVia, VIA_GLUED, VIA_SHORT, VIA_STRETCHED, VIA_TYPO, type Candidate, type Split, WordCandidates, type WordInfo } from "./word-candidates.js";
import type { Tokens } from "../text/tokenise.js";
import { readsAs } from "../text/keys.js";

export { VIA_GLUED, VIA_SHORT, VIA_STRETCHED, VIA_TRANSLIT, VIA_TYPO } from "./word-candidates.js";

/** A match of one lexicon term (or pattern) over words [t0, t1) of a post. */
export interface LexMatch {
  readonly lexicon: number;
  readonly source: string;
  readonly lang: string;
  readonly t0: number;
  readonly t1: number;
  /** Span in the normalised text. */
  readonly start: number;
  readonly end: number;
  /** VIA_* bits: which lookup views the match needed. */
  readonly via: number;
}

/** One post's words with what the index knows of each (lookup keys, anchor candidates). */
interface Words {
  readonly tokens: Tokens;
  readonly info: readonly WordInfo[];
  /** Whether a confirmed match counts (its language, its lexicon's `except` words); all do when absent. */
  readonly accept: ((m: LexMatch) => boolean) | undefined;
  /** False when no match through a short transliteration key can count (see findMatches). */
  readonly short: (() => boolean) | undefined;
}

function prepare(tokens: Tokens, wc: WordCandidates, accept: ((m: LexMatch) => boolean) | undefined, short: (() => boolean) | undefined): Words {
  const info: WordInfo[] = [];
  for (const w of tokens.words) info.push(wc.info(w));
  return { tokens, info, accept, short };
}

/** 0 if word i does not match pattern p; else 1 + VIA bits. */
function wordMatch(ws: Words, i: number, p: WordPattern, fuzzy: boolean): number {
  const w = ws.tokens.words[i] as string;
  if (p.stem ? w.startsWith(p.key) : w === p.key) return 1;
  const { sq, tr, trh } = ws.info[i] as WordInfo;
  if (sq !== undefined && (p.stem ? sq.startsWith(p.sq) : sq === p.sq)) return 1 + VIA_STRETCHED;
  if (tr !== undefined && p.tr !== undefined && (p.stem ? tr.startsWith(p.tr) : tr === p.tr)) return 1 + translitVia(p);
  // Ukrainian "h" for г ("voroham"): a guess about the writer's system, so only in a transliteration.
  if (trh !== undefined && p.tr !== undefined && (p.stem ? trh.startsWith(p.tr) : trh === p.tr)) return 1 + (translitVia(p) | VIA_SHORT);
  if (fuzzy && (p.stem ? oneTypoStem(w, p.key) : oneTypo(w, p.key))) return 1 + VIA_TYPO;
  // A letter hidden behind a symbol ("rꞈssian" for "r*ssian"): the censored transformer flags it.
  if ((ws.info[i] as WordInfo).wild && readsAs(w, p.key, p.stem)) return 1;
  return 0;
}

/** True when word i may be skipped by gap p: it exists, is in the sentence and is not excluded. */
function skippable(ws: Words, p: Extract<TermPart, { kind: "gap" }>, i: number, sentence: number): boolean {
  if (i < 0 || i >= ws.tokens.words.length || ws.tokens.sentence[i] !== sentence) return false;
  return p.not === undefined || !p.not.includes(ws.tokens.words[i] as string);
}

// Results of the two walks are packed into one number, word index * 32 + VIA bits (NO when the
// term does not match): the walks run for every candidate of every word, and tuples cost garbage.
const NO = -1;
const VIA_BITS = 32;

/** Matches parts[k..] forwards from word i; returns (end word, exclusive) * 32 + via bits, or NO. */
function matchForward(ws: Words, parts: readonly TermPart[], k: number, i: number, sentence: number, via: number, fuzzy: boolean): number {
  if (k === parts.length) return i * VIA_BITS + via;
  const p = parts[k] as TermPart;
  if (p.kind === "gap") {
    for (let skip = 0; skip <= p.max; skip++) {
      // A gap never skips a word it excludes ("~4!nie"), nor past the end of the sentence.
      if (skip > 0 && !skippable(ws, p, i + skip - 1, sentence)) return NO;
      const r = matchForward(ws, parts, k + 1, i + skip, sentence, via, fuzzy);
      if (r !== NO) return r;
    }
    return NO;
  }
  const { tokens } = ws;
  if (i >= tokens.words.length || tokens.sentence[i] !== sentence) return NO;
  const m = wordMatch(ws, i, p, fuzzy);
  if (m !== 0) return matchForward(ws, parts, k + 1, i + 1, sentence, via | (m - 1), fuzzy);
  // Two words of a phrase run together ("deserve todie"): this word is this part and the next.
  const next = parts[k + 1];
  const w = tokens.words[i] as string;
  if (!p.stem && next?.kind === "word" && w.length > p.key.length && w.startsWith(p.key)) {
    const rest = w.slice(p.key.length);
    if (next.stem ? rest.startsWith(next.key) : rest === next.key) return matchForward(ws, parts, k + 2, i + 1, sentence, via | VIA_GLUED, fuzzy);
  }
  return NO;
}

/** Matches parts[k..0] backwards, part k against word i; returns start word * 32 + via bits, or NO. */
function matchBackward(ws: Words, parts: readonly TermPart[], k: number, i: number, sentence: number, via: number, fuzzy: boolean): number {
  if (k < 0) return (i + 1) * VIA_BITS + via;
  const p = parts[k] as TermPart;
  if (p.kind === "gap") {
    for (let skip = 0; skip <= p.max; skip++) {
      if (skip > 0 && !skippable(ws, p, i - skip + 1, sentence)) return NO;
      const r = matchBackward(ws, parts, k - 1, i - skip, sentence, via, fuzzy);
      if (r !== NO) return r;
    }
    return NO;
  }
  if (i < 0 || ws.tokens.sentence[i] !== sentence) return NO;
  const m = wordMatch(ws, i, p, fuzzy);
  return m === 0 ? NO : matchBackward(ws, parts, k - 1, i - 1, sentence, via | (m - 1), fuzzy);
}

/**
 * The per-word memo of each index (see {@link WordCandidates}). It belongs to the matcher, not to the
 * compiled policy: the index stays immutable, and the memo (a pure function's cache, bounded) goes
 * when the index does.
 */
const memos = new WeakMap<LexiconIndex, WordCandidates>();

function candidatesOf(index: LexiconIndex): WordCandidates {
  let wc = memos.get(index);
  if (wc === undefined) memos.set(index, (wc = new WordCandidates(index)));
  return wc;
}

/**
 * Every lexicon match in a post, grouped by lexicon. One pass over the words: each word is looked
 * up in the index, where every term is filed under its anchor (its longest word), so a common word
 * such as "i" or "to" never drags in the hundreds of phrases that contain it; a candidate is then
 * confirmed outwards from the anchor. Within one lexicon a match inside a longer one is dropped
 * ("russian invaders" beats "invaders"), which also removes a term found through two lookups.
 */
export function matchLexicons(index: LexiconIndex, tokens: Tokens, text: string): LexMatch[][] {
  return findMatches(index, tokens, text, undefined).complete();
}

/** A post's lexicon matches, those of deferred lexicons found only when first asked for. */
export interface LexMatches {
  /** Per lexicon; the list of a deferred lexicon stays empty until {@link complete} is called. */
  readonly lists: LexMatch[][];
  /** Finds the deferred lexicons' matches (once) and returns the complete lists (the same array). */
  complete(): LexMatch[][];
}

/** The primary candidates of a word split by deferral (memoised on the word's info). */
function primaryOf(e: WordInfo, deferred: readonly boolean[]): Split {
  const s = e.primarySplit;
  return s !== undefined && s.by === deferred ? s : (e.primarySplit = splitByLexicon(e.primary, deferred));
}

/** The secondary candidates of a word split by deferral (memoised on the word's info). */
function secondaryOf(wc: WordCandidates, w: string, e: WordInfo, deferred: readonly boolean[]): Split {
  const s = e.secondarySplit;
  return s !== undefined && s.by === deferred ? s : (e.secondarySplit = splitByLexicon(wc.secondary(w, e), deferred));
}

/**
 * {@link matchLexicons}, leaving the lexicons marked in `deferred` for later. Lexicons that only
 * serve as context (cues, idioms) matter only once some signal has a candidate whose context must
 * be checked, which most posts never have; their terms are half the candidates of a typical post.
 * The result is the same as matching everything at once: a word that a deferred term would have
 * matched still counts as a real word when deciding whether to look for typos there, and each
 * deferred lexicon's matches are found in the same order as they would have been.
 */
export function findMatches(index: LexiconIndex, tokens: Tokens, text: string, deferred: readonly boolean[] | undefined, accept?: (m: LexMatch) => boolean, short?: () => boolean): LexMatches {
  // Most lexicons match nothing in most posts: they share one empty list until they do.
  const out: LexMatch[][] = new Array<LexMatch[]>(index.lexicons.length).fill(NONE);
  const wc = candidatesOf(index);
  const ws = prepare(tokens, wc, accept, short);
  const n = tokens.words.length;
  // Words whose typo and run-together candidates were tried (their deferred ones are tried later).
  let mangled: number[] | undefined;
  for (let i = 0; i < n; i++) {
    const e = ws.info[i] as WordInfo;
    const p = deferred && primaryOf(e, deferred);
    // A word some term matched is a real word here: not a typo, and not two words run together.
    if (confirm(ws, out, p ? p.now : e.primary, i, false) || !e.mayBeMangled) continue;
    const w = tokens.words[i] as string;
    const more = deferred && secondaryOf(wc, w, e, deferred);
    const now = more ? more.now : wc.secondary(w, e);
    if (now.length === 0 && (!more || more.later.length === 0)) continue;
    if (p) {
      // A deferred term matching here makes it a real word as well.
      if (confirm(ws, out, p.later, i, true)) continue;
      (mangled ??= []).push(i);
    }
    confirm(ws, out, now, i, false);
  }
  addPatterns(index, tokens, text, out, deferred, false, accept);
  dropAllContained(out, deferred, false);
  if (deferred === undefined) return { lists: out, complete: () => out };
  let pending = true;
  return {
    lists: out,
    complete() {
      if (!pending) return out;
      pending = false;
      let m = 0;
      for (let i = 0; i < n; i++) {
        const e = ws.info[i] as WordInfo;
        confirm(ws, out, primaryOf(e, deferred).later, i, false);
        if (mangled !== undefined && mangled[m] === i) {
          m++;
          confirm(ws, out, secondaryOf(wc, tokens.words[i] as string, e, deferred).later, i, false);
        }
      }
      addPatterns(index, tokens, text, out, deferred, true, accept);
      dropAllContained(out, deferred, true);
      return out;
    },
  };
}

/** Adds the matches of patterns: those of deferred lexicons (`later`) or of the others. */
function addPatterns(index: LexiconIndex, tokens: Tokens, text: string, out: LexMatch[][], deferred: readonly boolean[] | undefined, later: boolean, accept: ((m: LexMatch) => boolean) | undefined): void {
  for (const p of index.patterns) {
    if ((deferred?.[p.lexicon] === true) !== later) continue;
    for (const [s, e] of p.find(text)) {
      const t0 = wordAt(tokens, s, true);
      const t1 = wordAt(tokens, e, false);
      // Patterns match whole words: a hit inside a word is not a match.
      if (t0 < 0 || t1 < 0) continue;
      const m: LexMatch = { lexicon: p.lexicon, source: p.source, lang: p.lang, t0, t1: t1 + 1, start: s, end: e, via: 0 };
      if (accept === undefined || accept(m)) add(out, m);
    }
  }
}

/** Drops contained matches in the lists of the lexicons deferred (or not, `deferredOnes` false). */
function dropAllContained(out: LexMatch[][], deferred: readonly boolean[] | undefined, deferredOnes: boolean): void {
  for (let l = 0; l < out.length; l++) {
    if ((deferred?.[l] === true) !== deferredOnes) continue;
    if ((out[l] as LexMatch[]).length > 1) out[l] = dropContained(out[l] as LexMatch[]);
  }
}

const NONE = Object.freeze([]) as unknown as LexMatch[];

function add(out: LexMatch[][], m: LexMatch): void {
  let l = out[m.lexicon];
  if (l === undefined) return;
  if (l === NONE) out[m.lexicon] = l = [];
  l.push(m);
}

/**
 * False when candidate c cannot match at word i: the word beside the anchor that its term needs
 * first cannot be that part by any route the full walk would try (same word or stem, a stretched or
 * transliterated form, a typo, two words run together). Exact, never a guess: it only spares the walk.
 */
function mayMatch(ws: Words, c: Candidate, i: number, sentence: number): boolean {
  const p = c.adj;
  if (p === undefined) return true;
  const j = i + c.adjDir;
  if (j < 0 || j >= ws.tokens.words.length || ws.tokens.sentence[j] !== sentence) return false;
  const w = ws.tokens.words[j] as string;
  if (p.stem || c.adjDir === 1 ? w.startsWith(p.key) : w === p.key) return true;
  const info = ws.info[j] as WordInfo;
  if (info.sq !== undefined || (p.tr !== undefined && info.tr !== undefined) || info.wild) return true;
  // A typo never touches the first letter (fuzzy.ts).
  return c.fuzzy && w.charCodeAt(0) === p.key.charCodeAt(0);
}

/**
 * Confirms the candidates anchored on word i in its context; true when any matched. A `dry` run only
 * says whether one would match, and records nothing.
 */
function confirm(ws: Words, out: LexMatch[][], cands: readonly Candidate[], i: number, dry: boolean): boolean {
  if (cands.length === 0) return false;
  const { tokens } = ws;
  const sentence = tokens.sentence[i] as number;
  let found = false;
  // An index loop, not `for…of`: candidate lists come in more than one kind of array (shared frozen
  // empties among them), and over such a site TurboFan calls the array iterator's builtin for
  // every element instead of inlining it (~20 % of this function's count).
  for (let ci = 0; ci < cands.length; ci++) {
    const c = cands[ci] as Candidate;
    // An anchor through a short transliteration key, in a post where none can count (`short`): not
    // even a word proved real (no such keys existed before they were limited to transliterations).
    if (c.via & VIA_SHORT && ws.short !== undefined && !ws.short()) continue;
    if (!mayMatch(ws, c, i, sentence)) continue;
    const { term: t, via, pair, fuzzy } = c;
    let t0 = i;
    let t1: number;
    let bits: number;
    if (pair) {
      const fwd = matchForward(ws, t.parts, 2, i + 1, sentence, via, fuzzy);
      if (fwd === NO) continue;
      t1 = Math.floor(fwd / VIA_BITS);
      bits = fwd % VIA_BITS;
    } else {
      const fwd = matchForward(ws, t.parts, t.anchor + 1, i + 1, sentence, via, fuzzy);
      if (fwd === NO) continue;
      const back = matchBackward(ws, t.parts, t.anchor - 1, i - 1, sentence, fwd % VIA_BITS, fuzzy);
      if (back === NO) continue;
      t0 = Math.floor(back / VIA_BITS);
      bits = back % VIA_BITS;
      t1 = Math.floor(fwd / VIA_BITS);
    }
    found = true;
    if (dry) return true;
    const m: LexMatch = { lexicon: t.lexicon, source: t.source, lang: t.lang, t0, t1, start: tokens.starts[t0] as number, end: tokens.ends[t1 - 1] as number, via: bits };
    // A match its language does not allow still proves the word real (no typo search on it).
    if (ws.accept === undefined || ws.accept(m)) add(out, m);
  }
  return found;
}

function wordAt(tokens: Tokens, offset: number, isStart: boolean): number {
  const arr = isStart ? tokens.starts : tokens.ends;
  let lo = 0;
  let hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = arr[mid] as number;
    if (v === offset) return mid;
    if (v < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function dropContained(ms: LexMatch[]): LexMatch[] {
  if (ms.length < 2) return ms;
  // Longest first at each start, and the plainest match (fewest VIA bits) first among equals; of two
  // terms matching the same words the more specific (longer) one, then the first in code-point
  // order, so that the evidence does not depend on the order the index happened to visit them in.
  ms.sort((a, b) => a.t0 - b.t0 || b.t1 - a.t1 || a.via - b.via || b.source.length - a.source.length || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const out: LexMatch[] = [];
  for (const m of ms) {
    const last = out[out.length - 1];
    if (last && m.t0 >= last.t0 && m.t1 <= last.t1) continue;
    out.push(m);
  }
  return out;
}
