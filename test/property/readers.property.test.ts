import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readRecords, type InputFormat, type InputRecord } from "../../src/input/records.js";
import { check, timeout } from "./harness.js";
import { splitAt } from "../helpers/split-buffer.js";

// The input readers under hostile bytes. test/input/records.test.ts checks that well-formed input
// comes out exactly, however it is split; these add encodings and corruption, where the promise is
// weaker but still exact: one record (a post or an error) for every line that holds anything, in
// order, whatever the bytes, and every repair reported.

async function* chunks(parts: readonly Buffer[]): AsyncGenerator<Buffer> {
  for (const p of parts) yield p;
}

async function read(format: InputFormat, parts: readonly Buffer[], maxRecordBytes = 200): Promise<{ records: InputRecord[]; notes: string[] }> {
  const notes: string[] = [];
  const records: InputRecord[] = [];
  for await (const r of readRecords(chunks(parts), format, { maxRecordBytes, name: "in", firstRecord: 1, onNote: (m) => notes.push(m) })) records.push(r);
  return { records, notes };
}

/** Cuts `buf` at the given positions (taken modulo its length); a cut at either end gives an empty read there. */
function cut(buf: Buffer, at: readonly number[]): Buffer[] {
  const points = at.map((c) => c % (buf.length + 1));
  const parts = splitAt(buf, points);
  const empty = buf.subarray(0, 0);
  return [...(points.includes(0) ? [empty] : []), ...parts, ...(points.includes(buf.length) ? [empty] : [])];
}

/** Lines of bytes: text, invalid UTF-8, NULs, stray CRs, BOMs, quotes and JSON punctuation. */
const BYTES = fc.oneof(
  fc.constantFrom(..."aж𝐃 ,\"{}[]:\\\r\t".split("").map((c) => Buffer.from(c, "utf8"))),
  fc.constantFrom(Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xe2, 0x82]), Buffer.from([0xf0, 0x9f, 0x98]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xc0, 0xaf]), Buffer.from([0]), Buffer.from([0xef, 0xbb, 0xbf])),
  fc.uint8Array({ maxLength: 4 }).map((a) => Buffer.from(a.filter((b) => b !== 10))),
);
const LINE = fc.array(BYTES, { maxLength: 12 }).map((parts) => Buffer.concat(parts));
const CUTS = fc.array(fc.nat(), { maxLength: 10 });

/** What a line holds once decoded the way the readers decode it (invalid bytes as U+FFFD). */
const decoded = (b: Buffer): string => b.toString("utf8");

/** The lines of `buf` as the readers split it: a line ends at LF, CRLF or CR; no line after a last end. */
function splitLines(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < buf.length; i++) {
    if (buf[i] !== 10 && buf[i] !== 13) continue;
    out.push(buf.subarray(start, i));
    if (buf[i] === 13 && buf[i + 1] === 10) i++;
    start = i + 1;
  }
  if (start < buf.length) out.push(buf.subarray(start));
  return out;
}

/** The texts of the lines of `buf`, the first without a UTF-8 byte order mark, with their line numbers. */
function textLines(buf: Buffer): { t: string; line: number; bytes: Buffer }[] {
  return splitLines(buf).map((l, i) => {
    const bytes = i === 0 && l[0] === 0xef && l[1] === 0xbb && l[2] === 0xbf ? l.subarray(3) : l;
    return { t: decoded(bytes), line: i + 1, bytes };
  });
}

/** A line that is no record: empty, or spaces and tabs only. */
const blank = (t: string): boolean => /^[ \t]*$/.test(t);

/** Whether the readers took `buf` for UTF-16 or UTF-32 (a mark, or the bytes' shape): not these properties' case. */
const readAsWide = (buf: Buffer, notes: readonly string[]): boolean =>
  (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff) || (buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff) || notes.some((n) => n.includes("no byte order mark"));

