/**
 * The regex implementations that the text scanners replaced, kept as specifications: property tests
 * check that the fast scanners give the same results on arbitrary text.
 */
import { RewriteBuilder, type Rewrite } from "../../src/text/rewrite.js";
import type { Tokens } from "../../src/text/tokenise.js";

const WORD = /[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*|[\u{1F000}-\u{1FBFF}\u2600-\u27BF]/gu;
/** A pictograph is a word of its own, in a clause of its own; an enclosed digit or letter of those blocks ("🄀") is a word character. */
const PICTOGRAPH = /^(?![\p{L}\p{M}\p{N}])[\u{1F000}-\u{1FBFF}\u2600-\u27BF]$/u;
const SENTENCE_END = /[.!?…։]+["'»”“)\]]*\s|[.!?…։]+["'»”“)\]]*$|\n|[•‣⁃▪▫▶►◦●]/u;
const CLAUSE_END = /[,;:—–()[\]]|\s-\s|^-\s|\s-$|\s\/$/u;
const OPENERS = new Set(["«", "„", "‹", "‚"]);
const CLOSERS = new Set(["»", "›"]);
const EITHER = new Set(['"', "“", "”", "'", "‘", "’"]);

/** tokenise() as a handful of regexes. */
export function referenceTokenise(text: string): Tokens {
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
  // Whether every word of sentence `tagSentence` so far is a hashtag (or an @handle or a timestamp): the first word after such a run
  // opens a clause (unless the gap or a pictograph already did).
  let tagSentence = -1;
  let tagRun = false;
  const hashtags = (i: number, clBefore: number): void => {
    // …or @handles, or the parts of a timestamp ("2:34", "1:02:33": digits joined by a colon to digits)
    const w = words[i] as string;
    const stamp = /^[0-9]+$/.test(w) && (/^:[0-9]/.test(text.slice(e[i] as number)) || /[0-9]:$/.test(text.slice(0, s[i] as number)));
    const before = (s[i] as number) > 0 ? text[(s[i] as number) - 1] : "";
    const joined = before === "_" && tagRun && sen === tagSentence && i > 0 && e[i - 1] === (s[i] as number) - 1;
    const tag = before === "#" || before === "@" || joined || stamp;
    if (sen !== tagSentence) {
      tagSentence = sen;
      tagRun = tag;
    } else if (tagRun && !tag) {
      tagRun = false;
      if (cl === clBefore) clause[i] = ++cl;
    }
  };
  for (let i = 0; i < n; i++) {
    const gapStart = i === 0 ? 0 : (e[i - 1] as number);
    const gap = text.slice(gapStart, s[i]);
    const clBefore = cl;
    // A pictograph opens a clause, and so does the word after one (unless the gap already did).
    const pictBreak = i > 0 && (PICTOGRAPH.test(words[i] as string) || PICTOGRAPH.test(words[i - 1] as string)) && !(gap.length > 0 && (SENTENCE_END.test(gap) || CLAUSE_END.test(gap)));
    if (pictBreak) cl++;
    // Most gaps are one space: nothing can end a sentence or clause or open a quote there.
    if (gap === " ") {
      sentence[i] = sen;
      clause[i] = cl;
      quotedDepth[i] = depth;
      hashtags(i, clBefore);
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
    hashtags(i, clBefore);
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
  // Reply quotes: a line opened by ">" (not ">>123", a post reference), answered by an own word after it.
  const replyLines = [...text.matchAll(/(?<![^\n])[ \t\u00A0]*>(?!>*[0-9])[^\n]*/gu)].map((m) => [m.index, m.index + m[0].length] as const);
  const inReply = s.map((at) => replyLines.some(([a, b]) => a <= at && at < b));
  inReply.forEach((x, i) => x && inReply.slice(i + 1).some((y) => !y) && (quoted[i] = 1));
  return { words, starts: Uint32Array.from(s), ends: Uint32Array.from(e), sentence, clause, quoted, pictographs: words.filter((w) => PICTOGRAPH.test(w)).length };
}

const LATIN = /\p{Script=Latin}/u;
const MARK = /\p{M}/u;
const MARKS_G = /\p{M}/gu;
const SPECIAL_LATIN: Record<string, string> = {
  ł: "l", ø: "o", đ: "d", ħ: "h", ı: "i", ß: "ss", æ: "ae", œ: "oe", þ: "th", ŀ: "l", ə: "e",
  "\u055B": "", "\u055C": "", "\u055D": ",", "\u055E": "",
};
const NEEDS_FOLD = /[\p{M}\u00C0-\u024F\u0259\u1E00-\u1EFFё\u055B-\u055E]/u;
const FOLD_CLUSTER = /[\u00C0-\u024F\u0259\u1E00-\u1EFFё\u055B-\u055E]\p{M}*|\P{M}\p{M}+|\p{M}+/gsu;

/** The diacritics transformer's apply() as a cluster regex. */
export function referenceDiacritics(input: string): Rewrite | null {
  if (!NEEDS_FOLD.test(input)) return null;
  const b = new RewriteBuilder(input);
  let last = 0;
  for (const m of input.matchAll(FOLD_CLUSTER)) {
    const c = m[0];
    const end = m.index + c.length;
    b.keep(last, m.index);
    last = end;
    let out: string;
    let evasive = false;
    const base = c.normalize("NFC");
    if (base === "ё") out = "е";
    else if (SPECIAL_LATIN[c] !== undefined) out = SPECIAL_LATIN[c];
    else if (LATIN.test(c)) {
      out = base.normalize("NFD").replace(MARKS_G, "");
      evasive = base.length - out.length > 1;
    } else if (MARK.test(base)) {
      out = base.replace(MARKS_G, "");
      evasive = c.length - out.length > 1;
    } else out = base;
    if (out === c) b.keep(m.index, end);
    else b.replace(m.index, end, out, evasive);
  }
  b.keep(last, input.length);
  return b.finish();
}
