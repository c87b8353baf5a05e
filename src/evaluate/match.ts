import type { LexiconIndex, TermEntry } from "../compile/lexicon-index.js";
import type { TermPart, WordPattern } from "../compile/terms.js";
import { isStretched, squeeze, translitSkeleton } from "../text/keys.js";
import type { Tokens } from "../text/tokenise.js";

/** How a word was matched, beyond its plain normalised form. */
export const VIA_STRETCHED = 1;
export const VIA_TRANSLIT = 2;

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

/** The extra lookup keys of each word: only computed where they can apply. */
interface WordKeys {
  readonly sq: (string | undefined)[];
  readonly tr: (string | undefined)[];
}

function wordKeys(tokens: Tokens): WordKeys {
  const sq: (string | undefined)[] = [];
  const tr: (string | undefined)[] = [];
  for (const w of tokens.words) {
    sq.push(isStretched(w) ? squeeze(w) : undefined);
    tr.push(translitSkeleton(w));
  }
  return { sq, tr };
}

/** 0 if word i does not match pattern p; else 1 + VIA bits. */
function wordMatch(tokens: Tokens, keys: WordKeys, i: number, p: WordPattern): number {
  const w = tokens.words[i] as string;
  if (p.stem ? w.startsWith(p.key) : w === p.key) return 1;
  const sq = keys.sq[i];
  if (sq !== undefined && (p.stem ? sq.startsWith(p.sq) : sq === p.sq)) return 1 + VIA_STRETCHED;
  const tr = keys.tr[i];
  // Transliteration only bridges scripts: a Cyrillic word never needs it to match a Cyrillic term.
  if (tr !== undefined && p.tr !== undefined && !/\p{Script=Cyrillic}/u.test(w) && (p.stem ? tr.startsWith(p.tr) : tr === p.tr)) return 1 + VIA_TRANSLIT;
  return 0;
}

/** Matches parts[k..] starting at word i; returns [end word, via bits] or undefined. */
function matchRest(tokens: Tokens, keys: WordKeys, parts: readonly TermPart[], k: number, i: number, sentence: number, via: number): [number, number] | undefined {
  if (k === parts.length) return [i, via];
  const p = parts[k] as TermPart;
  if (p.kind === "gap") {
    for (let skip = 0; skip <= p.max; skip++) {
      const r = matchRest(tokens, keys, parts, k + 1, i + skip, sentence, via);
      if (r) return r;
    }
    return undefined;
  }
  if (i >= tokens.words.length || tokens.sentence[i] !== sentence) return undefined;
  const m = wordMatch(tokens, keys, i, p);
  if (m === 0) return undefined;
  return matchRest(tokens, keys, parts, k + 1, i + 1, sentence, via | (m - 1));
}

/**
 * Every lexicon match in a post, grouped by lexicon. One pass over the words: each word is looked
 * up in the index (exact form, then stretched and transliterated forms where they apply), and a
 * candidate term is confirmed against the following words. Within one lexicon, a match inside a
 * longer match is dropped ("russian invaders" beats "invaders").
 */
export function matchLexicons(index: LexiconIndex, tokens: Tokens, text: string): LexMatch[][] {
  const out: LexMatch[][] = index.lexicons.map(() => []);
  const keys = wordKeys(tokens);
  const n = tokens.words.length;
  for (let i = 0; i < n; i++) {
    const seen = new Set<TermEntry>();
    const tryTerm = (t: TermEntry) => {
      if (seen.has(t)) return;
      seen.add(t);
      const r = matchRest(tokens, keys, t.parts, 0, i, tokens.sentence[i] as number, 0);
      if (!r) return;
      const [t1, via] = r;
      out[t.lexicon]?.push({ lexicon: t.lexicon, source: t.source, lang: t.lang, t0: i, t1, start: tokens.starts[i] as number, end: tokens.ends[t1 - 1] as number, via });
    };
    const w = tokens.words[i] as string;
    index.exact.lookup(w, tryTerm);
    const sq = keys.sq[i];
    if (sq !== undefined) index.squeezed.lookup(sq, tryTerm);
    const tr = keys.tr[i];
    if (tr !== undefined && !/\p{Script=Cyrillic}/u.test(w)) index.translit.lookup(tr, tryTerm);
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
  ms.sort((a, b) => a.t0 - b.t0 || b.t1 - a.t1);
  const out: LexMatch[] = [];
  for (const m of ms) {
    const last = out[out.length - 1];
    if (last && m.t0 >= last.t0 && m.t1 <= last.t1) continue;
    out.push(m);
  }
  return out;
}
