/**
 * Words looked up by a hash of their code units (FNV-1a), so that a scan that lower-cases each word
 * into a reused buffer makes no string per word: a hit is confirmed against the word itself. Used by
 * the identifiers' word lists (translit-id.ts, bare-id.ts), each word listed with what it tells.
 *
 * The lists are given when their modules load, and filed on the first look-up: about 1,500 words,
 * which every run paid for at load (a few per cent of a one-post run's time over bare Node), while a
 * post in Cyrillic or a run that only checks policies never looks one up.
 */
export class WordTable<V> {
  private readonly buckets = new Map<number, { readonly word: string; readonly value: V }[]>();
  /** Lists given to {@link add} and not filed yet, in the order given (a bucket keeps that order). */
  private pending: [V, string][] = [];

  /** Lists each space-separated word of `words` with `value`. */
  add(value: V, words: string): void {
    this.pending.push([value, words]);
  }

  /** The value listed for the word `codes[0, n)`, if it is listed. */
  get(codes: ArrayLike<number>, n: number): V | undefined {
    if (this.pending.length > 0) this.file();
    const bucket = this.buckets.get(hashOf(codes, n));
    if (bucket === undefined) return undefined;
    outer: for (const e of bucket) {
      if (e.word.length !== n) continue;
      for (let k = 0; k < n; k++) if (e.word.charCodeAt(k) !== codes[k]) continue outer;
      return e.value;
    }
    return undefined;
  }

  private file(): void {
    const pending = this.pending;
    this.pending = [];
    for (const [value, words] of pending) {
      for (const word of words.split(" ")) {
        const h = hashOfWord(word);
        const bucket = this.buckets.get(h);
        if (bucket) bucket.push({ word, value });
        else this.buckets.set(h, [{ word, value }]);
      }
    }
  }
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashOf(codes: ArrayLike<number>, n: number): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ codes[i]!, FNV_PRIME);
  return h >>> 0;
}

/**
 * {@link hashOf} of a listed word's codes as they have always been taken: the first code unit of
 * each code point (the lists are Latin and Cyrillic, one unit a code point), without making the
 * arrays of them.
 */
export function hashOfWord(word: string): number {
  let h = FNV_OFFSET;
  for (const c of word) h = Math.imul(h ^ c.charCodeAt(0), FNV_PRIME);
  return h >>> 0;
}
