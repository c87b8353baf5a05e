/**
 * Language identification with the n-gram model of eld (Nito-ELD, Apache-2.0, "medium" database),
 * repacked at build time by scripts/build-language-model.js.
 *
 * Why hand-written rather than eld itself: importing `eld/medium` builds a JavaScript object of its
 * ~105,000 n-grams, 0.5-1 s before the first detection, while a whole one-post modpol run must take
 * about 100 ms. This module reads the packed model in place (typed-array views on the file's bytes,
 * nothing built per entry) and mirrors eld 2.1.0's algorithm step for step, so that it gives eld's
 * result, score for score: the functions named in the comments below are eld's
 * (src/languageDetector.js, src/LanguageResult.js); the text processing is in eld-words.ts and the
 * file format in language-model-file.ts. test/text/language-id.test.ts compares the two
 * on many texts; any change here or in eld's version must keep that test passing.
 */

import { EldWords } from "./eld-words.js";
import type { LanguageDetector, LanguageGuess as BaseGuess } from "./language.js";
import { openLanguageModelFile, readLanguageModelFile, readLe32, type ByteSource, type LanguageModelFile, type LanguageModelSource, type PagedModelFile } from "./language-model-file.js";

export { LANGUAGE_MODEL_FORMAT_VERSION, type ByteSource, type LanguageModelSource } from "./language-model-file.js";

// eld's constants; its byte cut-offs are in eld-words.ts.
const MAX_CHARS = 1000; // detect(): text.substring(0, 1000)
const MAX_WORD = 70; // getByteNgrams(): a word's n-grams come from its first 70 bytes
const BASE_SCORE = 53; // calculateScores(): the database stores each score less 53
const SCALE = 25; // orderAndScale()
const THRESHOLD = 0.75; // isReliable()'s default ratio
// The n-grams seen in one text: at most one per word (2 bytes with its space) plus one per 3
// bytes, about 320 in eld's 384 bytes at most, so 1024 slots stay at most a third full.
const SEEN_SLOTS = 1024;
// A direct-mapped memo of the model's look-ups (n-gram → its key's index, or -1): words recur from
// post to post, so most n-grams are found in one probe instead of a binary search whose steps miss
// the cache (the search was a fifth of a detection's time). 2^14 slots, 192 KiB per model.
const MEMO_BITS = 14;
// A model opened a piece at a time (LanguageModel.open) reads the whole file at this many look-ups.
// Each costs about 2 KB in three reads (the keys sharing the n-gram's first two bytes, then its
// scores): a one-post run makes a few dozen; by 256, a third of the file has been read in pieces,
// and a long run is better served from memory.
const PAGED_LOOKUPS = 256;

/**
 * What {@link LanguageModel.detect} found: the {@link BaseGuess} every language identifier gives,
 * each field as eld has it (`best` is eld's `language`, null where eld gives ''; `scores` its
 * `getScores()`, best first, scaled 0-1; `reliable` its `isReliable()` at its default threshold).
 */
export interface LanguageGuess extends BaseGuess {
  /** How many distinct n-grams the text gave (eld's `numNgrams`), whether or not any scored. */
  readonly ngrams: number;
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
  // The tables in memory; until then (a model opened with open()), where they lie in the file.
  #tables: LanguageModelFile | undefined;
  readonly #paged: PagedModelFile | undefined;
  #pagedLookups = 0;
  readonly #words: EldWords;
  // Scratch, reused by every detect(): the n-gram being looked up, the n-grams seen so far (an
  // open-addressing set stamped per call), the scores and their order.
  readonly #key = new Uint8Array(6);
  readonly #seenPrefix = new Uint32Array(SEEN_SLOTS);
  readonly #seenRest = new Uint32Array(SEEN_SLOTS);
  readonly #seenStamp = new Uint32Array(SEEN_SLOTS);
  #stamp = 0;
  // The look-up memo: prefix + 1 (0: empty), rest, and the key's index or -1, per slot.
  readonly #memoPrefix = new Uint32Array(1 << MEMO_BITS);
  readonly #memoRest = new Uint32Array(1 << MEMO_BITS);
  readonly #memoKey = new Int32Array(1 << MEMO_BITS);
  readonly #langScore: Int32Array;
  readonly #scaled: Float64Array;
  readonly #order: Int32Array;

  private constructor(file: LanguageModelFile | PagedModelFile) {
    if ("prefixes" in file) this.#tables = file;
    else this.#paged = file;
    this.#avgScore = file.avgScore;
    this.languages = file.languages;
    this.source = file.source;
    this.notice = file.notice;
    this.#words = new EldWords(file.letters, file.keep, file.byteChars);
    this.#langScore = new Int32Array(file.languages.length);
    this.#scaled = new Float64Array(file.languages.length);
    this.#order = new Int32Array(file.languages.length);
  }

