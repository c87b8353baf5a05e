import { accessSync, constants, statSync } from "node:fs";
import { resolve } from "node:path";
import { resolveCountry } from "../base/countries.js";
import { parseInstant } from "../base/dates.js";
import { COMPRESSED_SUFFIX, CompressedInputError, decompressed } from "../input/decompress.js";
import { formatFromPath, INPUT_FORMATS, readChunks, readRecordBatches, type InputFormat, type InputRecord, type LineChunk, type RawRecord } from "../input/records.js";
import type { OffsetUnit } from "../report/eval-format.js";
import { openInputFile, type InputFile } from "./input-file.js";
import { metered, type InputMeter } from "./progress.js";
import { IoError, isSystemError, UsageError, type Io } from "./io.js";
import type { OptionSpec } from "./option-spec.js";
import type { FieldRecord } from "../input/labelled.js";

/**
 * The options every command that reads posts shares (eval, diff): where the records come from,
 * what to assume for records that lack a country or date, and how offsets are counted.
 */
export interface RecordInputOptions {
  readonly input?: string[];
  readonly inputFormat?: string;
  readonly country?: string;
  readonly at?: string;
  readonly offsets: string;
  readonly maxRecordSize: string;
  readonly delimiter?: string;
}

/** {@link RecordInputOptions} for commander and the quick parse, in the order help lists them. */
export const RECORD_INPUT_OPTIONS: readonly OptionSpec[] = [
  { flags: "-i, --input <path>", description: "read posts from a file ('-' for stdin); repeatable", repeatable: true },
  { flags: "--input-format <format>", description: "input format (default: from the file extension; stdin: lines)", choices: ["lines", "jsonl", "csv"] },
  { flags: "-c, --country <code|name>", description: "country of posts that carry none (ISO code such as PL or POL, or a name such as Poland or Polska)" },
  { flags: "--at <date>", description: "date of posts that carry none (a timeline picks the version in force on it)" },
  { flags: "--delimiter <char>", description: "field separator of CSV input: one character, e.g. ';' as European spreadsheets write it, or 'tab' (default ',')" },
];

/** The offset and size options, listed after a command's own output options. */
export const RECORD_LIMIT_OPTIONS: readonly OptionSpec[] = [
  { flags: "--offsets <unit>", description: "unit of evidence offsets in json/jsonl/csv", choices: ["codepoint", "utf16"], default: "codepoint" },
  { flags: "--max-record-size <bytes>", description: "largest input record (e.g. 1m, 512k)", default: "1m" },
];

/** {@link RecordInputOptions}, checked and resolved. */
export interface RecordInput {
  /** `--country`, as an ISO code. */
  readonly defaultCountry: string | undefined;
  /** `--at`, trimmed. */
  readonly at: string | undefined;
  readonly offsets: OffsetUnit;
  readonly maxRecordBytes: number;
  /** `--delimiter`: the CSV field separator. */
  readonly delimiter: string;
}

/** Checks the shared options; a bad value is a usage error naming the option. */
export function parseRecordInput(o: RecordInputOptions): RecordInput {
  const offsets = o.offsets.toLowerCase();
  if (offsets !== "codepoint" && offsets !== "utf16") throw new UsageError(`--offsets: '${o.offsets}' is not codepoint or utf16`);
  let defaultCountry: string | undefined;
  if (o.country !== undefined) {
    defaultCountry = resolveCountry(o.country);
    if (!defaultCountry) throw new UsageError(`--country: unknown country '${o.country}'; give an ISO 3166-1 code (PL or POL) or a country name (Poland, Polska)`);
  }
  return { defaultCountry, at: parseAt(o.at), offsets, maxRecordBytes: parseSize(o.maxRecordSize), delimiter: parseDelimiter(o.delimiter) };
}

/** `--delimiter`: one character other than a quote or a line break; `tab` for a tab. */
export function parseDelimiter(v: string | undefined): string {
  if (v === undefined) return ",";
  const d = v.toLowerCase() === "tab" || v === "\\t" ? "\t" : v;
  if ([...d].length !== 1 || /["\r\n]/.test(d)) throw new UsageError(`--delimiter: '${v}' is not one character other than a quote or a line break (e.g. ';', or 'tab')`);
  return d;
}

/** `--max-record-size`: bytes, or a number with k, m or g. */
export function parseSize(s: string): number {
  const m = /^(\d+)\s*([kmg]?)i?b?$/i.exec(s.trim());
  if (!m) throw new UsageError(`--max-record-size: '${s}' is not a size such as 1048576, 512k or 4m`);
  const mult = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? "").toLowerCase()] ?? 1;
  const n = Number(m[1]) * mult;
  if (n < 1) throw new UsageError("--max-record-size must be at least 1 byte");
  return n;
}

