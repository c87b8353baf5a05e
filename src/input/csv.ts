import { fromObject, type ErrorRecord, type InputRecord, type ReadOptions } from "./records.js";

/** A raw CSV record: its fields, the line it starts on, and whether it broke a limit or a rule. */
interface RawRow {
  readonly fields: string[];
  readonly line: number;
  readonly tooLong: number;
  readonly problem: string | undefined;
}

/**
 * A streaming RFC 4180 reader written for one guarantee the libraries we tried do not give: a bad
 * record never costs the records after it. (csv-parse 7 stops emitting records after a
 * max_record_size error.) Quoted fields may hold delimiters, doubled quotes and newlines; a stray
 * quote inside a field is kept as a literal; a record over the size limit (its fields and the commas
 * between them, in characters) is skipped as it streams past and reported; rows with fewer fields
 * than the header leave the rest empty.
 */
async function* rows(source: AsyncIterable<Buffer | string>, maxChars: number, delimiter = ","): AsyncGenerator<RawRow> {
  const decoder = new TextDecoder("utf-8", { fatal: false });
  let fields: string[] = [];
  let field = "";
  let size = 0;
  let inQuotes = false;
  let quoteClosed = false;
  let atFieldStart = true;
  let line = 1;
  let startLine = 1;
  let pendingCR = false;
  let first = true;
  const endField = () => {
    // Past the limit nothing is kept, not even empty fields: a line of a million commas must cost
    // no more memory than a long field does.
    if (size <= maxChars) fields.push(field);
    field = "";
    atFieldStart = true;
    quoteClosed = false;
  };
  const endRow = (): RawRow => {
    endField();
    const row: RawRow = { fields, line: startLine, tooLong: size > maxChars ? size : 0, problem: undefined };
    fields = [];
    size = 0;
    startLine = line;
    return row;
  };
  const add = (s: string) => {
    size += s.length;
    if (size <= maxChars) field += s;
  };
  const feed = function* (text: string): Generator<RawRow> {
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (pendingCR) {
        pendingCR = false;
        if (ch === "\n") continue;
      }
      if (inQuotes) {
        if (ch === '"') {
          inQuotes = false;
          quoteClosed = true;
        } else {
          if (ch === "\n") line++;
          add(ch);
        }
        continue;
      }
      if (ch === '"') {
        if (atFieldStart) {
          inQuotes = true;
          atFieldStart = false;
        } else if (quoteClosed) {
          // A doubled quote inside a quoted field is one literal quote.
          inQuotes = true;
          quoteClosed = false;
          add('"');
        } else add('"');
        continue;
      }
      if (ch === delimiter) {
        size++; // separators count towards the record's size
        endField();
        continue;
      }
      if (ch === "\n" || ch === "\r") {
        line++;
        if (ch === "\r") pendingCR = true;
        const row = endRow();
        startLine = line;
        if (!(row.fields.length === 1 && row.fields[0] === "" && !row.tooLong)) yield row;
        continue;
      }
      atFieldStart = false;
      add(ch);
    }
  };
  for await (const chunk of source) yield* feed(typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
  yield* feed(decoder.decode());
  if (inQuotes) {
    const row = endRow();
    yield { ...row, problem: `a quoted field opened on line ${row.line} is never closed` };
  } else if (fields.length > 0 || field !== "" || size > 0) yield endRow();
}

/** The columns SPEC §4 names, found whatever their case; other columns keep their names as written. */
const SPEC_COLUMNS = new Set(["text", "id", "country", "date", "lang"]);

/** A CSV row as an object of its fields by header name, or a row that cannot be read. */
export type CsvRow = { readonly kind: "row"; readonly n: number; readonly line: number; readonly fields: Readonly<Record<string, string>>; readonly header: CsvHeader } | ErrorRecord;

/**
 * What a header row says about the rows after it: the name of each column (a column SPEC §4 names
 * in lower case, whatever its case; others as written, a dotted name such as `account.type` being
 * the nested field a policy declares), and a short description of the columns for a header without
 * "text". Made once, so a row costs the fields it holds, not the width of the header: a header of
 * 140,000 columns was looked through for every row (0.35 ms a row), however short the row.
 */
