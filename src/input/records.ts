import { resolveCountry } from "../base/countries.js";
import { languageSubtag } from "../base/languages.js";
import { decodeInput, detectedNote, encodingNote } from "./encoding.js";
import { readLineBatches, readLinePieces, splitChunk, type Line } from "./lines.js";

/** Input formats (SPEC §4). */
export const INPUT_FORMATS = ["lines", "jsonl", "csv"] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** A post read from input, ready to evaluate. */
export interface PostRecord {
  readonly kind: "post";
  /** 1-based record number across all inputs. */
  readonly n: number;
  /** Physical line in its input where the record starts. */
  readonly line: number;
  readonly id: string;
  readonly text: string;
  /** Resolved ISO code, or undefined when the record names none. */
  readonly country: string | undefined;
  readonly date: string | undefined;
  /** The record's own language (ISO 639 code, lower case), when it names one. */
  readonly lang?: string | undefined;
  /**
   * The whole record (a JSON object, or a CSV row by column name), for the fields a policy declares
   * (see docs/policy-language.md#record-fields); checked against the policy where it is evaluated.
   */
  readonly fields?: Readonly<Record<string, unknown>> | undefined;
  /** The record is a CSV row: every value is text, read as the declared type. */
  readonly fieldsAreText?: boolean | undefined;
}

/** A record that cannot be evaluated; it is reported in place and evaluation goes on. */
export interface ErrorRecord {
  readonly kind: "error";
  readonly n: number;
  readonly line: number;
  readonly id: string;
  readonly code: string;
  readonly message: string;
}

export type InputRecord = PostRecord | ErrorRecord;

/**
 * A JSONL line not parsed yet ({@link ReadOptions.deferParse}): what `eval --jobs` sends to its
 * workers, so that parsing happens there and not in the thread that reads and writes.
 */
export interface RawRecord {
  readonly kind: "raw";
  readonly n: number;
  readonly line: number;
  readonly text: string;
  /** The input's name, for error messages. */
  readonly name: string;
}

/** The record a raw JSONL line stands for (a post, or an error record in its place). */
export function parseRaw(r: RawRecord): InputRecord {
  return jsonlRecord(r.text, r.n, r.line, { name: r.name });
}

/** Options for reading records. */
export interface ReadOptions {
  /** Largest record accepted, in bytes; a larger one becomes an error record. */
  readonly maxRecordBytes: number;
  /** Name of the input, used in error messages. */
  readonly name: string;
  /** Number of the first record (records are numbered across inputs). */
  readonly firstRecord: number;
  /**
   * Told, once at the end of the input, what had to be repaired (invalid UTF-8), as a line for
   * stderr. Records keep exactly their SPEC fields, so this is the only place it is said.
   */
  readonly onNote?: (message: string) => void;
  /** JSONL lines come as {@link RawRecord}s, parsed later by {@link parseRaw}. */
  readonly deferParse?: boolean;
  /** The CSV field separator: one character, `,` unless told (`;` as European spreadsheets write it). */
  readonly delimiter?: string;
}

/** Picks the input format from a file name's extension (lines when unknown). */
export function formatFromPath(path: string): InputFormat {
  const p = path.toLowerCase();
  if (p.endsWith(".jsonl") || p.endsWith(".ndjson") || p.endsWith(".json")) return "jsonl";
  if (p.endsWith(".csv")) return "csv";
  return "lines";
}

/**
 * Reads records of the given format from a byte stream, streaming. The bytes are made UTF-8 first
 * (UTF-16 and UTF-32, with a byte order mark or recognised without one, are decoded; invalid UTF-8
 * is read as U+FFFD and reported through `opts.onNote`), so every line still yields its record. A
 * line ends at LF, CRLF or CR.
 */
export async function* readRecords(input: AsyncIterable<Buffer | string>, format: InputFormat, opts: ReadOptions): AsyncGenerator<InputRecord> {
  for await (const batch of readRecordBatches(input, format, opts)) yield* batch;
}

/**
 * {@link readRecords} in batches: the records of each chunk read, so that a large input costs one
 * asynchronous step per chunk rather than per record. Never an empty batch.
 */
export function readRecordBatches(input: AsyncIterable<Buffer | string>, format: InputFormat, opts: ReadOptions & { readonly deferParse: true }): AsyncGenerator<(InputRecord | RawRecord)[]>;
export function readRecordBatches(input: AsyncIterable<Buffer | string>, format: InputFormat, opts: ReadOptions): AsyncGenerator<InputRecord[]>;
export function readRecordBatches(input: AsyncIterable<Buffer | string>, format: InputFormat, opts: ReadOptions): AsyncGenerator<(InputRecord | RawRecord)[]> {
  const note = opts.onNote;
  const source = decodeInput(input, note ? { invalid: (r) => note(encodingNote(opts.name, r)), detected: (e) => note(detectedNote(opts.name, e)) } : {});
  if (format === "csv") return readCsvBatches(source, opts);
  return fromLines(source, opts, format === "lines" ? plainRecord : opts.deferParse ? rawRecord : jsonlRecord);
}