/** `--at DATE`: the date of posts that carry none (timelines pick the version in force on it). */
export function parseAt(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (parseInstant(v) === undefined) throw new UsageError(`--at: '${v}' is not a date such as 2022-03-11 or a timestamp such as 2022-03-11T09:30:00Z`);
  return v.trim();
}

/** A source of records: the TEXT arguments, or one input stream. */
export interface Source {
  readonly name: string;
  /**
   * The records in batches (those of one chunk read), numbered from `first`; never an empty batch.
   * JSONL lines may come raw (see `deferParse` of {@link sources}). An input that fails while it is
   * read (EIO, a file truncated under it) throws an {@link IoError}.
   */
  readonly records: (first: number) => AsyncGenerator<(InputRecord | RawRecord)[]>;
  /**
   * The same records as {@link records}, their lines left as bytes in chunks cut at line ends (a
   * line over the limit still comes as its error record): for `eval --jobs`, whose workers read
   * them. Only line-delimited inputs (lines, JSONL) have it; a CSV record may span lines, and
   * finding where one ends takes its quotes into account, so CSV comes as records.
   */
  readonly chunks?: ((first: number) => AsyncGenerator<(LineChunk | InputRecord)[]>) | undefined;
  /**
   * Stops reading (after a signal): the input file is closed, so that a read in progress (a line
   * with no end, /dev/zero) neither goes on nor keeps the process alive.
   */
  readonly stop: () => void;
}

/** An input file that cannot be opened is a usage error, found before any output is written. */
function assertReadable(abs: string, shown: string, option = "--input"): void {
  try {
    accessSync(abs, constants.R_OK);
    if (statSync(abs).isDirectory()) throw new UsageError(`${option}: '${shown}' is a folder, not a file`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${option}: cannot read '${shown}': ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (e as Error).message}`);
  }
}

/** `--input-format` as given (any case), checked: one of {@link INPUT_FORMATS}, or undefined. */
function inputFormatOption(given: string | undefined): InputFormat | undefined {
  const format = given?.toLowerCase();
  if (format !== undefined && !(INPUT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--input-format: '${given}' is not one of ${INPUT_FORMATS.join(", ")}`);
  return format as InputFormat | undefined;
}

/** The record sources of a run (eval, diff): TEXT arguments, `--input` files, else stdin. */
export function sources(
  texts: readonly string[],
  o: Pick<RecordInputOptions, "input" | "inputFormat" | "delimiter">,
  io: Io,
  maxRecordBytes: number,
  meter: InputMeter = { read: 0, total: undefined },
  deferParse = false,
  note: (text: string) => void = (t) => io.stderr.write(t),
): Source[] {
  const fmtOpt = inputFormatOption(o.inputFormat);
  const out: Source[] = [];
  if (texts.length > 0) {
    out.push({
      name: "arguments",
      records: async function* (first) {
        yield texts.map((text, i): InputRecord => ({ kind: "post", n: first + i, line: i + 1, id: String(first + i), text, country: undefined, date: undefined }));
      },
      stop: () => undefined,
    });
  }
  const inputs = o.input ?? [];
  if (texts.length === 0 && inputs.length === 0) inputs.push("-");
  for (const path of inputs) {
    const isStdin = path === "-";
    if (!isStdin) assertReadable(resolve(io.cwd, path), path);
    // The total is known only when every input is a file.
    if (meter.total !== undefined) meter.total = isStdin ? undefined : meter.total + statSync(resolve(io.cwd, path)).size;
    const name = isStdin ? "<stdin>" : path;
    // posts.jsonl.gz is JSONL: the format is named before the compression.
    const format = (fmtOpt ?? (isStdin ? "lines" : formatFromPath(path.replace(COMPRESSED_SUFFIX, "")))) as InputFormat;
    let file: InputFile | undefined;
    /** The input's bytes, decompressed, and what to say of them: the same for records and chunks. */
    const open = (): AsyncIterable<Buffer | string> => {
      const stream = isStdin ? io.stdin : (file = openInputFile(resolve(io.cwd, path))).chunks;
      // Waiting on a terminal for posts nobody knows to type looks like a hang: say what it waits for.
      if (isStdin && (stream as { isTTY?: boolean }).isTTY === true) note("modpol: reading posts from the terminal, one a line, until Ctrl-D (or give posts as arguments, or --input FILE)\n");
      // Metered before decompression: progress compares the bytes read with the file's size.
      return decompressed(metered(stream as AsyncIterable<Buffer>, meter), name);
    };
    const readOpts = (first: number) => ({ maxRecordBytes, name, firstRecord: first, onNote: (m: string) => note(`modpol: ${m}\n`), deferParse, delimiter: parseDelimiter(o.delimiter) });
    out.push({
      name,
      records: async function* (first) {
        yield* readingErrors(name, usageOnCompression(readRecordBatches(open(), format, readOpts(first))));
      },
      chunks:
        format === "csv"
          ? undefined
          : async function* (first) {
              yield* readingErrors(name, usageOnCompression(readChunks(open(), format, readOpts(first))));
            },
      stop: () => file?.stop(),
    });
  }
  return out;
}

