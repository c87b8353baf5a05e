/**
 * Words looked up by a hash of their code units (FNV-1a), so that a scan that lower-cases each word
 * into a reused buffer makes no string per word: a hit is confirmed against the word itself. Used by
 * the identifiers' word lists (translit-id.ts, bare-id.ts), each word listed with what it tells.
 */
export class WordTable<V> {
  private readonly buckets = new Map<number, { readonly word: string; readonly value: V }[]>();

  /** Lists each space-separated word of `words` with `value`. */
  add(value: V, words: string): void {
    for (const word of words.split(" ")) {
      const codes = [...word].map((c) => c.charCodeAt(0));
      const h = hashOf(codes, codes.length);
      const bucket = this.buckets.get(h);
      if (bucket) bucket.push({ word, value });
      else this.buckets.set(h, [{ word, value }]);
    }
  }

  /** The value listed for the word `codes[0, n)`, if it is listed. */
  get(codes: ArrayLike<number>, n: number): V | undefined {
    const bucket = this.buckets.get(hashOf(codes, n));
    if (bucket === undefined) return undefined;
    outer: for (const e of bucket) {
      if (e.word.length !== n) continue;
      for (let k = 0; k < n; k++) if (e.word.charCodeAt(k) !== codes[k]) continue outer;
      return e.value;
    }
    return undefined;
  }
}

function hashOf(codes: ArrayLike<number>, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < n; i++) h = Math.imul(h ^ codes[i]!, 0x01000193);
  return h >>> 0;
}
