import { gapPart, type TermEntry, type TermPart, wordPart } from "../match/index.js";

type WordPattern = Extract<TermPart, { kind: "word" }>;
type GapPattern = Extract<TermPart, { kind: "gap" }>;

/** A term word as [stem 0|1, key, squeezed key or 0 if equal, translit key or 0]; a gap as its width. */
export type PartIR = number | { g: number; not: string[] } | [0 | 1, string, string | 0, string | 0];
/** A term as [lexicon, language, source, parts]: arrays keep the file small and quick to parse. */
export type TermIR = [number, string, string, PartIR[]];

function partToIR(p: TermPart): PartIR {
  if (p.kind === "gap") return p.not ? { g: p.max, not: [...p.not] } : p.max;
  return [p.stem ? 1 : 0, p.key, p.sq === p.key ? 0 : p.sq, p.tr ?? 0];
}

function partFromIR(p: PartIR): TermPart {
  if (typeof p === "number") return gapPart(p, undefined);
  if (!Array.isArray(p)) return gapPart(p.g, p.not);
  return wordPart(p[0] === 1, p[1], p[2] === 0 ? p[1] : p[2], p[3] === 0 ? undefined : p[3]);
}

/** A term as compact JSON: what the precompiled file's terms section holds, one after the other. */
export function termLine(t: TermEntry): string {
  return JSON.stringify([t.lexicon, t.lang, t.source, t.parts.map(partToIR)] satisfies TermIR);
}

/**
 * A term from its encoding (the inverse of {@link termLine}), every part a new object. The reference
 * {@link termDecoder} is tested against.
 */
export function termFromLine(line: string): TermEntry {
  const [lexicon, lang, source, parts] = JSON.parse(line) as TermIR;
  return { lexicon, lang, source, parts: parts.map(partFromIR) };
}

/**
 * A decoder of {@link termLine}'s encoding that hands out one part object for equal parts: the
 * word "kill*" is a part of thousands of generated terms, and a run over real text decodes tens of
 * thousands of terms (88,000 on the benchmark's real-text series) and keeps each for the rest of
 * the run. With a new object per part, decoded terms held about 480 bytes each (42 MB for 88,000
 * terms, in a scavenged then marked heap); with equal parts shared, about 100 (9 MB). Parts are
 * immutable and no code tells them apart by identity, so sharing them changes no result. The table
 * belongs to the decoder, so it goes with the policy it decodes terms of.
 */
export function termDecoder(): (line: string) => TermEntry {
  // Words by key, then the few variants of a key (stem or not, its squeezed and transliterated
  // keys): keys are short strings whose hash V8 keeps, where a key made of all four fields would
  // be a new string to build and hash for each part.
  const words = new Map<string, WordPattern[]>();
  // Gaps without excluded words, by width; a gap that excludes words is rare and kept as it is.
  const gaps: GapPattern[] = [];
  const part = (p: PartIR): TermPart => {
    if (typeof p === "number") return (gaps[p] ??= gapPart(p, undefined));
    if (!Array.isArray(p)) return gapPart(p.g, p.not);
    const stem = p[0] === 1;
    const key = p[1];
    const sq = p[2] === 0 ? key : p[2];
    const tr = p[3] === 0 ? undefined : p[3];
    let same = words.get(key);
    if (same === undefined) words.set(key, (same = []));
    for (let i = 0; i < same.length; i++) {
      const w = same[i] as WordPattern;
      if (w.stem === stem && w.sq === sq && w.tr === tr) return w;
    }
    const w = wordPart(stem, key, sq, tr);
    same.push(w);
    return w;
  };
  return (line) => {
    const [lexicon, lang, source, irs] = JSON.parse(line) as TermIR;
    // `map`, as termFromLine: the array is the term's own, of the elements kind the matcher's code
    // was optimised for (an array made with a length and then filled is another one, holey).
    return { lexicon, lang, source, parts: irs.map(part) };
  };
}
