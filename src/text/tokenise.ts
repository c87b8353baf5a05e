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

const WORD = /[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*/gu;
const SENTENCE_END = /[.!?…]+["'»”“)\]]*\s|[.!?…]+["'»”“)\]]*$|\n/u;
const CLAUSE_END = /[,;:—–()[\]]|\s-\s|^-\s|\s-$/u;
const OPENERS = new Set(["«", "„", "‹", "‚"]);
const CLOSERS = new Set(["»", "›"]);
const EITHER = new Set(['"', "“", "”", "'", "‘", "’"]);

/** Splits a normalised text into words and finds their sentence, clause and quotation. */
export function tokenise(text: string): Tokens {
  const words: string[] = [];
  const s: number[] = [];
  const e: number[] = [];
  for (const m of text.matchAll(WORD)) {
    words.push(m[0]);
    s.push(m.index);
    e.push(m.index + m[0].length);
  }
  const n = words.length;
  const sentence = new Uint32Array(n);
  const clause = new Uint32Array(n);
  const quotedDepth = new Int32Array(n);
  let sen = 0;
  let cl = 0;
  let depth = 0;
  // Position in `text` of each quote we opened, so an unbalanced one can be taken back.
  const openAt: number[] = [];
  const openWord: number[] = [];
  /** Follows the quotation marks in the gap before word i (i = n: the text after the last word). */
  const quotes = (gapStart: number, gap: string, i: number): void => {
    for (let k = 0; k < gap.length; k++) {
      const ch = gap[k] as string;
      if (OPENERS.has(ch)) {
        depth++;
        openAt.push(gapStart + k);
        openWord.push(i);
      } else if (CLOSERS.has(ch)) {
        if (depth > 0) {
          depth--;
          openAt.pop();
          openWord.pop();
        }
      } else if (EITHER.has(ch)) {
        // An ambiguous mark closes when it follows a word directly, and opens when a word follows it.
        const before = gapStart + k === 0 ? " " : (text[gapStart + k - 1] as string);
        const closes = depth > 0 && (k === 0 || !/\s/u.test(before));
        if (closes) {
          depth--;
          openAt.pop();
          openWord.pop();
        } else {
          depth++;
          openAt.push(gapStart + k);
          openWord.push(i);
        }
      }
    }
  };
  for (let i = 0; i < n; i++) {
    const gapStart = i === 0 ? 0 : (e[i - 1] as number);
    const gap = text.slice(gapStart, s[i]);
    // Most gaps are one space: nothing can end a sentence or clause or open a quote there.
    if (gap === " ") {
      sentence[i] = sen;
      clause[i] = cl;
      quotedDepth[i] = depth;
      continue;
    }
    if (i > 0 && gap.length > 0) {
      if (SENTENCE_END.test(gap)) {
        sen++;
        cl++;
      } else if (CLAUSE_END.test(gap)) cl++;
    }
    quotes(gapStart, gap, i);
    sentence[i] = sen;
    clause[i] = cl;
    quotedDepth[i] = depth;
  }
  // A quotation closed at the very end of the text ("… «смерть окупантам»") is closed, not stray.
  if (n > 0) quotes(e[n - 1] as number, text.slice(e[n - 1]), n);
  // A quote never closed is more likely a stray mark than a quotation running to the end.
  const quoted = new Uint8Array(n);
  const firstUnclosed = openWord.length > 0 ? (openWord[0] as number) : n;
  for (let i = 0; i < n; i++) {
    let d = quotedDepth[i] as number;
    if (i >= firstUnclosed) d -= openWord.filter((w) => w <= i).length;
    quoted[i] = d > 0 ? 1 : 0;
  }
  return { words, starts: Uint32Array.from(s), ends: Uint32Array.from(e), sentence, clause, quoted };
}