function tooLarge(n: number, line: number, bytes: number, opts: ReadOptions): ErrorRecord {
  return { kind: "error", n, line, id: String(n), code: "record-too-large", message: `${opts.name}:${line}: record is ${bytes} bytes; the limit is ${opts.maxRecordBytes} (--max-record-size)` };
}

/** The record of one non-blank line of text (the line is the post). */
function plainRecord(text: string, n: number, line: number): InputRecord {
  return { kind: "post", n, line, id: String(n), text, country: undefined, date: undefined };
}

/** A non-blank JSONL line, to be parsed later. */
function rawRecord(text: string, n: number, line: number, opts: ReadOptions): RawRecord {
  return { kind: "raw", n, line, text, name: opts.name };
}

/** The record of one non-blank JSONL line. */
function jsonlRecord(text: string, n: number, line: number, opts: Pick<ReadOptions, "name">): InputRecord {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { kind: "error", n, line, id: String(n), code: "invalid-json", message: `${opts.name}:${line}: ${(e as Error).message}` };
  }
  return fromObject(value, n, line, opts);
}

/** A line that holds no record: empty, or only spaces and tabs (JSON's white space within a line). */
const BLANK = /^[ \t]*$/;

async function* fromLines(source: AsyncIterable<Buffer | string>, opts: ReadOptions, record: (text: string, n: number, line: number, opts: ReadOptions) => InputRecord | RawRecord): AsyncGenerator<(InputRecord | RawRecord)[]> {
  let n = opts.firstRecord;
  for await (const lines of readLineBatches(source, opts.maxRecordBytes)) {
    const out: (InputRecord | RawRecord)[] = [];
    for (const l of lines as Line[]) {
      if ("tooLong" in l) out.push(tooLarge(n++, l.line, l.tooLong, opts));
      // Blank lines (empty, or spaces and tabs only) separate nothing and carry no post: they are
      // not records. A line of other white space (no-break or ideographic spaces, a BOM, a form
      // feed) is one: in JSONL it is not JSON, and skipping it silently would lose it.
      else if (!BLANK.test(l.text)) out.push(record(l.text, n++, l.line, opts));
    }
    if (out.length > 0) yield out;
  }
}

/**
 * Builds a record from a parsed JSON object or CSV row (`csv`: its values are all text), checking
 * the fields SPEC §4 names; the object itself travels with the post for the fields policies declare.
 */
export function fromObject(value: unknown, n: number, line: number, opts: Pick<ReadOptions, "name">, csv = false): InputRecord {
  const where = `${opts.name}:${line}`;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { kind: "error", n, line, id: String(n), code: "invalid-record", message: `${where}: a record must be a JSON object with a "text" field` };
  }
  const o = value as Record<string, unknown>;
  const rawId = o.id;
  const id = typeof rawId === "string" && rawId !== "" ? rawId : typeof rawId === "number" && Number.isFinite(rawId) ? String(rawId) : String(n);
  const err = (code: string, message: string): ErrorRecord => ({ kind: "error", n, line, id, code, message: `${where}: ${message}` });
  if (!("text" in o) || o.text === undefined || o.text === null) return err("missing-text", 'the record has no "text" field');
  if (typeof o.text !== "string") return err("invalid-text", `"text" must be a string, not ${Array.isArray(o.text) ? "a list" : typeof o.text}`);
  let country: string | undefined;
  if (o.country !== undefined && o.country !== null && o.country !== "") {
    if (typeof o.country !== "string") return err("invalid-country", '"country" must be a string');
    country = resolveCountry(o.country);
    if (!country) return err("invalid-country", `"${o.country}" is not a country code (PL, POL) or country name (Poland, Polska)`);
  }
  // The date is read only where it is used: a timeline picks the version in force on it, and says
  // there when it is no ISO 8601 date ("invalid-date"). Under a single policy dates are ignored, so
  // an export whose dates are written otherwise (11/03/2022, epoch seconds) is still decided.
  const date = o.date === undefined || o.date === null || o.date === "" ? undefined : typeof o.date === "string" ? o.date : JSON.stringify(o.date);
  let lang: string | undefined;
  if (o.lang !== undefined && o.lang !== null && o.lang !== "") {
    // "uk", "pt-BR", "zh_Hant": the language subtag decides which lexicons apply.
    lang = typeof o.lang === "string" ? languageSubtag(o.lang) : undefined;
    if (lang === undefined) return err("invalid-lang", `"lang" must be a language code such as en, uk or pt-BR`);
  }
  return { kind: "post", n, line, id, text: o.text, country, date, ...(lang !== undefined ? { lang } : {}), fields: o, ...(csv ? { fieldsAreText: true } : {}) };
}

