/**
 * Language identification with the n-gram model of eld (Nito-ELD, Apache-2.0, "medium" database),
 * repacked at build time by scripts/build-language-model.js.
 *
 * Why hand-written rather than eld itself: importing `eld/medium` builds a JavaScript object of its
 * ~105,000 n-grams, 0.5-1 s before the first detection, while a whole one-post modpol run must take
 * about 100 ms. This module reads the packed model in place (typed-array views on the file's bytes,
 * nothing built per entry) and mirrors eld 2.1.0's algorithm step for step, so that it gives eld's
 * result, score for score: the functions named in the comments below are eld's
 * (src/languageDetector.js, src/LanguageResult.js). test/text/language-id.test.ts compares the two
 * on many texts; any change here or in eld's version must keep that test passing.
 */

import type { LanguageDetector, LanguageGuess as BaseGuess } from "./language.js";

/** The file format this module reads; scripts/build-language-model.js writes the same number. */
export const LANGUAGE_MODEL_FORMAT_VERSION = 1;

const MAGIC = "MPLANGID";
const PREAMBLE = 16;

// eld's constants. The byte cut-offs bound the work per text, hence the buffer sizes.
const MAX_CHARS = 1000; // detect(): text.substring(0, 1000)
const CUT_AFTER = 350; // strToUtf8Bytes(): stop at the first space after 350 bytes
const ENFORCE_CUT_AFTER = 380; // ... or after any character once past 380 bytes
const MAX_WORD = 70; // getByteNgrams(): a word's n-grams come from its first 70 bytes
const BASE_SCORE = 53; // calculateScores(): the database stores each score less 53
const SCALE = 25; // orderAndScale()
const THRESHOLD = 0.75; // isReliable()'s default ratio
const MAX_BYTES = ENFORCE_CUT_AFTER + 4;
// The n-grams seen in one text: at most one per word (2 bytes with its space) plus one per 3
// bytes, about 320 within MAX_BYTES, so 1024 slots stay at most a third full.
const SEEN_SLOTS = 1024;

/**
 * What {@link LanguageModel.detect} found: the {@link BaseGuess} every language identifier gives,
 * each field as eld has it (`best` is eld's `language`, null where eld gives ''; `scores` its
 * `getScores()`, best first, scaled 0-1; `reliable` its `isReliable()` at its default threshold).
 */
export interface LanguageGuess extends BaseGuess {
  /** How many distinct n-grams the text gave (eld's `numNgrams`), whether or not any scored. */
  readonly ngrams: number;
}

/** Where the model's data comes from, as its header says. */
export interface LanguageModelSource {
  readonly package: string;
  readonly version: string;
  readonly license: string;
  readonly database: string;
  readonly dataType: string;
}

interface Header {
  readonly source: LanguageModelSource;
  readonly notice: string;
  readonly languages: readonly string[];
  readonly avgScore: readonly (number | null)[];
  readonly keys: number;
  readonly pairs: number;
  /** Of the header's JSON, in bytes. */
  readonly length: number;
}

const bad = (why: string): Error => new Error(`not a usable modpol language model: ${why}`);

const align8 = (n: number): number => (n + 7) & ~7;

/** The header's JSON, which the build writes in ASCII: no text decoder needed. */
function readHeader(bytes: Uint8Array): Header {
  if (bytes.length < PREAMBLE) throw bad(`${bytes.length} bytes, too short for a header`);
  for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC.charCodeAt(i)) throw bad("it does not start with the model's signature");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== LANGUAGE_MODEL_FORMAT_VERSION) throw bad(`format version ${version}, this modpol reads version ${LANGUAGE_MODEL_FORMAT_VERSION}`);
  const length = view.getUint32(12, true);
  if (length > bytes.length - PREAMBLE) throw bad("its header runs past the end of the file");
  let json = "";
  for (let i = 0; i < length; i += 4096) json += String.fromCharCode(...bytes.subarray(PREAMBLE + i, PREAMBLE + Math.min(length, i + 4096)));
  let h: unknown;
  try {
    h = JSON.parse(json);
  } catch {
    throw bad("its header is not JSON");
  }
  const o = (typeof h === "object" && h !== null ? h : {}) as Record<string, unknown>;
  const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
  const src = (typeof o.source === "object" && o.source !== null ? o.source : {}) as Record<string, unknown>;
  const langs = o.languages;
  if (!Array.isArray(langs) || langs.length < 1 || langs.length > 255 || !langs.every((l) => typeof l === "string" && /^[a-z]{2,3}$/.test(l)) || new Set(langs).size !== langs.length) throw bad("its header lists no valid languages");
  const avg = o.avgScore;
  if (!Array.isArray(avg) || avg.length !== langs.length || !avg.every((a) => a === null || typeof a === "number")) throw bad("its header has no average score per language");
  if (!count(o.keys) || !count(o.pairs) || o.pairs < o.keys) throw bad("its header gives no table sizes");
  if (typeof o.notice !== "string" || !["package", "version", "license", "database", "dataType"].every((k) => typeof src[k] === "string")) throw bad("its header does not say where its data comes from");
  return { source: src as unknown as LanguageModelSource, notice: o.notice, languages: langs as string[], avgScore: avg as (number | null)[], keys: o.keys, pairs: o.pairs, length };
}

