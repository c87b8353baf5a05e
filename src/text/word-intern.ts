/**
 * The words of a run's posts, one string for each distinct word, found by a hash that the tokeniser
 * computes while it scans the word: a word met before costs no substring, and its string (the same
 * object every time) already carries the hash that V8 keeps for a string, so the per-word memo of the
 * matcher (a Map keyed by the word) finds it without hashing it again and compares it by identity.
 *
 * Why, and what it gave: profiled on the real-text series (53,899 posts), the per-word memo's
 * look-up was the largest self cost of the matcher after garbage collection (5.4 % of a run), each
 * word a fresh substring that V8 hashed and compared unit by unit, and then garbage (text is
 * Zipfian: most words of a post were met before). With the words interned it fell to 3.2 %, while
 * the tokeniser's own share rose from 1.4 to 3.8 % (the hash and the comparison are now its work):
 * the run's CPU did not change beyond the noise of eight alternating pairs (ratio 0.99). What it
 * does save is a substring per word and the posts that long words' substrings kept alive.
 *
 * Bounded: past `limit` distinct words the table starts afresh (a memo of a pure function: a word
 * met again is simply a new string once more). A word of {@link COPY_MIN} units or more is copied
 * out of the post's text, where a substring would be V8's view of the whole post and keep it alive
 * for as long as the word is kept (here, and as a key of the matcher's memo).
 */
export class WordInterner {
  private hashes: Int32Array;
  private strings: (string | undefined)[];
  private mask: number;
  private count = 0;

  /** `limit`: distinct words held before the table starts afresh. */
  constructor(private readonly limit = 1 << 16) {
    // At most half full, so that a probe for a new word ends after a slot or two.
    let size = 64;
    while (size < limit * 2) size *= 2;
    this.hashes = new Int32Array(size);
    this.strings = new Array<string | undefined>(size).fill(undefined);
    this.mask = size - 1;
  }

  /**
   * The string of `text[start, end)`, whose FNV-1a hash over UTF-16 code units ({@link wordHash})
   * is `hash`: the one handed out before for the same units, if any.
   */
  get(text: string, start: number, end: number, hash: number): string {
    const n = end - start;
    const hashes = this.hashes;
    const strings = this.strings;
    let slot = hash & this.mask;
    for (let s = strings[slot]; s !== undefined; s = strings[slot]) {
      if (hashes[slot] === hash && s.length === n && sameUnits(s, text, start, n)) return s;
      slot = (slot + 1) & this.mask;
    }
    if (this.count >= this.limit) {
      this.hashes.fill(0);
      this.strings.fill(undefined);
      this.count = 0;
      slot = hash & this.mask;
    }
    const word = n < COPY_MIN ? text.slice(start, end) : copyOf(text.slice(start, end));
    hashes[slot] = hash;
    strings[slot] = word;
    this.count++;
    return word;
  }

  /** Distinct words held now (for tests). */
  get size(): number {
    return this.count;
  }
}

function sameUnits(s: string, text: string, start: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (s.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** FNV-1a's offset basis and prime, over UTF-16 code units: {@link wordHash} one unit at a time. */
export const WORD_HASH_BASIS = 0x811c9dc5 | 0;
export const WORD_HASH_PRIME = 0x01000193;

/** The hash {@link WordInterner.get} expects of `text[start, end)` (the tokeniser streams it, unit by unit). */
export function wordHash(text: string, start: number, end: number): number {
  let h = WORD_HASH_BASIS;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), WORD_HASH_PRIME);
  return h;
}

/** V8 makes a substring of this many units or more a view of the string it was cut from (SlicedString::kMinLength). */
const COPY_MIN = 13;

/**
 * A string of its own with the units of `s`, a substring V8 may hold as a view of its whole text.
 * JSON.parse of the quoted units makes one and gives back `s` when `s` holds no quote, backslash or
 * control character (a word never does: letters, marks, digits and apostrophes); anything else is
 * kept as it is.
 */
function copyOf(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x20 || c === 0x22 || c === 0x5c) return s;
  }
  return JSON.parse(`"${s}"`) as string;
}
