/** What the index's views need of a key → term ids map: a Map, or a {@link PackedMap}. */
export interface IdMap {
  get(key: string): readonly number[] | undefined;
  keys(): IterableIterator<string>;
  readonly size: number;
}

/**
 * A key → term ids map as one string, `key ids\n` per entry, sorted by key, with ids in base 36
 * joined by commas. Keys are normalised words, which hold neither spaces nor newlines.
 */
export function packMap(m: ReadonlyMap<string, readonly number[]>): string {
  const keys = [...m.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((k) => `${k} ${(m.get(k) as readonly number[]).map((i) => i.toString(36)).join(",")}`).join("\n");
}

/** The ids of the entry whose ids start at `from` and end at `to`. */
function idsAt(s: string, from: number, to: number): number[] {
  const ids: number[] = [];
  let n = 0;
  for (let i = from; i <= to; i++) {
    const c = i < to ? s.charCodeAt(i) : 44;
    if (c === 44) {
      ids.push(n);
      n = 0;
    } else n = n * 36 + (c <= 57 ? c - 48 : c - 87);
  }
  return ids;
}

/** Reads a whole map written by {@link packMap}. */
export function unpackMap(s: string): Map<string, number[]> {
  const m = new Map<string, number[]>();
  if (s === "") return m;
  let at = 0;
  while (at < s.length) {
    let end = s.indexOf("\n", at);
    if (end < 0) end = s.length;
    const sp = s.indexOf(" ", at);
    m.set(s.slice(at, sp), idsAt(s, sp + 1, end));
    at = end + 1;
  }
  return m;
}

/** Look-ups answered by binary search before a packed map is worth turning into a Map. */
const SEARCHES_BEFORE_MAP = 2000;

/**
 * A map written by {@link packMap}, read in place. Opening it costs one scan for line starts, so a
 * one-post run that looks up a handful of words never builds a Map of thousands of entries; a long
 * run, after {@link SEARCHES_BEFORE_MAP} look-ups, switches to a real Map (hashing beats binary
 * search when there are many words to look up).
 */
export class PackedMap implements IdMap {
  private readonly starts: Uint32Array;
  private map: Map<string, number[]> | undefined;
  private searches = 0;

  constructor(private readonly s: string) {
    let n = s === "" ? 0 : 1;
    for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) n++;
    this.starts = new Uint32Array(n + 1);
    let k = 0;
    if (n > 0) this.starts[k++] = 0;
    for (let i = s.indexOf("\n"); i >= 0; i = s.indexOf("\n", i + 1)) this.starts[k++] = i + 1;
    // A sentinel: the "line" after the last begins one past the end.
    this.starts[n] = s.length + 1;
  }

  get size(): number {
    return this.starts.length - 1;
  }

  get(key: string): readonly number[] | undefined {
    if (this.map) return this.map.get(key);
    if (++this.searches > SEARCHES_BEFORE_MAP) return (this.map = unpackMap(this.s)).get(key);
    const s = this.s;
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = this.starts[mid] as number;
      const c = compareAt(s, at, key);
      if (c === 0) return idsAt(s, at + key.length + 1, (this.starts[mid + 1] as number) - 1);
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  *keys(): IterableIterator<string> {
    if (this.map) {
      yield* this.map.keys();
      return;
    }
    for (let i = 0; i < this.size; i++) {
      const at = this.starts[i] as number;
      yield this.s.slice(at, this.s.indexOf(" ", at));
    }
  }
}

/** Compares the key of the entry at `at` (up to its space) with `key`, in UTF-16 code unit order. */
function compareAt(s: string, at: number, key: string): number {
  for (let i = 0; ; i++) {
    const a = s.charCodeAt(at + i);
    // The entry's key ends at its space (code 32), which sorts below every character of a word.
    const aEnd = a === 32;
    const bEnd = i === key.length;
    if (aEnd || bEnd) return aEnd && bEnd ? 0 : aEnd ? -1 : 1;
    const b = key.charCodeAt(i);
    if (a !== b) return a - b;
  }
}
