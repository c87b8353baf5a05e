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

/**
 * Bytes of a precompiled file's section read a block at a time, as binary searches reach them. A
 * one-post run searches a few dozen words in sections of up to 1.2 MB: reading and touching every
 * page of each section it opens was the larger part of its start-up (2.1 of the 2.6 MB it read),
 * while a binary search touches about one block per step. Bytes not yet read are zero, which is no
 * byte of packed text (its lines are words, spaces, ids and newlines), and are never searched: the
 * searches below load the blocks they scan first.
 */
export class PagedBytes {
  /** The section's bytes; those of blocks not loaded are zero. */
  readonly bytes: Uint8Array;
  private readonly loaded: Uint8Array;
  private unread: number;

  /** `read(from, to)`: the section's bytes [from, to), read from wherever it lives. */
  constructor(
    readonly length: number,
    private readonly read: (from: number, to: number) => Uint8Array,
  ) {
    // Zero-filled and large: the system maps its pages on first write, so blocks never read cost nothing.
    this.bytes = new Uint8Array(length);
    this.unread = Math.ceil(length / PAGE_BYTES);
    this.loaded = new Uint8Array(this.unread);
  }

  /** Makes bytes [from, to) hold the section's bytes: reads the blocks of that range not read yet, each run of them at once. */
  load(from: number, to: number): void {
    if (this.unread === 0) return;
    const first = Math.max(0, Math.floor(from / PAGE_BYTES));
    const last = Math.ceil(Math.min(to, this.length) / PAGE_BYTES);
    // The common case of a search's step: one block, already read.
    if (last === first + 1 && this.loaded[first] === 1) return;
    for (let blk = first; blk < last; blk++) {
      if (this.loaded[blk] === 1) continue;
      let end = blk + 1;
      while (end < last && this.loaded[end] === 0) end++;
      const a = blk * PAGE_BYTES;
      this.bytes.set(this.read(a, Math.min(end * PAGE_BYTES, this.length)), a);
      this.loaded.fill(1, blk, end);
      this.unread -= end - blk;
      blk = end - 1;
    }
  }

  /** The whole section, read: what a hash table, a count of lines or a decoding need. */
  all(): Uint8Array {
    this.load(0, this.length);
    return this.bytes;
  }
}

/** Bytes a {@link PagedBytes} reads at a time: a page or so, a line or two of a packed map. */
const PAGE_BYTES = 4096;

/** Packed text as bytes: a string is encoded, bytes are taken as they are (no copy), paged bytes are read whole. */
export function bytesOf(s: string | Bytes | PagedBytes): Uint8Array {
  return s instanceof PagedBytes ? s.all() : bufferOf(s);
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
function findLine(b: Bytes, key: Bytes, paged?: PagedBytes): [number, number] | -1 {
  let lo = 0;
  let hi = b.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = mid === 0 ? 0 : paged ? pagedLineStart(b, mid, paged) : b.lastIndexOf(10, mid - 1) + 1;
    let end = paged ? pagedLineEnd(b, start, paged) : b.indexOf(10, start);
    if (end < 0) end = b.length;
    const c = compareAt(b, start, end, key);
    if (c === 0) return [start, end];
    if (c < 0) lo = end + 1;
    else hi = start;
  }
  return -1;
}

/**
 * The start of the line that holds byte `mid - 1`, as `lastIndexOf(10, mid - 1) + 1`, loading the
 * blocks it scans: a newline is searched only among bytes just loaded, since one found further back
 * could lie beyond bytes not read yet.
 */
function pagedLineStart(b: Bytes, mid: number, paged: PagedBytes): number {
  for (let to = mid; to > 0; ) {
    // Back to the start of the block that holds byte to - 1: a step of the search loads one block, not two.
    const from = Math.floor((to - 1) / PAGE_BYTES) * PAGE_BYTES;
    paged.load(from, to);
    // A byte loop, not `subarray(from, to).lastIndexOf(10)`: lines are a few dozen bytes, and a view
    // made for each step of each search cost more than the scan (a typed array and its garbage).
    for (let i = to - 1; i >= from; i--) if (b[i] === 10) return i + 1;
    to = from;
  }
  return 0;
}

