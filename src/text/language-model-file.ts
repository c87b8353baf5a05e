/**
 * The file of the language model (language-model.bin), as scripts/build-language-model.js writes
 * it from eld's data: a header, then tables that are used where they lie, as typed-array views on
 * the file's bytes. See that script for the layout; it writes the same version number as this
 * module reads.
 */

/** The file format this module reads. */
export const LANGUAGE_MODEL_FORMAT_VERSION = 1;

const MAGIC = "MPLANGID";
const PREAMBLE = 16;

/** Where the model's data comes from, as its header says. */
export interface LanguageModelSource {
  readonly package: string;
  readonly version: string;
  readonly license: string;
  readonly database: string;
  readonly dataType: string;
}

/** A model file, checked and cut into its tables. */
export interface LanguageModelFile {
  readonly source: LanguageModelSource;
  /** eld's copyright and licence notice, and what the build changed. */
  readonly notice: string;
  /** ISO 639-1 codes; a pair's language is an index into this list. */
  readonly languages: readonly string[];
  /** eld's average score per language (its reliability test), NaN where eld has none. */
  readonly avgScore: Float64Array;
  /** Bit c: UTF-16 unit c is a letter for eld's separator regex. */
  readonly letters: Uint8Array;
  /** Bit c: unit c is a non-letter that the regex keeps at the end of a run (an apostrophe). */
  readonly keep: Uint8Array;
  /** eld's byte dictionary: the character (< 0x100) that stands for each byte. */
  readonly byteChars: Uint8Array;
  /** The keys whose first two bytes are p are the records [prefixes[p], prefixes[p + 1]). */
  readonly prefixes: Uint32Array;
  /** Each key's bytes 2-5, byte 2 in the top bits, 0-padded; sorted within a prefix. */
  readonly keyRest: Uint32Array;
  /** Key i's pairs are [pairStart[i], pairStart[i + 1]). */
  readonly pairStart: Uint32Array;
  /** Pair j: language index at 2j, eld's score (less its base of 53) at 2j + 1. */
  readonly pairs: Uint8Array;
}

const bad = (why: string): Error => new Error(`not a usable modpol language model: ${why}`);

const align8 = (n: number): number => (n + 7) & ~7;

interface Header {
  readonly source: LanguageModelSource;
  readonly notice: string;
  readonly languages: readonly string[];
  readonly avgScore: readonly (number | null)[];
  readonly keys: number;
  readonly pairs: number;
}

/** The header's JSON, which the build writes in ASCII: no text decoder needed. */
function readHeader(bytes: Uint8Array, length: number): Header {
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
  return { source: Object.freeze({ ...src }) as unknown as LanguageModelSource, notice: o.notice, languages: Object.freeze([...(langs as string[])]), avgScore: avg as (number | null)[], keys: o.keys, pairs: o.pairs };
}

/**
 * Checks the preamble (`pre`, the file's first bytes) of a model file of `size` bytes: signature,
 * format version, and a header that fits. Returns the header's length.
 */
function headerLength(pre: Uint8Array, size: number): number {
  if (size < PREAMBLE || pre.length < PREAMBLE) throw bad(`${size} bytes, too short for a header`);
  for (let i = 0; i < MAGIC.length; i++) if (pre[i] !== MAGIC.charCodeAt(i)) throw bad("it does not start with the model's signature");
  const view = new DataView(pre.buffer, pre.byteOffset, PREAMBLE);
  const version = view.getUint32(8, true);
  if (version !== LANGUAGE_MODEL_FORMAT_VERSION) throw bad(`format version ${version}, this modpol reads version ${LANGUAGE_MODEL_FORMAT_VERSION}`);
  const length = view.getUint32(12, true);
  if (length > size - PREAMBLE) throw bad("its header runs past the end of the file");
  return length;
}

/**
 * Checks a model file and cuts it into its tables, which stay views on `bytes` (or on a copy, when
 * `bytes` is not 8-byte aligned).
 * @throws Error when the bytes are not a model of this format (another file, another version,
 *   truncated, inconsistent).
 */
