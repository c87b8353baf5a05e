import { oneTypo, oneTypoStem } from "../compile/fuzzy.js";
import type { IndexedTerm, LexiconIndex } from "../compile/lexicon-index.js";
import type { TermPart, WordPattern } from "../compile/terms.js";
import { isStretched, squeeze, translitSkeleton } from "../text/keys.js";
import type { Tokens } from "../text/tokenise.js";

/** How a word was matched, beyond its plain normalised form. */
export const VIA_STRETCHED = 1;
export const VIA_TRANSLIT = 2;
export const VIA_TYPO = 4;
export const VIA_GLUED = 8;

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

const LATIN_WORD = /^[a-z']+$/;
const LETTERS = /^\p{L}+$/u;

/** One post's words with the extra lookup keys they need, computed only where they can apply. */
interface Words {
  readonly tokens: Tokens;
  readonly sq: (string | undefined)[];
  readonly tr: (string | undefined)[];
}

function prepare(tokens: Tokens): Words {
  const sq: (string | undefined)[] = [];
  const tr: (string | undefined)[] = [];
  for (const w of tokens.words) {
    sq.push(isStretched(w) ? squeeze(w) : undefined);
    // Transliteration only bridges scripts: a Cyrillic word never needs it to match a Cyrillic term.
    tr.push(LATIN_WORD.test(w) ? translitSkeleton(w) : undefined);
  }
  return { tokens, sq, tr };
}

/** 0 if word i does not match pattern p; else 1 + VIA bits. */
function wordMatch(ws: Words, i: number, p: WordPattern, fuzzy: boolean): number {
  const w = ws.tokens.words[i] as string;
  if (p.stem ? w.startsWith(p.key) : w === p.key) return 1;
  const sq = ws.sq[i];
  if (sq !== undefined && (p.stem ? sq.startsWith(p.sq) : sq === p.sq)) return 1 + VIA_STRETCHED;
  const tr = ws.tr[i];
  if (tr !== undefined && p.tr !== undefined && (p.stem ? tr.startsWith(p.tr) : tr === p.tr)) return 1 + VIA_TRANSLIT;
  if (fuzzy && (p.stem ? oneTypoStem(w, p.key) : oneTypo(w, p.key))) return 1 + VIA_TYPO;
  return 0;
}

/** True when word i may be skipped by gap p: it exists, is in the sentence and is not excluded. */
function skippable(ws: Words, p: Extract<TermPart, { kind: "gap" }>, i: number, sentence: number): boolean {
  if (i < 0 || i >= ws.tokens.words.length || ws.tokens.sentence[i] !== sentence) return false;
  return p.not === undefined || !p.not.includes(ws.tokens.words[i] as string);
}

/** Matches parts[k..] forwards from word i; returns [end word (exclusive), via bits] or undefined. */
function matchForward(ws: Words, parts: readonly TermPart[], k: number, i: number, sentence: number, via: number, fuzzy: boolean): [number, number] | undefined {
  if (k === parts.length) return [i, via];
  const p = parts[k] as TermPart;
  if (p.kind === "gap") {
    for (let skip = 0; skip <= p.max; skip++) {
      // A gap never skips a word it excludes ("~4!nie"), nor past the end of the sentence.
      if (skip > 0 && !skippable(ws, p, i + skip - 1, sentence)) return undefined;
      const r = matchForward(ws, parts, k + 1, i + skip, sentence, via, fuzzy);
      if (r) return r;
    }
    return undefined;
  }
  const { tokens } = ws;
  if (i >= tokens.words.length || tokens.sentence[i] !== sentence) return undefined;
  const m = wordMatch(ws, i, p, fuzzy);
  if (m !== 0) return matchForward(ws, parts, k + 1, i + 1, sentence, via | (m - 1), fuzzy);
  // Two words of a phrase run together ("deserve todie"): this word is this part and the next.
  const next = parts[k + 1];
  const w = tokens.words[i] as string;
  if (!p.stem && next?.kind === "word" && w.length > p.key.length && w.startsWith(p.key)) {
    const rest = w.slice(p.key.length);
    if (next.stem ? rest.startsWith(next.key) : rest === next.key) return matchForward(ws, parts, k + 2, i + 1, sentence, via | VIA_GLUED, fuzzy);
  }
  return undefined;
}

/** Matches parts[k..0] backwards, part k against word i; returns [start word, via bits] or undefined. */
function matchBackward(ws: Words, parts: readonly TermPart[], k: number, i: number, sentence: number, via: number, fuzzy: boolean): [number, number] | undefined {
  if (k < 0) return [i + 1, via];
  const p = parts[k] as TermPart;
  if (p.kind === "gap") {
    for (let skip = 0; skip <= p.max; skip++) {
      if (skip > 0 && !skippable(ws, p, i - skip + 1, sentence)) return undefined;
      const r = matchBackward(ws, parts, k - 1, i - skip, sentence, via, fuzzy);
      if (r) return r;
    }
    return undefined;
  }
  if (i < 0 || ws.tokens.sentence[i] !== sentence) return undefined;
  const m = wordMatch(ws, i, p, fuzzy);
  return m === 0 ? undefined : matchBackward(ws, parts, k - 1, i - 1, sentence, via | (m - 1), fuzzy);
}

/**
 * Every lexicon match in a post, grouped by lexicon. One pass over the words: each word is looked
 * up in the index, where every term is filed under its anchor (its longest word), so a common word
 * such as "i" or "to" never drags in the hundreds of phrases that contain it; a candidate is then
 * confirmed outwards from the anchor. Within one lexicon a match inside a longer one is dropped
 * ("russian invaders" beats "invaders"), which also removes a term found through two lookups.
 */
export function matchLexicons(index: LexiconIndex, tokens: Tokens, text: string): LexMatch[][] {
  const out: LexMatch[][] = index.lexicons.map(() => []);
  const ws = prepare(tokens);
  const n = tokens.words.length;
  const push = (t: IndexedTerm, t0: number, t1: number, via: number) => {
    out[t.lexicon]?.push({ lexicon: t.lexicon, source: t.source, lang: t.lang, t0, t1, start: tokens.starts[t0] as number, end: tokens.ends[t1 - 1] as number, via });
  };
  // One set of visitors per post (not per word): the loop state lives in these variables.
  let i = 0;
  let w = "";
  let sentence = 0;
  let via = 0;
  let found = false;
  const anchored = (t: IndexedTerm) => {
    const fuzzy = index.fuzzyLexicons.has(t.lexicon);
    const fwd = matchForward(ws, t.parts, t.anchor + 1, i + 1, sentence, via, fuzzy);
    if (!fwd) return;
    const back = matchBackward(ws, t.parts, t.anchor - 1, i - 1, sentence, fwd[1], fuzzy);
    if (!back) return;
    found = true;
    push(t, back[0], fwd[0], back[1]);
  };
  const typo = (t: IndexedTerm) => {
    const a = t.parts[t.anchor] as WordPattern;
    if (a.stem ? oneTypoStem(w, a.key) : oneTypo(w, a.key)) anchored(t);
  };
  const gluedPair = (t: IndexedTerm) => {
    const fwd = matchForward(ws, t.parts, 2, i + 1, sentence, VIA_GLUED, index.fuzzyLexicons.has(t.lexicon));
    if (fwd) push(t, i, fwd[0], fwd[1]);
  };
  for (i = 0; i < n; i++) {
    sentence = tokens.sentence[i] as number;
    w = tokens.words[i] as string;
    found = false;
    via = 0;
    index.exact.lookup(w, anchored);
    const sq = ws.sq[i];
    if (sq !== undefined) {
      via = VIA_STRETCHED;
      index.squeezed.lookup(sq, anchored);
    }
    const tr = ws.tr[i];
    if (tr !== undefined) {
      via = VIA_TRANSLIT;
      index.translit.lookup(tr, anchored);
    }
    // A word some term matched, or one the policy lists anywhere, is a real word: not a typo, and
    // not two words run together.
    if (found || w.length < 4 || index.knownWords.has(w)) continue;
    if (index.fuzzyLexicons.size > 0 && w.length <= 16 && LETTERS.test(w)) {
      via = VIA_TYPO;
      index.fuzzy.lookup(w, typo);
    }
    // "deathto", "naśmierć": the first two words of a phrase typed as one.
    index.gluedPairs.lookup(w, gluedPair);
    // "stabthose", "powiesićtych", "gaythroats": a word run into a neighbour the policy knows. Each
    // split whose one half is a word of some term has its other half looked up in this word's
    // place; endings that are no words ("shooting", "killers", "hanged") are never split off.
    // Run-together words are a few words long; a longer "word" (a URL, a hash, junk) is never split,
    // which also keeps this loop from growing with the square of a huge token.
    if (w.length >= 7 && w.length <= 48) {
      via = VIA_GLUED;
      for (let k = 2; k <= w.length - 2; k++) {
        const head = w.slice(0, k);
        const tail = w.slice(k);
        // A long call word ("powiesić", 8 letters) may be run into any following word ("powiesićtych").
        // (A short unknown tail is more likely an inflection: "zamordowany"+"ch" is one word.)
        const known = index.knownWords.has(tail) || (head.length >= 7 && tail.length >= 3 && index.fuzzyWords.has(head));
        if (tail.length >= 2 && head.length >= 4 && known) index.exact.words.get(head)?.forEach(anchored);
        if (head.length >= 2 && tail.length >= 4 && index.knownWords.has(head)) index.exact.lookup(tail, anchored);
      }
    }
  }
  for (const p of index.patterns) {
    for (const [s, e] of p.find(text)) {
      const t0 = wordAt(tokens, s, true);
      const t1 = wordAt(tokens, e, false);
      // Patterns match whole words: a hit inside a word is not a match.
      if (t0 < 0 || t1 < 0) continue;
      out[p.lexicon]?.push({ lexicon: p.lexicon, source: p.source, lang: p.lang, t0, t1: t1 + 1, start: s, end: e, via: 0 });
    }
  }
  return out.map(dropContained);
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
  // Longest first at each start, and the plainest match (fewest VIA bits) first among equals.
  ms.sort((a, b) => a.t0 - b.t0 || b.t1 - a.t1 || a.via - b.via);
  const out: LexMatch[] = [];
  for (const m of ms) {
    const last = out[out.length - 1];
    if (last && m.t0 >= last.t0 && m.t1 <= last.t1) continue;
    out.push(m);
  }
  return out;
}