/**
 * eld's language model, read in place from the bytes of language-model.bin, and its detector.
 * One instance is meant to live for the whole process: it holds a few kilobytes of scratch space
 * reused by every call, so detection allocates nothing per n-gram.
 */
export class LanguageModel implements LanguageDetector {
  /** The ISO 639-1 codes of the languages the model tells apart (eld's 60), in eld's order. */
  readonly languages: readonly string[];
  /** eld's package, version and database the model was built from. */
  readonly source: LanguageModelSource;
  /** eld's copyright and licence notice, and what the build changed. */
  readonly notice: string;

  readonly #avgScore: Float64Array;
  readonly #letters: Uint8Array;
  readonly #keep: Uint8Array;
  readonly #byteChars: Uint8Array;
  readonly #prefixes: Uint32Array;
  readonly #keyRest: Uint32Array;
  readonly #pairStart: Uint32Array;
  readonly #pairs: Uint8Array;

  // Scratch, reused by every detect(): the text's bytes (as eld's dictionary characters), its
  // words, the n-grams seen so far (an open-addressing set stamped per call) and the scores.
  readonly #bytes = new Uint8Array(MAX_BYTES);
  readonly #wordEnds = new Int32Array(MAX_BYTES);
  readonly #key = new Uint8Array(6);
  readonly #seenPrefix = new Uint32Array(SEEN_SLOTS);
  readonly #seenRest = new Uint32Array(SEEN_SLOTS);
  readonly #seenStamp = new Uint32Array(SEEN_SLOTS);
  #stamp = 0;
  readonly #langScore: Int32Array;
  readonly #scaled: Float64Array;
  readonly #order: Int32Array;

  private constructor(bytes: Uint8Array, h: Header) {
    this.languages = Object.freeze([...h.languages]);
    this.source = Object.freeze({ ...h.source });
    this.notice = h.notice;
    this.#avgScore = Float64Array.from(h.avgScore, (a) => a ?? Number.NaN);
    this.#langScore = new Int32Array(h.languages.length);
    this.#scaled = new Float64Array(h.languages.length);
    this.#order = new Int32Array(h.languages.length);
    const n = h.keys;
    const p = h.pairs;
    let at = align8(PREAMBLE + h.length);
    const take = (size: number): number => {
      const from = at;
      at = align8(at + size);
      if (from + size > bytes.length) throw bad(`it ends early (${bytes.length} bytes for ${n} n-grams and ${p} scores)`);
      return bytes.byteOffset + from;
    };
    const buf = bytes.buffer;
    this.#letters = new Uint8Array(buf, take(8192), 8192);
    this.#keep = new Uint8Array(buf, take(8192), 8192);
    this.#byteChars = new Uint8Array(buf, take(256), 256);
    this.#prefixes = new Uint32Array(buf, take(4 * 65537), 65537);
    this.#keyRest = new Uint32Array(buf, take(4 * n), n);
    this.#pairStart = new Uint32Array(buf, take(4 * (n + 1)), n + 1);
    this.#pairs = new Uint8Array(buf, take(2 * p), 2 * p);
    if (at !== bytes.length) throw bad(`${bytes.length} bytes where its tables take ${at}`);
    // The tables' ends only: a scan of the 65,537 prefix entries took 3-8 ms before the first
    // detection (cold code, loaded machine), and detect() stays in bounds whatever the tables hold.
    if (this.#prefixes[0] !== 0 || this.#prefixes[65536] !== n || this.#pairStart[0] !== 0 || this.#pairStart[n] !== p) throw bad("its tables do not match its header");
  }

  /**
   * Reads a model from the bytes of language-model.bin. The model keeps views on `bytes` (or on a
   * copy, when they are not 8-byte aligned); they must not change afterwards.
   * @throws Error when the bytes are not a model of this format (another file, another version,
   *   truncated, inconsistent).
   */
  static fromBytes(bytes: Uint8Array): LanguageModel {
    if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) throw new Error("the language model is stored little-endian; this platform is big-endian");
    const h = readHeader(bytes);
    return new LanguageModel(bytes.byteOffset % 8 === 0 ? bytes : bytes.slice(), h);
  }

