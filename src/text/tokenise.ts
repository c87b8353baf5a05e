import { C_SPACE, C_WORD, codePointAt, codePointClass, unitClass } from "./char-class.js";
import { WORD_HASH_BASIS, WORD_HASH_PRIME, WordInterner } from "./word-intern.js";

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
  /** How many of the words are pictographs (see {@link isPictographWord}): no words of any language. */
  readonly pictographs: number;
}

// The scanners below read what these patterns match, a character class lookup a code unit:
//   a word      [\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}\p{N}]+)*
//   a sentence  [.!?…։]+["'»”“)\]]*\s|[.!?…։]+["'»”“)\]]*$|\n|[•‣⁃▪▫▶►◦●]   (within one gap between words)
//   a clause    [,;:—–()[\]]|\s-\s|^-\s|\s-$|\s/$                (within one gap)
//   a pictograph (emoji, U+2600-27BF, U+1F000-1FBFF) is a word of its own, in a clause of its own
//   the hashtags that open a sentence are a clause of their own

const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;
const NEWLINE = 0x0a;
const SPACE = 0x20;
const HASH = 0x23;
const AT = 0x40;
const COLON = 0x3a;
const UNDERSCORE = 0x5f;
const SLASH = 0x2f;

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

/**
 * Characters that end a sentence, and closing marks that may follow them. U+0589 is the Armenian
 * full stop ("։"), which Armenian writes where other scripts put "." ("Չեմ խղճում։ Պետք է …").
 */
function isStop(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x589;
}
function isCloser(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0xbb || c === 0x201d || c === 0x201c || c === 0x29 || c === 0x5d;
}
function isClausePunct(c: number): boolean {
  return c === 0x2c || c === 0x3b || c === 0x3a || c === 0x2014 || c === 0x2013 || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d;
}

/**
 * List bullets ("•", "▪", "►", "‣", "◦", "⁃"): each opens an item, as a line break would. A numbered
 * item ("2.", "3)") already ends what comes before it at its full stop or bracket.
 */
function isBullet(c: number): boolean {
  return c === 0x2022 || c === 0x2023 || c === 0x2043 || c === 0x25aa || c === 0x25ab || c === 0x25b6 || c === 0x25ba || c === 0x25e6 || c === 0x25cf;
}

/**
 * Emoji and pictographs (the high surrogates of U+1F000-1FBFF, the symbols and dingbats of
 * U+2600-27BF: "🔥", "🇺🇦", "✅", "❤"). Each is a word of its own, so that a lexicon can name one
 * ("⚽" as a sign of sport, "😂" of a joke), and stands in a clause of its own, so that a frame does
 * not reach from one emoji-separated phrase into the next ("Смерть ворогам 🔥 хай живе Україна").
 */
