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
  const word = (stem: boolean, key: string, sq: string, tr: string | undefined): WordPattern => {
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
  const part = (p: PartIR): TermPart => {
    if (typeof p === "number") return (gaps[p] ??= gapPart(p, undefined));
    if (!Array.isArray(p)) return gapPart(p.g, p.not);
    return word(p[0] === 1, p[1], p[2] === 0 ? p[1] : p[2], p[3] === 0 ? undefined : p[3]);
  };
  const gap = (max: number): TermPart => (gaps[max] ??= gapPart(max, undefined));
  // One string for each language code, where each term's own slice of its line was a string of
  // its own (70,000 of them, 1.7 MB, on the real-text series).
  const langs = new Map<string, string>();
  const langOf = (code: string): string => {
    const same = langs.get(code);
    if (same !== undefined) return same;
    langs.set(code, code);
    return code;
  };
  return (line) => {
    const fast = readPlainTerm(line, word, gap, langOf);
    if (fast !== undefined) return fast;
    const [lexicon, lang, source, irs] = JSON.parse(line) as TermIR;
    // `map`, as termFromLine: the array is the term's own, of the elements kind the matcher's code
    // was optimised for (an array made with a length and then filled is another one, holey).
    return { lexicon, lang, source, parts: irs.map(part) };
  };
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const OPEN = 0x5b;
const CLOSE = 0x5d;

/**
 * {@link termLine}'s encoding read without JSON.parse, for the lines that have neither an escape
 * (a backslash) nor an object (a gap that excludes words): then every string is the text between
 * two quotes, and every number a run of digits. A long run over real text decodes ~100,000 terms,
 * and JSON.parse built an array for the term and each of its words only to have them copied into
 * parts: a third of a term's cost, and as much again in collections. Undefined for any other line
 * (or anything unexpected), which the caller hands to JSON.parse: the result is the same either way.
 */
function readPlainTerm(line: string, word: (stem: boolean, key: string, sq: string, tr: string | undefined) => TermPart, gap: (max: number) => TermPart, lang: (code: string) => string): TermEntry | undefined {
  if (line.indexOf("\\") !== -1 || line.indexOf("{") !== -1 || line.charCodeAt(0) !== OPEN) return undefined;
  let at = 1;
  // A run of digits at `at` (moved past it); -1 when there is none.
  const int = (): number => {
    let n = 0;
    const from = at;
    for (let c = line.charCodeAt(at); c >= 0x30 && c <= 0x39; c = line.charCodeAt(++at)) n = n * 10 + (c - 0x30);
    return at > from && at - from < 16 ? n : -1;
  };
  // A string at `at` (moved past its closing quote); undefined when there is none.
  const str = (): string | undefined => {
    if (line.charCodeAt(at) !== QUOTE) return undefined;
    const end = line.indexOf('"', at + 1);
    if (end < 0) return undefined;
    // A slice of 13 units or more is V8's view of the line (a sliced string), and a decoded term
    // is kept for the rest of the run: each term's source kept its whole line alive (8.6 MB on the
    // real-text series' first 18,000 posts). JSON.parse of the quoted text makes a string of its
    // own, and gives the text itself: a line read here has no backslash, and JSON.stringify
    // escapes every quote, control character and lone surrogate with one.
    const s = end - at - 1 < SLICE_MIN ? line.slice(at + 1, end) : (JSON.parse(line.slice(at, end + 1)) as string);
    at = end + 1;
    return s;
  };
  const comma = (): boolean => line.charCodeAt(at++) === COMMA;
  const lexicon = int();
  if (lexicon < 0 || !comma()) return undefined;
  const code = str();
  if (code === undefined || !comma()) return undefined;
  const source = str();
  if (source === undefined || !comma() || line.charCodeAt(at++) !== OPEN) return undefined;
  // Collected in a scratch array and copied at the end: an array grown by push from empty holds
  // room for 17 elements (152 bytes where a term of three parts needs 40), and a run over real
  // text keeps ~90,000 decoded terms (12.7 MB of parts arrays on the real-text series' first
  // 18,000 posts, a third of what its decoded terms held).
  const parts = scratchParts;
  parts.length = 0;
  while (line.charCodeAt(at) !== CLOSE) {
    if (parts.length > 0 && !comma()) return undefined;
    if (line.charCodeAt(at) !== OPEN) {
      const max = int();
      if (max < 0) return undefined;
      parts.push(gap(max));
      continue;
    }
    at++;
    const stem = int();
    if ((stem !== 0 && stem !== 1) || !comma()) return undefined;
    const key = str();
    if (key === undefined || !comma()) return undefined;
    const sq = line.charCodeAt(at) === QUOTE ? str() : int() === 0 ? key : undefined;
    if (sq === undefined || !comma()) return undefined;
    let tr: string | undefined;
    if (line.charCodeAt(at) === QUOTE) {
      tr = str();
      if (tr === undefined) return undefined;
    } else if (int() !== 0) return undefined;
    if (line.charCodeAt(at++) !== CLOSE) return undefined;
    parts.push(word(stem === 1, key, sq, tr));
  }
  // The parts' and the term's closing brackets end the line.
  if (at + 2 !== line.length || line.charCodeAt(at + 1) !== CLOSE) return undefined;
  // slice(): an array of exactly the parts, of the scratch array's elements kind (packed objects).
  return { lexicon, lang: lang(code), source, parts: parts.slice() };
}

/** V8 makes a slice of this many units or more a view of the string it was cut from (SlicedString::kMinLength). */
const SLICE_MIN = 13;

/** The parts of the term {@link readPlainTerm} is reading (it is never re-entered). */
const scratchParts: TermPart[] = [];