/** The newline that ends the line starting at `start` (-1 at the end), as `indexOf(10, start)`, loading the blocks it scans. */
function pagedLineEnd(b: Bytes, start: number, paged: PagedBytes): number {
  for (let from = start; from < b.length; ) {
    const to = Math.min(b.length, (Math.floor(from / PAGE_BYTES) + 1) * PAGE_BYTES);
    paged.load(from, to);
    // A byte loop for the same reason as in pagedLineStart.
    for (let i = from; i < to; i++) if (b[i] === 10) return i;
    from = to;
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

/** The number of lines of packed text (0 for none). */
function lineCount(b: Bytes): number {
  if (b.length === 0) return 0;
  let n = b[b.length - 1] === 10 ? 0 : 1;
  for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
  return n;
}

const encoder = new TextEncoder();

/**
 * A hash table over the lines of packed text, built in place: a slot holds a line's start (+1), and
 * a look-up hashes the key's UTF-8 bytes and compares them with the line's. A long run looks up many
 * words that are in no lexicon (names, rare words): turning the packed text into a JavaScript Map
 * instead decoded every key into a string and every line's ids into an array, which cost about
 * 0.4 s and a few collections at the start of a long run, and tens of megabytes held for its whole
 * length, for entries of which a run meets few.
 */
class LineTable {
  private readonly slots: Int32Array;
  private readonly mask: number;
  private scratch = new Uint8Array(64);
  private readonly out: [number, number] = [0, 0];

  /**
   * A bit for the hash of every prefix of every key (at each of its bytes, so the whole key too):
   * a clear bit proves that no key begins with those bytes. A new word is looked up under each of
   * its prefixes, up to the longest stem (18 letters), and in each view, and almost none of them
   * is a key: the bit, in a table small enough to stay in the processor's cache, answers most of
   * those look-ups without reading a slot and a line of the large table, and a walk over a word's
   * prefixes stops at the first one that no key begins with, since no longer one can be a key.
   */
  private readonly prefixBits: Int32Array;
  private readonly bitShift: number;

  constructor(private readonly b: Bytes, lines: number) {
    let size = 16;
    while (size < lines * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    // About 16 bits a line: most keys are words of a few letters, so about 3 prefixes a bit in 16.
    let bits = 1024;
    while (bits < lines * 16 && bits < 1 << 24) bits *= 2;
    this.prefixBits = new Int32Array(bits >>> 5);
    this.bitShift = 32 - Math.log2(bits);
    const prefixBits = this.prefixBits;
    const bitShift = this.bitShift;
    // One walk over the bytes: each line's key (up to its space or its end) hashed as it is read,
    // then on to the next line. (A search for each line's end, a loop to its space and a hash of the
    // key, each over the same bytes, cost a few million instructions a table, run once.)
    const slots = this.slots;
    const mask = this.mask;
    const len = b.length;
    let at = 0;
    while (at < len) {
      let h = FNV_BASIS;
      let i = at;
      for (; i < len; i++) {
        const c = b[i]!;
        if (c === 32 || c === 10) break;
        h = Math.imul(h ^ c, FNV_PRIME);
        const bit = Math.imul(h, BIT_MIX) >>> bitShift;
        prefixBits[bit >>> 5] = prefixBits[bit >>> 5]! | (1 << (bit & 31));
      }
      let slot = (h >>> 0) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = at + 1;
      while (i < len && b[i] !== 10) i++;
      at = i + 1;
    }
  }

  /** Whether `key` has a line: then its start and the end of its key are put in `out`. */
  find(key: string, out: [number, number]): boolean {
    // The key's UTF-8 bytes, as Buffer.from would make them (a lone surrogate is U+FFFD), in scratch.
    let enc = encoder.encodeInto(key, this.scratch);
    if (enc.read < key.length) {
      this.scratch = new Uint8Array(key.length * 3);
      enc = encoder.encodeInto(key, this.scratch);
    }
    const hash = fnv1a(this.scratch, 0, enc.written);
    return this.mayBegin(hash) && this.probe(this.scratch, hash, enc.written, out);
  }

  /** False when no key begins with the bytes whose FNV-1a hash is `hash` (see {@link prefixBits}); the empty key is never one. */
  private mayBegin(hash: number): boolean {
    const bit = Math.imul(hash, BIT_MIX) >>> this.bitShift;
    return (this.prefixBits[bit >>> 5]! & (1 << (bit & 31))) !== 0;
  }

  /**
   * Every key that is `key.slice(0, k)` for k = 1…maxUnits, shortest first: `hit(start, keyEnd)` for
   * each. One walk over the key, its UTF-8 bytes and their hash made as it goes (FNV-1a is
   * streamed), instead of a substring, an encoding and a hash per prefix.
   */
  prefixes(key: string, maxUnits: number, hit: (start: number, keyEnd: number, units: number) => void, minUnits = 1): void {
    if (this.scratch.length < maxUnits * 3) this.scratch = new Uint8Array(maxUnits * 3);
    const k = this.scratch;
    const out = this.out;
    let n = 0;
    let h = FNV_BASIS;
    for (let i = 0; i < maxUnits; i++) {
      let c = key.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < key.length) {
        const d = key.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          // A prefix that cuts this pair ends in a lone surrogate (U+FFFD once encoded): rare, the long way.
          const cut = Buffer.from(key.slice(0, i + 1), "utf8");
          if (i + 1 >= minUnits && this.probe(cut, fnv1a(cut, 0, cut.length), cut.length, out)) hit(out[0], out[1], i + 1);
          if (++i >= maxUnits) return;
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        }
      }
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      const from = n;
      if (c < 0x80) k[n++] = c;
      else if (c < 0x800) {
        k[n++] = 0xc0 | (c >> 6);
        k[n++] = 0x80 | (c & 63);
      } else if (c < 0x10000) {
        k[n++] = 0xe0 | (c >> 12);
        k[n++] = 0x80 | ((c >> 6) & 63);
        k[n++] = 0x80 | (c & 63);
      } else {
        k[n++] = 0xf0 | (c >> 18);
        k[n++] = 0x80 | ((c >> 12) & 63);
        k[n++] = 0x80 | ((c >> 6) & 63);
        k[n++] = 0x80 | (c & 63);
      }
      for (let j = from; j < n; j++) h = Math.imul(h ^ k[j]!, FNV_PRIME);
      // No key begins with this prefix: none is this prefix or a longer one.
      if (!this.mayBegin(h >>> 0)) return;
      if (i + 1 >= minUnits && this.probe(k, h >>> 0, n, out)) hit(out[0], out[1], i + 1);
    }
  }

  /**
   * `hit(start, keyEnd)` for the line of each key `key` without its unit i, i = 1…length-1 in that
   * order (what a look-up of each of fuzzy.ts's `deletions(key)` finds), for a key of no surrogates
   * (false, and nothing visited, for one that has any: the caller takes the long way). Its UTF-8
   * bytes are made once and each deletion's hash is carried on from the hash of the bytes before
   * the deleted letter: no substring, concatenation or encoding per deletion.
   */
  deletions(key: string, hit: (start: number, keyEnd: number) => void): boolean {
    const len = key.length;
    if (this.scratch.length < len * 6 + 2) this.scratch = new Uint8Array(len * 6 + 2);
    // The key's bytes in the first half of scratch, each unit's first byte at at[i]; a deletion's in the second.
    const k = this.scratch;
    const at = (this.unitAt.length > len ? this.unitAt : (this.unitAt = new Int32Array(len + 1)));
    const hashAt = (this.hashAt.length > len ? this.hashAt : (this.hashAt = new Int32Array(len + 1)));
    let n = 0;
    let h = FNV_BASIS;
    for (let i = 0; i < len; i++) {
      const c = key.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) return false;
      at[i] = n;
      hashAt[i] = h;
      if (c < 0x80) k[n++] = c;
      else if (c < 0x800) {
        k[n++] = 0xc0 | (c >> 6);
        k[n++] = 0x80 | (c & 63);
      } else {
        k[n++] = 0xe0 | (c >> 12);
        k[n++] = 0x80 | ((c >> 6) & 63);
        k[n++] = 0x80 | (c & 63);
      }
      for (let j = at[i]!; j < n; j++) h = Math.imul(h ^ k[j]!, FNV_PRIME);
    }
    at[len] = n;
    const d = len * 3 + 1;
    const out = this.out;
    for (let i = 1; i < len; i++) {
      // Bytes before unit i (hash carried), then those after it.
      const head = at[i]!;
      k.copyWithin(d, 0, head);
      let m = d + head;
      let hd = hashAt[i]!;
      for (let j = at[i + 1]!; j < n; j++) {
        const b = k[j]!;
        k[m++] = b;
        hd = Math.imul(hd ^ b, FNV_PRIME);
      }
      if (this.mayBegin(hd >>> 0) && this.probe(k, hd >>> 0, m - d, out, d)) hit(out[0], out[1]);
    }
    return true;
  }

  private unitAt = new Int32Array(0);
  private hashAt = new Int32Array(0);

  /** Looks up the key `k[o, o + n)`, whose hash is `hash`. */
  private probe(k: Uint8Array, hash: number, n: number, out: [number, number], o = 0): boolean {
    const b = this.b;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const s = this.slots[slot]! - 1;
      if (s < 0) return false;
      let i = 0;
      while (i < n && s + i < b.length && b[s + i] === k[o + i]) i++;
      const after = s + n < b.length ? b[s + n] : 10;
      if (i === n && (after === 32 || after === 10)) {
        out[0] = s;
        out[1] = s + n;
        return true;
      }
    }
  }
}