export interface CsvHeader {
  /** The record of a row: a field per column it has, the first column of a name winning. */
  readonly pick: (fields: readonly string[]) => Record<string, string>;
  readonly hasText: boolean;
  /** The columns, for the message of a header without "text" (the first few of a wide one). */
  readonly columns: string;
  /** The name of the only column, when there is one (a file separated by something else). */
  readonly only: string | undefined;
}

/** Reads a header row into a {@link CsvHeader}. */
export function csvHeader(names: readonly string[]): CsvHeader {
  const header = names.map((h) => {
    const name = h.trim();
    return SPEC_COLUMNS.has(name.toLowerCase()) ? name.toLowerCase() : name;
  });
  const shown = header.slice(0, MAX_COLUMNS_SHOWN).join(", ");
  return {
    pick: (fields) => {
      // No prototype: a column named "__proto__" or "constructor" is a column like any other.
      const o = Object.create(null) as Record<string, string>;
      const n = Math.min(fields.length, header.length);
      for (let i = 0; i < n; i++) {
        const h = header[i] as string;
        if (!Object.hasOwn(o, h)) o[h] = fields[i] as string;
      }
      return o;
    },
    hasText: header.includes("text"),
    columns: header.length > MAX_COLUMNS_SHOWN ? `${shown}, … (${header.length} in all)` : shown,
    only: header.length === 1 ? header[0] : undefined,
  };
}

/** Columns named in the message of a header without "text". */
const MAX_COLUMNS_SHOWN = 20;

/**
 * Reads CSV rows (header row first) as objects keyed by header name (the SPEC §4 columns
 * lower-cased, the others as written), every column kept: what `score` reads its labels and `--by`
 * fields from, and what {@link readCsv} makes posts of. A row over the size limit or with an
 * unclosed quote becomes an error record in its place.
 */
export async function* readCsvRows(source: AsyncIterable<Buffer | string>, opts: ReadOptions): AsyncGenerator<CsvRow> {
  let header: CsvHeader | undefined;
  let n = opts.firstRecord;
  const delimiter = opts.delimiter ?? ",";
  for await (const row of rows(source, opts.maxRecordBytes, delimiter)) {
    if (!header) {
      header = csvHeader(row.fields);
      continue;
    }
    if (row.tooLong) {
      yield { kind: "error", n, line: row.line, id: String(n), code: "record-too-large", message: `${opts.name}:${row.line}: record is ${row.tooLong} characters; the limit is ${opts.maxRecordBytes} (--max-record-size)` };
    } else if (row.problem) {
      yield { kind: "error", n, line: row.line, id: String(n), code: "invalid-csv", message: `${opts.name}:${row.line}: ${row.problem}` };
    } else {
      yield { kind: "row", n, line: row.line, fields: header.pick(row.fields), header };
    }
    n++;
  }
}

/**
 * Reads CSV records (header row first); the fields SPEC §4 names are taken by header name, in any
 * case. Other columns are kept under their names as written (a dotted name such as `account.type`
 * is the nested field a policy declares).
 */
export async function* readCsv(source: AsyncIterable<Buffer | string>, opts: ReadOptions): AsyncGenerator<InputRecord> {
  for await (const row of readCsvRows(source, opts)) yield row.kind === "row" ? csvRecord(row, opts) : row;
}

/** The post of a CSV row, or an error record when the header has no `text` column. */
export function csvRecord(row: Extract<CsvRow, { kind: "row" }>, opts: Pick<ReadOptions, "name" | "delimiter">): InputRecord {
  const o = row.fields;
  const header = row.header;
  if (!header.hasText) {
    // One column whose name holds a ';' or a tab: the file is separated by that, not by commas.
    const delimiter = opts.delimiter ?? ",";
    const only = header.only;
    const other = only !== undefined ? [";", "\t"].find((d) => d !== delimiter && only.includes(d)) : undefined;
    const hint = other ? `; its fields seem separated by ${other === "\t" ? "tabs (--delimiter tab)" : `'${other}' (--delimiter '${other}')`}` : "";
    return { kind: "error", n: row.n, line: row.line, id: o.id || String(row.n), code: "missing-text", message: `${opts.name}:${row.line}: the CSV header has no "text" column (columns: ${header.columns})${hint}` };
  }
  return fromObject(o, row.n, row.line, opts, true);
}