function isPictograph(text: string, k: number, c: number): boolean {
  if (c >= 0x2600 && c <= 0x27bf) return true;
  if (c < 0xd83c || c > 0xd83e) return false;
  const d = text.charCodeAt(k + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/**
 * True when word `w` (of {@link Tokens.words}) is a pictograph: it belongs to no language. An
 * enclosed digit or letter of the same blocks ("🄀", "🅰") is a word character, as tokenise() reads it.
 */
export function isPictographWord(w: string): boolean {
  const c = w.charCodeAt(0);
  return w.length > 0 && w.length <= 2 && isPictograph(w, 0, c) && (codePointClass(codePointAt(w, 0)) & C_WORD) === 0;
}

/** Whether text[a, b) holds a line break or a bullet, or sentence punctuation followed (after closing marks) by a space or the gap's end. */
function endsSentence(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c === NEWLINE || isBullet(c)) return true;
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

/**
 * Whether text[a, b) holds clause punctuation, or a hyphen with a space (or the gap's edge) on each
 * side, or ends with a slash after a space: the tag of "kill them all /s", "/j", set off from the
 * words it marks ("and/or", "24/7" have no space before the slash).
 */
function endsClause(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (isClausePunct(c)) return true;
    if (c === SLASH && k === b - 1 && k > a && isSpaceUnit(text.charCodeAt(k - 1))) return true;
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

/**
 * The per-word arrays of a post are views on a shared slab: allocating an ArrayBuffer costs more
 * than scanning the post. A slab is never written again once carved, and is freed when the last
 * Tokens viewing it is.
 */
const SLAB_BYTES = 16384;
let slab: ArrayBuffer | undefined;
let slabUsed = 0;

/** `bytes` of zeroed memory: the buffer, with the offset of the space in {@link carvedAt}. */
let carvedAt = 0;
function carve(bytes: number): ArrayBuffer {
  // Offsets stay multiples of 4 so that Uint32Array views can start at them.
  const size = (bytes + 3) & ~3;
  if (size > SLAB_BYTES / 4) {
    carvedAt = 0;
    return new ArrayBuffer(size);
  }
  if (slab === undefined || slabUsed + size > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    slabUsed = 0;
  }
  carvedAt = slabUsed;
  slabUsed += size;
  return slab;
}

// Scratch space reused by every call (tokenise is synchronous and never re-entered): five values
// a word until the number of words is known, and the stack of quotes opened and not yet closed.
const STRIDE = 5;
let scratch = new Int32Array(STRIDE * 64);
/** Word index at each open quote (a stack, so never decreasing), so an unbalanced one can be taken back. */
const openWord: number[] = [];
let depth = 0;

/** Follows the quotation marks in the gap text[a, b) before word i (i = the word count: the text after the last word). */
function quotes(text: string, a: number, b: number, i: number): void {
  for (let k = a; k < b; k++) {
    const kind = quoteKind(text.charCodeAt(k));
    if (kind === NOT_QUOTE) continue;
    // An ambiguous mark closes when it follows a word directly, and opens when a word follows it.
    const closes = kind === CLOSES || (kind === EITHER && depth > 0 && (k === a || !isSpaceUnit(text.charCodeAt(k - 1))));
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
}

/**
 * True when the gap of normalised `text` between word `left` and the word `right` after it holds a
 * colon: an attribution or a title before it, the setting of a call (`tokens` index `text`).
 */
export function colonBetween(tokens: Tokens, text: string, left: number, right: number): boolean {
  return text.slice(tokens.ends[left] as number, tokens.starts[right] as number).includes(":");
}

const GT = 0x3e;
const TAB = 0x09;
const NBSP = 0xa0;

/**
 * The reply quotes of a forum or mail post: the words of a line whose first mark (after spaces) is
 * ">" are someone else's words, quoted as by quotation marks ("> hang them all" above the poster's
 * "No. That's sick."). Not a post reference (">>48213 …", ">12 …": the ">"s followed at once by a
 * digit point to a post, and the line is the poster's own), and only the lines that the poster's
 * own words answer after them: not greentext, the poster's own story told line by line (">be me"),
 * nor quote lines that close a post.
 */
function markReplyQuotes(text: string, starts: Uint32Array, quoted: Uint8Array): void {
  const n = starts.length;
  if (n === 0 || text.indexOf(">") < 0) return;
  // The [start, end) of each reply-quote line, in order.
  const lines: number[] = [];
  for (let a = 0; a < text.length; ) {
    let b = text.indexOf("\n", a);
    if (b < 0) b = text.length;
    let k = a;
    while (k < b && (text.charCodeAt(k) === SPACE || text.charCodeAt(k) === TAB || text.charCodeAt(k) === NBSP)) k++;
    if (k < b && text.charCodeAt(k) === GT) {
      let j = k;
      while (j < b && text.charCodeAt(j) === GT) j++;
      const d = j < b ? text.charCodeAt(j) : -1;
      if (!(d >= 0x30 && d <= 0x39)) lines.push(a, b);
    }
    a = b + 1;
  }
  if (lines.length === 0) return;
  const inQuote = new Uint8Array(n);
  for (let w = 0, l = 0; w < n; w++) {
    const s = starts[w] as number;
    while (l < lines.length && (lines[l + 1] as number) <= s) l += 2;
    if (l < lines.length && (lines[l] as number) <= s) inQuote[w] = 1;
  }
  // Only the quote lines that the poster's own words answer after them.
  for (let w = n - 1, answered = false; w >= 0; w--) {
    if (inQuote[w] === 0) answered = true;
    else if (answered) quoted[w] = 1;
  }
}

const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** Whether text[start, end) is all ASCII digits and joined by a colon to digits before or after it: part of a timestamp ("2:34", "1:02:33"). */
function timestampPart(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!isAsciiDigit(text.charCodeAt(k))) return false;
  return (end + 1 < text.length && text.charCodeAt(end) === COLON && isAsciiDigit(text.charCodeAt(end + 1))) || (start >= 2 && text.charCodeAt(start - 1) === COLON && isAsciiDigit(text.charCodeAt(start - 2)));
}

/** The words of every post tokenised, one string each (tokenise is synchronous: one table a thread). */
const interned = new WordInterner();

/** Splits a normalised text into words and finds their sentence, clause and quotation. */
export function tokenise(text: string): Tokens {
  const words: string[] = [];
  const len = text.length;
  if (openWord.length !== 0) openWord.length = 0;
  depth = 0;
  let sen = 0;
  let cl = 0;
  let prevEnd = 0;
  let n = 0;
  let prevPict = false;
  let pictographs = 0;
  // Whether every word of sentence `tagSentence` so far is a hashtag.
  let tagSentence = -1;
  let tagRun = false;
  for (let i = 0; i < len; ) {
    // Most text is letters outside the surrogate range: their classes are one lookup away.
    const c = text.charCodeAt(i);
    const first = c < 0xd800 || c > 0xdbff ? unitClass(c) : classAt(text, i);
    let pict = false;
    if ((first & C_WORD) === 0) {
      // A pictograph is one word (its code point), never part of a longer one.
      if (isPictograph(text, i, c)) pict = true;
      else {
        i += c < 0xd800 || c > 0xdbff ? 1 : width;
        continue;
      }
    }
    const start = i;
    i += c < 0xd800 || c > 0xdbff ? 1 : pict ? 2 : width;
    // The word's hash (see word-intern.ts), unit by unit as the scan takes them in.
    let h = WORD_HASH_BASIS;
    for (let k = start; k < i; k++) h = Math.imul(h ^ text.charCodeAt(k), WORD_HASH_PRIME);
    while (!pict && i < len) {
      const d = text.charCodeAt(i);
      if (d < 0xd800 || d > 0xdbff) {
        if ((unitClass(d) & C_WORD) !== 0) {
          h = Math.imul(h ^ d, WORD_HASH_PRIME);
          i++;
          continue;
        }
      } else if ((classAt(text, i) & C_WORD) !== 0) {
        const to = i + width;
        for (; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), WORD_HASH_PRIME);
        continue;
      }
      // An apostrophe between word characters stays inside the word.
      if (d === APOSTROPHE && i + 1 < len && (classAt(text, i + 1) & C_WORD) !== 0) {
        const to = i + 1 + width;
        for (; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), WORD_HASH_PRIME);
      } else break;
    }
    // The gap before this word: most gaps are one space, where nothing can end a sentence or clause or open a quote.
    const clBefore = cl;
    if (start - prevEnd !== 1 || text.charCodeAt(prevEnd) !== SPACE) {
      if (n > 0 && start > prevEnd) {
        if (endsSentence(text, prevEnd, start)) {
          sen++;
          cl++;
        } else if (endsClause(text, prevEnd, start)) cl++;
      }
      quotes(text, prevEnd, start, n);
    }
    // A pictograph is a clause of its own: one starts at it and another after it.
    if ((pict || prevPict) && n > 0 && cl === clBefore) cl++;
    prevPict = pict;
    // Hashtags that open a sentence ("#putinhuylo smert putinu") are its topic, not its first words:
    // the sentence's own words start a clause after them. So are the @handles a comment answers
    // ("@CNN hang him") and a video's timestamp ("2:34 string him up", "1:02:33 …").
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    // (an underscore joins the next part of the same handle or tag: "@jake_99")
    const tag: boolean = before === HASH || before === AT || (before === UNDERSCORE && tagRun && sen === tagSentence && prevEnd === start - 1) || timestampPart(text, start, i);
    if (sen !== tagSentence) {
      tagSentence = sen;
      tagRun = tag;
    } else if (tagRun && !tag) {
      tagRun = false;
      if (cl === clBefore) cl++;
    }
    if (pict) pictographs++;
    if (STRIDE * (n + 1) > scratch.length) {
      const grown = new Int32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    const at = STRIDE * n;
    scratch[at] = start;
    scratch[at + 1] = i;
    scratch[at + 2] = sen;
    scratch[at + 3] = cl;
    scratch[at + 4] = depth;
    // One string for each distinct word, not a new substring each time it is met (see word-intern.ts).
    words.push(interned.get(text, start, i, h));
    n++;
    prevEnd = i;
  }
  // A quotation closed at the very end of the text ("… «смерть окупантам»") is closed, not stray.
  if (n > 0) quotes(text, prevEnd, len, n);
  const buffer = carve(17 * n);
  const base = carvedAt;
  const starts = new Uint32Array(buffer, base, n);
  const ends = new Uint32Array(buffer, base + 4 * n, n);
  const sentence = new Uint32Array(buffer, base + 8 * n, n);
  const clause = new Uint32Array(buffer, base + 12 * n, n);
  const quoted = new Uint8Array(buffer, base + 16 * n, n);
  // A quote never closed is more likely a stray mark than a quotation running to the end: the
  // words from it on lose one level for each unclosed quote opened at or before them.
  let unclosedSoFar = 0;
  for (let w = 0; w < n; w++) {
    const at = STRIDE * w;
    starts[w] = scratch[at] as number;
    ends[w] = scratch[at + 1] as number;
    sentence[w] = scratch[at + 2] as number;
    clause[w] = scratch[at + 3] as number;
    while (unclosedSoFar < openWord.length && (openWord[unclosedSoFar] as number) <= w) unclosedSoFar++;
    quoted[w] = (scratch[at + 4] as number) - unclosedSoFar > 0 ? 1 : 0;
  }
  markReplyQuotes(text, starts, quoted);
  // One huge post must not keep its scratch space for the rest of the run.
  if (scratch.length > STRIDE * 4096) scratch = new Int32Array(STRIDE * 64);
  return { words, starts, ends, sentence, clause, quoted, pictographs };
}