/** Mixes an FNV-1a hash before its top bits pick a bit of {@link LineTable}'s prefix bits (its slot comes from the low bits). */
const BIT_MIX = 0x9e3779b1 | 0;

/** FNV-1a's offset basis and prime: the hash of no bytes, and its step. */
const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over bytes [from, to) of `b`. */
function fnv1a(b: Uint8Array, from: number, to: number): number {
  let h = FNV_BASIS;
  for (let i = from; i < to; i++) h = Math.imul(h ^ b[i]!, FNV_PRIME);
  return h >>> 0;
}

/**
 * Sorted lines of packed text (`key` or `key ids`) and how they are searched: in place by binary
 * search, so that opening them costs nothing and a one-post run that looks up a handful of words
 * never decodes or builds anything; after {@link SEARCHES_BEFORE_HASH} look-ups, through a hash
 * table over the lines (see LineTable), hashing beating binary search when there are many words to
 * look up. What is found is a line: its start and the end of its key.
 */
abstract class PackedLines {
  // A Buffer (bufferOf), for Node's byte search; typed as bytes, since a protected member's type is
  // part of the published types, which must not need @types/node.
  protected readonly b: Bytes;
  // Until the whole of the bytes is needed: the blocks read so far (see PagedBytes).
  private paged: PagedBytes | undefined;
  private table: LineTable | undefined;
  private lines: number | undefined;
  private searches = 0;
  /** The line {@link locate} found last: its start and the end of its key. */
  protected readonly at: [number, number] = [0, 0];

