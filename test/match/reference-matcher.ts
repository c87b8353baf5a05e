import { oneTypo, oneTypoStem } from "../../src/match/fuzzy.js";
import { anchorOf } from "../../src/match/lexicon-index.js";
import type { TermPart, WordPattern } from "../../src/match/terms.js";
import { forEachFill, isStretched, readsWildcards, squeeze } from "../../src/text/keys.js";
import type { Tokens } from "../../src/text/tokenise.js";

/** A term as the reference matcher takes it. */
export interface RefTerm {
  readonly lexicon: number;
  /** Its language; "" for none. */
  readonly lang: string;
  readonly source: string;
  readonly parts: readonly TermPart[];
  readonly fuzzy: boolean;
}

/** True when some reading of `w`'s hidden letters (its fills, tried one by one) is word part `p`. */
function hides(w: string, p: WordPattern): boolean {
  let found = false;
  forEachFill(w, (f) => {
    if (p.stem ? f.startsWith(p.key) : f === p.key) found = true;
  });
  return found;
}

/** A match as [lexicon, source, t0, t1, via bits]. */
export type RefMatch = readonly [number, string, number, number, number];

const STRETCHED = 1;
const TYPO = 4;
const GLUED = 8;

/**
 * The matcher's specification, written the slow and obvious way: every term tried with its anchor
 * (its longest word) on every word of the post, words compared directly, no index, no memo, no
 * neighbour pre-test. Covers exact words, stems, stretched words, gaps (with excluded words), one
 * typo (fuzzy lexicons), letters hidden behind a symbol (read as any letter of the word's script),
 * two words of a phrase run together, the first two words of a phrase typed
 * as one, a word of 7 letters or more read as two words run together (both of the term's
 * language), and the rule that typos and run-together words are looked for only on a word no term
 * matched and that no term lists. Transliteration and hyphenated terms are left out: the property
 * test keeps its words Latin and without hyphens.
 */
