/**
 * eld's text processing up to its n-grams, mirrored for the language model (see language-id.ts for
 * why eld is not used itself): textProcessor() and strToUtf8Bytes() of eld 2.1.0's
 * src/languageDetector.js, which turn a text into words of UTF-8 bytes. Each byte is kept as the
 * character eld's byte dictionary gives it (one byte, since all are below U+0100), so that the
 * n-grams can be looked up in the model without building a string.
 */

import { lowerCase } from "./lower-case.js";

// eld's cut-offs in strToUtf8Bytes(): a text stops at the first space after 350 bytes, or after
// any character once past 380.
const CUT_AFTER = 350;
const ENFORCE_CUT_AFTER = 380;
/** The most bytes a text can leave (380 plus one character of up to 4 bytes). */
export const MAX_WORD_BYTES = ENFORCE_CUT_AFTER + 4;

const CAPITAL_SIGMA = "\u03A3";

/**
 * Reads texts into words of bytes, eld's way, into buffers it reuses: one instance per model, and
 * nothing allocated per character.
 */
export class EldWords {
  /** The bytes of the last text read, each as eld's dictionary character. */
  readonly bytes = new Uint8Array(MAX_WORD_BYTES);
  /** Where each word of the last text ends in `bytes`; a word starts where the one before ends. */
  readonly ends = new Int32Array(MAX_WORD_BYTES);
  readonly #letters: Uint8Array;
  readonly #keep: Uint8Array;
  readonly #byteChars: Uint8Array;
  // strToUtf8Bytes()'s state: bytes written, bytes counted (spaces too), the current word's start.
  #pos = 0;
  #count = 0;
  #wordStart = 0;
  #words = 0;
  /** Set by #run(): the offset of the run's last character that is not an apostrophe, or -1. */
  #runLast = -1;

  /**
   * @param letters bit c set: UTF-16 unit c is a letter for eld's separator regex.
   * @param keep bit c set: c is a non-letter the regex keeps at the end of a run.
   * @param byteChars eld's byte dictionary, one character code per byte value.
   */
  constructor(letters: Uint8Array, keep: Uint8Array, byteChars: Uint8Array) {
    this.#letters = letters;
    this.#keep = keep;
    this.#byteChars = byteChars;
  }

  /**
   * Reads `s` (eld's text after its 1000-character cut) into `bytes` and `ends`; returns the
   * number of words.
   *
   * eld replaces separators, trims and lower-cases the whole text, then encodes it. Lower-casing
   * (String.prototype.toLowerCase, locale-free) maps each character on its own except a capital
   * sigma, which depends on its neighbours, and no character to a shorter one (as test/text checks
   * of every code point). So when `s` has no capital sigma and lower-casing keeps its length, the
   * lower-cased `s` holds, at the same offsets, the characters of eld's processed text, and one pass
   * reads them without building that text (which took a quarter of a detection's time). Otherwise
   * the text is processed as eld does it, step by step.
   */
  read(s: string): number {
    this.#pos = 0;
    this.#count = 0;
    this.#wordStart = 0;
    this.#words = 0;
    const lower = lowerCase(s);
    if (lower.length === s.length && !s.includes(CAPITAL_SIGMA)) this.#readAligned(s, lower);
    else this.#readProcessed(this.#process(s));
    if (this.#pos > this.#wordStart) this.ends[this.#words++] = this.#pos;
    return this.#words;
  }

  #isLetter(c: number): boolean {
    return (this.#letters[c >> 3]! & (1 << (c & 7))) !== 0;
  }

  #isKept(c: number): boolean {
    return (this.#keep[c >> 3]! & (1 << (c & 7))) !== 0;
  }

  /**
   * textProcessor()'s `text.replace(separators, ' ')`, where `separators` is `[^L]+(?<!['`’])`
   * over eld's letter list L: a run of non-letters becomes one space up to its last character that
   * is not an apostrophe; apostrophes that end a run stay (so "don't" keeps its own). Then eld's
   * trim() and toLowerCase().
   */
  #process(s: string): string {
    let out = "";
    let from = 0;
    let i = 0;
    while (i < s.length) {
      if (this.#isLetter(s.charCodeAt(i))) {
        i++;
        continue;
      }
      const end = this.#run(s, i);
      if (this.#runLast >= 0) {
        out += s.slice(from, i) + " ";
        from = this.#runLast + 1;
      }
      i = end;
    }
    return (from === 0 ? s : out + s.slice(from)).trim().toLowerCase();
  }

