import { C_SPACE, C_WORD, codePointAt, codePointClass, unitClass } from "./char-class.js";

/**
 * Words, sentences, clauses and quotations of a normalised text. Word boundaries are Unicode-aware
 * (letters, marks and digits of any script; an apostrophe between letters stays inside the word),
 * which JavaScript's ASCII-only `\b` cannot give for Cyrillic or Polish.
 */
export interface Tokens {
  /** Normalised text of each word. */
  readonly words: readonly string[];
  /** Start and end (exclusive) of each word in the normalised text. */
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** Sentence and clause number of each word (clauses are numbered across the whole text). */
  readonly sentence: Uint32Array;
  readonly clause: Uint32Array;
  /** 1 when the word stands inside quotation marks. */
  readonly quoted: Uint8Array;
}

// The scanners below read what these patterns match, a character class lookup a code unit:
//   a word      [\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*
//   a sentence  [.!?…]+["'»”“)\]]*\s|[.!?…]+["'»”“)\]]*$|\n   (within one gap between words)
//   a clause    [,;:—–()[\]]|\s-\s|^-\s|\s-$                (within one gap)

const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;
const NEWLINE = 0x0a;
const SPACE = 0x20;

/** Units taken by the code point {@link classAt} last looked at (a second result without allocating a pair). */
let width = 1;
/** Classes of the code point at `i` of `s`; sets {@link width}. */
function classAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) {
    width = 1;
    return unitClass(c);
  }
  const cp = codePointAt(s, i);
  width = cp > 0xffff ? 2 : 1;
  return codePointClass(cp);
}

function isSpaceUnit(c: number): boolean {
  return (unitClass(c) & C_SPACE) !== 0;
}

/** Characters that end a sentence, and closing marks that may follow them. */
function isStop(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0xbb || c === 0x201d || c === 0x201c || c === 0x29 || c === 0x5d;
}
function isClausePunct(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x2014 || c === 0x2013 || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d;
}

/** Whether text[a, b) holds a line break, or sentence punctuation followed (after closing marks) by a space or the gap's end. */
function endsSentence(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c === NEWLINE) return true;
    if (!isStop(c)) continue;
    let j = k + 1;
    while (j < b && isStop(text.charCodeAt(j))) j++;
    while (j < b && isCloser(text.charCodeAt(j))) j++;
    if (j === b || isSpaceUnit(text.charCodeAt(j))) return true;
    // Starting later in the same run ends at the same j: look on from there.
    k = j - 1;
  }
  return false;
}

/** Whether text[a, b) holds clause punctuation, or a hyphen with a space (or the gap's edge) on each side. */
function endsClause(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (isClausePunct(c)) return true;
    if (c === HYPHEN && b - a > 1 && (k === a || isSpaceUnit(text.charCodeAt(k - 1))) && (k === b - 1 || isSpaceUnit(text.charCodeAt(k + 1))))
      return true;
  }
  return false;
}

/** What a quotation mark does: opens, closes, or either (decided by its neighbours). */
const NOT_QUOTE = 0;
const OPENS = 1;
const CLOSES = 2;
const EITHER = 3;

function quoteKind(c: number): number {
  switch (c) {
    case 0xab: // «
    case 0x201e: // „
    case 0x2039: // ‹
    case 0x201a: // ‚
      return OPENS;
    case 0xbb: // »
    case 0x203a: // ›
      return CLOSES;
    case 0x22: // "
    case 0x201c: // “
    case 0x201d: // ”
    case 0x27: // '
    case 0x2018: // ‘
    case 0x2019: // ’
      return EITHER;
    default:
      return NOT_QUOTE;
  }
}

/** Splits a normalised text into words and finds their sentence, clause and quotation. */
export function tokenise(text: string): Tokens {
  const words: string[] = [];
  const s: number[] = [];
  const e: number[] = [];
  const len = text.length;
  for (let i = 0; i < len; ) {
    if ((classAt(text, i) & C_WORD) === 0) {
      i += width;
      continue;
    }
    const start = i;
    i += width;
    while (i < len) {
      if ((classAt(text, i) & C_WORD) !== 0) i += width;
      // An apostrophe between word characters stays inside the word.
      else if (text.charCodeAt(i) === APOSTROPHE && i + 1 < len && (classAt(text, i + 1) & C_WORD) !== 0) i += 1 + width;
      else break;
    }
    words.push(text.slice(start, i));
    s.push(start);
    e.push(i);
  }
  const n = words.length;
  // One buffer for the five per-word arrays: allocating a typed array's store costs more than
  // filling it, and a post has some twenty words.
  const buffer = new ArrayBuffer(17 * n);
  const starts = new Uint32Array(buffer, 0, n);
  const ends = new Uint32Array(buffer, 4 * n, n);
  const sentence = new Uint32Array(buffer, 8 * n, n);
  const clause = new Uint32Array(buffer, 12 * n, n);
  const quoted = new Uint8Array(buffer, 16 * n, n);
  const quotedDepth: number[] = [];
  let sen = 0;
  let cl = 0;
  let depth = 0;
  // Word index at each quote we opened (a stack, so never decreasing), so an unbalanced one can be taken back.
  const openWord: number[] = [];
  /** Follows the quotation marks in the gap text[a, b) before word i (i = n: the text after the last word). */
  const quotes = (a: number, b: number, i: number): void => {
    for (let k = a; k < b; k++) {
      const kind = quoteKind(text.charCodeAt(k));
      if (kind === NOT_QUOTE) continue;
      // An ambiguous mark closes when it follows a word directly, and opens when a word follows it.
      const closes =
        kind === CLOSES || (kind === EITHER && depth > 0 && (k === a || !isSpaceUnit(text.charCodeAt(k - 1))));
      if (closes) {
        if (depth > 0) {
          depth--;
          openWord.pop();
        }
      } else {
        depth++;
        openWord.push(i);
      }
    }
  };
  for (let i = 0; i < n; i++) {
    const a = i === 0 ? 0 : (e[i - 1] as number);
    const b = s[i] as number;
    // Most gaps are one space: nothing can end a sentence or clause or open a quote there.
    if (b - a !== 1 || text.charCodeAt(a) !== SPACE) {
      if (i > 0 && b > a) {
        if (endsSentence(text, a, b)) {
          sen++;
          cl++;
        } else if (endsClause(text, a, b)) cl++;
      }
      quotes(a, b, i);
    }
    starts[i] = b;
    ends[i] = e[i] as number;
    sentence[i] = sen;
    clause[i] = cl;
    quotedDepth.push(depth);
  }
  // A quotation closed at the very end of the text ("… «смерть окупантам»") is closed, not stray.
  if (n > 0) quotes(e[n - 1] as number, len, n);
  // A quote never closed is more likely a stray mark than a quotation running to the end: the
  // words from it on lose one level for each unclosed quote opened at or before them.
  let unclosedSoFar = 0;
  for (let i = 0; i < n; i++) {
    while (unclosedSoFar < openWord.length && (openWord[unclosedSoFar] as number) <= i) unclosedSoFar++;
    quoted[i] = (quotedDepth[i] as number) - unclosedSoFar > 0 ? 1 : 0;
  }
  return { words, starts, ends, sentence, clause, quoted };
}