export function referenceMatches(terms: readonly RefTerm[], tokens: Tokens): RefMatch[] {
  const words = tokens.words;
  // Every whole word of a term, with the languages of the terms that hold it.
  const known = new Map<string, Set<string>>();
  for (const t of terms) for (const p of t.parts) if (p.kind === "word" && !p.stem) known.set(p.key, (known.get(p.key) ?? new Set()).add(t.lang));
  /** True when `word` is a known word of `t`'s language (or either has none). */
  const knownIn = (word: string, t: RefTerm): boolean => {
    const langs = known.get(word);
    return langs !== undefined && (t.lang === "" || langs.has(t.lang) || langs.has(""));
  };
  // Whole anchor words of fuzzy lexicons' terms: a call word that may be run into any next word.
  const callWords = new Set<string>();
  for (const t of terms) {
    const p = t.parts[anchorOf(t.parts)] as WordPattern;
    if (t.fuzzy && !p.stem) callWords.add(p.key);
  }

  /** 0 if word i is not part p; else 1 + via bits (same order of routes as the matcher). */
  const wordIs = (i: number, p: WordPattern, fuzzy: boolean): number => {
    const w = words[i] as string;
    if (p.stem ? w.startsWith(p.key) : w === p.key) return 1;
    if (isStretched(w)) {
      const sq = squeeze(w);
      if (p.stem ? sq.startsWith(p.sq) : sq === p.sq) return 1 + STRETCHED;
    }
    if (fuzzy && (p.stem ? oneTypoStem(w, p.key) : oneTypo(w, p.key))) return 1 + TYPO;
    // A letter hidden behind a symbol ("kꞈll" from "k*ll"): any letter of the word's script.
    if (hides(w, p)) return 1;
    return 0;
  };
  const inSentence = (i: number, s: number): boolean => i >= 0 && i < words.length && tokens.sentence[i] === s;

  /** End word (exclusive) and via bits of parts[k..] from word i, trying gap lengths shortest first. */
  const forward = (parts: readonly TermPart[], k: number, i: number, s: number, via: number, fuzzy: boolean): [number, number] | null => {
    if (k === parts.length) return [i, via];
    const p = parts[k] as TermPart;
    if (p.kind === "gap") {
      for (let skip = 0; skip <= p.max; skip++) {
        if (skip > 0) {
          const j = i + skip - 1;
          if (!inSentence(j, s) || (p.not ?? []).includes(words[j] as string)) return null;
        }
        const r = forward(parts, k + 1, i + skip, s, via, fuzzy);
        if (r) return r;
      }
      return null;
    }
    if (!inSentence(i, s)) return null;
    const m = wordIs(i, p, fuzzy);
    if (m !== 0) return forward(parts, k + 1, i + 1, s, via | (m - 1), fuzzy);
    const next = parts[k + 1];
    const w = words[i] as string;
    if (!p.stem && next?.kind === "word" && w.length > p.key.length && w.startsWith(p.key)) {
      const rest = w.slice(p.key.length);
      if (next.stem ? rest.startsWith(next.key) : rest === next.key) return forward(parts, k + 2, i + 1, s, via | GLUED, fuzzy);
    }
    return null;
  };
  /** Start word and via bits of parts[k..0] ending at word i. */
  const backward = (parts: readonly TermPart[], k: number, i: number, s: number, via: number, fuzzy: boolean): [number, number] | null => {
    if (k < 0) return [i + 1, via];
    const p = parts[k] as TermPart;
    if (p.kind === "gap") {
      for (let skip = 0; skip <= p.max; skip++) {
        if (skip > 0) {
          const j = i - skip + 1;
          if (!inSentence(j, s) || (p.not ?? []).includes(words[j] as string)) return null;
        }
        const r = backward(parts, k - 1, i - skip, s, via, fuzzy);
        if (r) return r;
      }
      return null;
    }
    if (!inSentence(i, s)) return null;
    const m = wordIs(i, p, fuzzy);
    return m === 0 ? null : backward(parts, k - 1, i - 1, s, via | (m - 1), fuzzy);
  };
  /** The term with its anchor on word i reached by `via`: the whole match, or null. */
  const around = (t: RefTerm, a: number, i: number, via: number): RefMatch | null => {
    const s = tokens.sentence[i] as number;
    const f = forward(t.parts, a + 1, i + 1, s, via, t.fuzzy);
    if (!f) return null;
    const b = backward(t.parts, a - 1, i - 1, s, f[1], t.fuzzy);
    return b ? [t.lexicon, t.source, b[0], f[0], b[1]] : null;
  };

  const out: RefMatch[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    let found = false;
    for (const t of terms) {
      const a = anchorOf(t.parts);
      const p = t.parts[a] as WordPattern;
      // The anchor by its plain or stretched form only: typos come second.
      let via = -1;
      if (p.stem ? w.startsWith(p.key) : w === p.key) via = 0;
      else if (hides(w, p)) via = 0;
      else if (isStretched(w) && (p.stem ? squeeze(w).startsWith(p.sq) : squeeze(w) === p.sq)) via = STRETCHED;
      if (via < 0) continue;
      const m = around(t, a, i, via);
      if (m) {
        out.push(m);
        found = true;
      }
    }
    if (found || w.length < 4 || known.has(w) || readsWildcards(w)) continue;
    for (const t of terms) {
      const a = anchorOf(t.parts);
      const p = t.parts[a] as WordPattern;
      const typoable = t.fuzzy && /^\p{L}+$/u.test(p.key) && p.key.length >= (p.stem ? 5 : 4) && w.length <= 16 && /^\p{L}+$/u.test(w);
      if (typoable && (p.stem ? oneTypoStem(w, p.key) : oneTypo(w, p.key))) {
        const m = around(t, a, i, TYPO);
        if (m) out.push(m);
      }
      // "stabthose", "tyrants": a word of 7 to 48 letters as a term's anchor word run together with a
      // known word of the term's language, after it (a head of 4 letters or more, never before an
      // agent noun's "er" or "ers", and any tail of 3 letters or more after a call word of 7 or
      // more) or before it (a tail of 4 letters or more, a head of 2 or more).
      if (w.length >= 7 && w.length <= 48) {
        for (let k = 2; k <= w.length - 2; k++) {
          const head = w.slice(0, k);
          const tail = w.slice(k);
          const before = k >= 4 && !p.stem && p.key === head && tail !== "er" && tail !== "ers" && (knownIn(tail, t) || (k >= 7 && tail.length >= 3 && callWords.has(head)));
          const after = tail.length >= 4 && (p.stem ? tail.startsWith(p.key) : tail === p.key) && knownIn(head, t);
          for (const split of [before, after]) {
            if (!split) continue;
            const m = around(t, a, i, GLUED);
            if (m) out.push(m);
          }
        }
      }
      // "deathto": the first two words of the phrase as one.
      const [p0, p1] = t.parts;
      if (p0?.kind === "word" && !p0.stem && p1?.kind === "word" && w.startsWith(p0.key) && w.length > p0.key.length) {
        const rest = w.slice(p0.key.length);
        if (p1.stem ? rest.startsWith(p1.key) : rest === p1.key) {
          const f = forward(t.parts, 2, i + 1, tokens.sentence[i] as number, GLUED, t.fuzzy);
          if (f) out.push([t.lexicon, t.source, i, f[0], f[1]]);
        }
      }
    }
  }
  return dropContained(out);
}

/** Within one lexicon, a match inside another is dropped; the longest, then the plainest, is kept. */
function dropContained(ms: RefMatch[]): RefMatch[] {
  const byLexicon = new Map<number, RefMatch[]>();
  for (const m of ms) byLexicon.set(m[0], [...(byLexicon.get(m[0]) ?? []), m]);
  const out: RefMatch[] = [];
  for (const list of byLexicon.values()) {
    list.sort((a, b) => a[2] - b[2] || b[3] - a[3] || a[4] - b[4] || b[1].length - a[1].length || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    const kept: RefMatch[] = [];
    for (const m of list) {
      const last = kept[kept.length - 1];
      if (last && m[2] >= last[2] && m[3] <= last[3]) continue;
      kept.push(m);
    }
    out.push(...kept);
  }
  return out;
}