export function readLanguageModelFile(bytes: Uint8Array): LanguageModelFile {
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) throw new Error("the language model is stored little-endian; this platform is big-endian");
  const length = headerLength(bytes.subarray(0, PREAMBLE), bytes.length);
  const h = readHeader(bytes, length);
  // Typed-array views need their offsets aligned to their element size.
  const b = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
  const { keys: n, pairs: p } = h;
  let at = align8(PREAMBLE + length);
  const take = (size: number): number => {
    const from = at;
    at = align8(at + size);
    if (from + size > b.length) throw bad(`it ends early (${b.length} bytes for ${n} n-grams and ${p} scores)`);
    return b.byteOffset + from;
  };
  const file: LanguageModelFile = {
    source: h.source,
    notice: h.notice,
    languages: h.languages,
    avgScore: Float64Array.from(h.avgScore, (a) => a ?? Number.NaN),
    letters: new Uint8Array(b.buffer, take(8192), 8192),
    keep: new Uint8Array(b.buffer, take(8192), 8192),
    byteChars: new Uint8Array(b.buffer, take(256), 256),
    prefixes: new Uint32Array(b.buffer, take(4 * 65537), 65537),
    keyRest: new Uint32Array(b.buffer, take(4 * n), n),
    pairStart: new Uint32Array(b.buffer, take(4 * (n + 1)), n + 1),
    pairs: new Uint8Array(b.buffer, take(2 * p), 2 * p),
  };
  if (at !== b.length) throw bad(`${b.length} bytes where its tables take ${at}`);
  // The tables' ends only: a scan of the 65,537 prefix entries took 3-8 ms before the first
  // detection (cold code, loaded machine), and the detector stays in bounds whatever they hold.
  if (file.prefixes[0] !== 0 || file.prefixes[65536] !== n || file.pairStart[0] !== 0 || file.pairStart[n] !== p) throw bad("its tables do not match its header");
  return file;
}

/** Bytes read a piece at a time (a file, by offset): see {@link openLanguageModelFile}. */
export interface ByteSource {
  readonly size: number;
  /** Bytes [start, end). */
  slice(start: number, end: number): Uint8Array;
}

/**
 * A model file opened for reading a piece at a time: its header and small tables read and checked,
 * and where its four large tables lie. A one-post run looks up a few dozen n-grams, each a few
 * small reads, instead of reading the whole 1.4 MB (see LanguageModel.open).
 */
export interface PagedModelFile extends Omit<LanguageModelFile, "prefixes" | "keyRest" | "pairStart" | "pairs"> {
  /** How many keys (n-grams) and pairs (language, score) the tables hold. */
  readonly keys: number;
  readonly pairCount: number;
  /** Byte offset of each large table in the file. */
  readonly at: Readonly<Record<"prefixes" | "keyRest" | "pairStart" | "pairs", number>>;
  readonly bytes: ByteSource;
}

/** The little-endian 32-bit number at byte `at` of `b`. */
export function readLe32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/** The little-endian 32-bit number at `offset` of `src`. */
function readUint32(src: ByteSource, offset: number): number {
  return readLe32(src.slice(offset, offset + 4), 0);
}

/**
 * Checks a model file as {@link readLanguageModelFile} does, reading only its header, its small
 * tables and the ends of its large ones.
 * @throws Error when the file is not a model of this format.
 */
export function openLanguageModelFile(src: ByteSource): PagedModelFile {
  const length = headerLength(src.slice(0, Math.min(src.size, PREAMBLE)), src.size);
  const headerEnd = align8(PREAMBLE + length);
  // Header and the three small tables (16.6 KB) in one read.
  const head = src.slice(0, Math.min(src.size, headerEnd + 8192 + 8192 + 256));
  const h = readHeader(head, length);
  const { keys: n, pairs: p } = h;
  let pos = headerEnd;
  const take = (size: number): number => {
    const from = pos;
    pos = align8(pos + size);
    if (from + size > src.size) throw bad(`it ends early (${src.size} bytes for ${n} n-grams and ${p} scores)`);
    return from;
  };
  const small = (size: number): Uint8Array => {
    const from = take(size);
    return head.slice(from, from + size);
  };
  const letters = small(8192);
  const keep = small(8192);
  const byteChars = small(256);
  const at = { prefixes: take(4 * 65537), keyRest: take(4 * n), pairStart: take(4 * (n + 1)), pairs: take(2 * p) };
  if (pos !== src.size) throw bad(`${src.size} bytes where its tables take ${pos}`);
  if (readUint32(src, at.prefixes) !== 0 || readUint32(src, at.prefixes + 4 * 65536) !== n || readUint32(src, at.pairStart) !== 0 || readUint32(src, at.pairStart + 4 * n) !== p) throw bad("its tables do not match its header");
  return { source: h.source, notice: h.notice, languages: h.languages, avgScore: Float64Array.from(h.avgScore, (a) => a ?? Number.NaN), letters, keep, byteChars, keys: n, pairCount: p, at, bytes: src };
}