  /** The end of the run of non-letters at `i`; sets #runLast. */
  #run(s: string, i: number): number {
    let last = -1;
    let q = i;
    for (; q < s.length; q++) {
      const c = s.charCodeAt(q);
      if (this.#isLetter(c)) break;
      if (!this.#isKept(c)) last = q;
    }
    this.#runLast = last;
    return q;
  }

  /** strToUtf8Bytes() over eld's processed text. */
  #readProcessed(t: string): void {
    for (let i = 0; i < t.length; i++) {
      let c = t.charCodeAt(i);
      if (c >= 0xd800 && c < 0xe000) {
        // As eld: the next unit is taken as the low surrogate, whatever it is (NaN & 0x3ff is 0).
        // Not reached with eld 2.1.0's tables (surrogates are separators, and no letter lower-cases
        // to one), but kept so that the steps stay eld's if its letter list grows.
        i++;
        c = 0x10000 + (((c & 0x3ff) << 10) | (t.charCodeAt(i) & 0x3ff));
      }
      if (!this.#unit(c)) return;
    }
  }

  /**
   * strToUtf8Bytes() over the processed text without building it: `s` tells letters from
   * separators, `lower` (its lower-cased form, offset for offset) gives the characters. The space
   * of a run at the start is trimmed, as in eld; one at the end is encoded, which changes nothing
   * (it only ends the last word). Letters and apostrophes are never surrogates, so neither are the
   * characters encoded here.
   *
   * The same steps as {@link #unit} for each character, written out in one loop over local
   * variables (the state is stored back at the end): this loop runs over every character of nearly
   * every post, and a call and the fields' loads and stores per character were most of its cost.
   * test/text/eld-words.test.ts holds it to {@link #readProcessed} over eld's processed text.
   */
  #readAligned(s: string, lower: string): void {
    const letters = this.#letters;
    const keep = this.#keep;
    const dict = this.#byteChars;
    const out = this.bytes;
    const ends = this.ends;
    const n = s.length;
    let pos = this.#pos;
    let count = this.#count;
    let wordStart = this.#wordStart;
    let words = this.#words;
    let i = 0;
    // The apostrophes of a run still to encode, [k, kEnd).
    let k = 0;
    let kEnd = 0;
    for (;;) {
      let c: number;
      if (k < kEnd) c = lower.charCodeAt(k++);
      else {
        if (i >= n) break;
        const c0 = s.charCodeAt(i);
        if ((letters[c0 >> 3]! & (1 << (c0 & 7))) !== 0) {
          c = lower.charCodeAt(i);
          i++;
        } else {
          // A run of non-letters (see #run): replaced by one space up to its last character that is
          // not an apostrophe; the apostrophes after it (the whole run when nothing is replaced) stay.
          let last = -1;
          let q = i;
          for (; q < n; q++) {
            const d = s.charCodeAt(q);
            if ((letters[d >> 3]! & (1 << (d & 7))) !== 0) break;
            if ((keep[d >> 3]! & (1 << (d & 7))) === 0) last = q;
          }
          const first = i === 0;
          k = last >= 0 ? last + 1 : i;
          kEnd = q;
          i = q;
          if (last < 0 || first) continue;
          c = 32;
        }
      }
      // #unit(c), inline.
      if (c < 0x80) {
        if (c === 32) {
          if (pos > wordStart) ends[words++] = pos;
          wordStart = pos;
          if (count > CUT_AFTER) break;
        } else {
          out[pos++] = c;
        }
        count++;
      } else if (c < 0x800) {
        out[pos++] = dict[0xc0 | (c >> 6)]!;
        out[pos++] = dict[0x80 | (c & 0x3f)]!;
        count += 2;
      } else if (c < 0x10000) {
        out[pos++] = dict[0xe0 | (c >> 12)]!;
        out[pos++] = dict[0x80 | ((c >> 6) & 0x3f)]!;
        out[pos++] = dict[0x80 | (c & 0x3f)]!;
        count += 3;
      } else {
        out[pos++] = dict[0xf0 | (c >> 18)]!;
        out[pos++] = dict[0x80 | ((c >> 12) & 0x3f)]!;
        out[pos++] = dict[0x80 | ((c >> 6) & 0x3f)]!;
        out[pos++] = dict[0x80 | (c & 0x3f)]!;
        count += 4;
      }
      if (count > ENFORCE_CUT_AFTER) break;
    }
    this.#pos = pos;
    this.#count = count;
    this.#wordStart = wordStart;
    this.#words = words;
  }

  /**
   * One character (a code point) of strToUtf8Bytes(): its UTF-8 bytes through the dictionary, or
   * at a space the end of a word. False when eld stops reading there.
   */
  #unit(c: number): boolean {
    const out = this.bytes;
    const dict = this.#byteChars;
    if (c < 0x80) {
      if (c === 32) {
        if (this.#pos > this.#wordStart) this.ends[this.#words++] = this.#pos;
        this.#wordStart = this.#pos;
        if (this.#count > CUT_AFTER) return false;
      } else {
        out[this.#pos++] = c;
      }
      this.#count++;
    } else if (c < 0x800) {
      out[this.#pos++] = dict[0xc0 | (c >> 6)]!;
      out[this.#pos++] = dict[0x80 | (c & 0x3f)]!;
      this.#count += 2;
    } else if (c < 0x10000) {
      out[this.#pos++] = dict[0xe0 | (c >> 12)]!;
      out[this.#pos++] = dict[0x80 | ((c >> 6) & 0x3f)]!;
      out[this.#pos++] = dict[0x80 | (c & 0x3f)]!;
      this.#count += 3;
    } else {
      out[this.#pos++] = dict[0xf0 | (c >> 18)]!;
      out[this.#pos++] = dict[0x80 | ((c >> 12) & 0x3f)]!;
      out[this.#pos++] = dict[0x80 | ((c >> 6) & 0x3f)]!;
      out[this.#pos++] = dict[0x80 | (c & 0x3f)]!;
      this.#count += 4;
    }
    return this.#count <= ENFORCE_CUT_AFTER;
  }
}