async function* readCsvBatches(source: AsyncIterable<Buffer | string>, opts: ReadOptions): AsyncGenerator<InputRecord[]> {
  const { readCsv } = await import("./csv.js");
  for await (const rec of readCsv(source, opts)) yield [rec];
}

/**
 * Whole lines of a line-delimited input (lines or JSONL) as bytes, for `eval --jobs`: a worker
 * thread turns them into records ({@link recordsOfChunk}). Consecutive chunks of one input may be
 * joined (see {@link joinChunks}).
 */
export interface LineChunk {
  readonly kind: "chunk";
  /** The bytes, in parts (not copied): whole lines with their line ends; no byte order mark. */
  readonly parts: readonly Buffer[];
  readonly bytes: number;
  /** Physical line of its first line. */
  readonly line: number;
  /** Number of its first record (if it holds any). */
  readonly n: number;
  /** Records it holds: its lines that are not blank. */
  readonly records: number;
  readonly format: "lines" | "jsonl";
  /** The input's name, for error messages. */
  readonly name: string;
}

/** What a worker is given of a {@link LineChunk}: its bytes in one piece, and where they stand in the input. */
export interface ChunkBytes {
  readonly bytes: Uint8Array;
  readonly line: number;
  readonly n: number;
  readonly records: number;
  readonly format: "lines" | "jsonl";
  readonly name: string;
}

/**
 * {@link readRecordBatches} for `eval --jobs` over a line-delimited input: the records' lines come
 * as {@link LineChunk}s, cut and counted but not decoded; a line over the limit comes as its error
 * record, as {@link readRecordBatches} gives it. The bytes are made UTF-8 first, as there, and what
 * had to be repaired is told the same way.
 */
export async function* readChunks(input: AsyncIterable<Buffer | string>, format: "lines" | "jsonl", opts: ReadOptions): AsyncGenerator<(LineChunk | InputRecord)[]> {
  const note = opts.onNote;
  const source = decodeInput(input, note ? { invalid: (r) => note(encodingNote(opts.name, r)), detected: (e) => note(detectedNote(opts.name, e)) } : {});
  let n = opts.firstRecord;
  for await (const pieces of readLinePieces(source, opts.maxRecordBytes)) {
    const out: (LineChunk | InputRecord)[] = [];
    for (const p of pieces) {
      if (p.kind === "too-long") out.push(tooLarge(n++, p.line, p.bytes, opts));
      else {
        out.push({ kind: "chunk", parts: p.parts, bytes: p.bytes, line: p.line, n, records: p.records, format, name: opts.name });
        n += p.records;
      }
    }
    if (out.length > 0) yield out;
  }
}

/**
 * What a worker is given of chunk `c`: its parts copied into one buffer of its own, which can be
 * transferred (never a slice of Node's shared pool), and where they stand in the input.
 */
export function chunkBytesOf(c: LineChunk): ChunkBytes {
  const bytes = new Uint8Array(c.bytes);
  let at = 0;
  for (const p of c.parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, line: c.line, n: c.n, records: c.records, format: c.format, name: c.name };
}

/** Consecutive chunks of one input (nothing read between them) as one. */
export function joinChunks(cs: readonly LineChunk[]): LineChunk {
  const head = cs[0];
  if (!head) throw new Error("joinChunks: no chunk");
  if (cs.length === 1) return head;
  return { ...head, parts: cs.flatMap((c) => c.parts), bytes: cs.reduce((s, c) => s + c.bytes, 0), records: cs.reduce((s, c) => s + c.records, 0) };
}

/**
 * The records of a chunk's bytes: exactly those {@link readRecordBatches} (with `deferParse`) gave
 * for its lines, JSONL lines still raw (parsed where they are evaluated, so that a failure there is
 * one record's error).
 */
export function recordsOfChunk(b: Buffer, c: Omit<ChunkBytes, "bytes" | "records">): (InputRecord | RawRecord)[] {
  const out: (InputRecord | RawRecord)[] = [];
  let n = c.n;
  for (const l of splitChunk(b, c.line)) {
    if (BLANK.test(l.text)) continue;
    out.push(c.format === "lines" ? plainRecord(l.text, n++, l.line) : { kind: "raw", n: n++, line: l.line, text: l.text, name: c.name });
  }
  return out;
}
