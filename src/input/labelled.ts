import { csvRecord, readCsvRows } from "./csv.js";
import { decodeInput, detectedNote, encodingNote } from "./encoding.js";
import { readLineBatches } from "./lines.js";
import { fromObject, type InputRecord, type ReadOptions } from "./records.js";

/** A record read with every field it has: the post (or an error in its place) and the raw fields. */
export interface FieldRecord {
  readonly record: InputRecord;
  /** All fields of the JSONL object or CSV row (CSV values are strings); empty for an error record. */
  readonly fields: Readonly<Record<string, unknown>>;
}

const NO_FIELDS: Readonly<Record<string, unknown>> = Object.freeze(Object.create(null) as Record<string, unknown>);

/**
 * Reads JSONL or CSV records keeping every field, in batches (those of a chunk read): what `score`
 * needs for labels and `--by` groups, and `eval --sample` to hand the fields on to the labelling
 * file. The post itself is read exactly as `eval` reads it ({@link fromObject}), so a record that
 * `eval` rejects is rejected here with the same error.
 */
export async function* readFieldRecords(input: AsyncIterable<Buffer | string>, format: "jsonl" | "csv", opts: ReadOptions): AsyncGenerator<FieldRecord[]> {
  const note = opts.onNote;
  const source = decodeInput(input, note ? { invalid: (r) => note(encodingNote(opts.name, r)), detected: (e) => note(detectedNote(opts.name, e)) } : {});
  if (format === "csv") {
    for await (const row of readCsvRows(source, opts)) {
      if (row.kind !== "row") {
        yield [{ record: row, fields: NO_FIELDS }];
        continue;
      }
      const fields = unguarded(row.fields);
      yield [{ record: csvRecord({ ...row, fields }, opts), fields }];
    }
    return;
  }
  let n = opts.firstRecord;
  for await (const lines of readLineBatches(source, opts.maxRecordBytes)) {
    const out: FieldRecord[] = [];
    for (const l of lines) {
      if ("tooLong" in l) {
        out.push({ record: { kind: "error", n, line: l.line, id: String(n), code: "record-too-large", message: `${opts.name}:${l.line}: record is ${l.tooLong} bytes; the limit is ${opts.maxRecordBytes} (--max-record-size)` }, fields: NO_FIELDS });
        n++;
        continue;
      }
      if (l.text.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(l.text);
      } catch (e) {
        out.push({ record: { kind: "error", n, line: l.line, id: String(n), code: "invalid-json", message: `${opts.name}:${l.line}: ${(e as Error).message}` }, fields: NO_FIELDS });
        n++;
        continue;
      }
      const record = fromObject(value, n, l.line, opts);
      const fields = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : NO_FIELDS;
      out.push({ record, fields });
      n++;
    }
    if (out.length > 0) yield out;
  }
}

/**
 * A labelling file written by `eval --sample` guards each cell a spreadsheet would run as a formula
 * with a leading apostrophe (report/csv-guard.ts); reading it back, that apostrophe
 * is dropped, so the post scored is the post sampled.
 */
function unguarded(fields: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  let out: Record<string, string> | undefined;
  for (const [k, v] of Object.entries(fields)) {
    if (!/^'+[=+\-@\t\r]/.test(v)) continue;
    out ??= Object.assign(Object.create(null) as Record<string, string>, fields);
    out[k] = v.slice(1);
  }
  return out ?? fields;
}

/**
 * A field of a record by name, as `--by` and `--stratify` name it: the name as written, else in
 * lower case (CSV headers), else a dotted path into nested objects (`account.type`), as a policy's
 * declared fields are named. Undefined when there is none.
 */
export function fieldAt(fields: Readonly<Record<string, unknown>>, name: string): unknown {
  if (Object.hasOwn(fields, name)) return fields[name];
  const lower = name.toLowerCase();
  if (Object.hasOwn(fields, lower)) return fields[lower];
  if (!name.includes(".")) return undefined;
  let v: unknown = fields;
  for (const part of name.split(".")) {
    if (v === null || typeof v !== "object" || Array.isArray(v) || !Object.hasOwn(v, part)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}