  /**
   * Reads a model from the bytes of language-model.bin. The model keeps views on `bytes` (or on a
   * copy, when they are not 8-byte aligned); they must not change afterwards.
   * @throws Error when the bytes are not a model of this format (another file, another version,
   *   truncated, inconsistent).
   */
  static fromBytes(bytes: Uint8Array): LanguageModel {
    return new LanguageModel(readLanguageModelFile(bytes));
  }

  /**
   * Opens a model to be read a piece at a time from `src` (the file, read by offset): a one-post run
   * then reads a few kilobytes of it instead of 1.4 MB, which on a virtual machine costs several
   * milliseconds of a start-up. After a few hundred look-ups the model reads the whole file and works from
   * memory, as one made by {@link fromBytes}; its results are the same either way.
   * @throws Error when the file is not a model of this format.
   */
  static open(src: ByteSource): LanguageModel {
    return new LanguageModel(openLanguageModelFile(src));
  }

  /**
   * The language of `text.slice(start, end)`, exactly as eld 2.1.0 (`eld/medium`) gives it for that
   * string: the same best language, scores and reliability. As in eld, only the first 1000 UTF-16
   * units count, and of those only about the first 350 bytes of UTF-8 after separators are folded.
   * @throws RangeError when start and end are not integers with 0 ≤ start ≤ end ≤ text.length.
   */
  detect(text: string, start = 0, end: number = text.length): LanguageGuess {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) throw new RangeError(`detect: range ${start}..${end} is not within the text (0..${text.length})`);
    const words = this.#words.read(text.slice(start, Math.min(end, start + MAX_CHARS)));
    return this.#result(this.#score(words));
  }

  /**
   * eld's average score for texts in `lang` (of its own test set, on its 0-1 scale), NaN for a
   * language it has none for: eld's reliability test calls a best score under 0.75 of it unsure.
   */
  averageScore(lang: string): number {
    const i = this.languages.indexOf(lang);
    return i < 0 ? Number.NaN : this.#avgScore[i]!;
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
    const bytes = this.#words.bytes;
    for (let w = 0; w < words; w++) {
      const end = this.#words.ends[w]!;
      const len = end - start;
      const capped = len > MAX_WORD ? MAX_WORD : len;
      let j = 0;
      // The 4-byte n-grams, their keys made straight from the bytes: the first with its leading
      // space (5 bytes), the others without (4 bytes, zero-padded).
      if (j + 4 < capped) {
        distinct += this.#look((32 << 8) | bytes[start]!, ((bytes[start + 1]! << 24) | (bytes[start + 2]! << 16) | (bytes[start + 3]! << 8)) >>> 0);
        for (j = 3; j + 4 < capped; j += 3) {
          const at = start + j;
          distinct += this.#look((bytes[at]! << 8) | bytes[at + 1]!, ((bytes[at + 2]! << 24) | (bytes[at + 3]! << 16)) >>> 0);
        }
      }
      // eld: word.substring(len - 4) + ' ', with the capped length but up to the word's real end
      // (so a word over 70 bytes ends in a long n-gram, which no model holds but which counts).
      const tail = capped > 4 ? capped - 4 : 0;
      if ((j === 0 ? 1 : 0) + len - tail + 1 <= 6) {
        distinct += this.#add(j === 0, start + tail, len - tail, true);
      } else {
        const key = String.fromCharCode(...this.#words.bytes.subarray(start + tail, end));
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
    const bytes = this.#words.bytes;
    let k = 0;
    if (lead) key[k++] = 32;
    for (let i = from, e = from + n; i < e; i++) key[k++] = bytes[i]!;
    if (trail) key[k++] = 32;
    while (k < 6) key[k++] = 0;
    return this.#look((key[0]! << 8) | key[1]!, ((key[2]! << 24) | (key[3]! << 16) | (key[4]! << 8) | key[5]!) >>> 0);
  }

  /** {@link #add} of the n-gram whose key is (prefix, rest). */
  #look(prefix: number, rest: number): number {
    const hash = Math.imul(rest ^ Math.imul(prefix + 1, 0x85ebca77), 0x9e3779b1);
    let slot = hash >>> 22;
    const seenStamp = this.#seenStamp;
    const stamp = this.#stamp;
    while (seenStamp[slot] === stamp) {
      if (this.#seenPrefix[slot] === prefix && this.#seenRest[slot] === rest) return 0;
      slot = (slot + 1) & (SEEN_SLOTS - 1);
    }
    seenStamp[slot] = stamp;
    this.#seenPrefix[slot] = prefix;
    this.#seenRest[slot] = rest;

    const memo = hash >>> (32 - MEMO_BITS);
    let found: number;
    if (this.#memoPrefix[memo] === prefix + 1 && this.#memoRest[memo] === rest) found = this.#memoKey[memo]!;
    else {
      found = this.#find(prefix, rest);
      this.#memoPrefix[memo] = prefix + 1;
      this.#memoRest[memo] = rest;
      this.#memoKey[memo] = found;
    }
    if (found >= 0) {
      const tables = this.#tables;
      if (tables === undefined) this.#addPagedPairs(found);
      else {
        // The scores from the tables in memory, inline: this runs for most n-grams of every post.
        // Bounded by the table's length, so that a damaged offset cannot make a near-endless loop.
        const scores = this.#langScore;
        const pairs = tables.pairs;
        const end = Math.min(2 * tables.pairStart[found + 1]!, pairs.length);
        for (let i = 2 * tables.pairStart[found]!; i < end; i += 2) {
          const l = pairs[i]!;
          scores[l] = scores[l]! + pairs[i + 1]! + BASE_SCORE;
        }
      }
    }
    return 1;
  }

  /** The index of the key (prefix, rest), or -1. */
  #find(prefix: number, rest: number): number {
    const tables = this.#resident();
    if (tables === undefined) return this.#pagedFind(this.#paged!, prefix, rest);
    const { keyRest, prefixes } = tables;
    // Binary search among the keys that share the first two bytes (a few hundred at most).
    let a = prefixes[prefix]!;
    let b = prefixes[prefix + 1]!;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (keyRest[m]! < rest) a = m + 1;
      else b = m;
    }
    return a < prefixes[prefix + 1]! && keyRest[a] === rest ? a : -1;
  }

  /** Adds key `found`'s scores to the languages', read from the paged model (the tables in memory are read in {@link #look}). */
  #addPagedPairs(found: number): void {
    const scores = this.#langScore;
    const paged = this.#paged!;
    const starts = paged.bytes.slice(paged.at.pairStart + 4 * found, paged.at.pairStart + 4 * found + 8);
    const first = Math.min(readLe32(starts, 0), paged.pairCount);
    const last = Math.min(Math.max(readLe32(starts, 4), first), paged.pairCount);
    const pairs = paged.bytes.slice(paged.at.pairs + 2 * first, paged.at.pairs + 2 * last);
    for (let i = 0; i < pairs.length; i += 2) {
      const l = pairs[i]!;
      scores[l] = scores[l]! + pairs[i + 1]! + BASE_SCORE;
    }
  }

  /** The tables in memory, read whole once a paged model has made enough look-ups. */
  #resident(): LanguageModelFile | undefined {
    if (this.#tables === undefined && ++this.#pagedLookups > PAGED_LOOKUPS) {
      const { bytes } = this.#paged!;
      this.#tables = readLanguageModelFile(bytes.slice(0, bytes.size));
    }
    return this.#tables;
  }

  /** {@link #find} on the file: the prefix's key range, then a binary search of that range's keys. */
  #pagedFind(paged: PagedModelFile, prefix: number, rest: number): number {
    const range = paged.bytes.slice(paged.at.prefixes + 4 * prefix, paged.at.prefixes + 4 * prefix + 8);
    // Clamped, as the resident search is by the typed arrays' bounds: a damaged file reads nothing past its tables.
    const a0 = Math.min(readLe32(range, 0), paged.keys);
    const b0 = Math.min(Math.max(readLe32(range, 4), a0), paged.keys);
    if (a0 === b0) return -1;
    const keys = paged.bytes.slice(paged.at.keyRest + 4 * a0, paged.at.keyRest + 4 * b0);
    let a = 0;
    let b = b0 - a0;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (readLe32(keys, 4 * m) < rest) a = m + 1;
      else b = m;
    }
    return a < b0 - a0 && readLe32(keys, 4 * a) === rest ? a0 + a : -1;
  }

  /** eld's getMaxLang(), orderAndScale(), getScores() and isReliable(). */
  #result(ngrams: number): LanguageGuess {
    const raw = this.#langScore;
    const n = raw.length;
    const scaled = this.#scaled;
    const order = this.#order;
    // One pass over the languages for both of eld's steps:
    // getMaxLang(): the first language with the highest positive score;
    // orderAndScale(): eld sorts with a stable sort, so equal scores stay in language order. Here
    // an insertion sort of the scoring languages' indexes does the same without a comparator call
    // per step (Array.prototype.sort cost a quarter of the time of a detection).
    let best = -1;
    let max = 0;
    let count = 0;
    for (let l = 0; l < n; l++) {
      const r = raw[l]!;
      if (r <= 0) continue;
      if (r > max) {
        max = r;
        best = l;
      }
      const perNgram = r / ngrams;
      const v = perNgram / (perNgram + SCALE);
      scaled[l] = v;
      let i = count++;
      while (i > 0 && scaled[order[i - 1]!]! < v) {
        order[i] = order[i - 1]!;
        i--;
      }
      order[i] = l;
    }
    if (best < 0) return { best: null, scores: [], reliable: false, ngrams };
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