  /** `searchesBeforeHash`: binary searches before the hash table is built (tests set it low). */
  constructor(packed: string | Bytes | PagedBytes, private readonly searchesBeforeHash = SEARCHES_BEFORE_HASH) {
    if (packed instanceof PagedBytes) {
      this.paged = packed;
      this.b = bufferOf(packed.bytes);
    } else this.b = bufferOf(packed);
  }

  /** Every byte, read: for what walks them all (a count, a hash table, a decoding). */
  protected whole(): Bytes {
    if (this.paged !== undefined) {
      this.paged.all();
      this.paged = undefined;
    }
    return this.b;
  }

  get size(): number {
    return (this.lines ??= lineCount(this.whole()));
  }

  /** Whether `key` has a line; if it has, {@link at} says where (its bytes up to the line's end are read). */
  protected locate(key: string): boolean {
    if (this.table === undefined && ++this.searches <= this.searchesBeforeHash) {
      const k = Buffer.from(key, "utf8");
      const line = findLine(this.b, k, this.paged);
      if (line === -1) return false;
      this.at[0] = line[0];
      this.at[1] = line[0] + k.length;
      return true;
    }
    this.table ??= new LineTable(this.whole(), this.size);
    return this.table.find(key, this.at);
  }

  /**
   * `hit(start, keyEnd, k)` for the line of every key `key.slice(0, k)`, k = 1…maxUnits, shortest
   * first: what {@link locate} of each prefix finds, in one walk once the hash table is built (a stem
   * look-up of a new word was a substring and a hash per prefix, the better part of a word's cost).
   */
  protected prefixLines(key: string, maxUnits: number, hit: (start: number, keyEnd: number, units: number) => void, minUnits = 1): void {
    const n = Math.min(key.length, maxUnits);
    if (this.table === undefined && this.searches + n <= this.searchesBeforeHash) {
      for (let k = minUnits; k <= n; k++) if (this.locate(key.slice(0, k))) hit(this.at[0], this.at[1], k);
      return;
    }
    this.table ??= new LineTable(this.whole(), this.size);
    this.table.prefixes(key, n, hit, minUnits);
  }

