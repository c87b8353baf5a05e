/** What the index's views need of a key → term ids map: a Map, or a {@link PackedMap}. */
export interface IdMap {
  get(key: string): readonly number[] | undefined;
  keys(): IterableIterator<string>;
  readonly size: number;
}

/**
 * A key → term ids map as one string, `key ids\n` per entry, sorted by the key's UTF-8 bytes, with
 * ids in base 36 joined by commas. Keys are normalised words, which hold neither spaces nor newlines.
 */
export function packMap(m: ReadonlyMap<string, readonly number[]>): string {
  const keys = byUtf8([...m.keys()]);
  return keys.map((k) => `${k} ${(m.get(k) as readonly number[]).map((i) => i.toString(36)).join(",")}`).join("\n");
}

/** Sorts words by their UTF-8 bytes: the order packed maps and sets are searched in, as bytes. */
function byUtf8(words: string[]): string[] {
  return words
    .map((w) => [w, Buffer.from(w, "utf8")] as const)
    .sort((a, b) => Buffer.compare(a[1], b[1]))
    .map(([w]) => w);
}

/** Look-ups answered by binary search before a packed map or set is worth turning into a hash. */
const SEARCHES_BEFORE_HASH = 2000;

/** Packed text as UTF-8 bytes: what a precompiled file holds, searched without decoding it. */
type Bytes = Uint8Array;

/** Packed text as bytes: a string is encoded, bytes are taken as they are (no copy). */
export function bytesOf(s: string | Bytes): Uint8Array {
  return bufferOf(s);
}

// Node's Buffer for its byte search and decoding; kept out of exported signatures, so that modpol's
// published types need no @types/node.
function bufferOf(s: string | Bytes): Buffer {
  return typeof s === "string" ? Buffer.from(s, "utf8") : Buffer.from(s.buffer, s.byteOffset, s.byteLength);
}

/**
 * The line of `b` (sorted lines, each `key` or `key ids`) whose key is `key`, as its start and end
 * byte; -1 when there is none. A binary search over byte positions: a probe lands anywhere, steps
 * back to its line's start and compares, so nothing is decoded or built before the first look-up.
 */
function findLine(b: Bytes, key: Bytes): [number, number] | -1 {
  let lo = 0;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === 0 ? 0 : b.lastIndexOf(10, mid - 1) + 1;
    let end = b.indexOf(10, start);
    if (end < 0) end = b.length;
    const c = compareAt(b, start, end, key);
    if (c === 0) return [start, end];
    if (c < 0) lo = end + 1;
    else hi = start;
  }
  return -1;
}

/** Compares the key of the line [at, end) (up to a space) with `key`, byte by byte. */
function compareAt(b: Bytes, at: number, end: number, key: Bytes): number {
  for (let i = 0; ; i++) {
    // A line's key ends at its space or its end, which sort below every byte of a word.
    const aEnd = at + i >= end || b[at + i] === 32;
    const bEnd = i === key.length;
    if (aEnd || bEnd) return aEnd && bEnd ? 0 : aEnd ? -1 : 1;
    const d = (b[at + i] as number) - (key[i] as number);
    if (d !== 0) return d;
  }
}

/** The ids of a line (ASCII digits and letters after the key's space). */
function idsOfLine(b: Bytes, from: number, to: number): number[] {
  const ids: number[] = [];
  let n = 0;
  for (let i = from; i <= to; i++) {
    const c = i < to ? (b[i] as number) : 44;
    if (c === 44) {
      ids.push(n);
      n = 0;
    } else n = n * 36 + (c <= 57 ? c - 48 : c - 87);
  }
  return ids;
}

const decoder = new TextDecoder();

/** Reads a whole map written by {@link packMap}. */
export function unpackMap(packed: string | Bytes): Map<string, number[]> {
  const b = bufferOf(packed);
  const m = new Map<string, number[]>();
  let at = 0;
  while (at < b.length) {
    let end = b.indexOf(10, at);
    if (end < 0) end = b.length;
    const sp = b.indexOf(32, at);
    m.set(b.toString("utf8", at, sp), idsOfLine(b, sp + 1, end));
    at = end + 1;
  }
  return m;
}

/**
 * A map written by {@link packMap}, read in place from its bytes: opening it costs nothing, so a
 * one-post run that looks up a handful of words never decodes or builds a Map of thousands of
 * entries; a long run, after {@link SEARCHES_BEFORE_HASH} look-ups, switches to a real Map (hashing
 * beats binary search when there are many words to look up).
 */
export class PackedMap implements IdMap {
  private readonly b: Bytes;
  private map: Map<string, number[]> | undefined;
  private searches = 0;

  constructor(packed: string | Bytes) {
    this.b = bufferOf(packed);
  }

  get size(): number {
    return this.hashed().size;
  }

  get(key: string): readonly number[] | undefined {
    if (this.map) return this.map.get(key);
    if (++this.searches > SEARCHES_BEFORE_HASH) return this.hashed().get(key);
    const k = Buffer.from(key, "utf8");
    const at = findLine(this.b, k);
    return at === -1 ? undefined : idsOfLine(this.b, at[0] + k.length + 1, at[1]);
  }

  *keys(): IterableIterator<string> {
    yield* this.hashed().keys();
  }

  private hashed(): Map<string, number[]> {
    return (this.map ??= unpackMap(this.b));
  }
}

/** A set of words as sorted lines, one word each (see {@link packSet}). */
export function packSet(words: Iterable<string>): string {
  return byUtf8([...words]).join("\n");
}

/** A set written by {@link packSet}, searched in place until it has been asked often enough to hash. */
export class PackedSet implements ReadonlySet<string> {
  private readonly b: Bytes;
  private set: Set<string> | undefined;
  private searches = 0;

  constructor(packed: string | Bytes) {
    this.b = bufferOf(packed);
  }

  has(word: string): boolean {
    if (this.set) return this.set.has(word);
    if (++this.searches > SEARCHES_BEFORE_HASH) return this.hashed().has(word);
    return findLine(this.b, Buffer.from(word, "utf8")) !== -1;
  }

  get size(): number {
    return this.hashed().size;
  }
  forEach(cb: (value: string, key: string, set: ReadonlySet<string>) => void): void {
    this.hashed().forEach((v) => cb(v, v, this));
  }
  entries(): SetIterator<[string, string]> {
    return this.hashed().entries();
  }
  keys(): SetIterator<string> {
    return this.hashed().keys();
  }
  values(): SetIterator<string> {
    return this.hashed().values();
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.hashed().values();
  }

  private hashed(): Set<string> {
    if (!this.set) {
      const s = decoder.decode(this.b);
      this.set = new Set(s === "" ? [] : s.split("\n"));
    }
    return this.set;
  }
}