/** The system failing to read (EIO, EISDIR…) is the user's environment, not a bug: an {@link IoError}. */
async function* readingErrors<T>(name: string, it: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* it;
  } catch (e) {
    if (isSystemError(e)) throw new IoError(`reading ${name}`, e);
    throw e;
  }
}

/** A compressed input that cannot be read (a format Node lacks, damaged data) is a usage error. */
async function* usageOnCompression<T>(it: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* it;
  } catch (e) {
    if (e instanceof CompressedInputError) throw new UsageError(e.message);
    throw e;
  }
}

/** A source of records read with every field they have (see readFieldRecords). */
export interface FieldSource {
  readonly name: string;
  readonly records: (first: number) => AsyncGenerator<FieldRecord[]>;
}

/**
 * The record sources of a run that needs every field of a record (`score`, `eval --sample`): TEXT
 * arguments, then each path (`-` is stdin, read as `stdinFormat` unless `--input-format` says otherwise). A
 * post of the arguments or of a `lines` input has one field, its text. `option` names the option
 * the paths came from, for messages.
 */
export function fieldSources(texts: readonly string[], paths: readonly string[], inputFormat: string | undefined, io: Io, maxRecordBytes: number, option: string, delimiter = ",", stdinFormat: InputFormat = "jsonl"): FieldSource[] {
  const fmtOpt = inputFormatOption(inputFormat);
  const out: FieldSource[] = [];
  if (texts.length > 0) {
    out.push({
      name: "arguments",
      records: async function* (first) {
        yield texts.map((text, i) => ({ record: { kind: "post", n: first + i, line: i + 1, id: String(first + i), text, country: undefined, date: undefined }, fields: { text } }));
      },
    });
  }
  for (const path of paths) {
    const isStdin = path === "-";
    if (!isStdin) assertReadable(resolve(io.cwd, path), path, option);
    const name = isStdin ? "<stdin>" : path;
    // labels.jsonl.gz is JSONL: the format is named before the compression.
    const format = (fmtOpt ?? (isStdin ? stdinFormat : formatFromPath(path.replace(COMPRESSED_SUFFIX, "")))) as InputFormat;
    out.push({
      name,
      records: async function* (first) {
        const stream = decompressed((isStdin ? io.stdin : openInputFile(resolve(io.cwd, path)).chunks) as AsyncIterable<Buffer>, name);
        const opts = { maxRecordBytes, name, firstRecord: first, onNote: (m: string) => io.stderr.write(`modpol: ${m}\n`), delimiter };
        if (format === "lines") {
          for await (const batch of usageOnCompression(readRecordBatches(stream, "lines", opts))) yield batch.map((record) => ({ record, fields: record.kind === "post" ? { text: record.text } : {} }));
          return;
        }
        // Loaded here: the reader that keeps every field (and the CSV reader) is not on eval's path.
        yield* usageOnCompression((await import("../input/labelled.js")).readFieldRecords(stream, format, opts));
      },
    });
  }
  return out;
}

/** The closing line and exit code 3 of a run in which some records could not be evaluated. */
export function recordErrorsNote(errors: number, total: number): string {
  return `modpol: ${errors} of ${total} record${total === 1 ? "" : "s"} could not be evaluated (see the error records)\n`;
}