  /**
   * `hit(start, keyEnd)` for the line of each of fuzzy.ts's `deletions(key)` that has one, in their
   * order, once the hash table is built and when the key holds no surrogate; false (nothing
   * visited) otherwise, for the caller to look each deletion up.
   */
  protected deletionLines(key: string, hit: (start: number, keyEnd: number) => void): boolean {
    return this.table !== undefined && this.table.deletions(key, hit);
  }
}

/** A map written by {@link packMap}, read in place from its bytes (see PackedLines). */
export class PackedMap extends PackedLines implements IdMap {
  // The ids of the lines found so far, by line start: a word met again gets the same array.
  private readonly found = new Map<number, number[]>();

  get(key: string): readonly number[] | undefined {
    return this.locate(key) ? this.idsAt(this.at[0], this.at[1]) : undefined;
  }

  /** Whether `key` has a line, its ids left unread. */
  has(key: string): boolean {
    return this.locate(key);
  }

  /** `visit(id)` for the ids of every key `key.slice(0, k)`, k = 1…maxUnits, shortest first. */
  forEachPrefixId(key: string, maxUnits: number, visit: (id: number) => void): void {
    this.prefixLines(key, maxUnits, (start, keyEnd) => {
      for (const t of this.idsAt(start, keyEnd)) visit(t);
    });
  }

  /**
   * `hit(k, ids)` for every key `key.slice(0, k)`, k = minUnits…maxUnits, shortest first, in one
   * walk (see {@link forEachPrefixId}).
   */
  forEachPrefix(key: string, minUnits: number, maxUnits: number, hit: (units: number, ids: readonly number[]) => void): void {
    this.prefixLines(key, maxUnits, (start, keyEnd, units) => hit(units, this.idsAt(start, keyEnd)), minUnits);
  }

  /** `visit(id)` for the ids of each of fuzzy.ts's `deletions(key)`, in order; false (nothing visited) when it cannot walk them at once (see deletionLines). */
  forEachDeletionId(key: string, visit: (id: number) => void): boolean {
    return this.deletionLines(key, (start, keyEnd) => {
      for (const t of this.idsAt(start, keyEnd)) visit(t);
    });
  }

  /** The ids of the line at `start` whose key ends at `keyEnd`. */
  private idsAt(start: number, keyEnd: number): number[] {
    let ids = this.found.get(start);
    if (ids === undefined) {
      let end = this.b.indexOf(10, keyEnd);
      if (end < 0) end = this.b.length;
      this.found.set(start, (ids = idsOfLine(this.b, keyEnd + 1, end)));
    }
    return ids;
  }

  *keys(): IterableIterator<string> {
    yield* unpackMap(this.whole()).keys();
  }
}

/** A set of words as sorted lines, one word each (see {@link packSet}). */
export function packSet(words: Iterable<string>): string {
  return byUtf8([...words]).join("\n");
}

/** A set written by {@link packSet}, read in place from its bytes (see PackedLines); iterating it decodes it. */
export class PackedSet extends PackedLines implements ReadonlySet<string> {
  private set: Set<string> | undefined;

  has(word: string): boolean {
    return this.locate(word);
  }

  /** `hit(k)` for each k = 1…maxUnits (shortest first) for which `word.slice(0, k)` is in the set. */
  forEachPrefix(word: string, maxUnits: number, hit: (units: number) => void): void {
    this.prefixLines(word, maxUnits, (_start, _keyEnd, units) => hit(units));
  }

  forEach(cb: (value: string, key: string, set: ReadonlySet<string>) => void): void {
    this.decoded().forEach((v) => cb(v, v, this));
  }
  entries(): SetIterator<[string, string]> {
    return this.decoded().entries();
  }
  keys(): SetIterator<string> {
    return this.decoded().keys();
  }
  values(): SetIterator<string> {
    return this.decoded().values();
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.decoded().values();
  }

  private decoded(): Set<string> {
    if (!this.set) {
      const s = decoder.decode(this.whole());
      this.set = new Set(s === "" ? [] : s.split("\n"));
    }
    return this.set;
  }
}