  /**
   * The language of `text.slice(start, end)`, exactly as eld 2.1.0 (`eld/medium`) gives it for that
   * string: the same best language, scores and reliability. As in eld, only the first 1000 UTF-16
   * units count, and of those only about the first 350 bytes of UTF-8 after separators are folded.
   * @throws RangeError when start and end are not integers with 0 ≤ start ≤ end ≤ text.length.
   */
  detect(text: string, start = 0, end: number = text.length): LanguageGuess {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) throw new RangeError(`detect: range ${start}..${end} is not within the text (0..${text.length})`);
    const words = this.#encode(this.#clean(text, start, Math.min(end, start + MAX_CHARS)));
    const ngrams = this.#score(words);
    return this.#result(ngrams);
  }

  /**
   * eld's textProcessor() up to its UTF-8 step: `text.replace(separators, ' ').trim().toLowerCase()`,
   * where `separators` is `[^L]+(?<!['`’])` over eld's own letter list L. A run of non-letters
   * becomes one space, up to its last character that is not an apostrophe; apostrophes that end a
   * run stay (so "don't" keeps its own). Lower-casing is the built-in one, on the replaced text, as
   * in eld: it depends on context (a final sigma), so it is not done character by character.
   */
  #clean(text: string, start: number, stop: number): string {
    const letters = this.#letters;
    const keep = this.#keep;
    let out = "";
    let from = start;
    let i = start;
    while (i < stop) {
      let c = text.charCodeAt(i);
      if ((letters[c >> 3]! & (1 << (c & 7))) !== 0) {
        i++;
        continue;
      }
      let last = -1;
      let q = i;
      for (; q < stop; q++) {
        c = text.charCodeAt(q);
        if ((letters[c >> 3]! & (1 << (c & 7))) !== 0) break;
        if ((keep[c >> 3]! & (1 << (c & 7))) === 0) last = q;
      }
      if (last >= 0) {
        out += text.slice(from, i) + " ";
        from = last + 1;
      }
      i = q;
    }
    out = from === start ? text.slice(start, stop) : out + text.slice(from, stop);
    return out.trim().toLowerCase();
  }

  /**
   * eld's strToUtf8Bytes(): the text's UTF-8 bytes, each replaced by the character eld's byte
   * dictionary gives it (one byte here), cut at the first space after 350 bytes or at any character
   * past 380, split at spaces. Fills #bytes and #wordEnds; returns the number of words.
   */
  #encode(s: string): number {
    const out = this.#bytes;
    const dict = this.#byteChars;
    const ends = this.#wordEnds;
    let words = 0;
    let pos = 0;
    let wordStart = 0;
    let count = 0;
    for (let i = 0; i < s.length; i++) {
      let c = s.charCodeAt(i);
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
      } else if (c < 0xd800 || c >= 0xe000) {
        out[pos++] = dict[0xe0 | (c >> 12)]!;
        out[pos++] = dict[0x80 | ((c >> 6) & 0x3f)]!;
        out[pos++] = dict[0x80 | (c & 0x3f)]!;
        count += 3;
      } else {
        // As eld: the next unit is taken as the low surrogate, whatever it is (NaN & 0x3ff is 0).
        // Not reached with eld 2.1.0's tables (surrogates are separators, and no letter lower-cases
        // to one), but kept so that the steps stay eld's if its letter list grows.
        i++;
        c = 0x10000 + (((c & 0x3ff) << 10) | (s.charCodeAt(i) & 0x3ff));
        out[pos++] = dict[0xf0 | (c >> 18)]!;
        out[pos++] = dict[0x80 | ((c >> 12) & 0x3f)]!;
        out[pos++] = dict[0x80 | ((c >> 6) & 0x3f)]!;
        out[pos++] = dict[0x80 | (c & 0x3f)]!;
        count += 4;
      }
      if (count > ENFORCE_CUT_AFTER) break;
    }
    if (pos > wordStart) ends[words++] = pos;
    return words;
  }

  /**
   * eld's getByteNgrams() and calculateScores(): each word gives 4-byte n-grams at a stride of 3
   * from its first 70 bytes, the first with a leading space, and a last one of its final 4 bytes (or
   * fewer) with a trailing space; each distinct n-gram adds its scores (plus 53) to its languages.
   * Returns the number of distinct n-grams.
   */
  #score(words: number): number {
    this.#langScore.fill(0);
    if (++this.#stamp === 0xffffffff) {
      this.#seenStamp.fill(0);
      this.#stamp = 1;
    }
    let distinct = 0;
    let long: string[] | undefined;
    let start = 0;
    for (let w = 0; w < words; w++) {
      const end = this.#wordEnds[w]!;
      const len = end - start;
      const capped = len > MAX_WORD ? MAX_WORD : len;
      let j = 0;
      for (; j + 4 < capped; j += 3) distinct += this.#add(j === 0, start + j, 4, false);
      // eld: word.substring(len - 4) + ' ', with the capped length but up to the word's real end
      // (so a word over 70 bytes ends in a long n-gram, which no model holds but which counts).
      const tail = capped > 4 ? capped - 4 : 0;
      if ((j === 0 ? 1 : 0) + len - tail + 1 <= 6) {
        distinct += this.#add(j === 0, start + tail, len - tail, true);
      } else {
        const key = String.fromCharCode(...this.#bytes.subarray(start + tail, end));
        long ??= [];
        if (!long.includes(key)) {
          long.push(key);
          distinct++;
        }
      }
      start = end;
    }
    return distinct;
  }

  /**
   * One n-gram of at most 6 bytes: ' ' if `lead`, bytes [from, from + n), ' ' if `trail`. Scores it
   * the first time it is seen in this text; returns 1 then, 0 for a repeat.
   */
  #add(lead: boolean, from: number, n: number, trail: boolean): number {
    // The key's bytes as the model's records hold them: 0-1 as the prefix, 2-5 as the rest, 0-padded.
    const key = this.#key;
    const bytes = this.#bytes;
    let k = 0;
    if (lead) key[k++] = 32;
    for (let i = from, e = from + n; i < e; i++) key[k++] = bytes[i]!;
    if (trail) key[k++] = 32;
    while (k < 6) key[k++] = 0;
    const prefix = (key[0]! << 8) | key[1]!;
    const rest = ((key[2]! << 24) | (key[3]! << 16) | (key[4]! << 8) | key[5]!) >>> 0;

    let slot = Math.imul(rest ^ Math.imul(prefix + 1, 0x85ebca77), 0x9e3779b1) >>> 22;
    while (this.#seenStamp[slot] === this.#stamp) {
      if (this.#seenPrefix[slot] === prefix && this.#seenRest[slot] === rest) return 0;
      slot = (slot + 1) & (SEEN_SLOTS - 1);
    }
    this.#seenStamp[slot] = this.#stamp;
    this.#seenPrefix[slot] = prefix;
    this.#seenRest[slot] = rest;

    // Binary search among the keys that share the first two bytes (a few hundred at most).
    const keyRest = this.#keyRest;
    let a = this.#prefixes[prefix]!;
    let b = this.#prefixes[prefix + 1]!;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (keyRest[m]! < rest) a = m + 1;
      else b = m;
    }
    if (a < this.#prefixes[prefix + 1]! && keyRest[a] === rest) {
      const scores = this.#langScore;
      const pairs = this.#pairs;
      // Bounded by the table's length, so that a damaged offset cannot make a near-endless loop.
      const e = Math.min(2 * this.#pairStart[a + 1]!, pairs.length);
      for (let i = 2 * this.#pairStart[a]!; i < e; i += 2) {
        const l = pairs[i]!;
        scores[l] = scores[l]! + pairs[i + 1]! + BASE_SCORE;
      }
    }
    return 1;
  }

  /** eld's getMaxLang(), orderAndScale(), getScores() and isReliable(). */
  #result(ngrams: number): LanguageGuess {
    const raw = this.#langScore;
    // getMaxLang(): the first language with the highest positive score.
    let best = -1;
    let max = 0;
    for (let l = 0; l < raw.length; l++) {
      if (raw[l]! > 0 && raw[l]! > max) {
        max = raw[l]!;
        best = l;
      }
    }
    if (best < 0) return { best: null, scores: [], reliable: false, ngrams };
    // orderAndScale(): eld sorts with a stable sort, so equal scores stay in language order. Here
    // an insertion sort of the scoring languages' indexes does the same without a comparator call
    // per step (Array.prototype.sort cost a quarter of the time of a detection).
    const scaled = this.#scaled;
    const order = this.#order;
    let count = 0;
    for (let l = 0; l < raw.length; l++) {
      if (raw[l]! > 0) {
        const perNgram = raw[l]! / ngrams;
        const v = perNgram / (perNgram + SCALE);
        scaled[l] = v;
        let i = count++;
        while (i > 0 && scaled[order[i - 1]!]! < v) {
          order[i] = order[i - 1]!;
          i--;
        }
        order[i] = l;
      }
    }
    const scores = new Array<readonly [string, number]>(count);
    for (let i = 0; i < count; i++) scores[i] = [this.languages[order[i]!]!, scaled[order[i]!]!];
    // isReliable(). eld takes as the runner-up's score `results[1][0]`, which is its language
    // index, not its score; reproduced as is, since the point is eld's answer.
    const top = scores[0]![1];
    const next = count > 1 ? order[1]! : 0;
    const reliable = ngrams >= 3 && !(this.#avgScore[best]! * THRESHOLD > top || 0.01 > Math.abs(top - next));
    return { best: this.languages[best]!, scores, reliable, ngrams };
  }
}