describe("input readers (properties)", () => {
  it(
    "lines: any bytes give one record per non-blank line, in order; invalid UTF-8 is reported once, with its first line",
    () =>
      check(
        "readers: lines, corrupt bytes",
        fc.asyncProperty(fc.array(LINE, { maxLength: 12 }), CUTS, fc.boolean(), async (lines, cuts, finalNewline) => {
          const buf = Buffer.concat(lines.flatMap((l, i) => (i < lines.length - 1 || finalNewline ? [l, Buffer.from("\n")] : [l])));
          const { records, notes } = await read("lines", cut(buf, cuts), 10_000);
          // A stream read as UTF-16 or UTF-32 is another property's case.
          if (readAsWide(buf, notes)) return;
          // The first line loses a UTF-8 BOM; a line of only spaces and tabs is no record.
          const all = textLines(buf);
          const expected = all.filter((x) => !blank(x.t));
          expect(records.map((r) => r.line)).toEqual(expected.map((x) => x.line));
          expect(records.map((r) => r.n)).toEqual(expected.map((_, i) => i + 1));
          expect(records.map((r) => (r.kind === "post" ? r.text : ""))).toEqual(expected.map((x) => x.t));
          const bad = splitLines(buf).map((l, i) => (Buffer.from(l.toString("utf8"), "utf8").equals(l) ? 0 : i + 1)).filter((n) => n > 0);
          if (bad.length === 0) expect(notes).toEqual([]);
          else expect(notes).toEqual([`in: invalid UTF-8 on ${bad.length} line${bad.length === 1 ? "" : "s"} (first on line ${bad[0]}) was replaced by U+FFFD; the records were evaluated as repaired`]);
        }),
        150,
      ),
    timeout(),
  );

  it(
    "jsonl: any bytes give exactly one record, a post or an error, per non-blank line, in order",
    () =>
      check(
        "readers: jsonl, corrupt bytes",
        fc.asyncProperty(fc.array(fc.oneof(LINE, fc.string({ maxLength: 20 }).map((text) => Buffer.from(JSON.stringify({ text }), "utf8"))), { maxLength: 12 }), CUTS, async (lines, cuts) => {
          const buf = Buffer.concat(lines.flatMap((l) => [l, Buffer.from("\n")]));
          const { records, notes } = await read("jsonl", cut(buf, cuts), 10_000);
          if (readAsWide(buf, notes)) return;
          const expected = textLines(buf).filter((x) => !blank(x.t));
          expect(records.map((r) => r.line)).toEqual(expected.map((x) => x.line));
          for (const r of records) if (r.kind === "error") expect(r.message).toMatch(/^in:\d+: /);
        }),
        150,
      ),
    timeout(),
  );

  it(
    "csv: any bytes give records in order, each at a line that exists, never more than the lines",
    () =>
      check(
        "readers: csv, corrupt bytes",
        fc.asyncProperty(fc.array(LINE, { maxLength: 12 }), CUTS, async (lines, cuts) => {
          const buf = Buffer.concat([Buffer.from("id,text\n"), ...lines.flatMap((l) => [l, Buffer.from("\n")])]);
          const { records, notes } = await read("csv", cut(buf, cuts), 50);
          // CSV counts a lone CR as a line break too (after the header, and a last empty line).
          const breaks = buf.toString("utf8").split(/\r\n|\r|\n/).length;
          expect(records.length).toBeLessThanOrEqual(breaks - 2);
          const at = records.map((r) => r.line);
          expect([...at].sort((a, b) => a - b)).toEqual(at);
          for (const l of at) expect(l).toBeGreaterThanOrEqual(2);
          for (const l of at) expect(l).toBeLessThanOrEqual(breaks);
          expect(records.map((r) => r.n)).toEqual(records.map((_, i) => i + 1));
          // Without quotes, a CSV record is a line: then the count is exact.
          if (!buf.includes(0x22) && !buf.includes(0x0d) && !readAsWide(buf, notes)) expect(records.length).toBe(lines.filter((l) => decoded(l) !== "").length);
        }),
        150,
      ),
    timeout(),
  );

  it(
    "UTF-16 (with a byte order mark) reads as the same records as UTF-8, however it is split",
    () =>
      check(
        "readers: utf-16",
        fc.asyncProperty(fc.array(fc.string({ unit: fc.constantFrom("a", "ж", "𝐃", " ", ",", '"', "é"), maxLength: 10 }), { maxLength: 8 }), CUTS, fc.boolean(), async (texts, cuts, bigEndian) => {
          const body = texts.map((text, i) => JSON.stringify({ id: `p${i}`, text })).join("\r\n");
          const le = Buffer.from(`\uFEFF${body}`, "utf16le");
          const bytes = bigEndian ? Buffer.from(le).swap16() : le;
          const { records, notes } = await read("jsonl", cut(bytes, cuts), 10_000);
          expect(records.map((r) => (r.kind === "post" ? [r.id, r.text] : r.code))).toEqual(texts.map((t, i) => [`p${i}`, t]));
          expect(notes).toEqual([]);
        }),
        150,
      ),
    timeout(),
  );

  it(
    "a record over the size limit is one error record, whatever it holds, and the next records survive",
    () =>
      check(
        "readers: oversized records",
        fc.asyncProperty(fc.constantFrom<InputFormat>("lines", "jsonl", "csv"), fc.integer({ min: 1, max: 300 }), fc.array(fc.nat({ max: 400 }), { minLength: 1, maxLength: 8 }), CUTS, async (format, max, sizes, cuts) => {
          const rows = sizes.map((n, i) => `${i}:${"x,".repeat(n)}`.slice(0, Math.max(3, n)));
          const lines = format === "jsonl" ? rows.map((r) => JSON.stringify({ text: r })) : format === "csv" ? rows.map((r) => `"${r}"`) : rows;
          const header = format === "csv" ? "text\n" : "";
          const { records } = await read(format, cut(Buffer.from(header + lines.join("\n"), "utf8"), cuts), max);
          expect(records).toHaveLength(rows.length);
          records.forEach((r, i) => {
            const size = format === "csv" ? (rows[i] as string).length : Buffer.byteLength(lines[i] as string);
            expect(r.kind === "error" && r.code === "record-too-large", `record ${i + 1} of ${size} (limit ${max})`).toBe(size > max);
          });
        }),
        150,
      ),
    timeout(),
  );
});
