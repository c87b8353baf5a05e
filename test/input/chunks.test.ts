import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { joinChunks, readChunks, readRecordBatches, recordsOfChunk, type InputRecord, type LineChunk, type RawRecord, type ReadOptions } from "../../src/input/records.js";
import { splitAt } from "../helpers/split-buffer.js";

// `eval --jobs` reads line-delimited input as byte chunks cut at line ends (readChunks) and turns
// them into records in a worker (recordsOfChunk). Whatever the chunks read and however the pieces
// are joined, the records must be exactly those of the one-thread reader (readRecordBatches).

async function* source(chunks: readonly Buffer[]): AsyncGenerator<Buffer> {
  for (const c of chunks) yield c;
}

async function collect<T>(it: AsyncIterable<T[]>): Promise<T[][]> {
  const out: T[][] = [];
  for await (const x of it) out.push(x);
  return out;
}

/** Pieces of input bytes that make the hard cases: line ends of every kind, blank lines, multi-byte and invalid UTF-8, a BOM. */
const ATOMS = ["a", "xyz", " ", "\t", "\r", "\n", "\r\n", "é", "€", "😀", "\u{feff}", "{\"text\":\"ok\"}"].map((s) => Buffer.from(s)).concat([Buffer.from([0xff]), Buffer.from([0xc3]), Buffer.from([0xf0, 0x9f])]);

/** The one-thread reader's records, and those of the chunks (joined in runs of `join`), made the same way. */
async function both(input: Buffer, cuts: readonly number[], format: "lines" | "jsonl", maxRecordBytes: number, join: number): Promise<{ want: (InputRecord | RawRecord)[]; got: (InputRecord | RawRecord)[] }> {
  const opts: ReadOptions = { maxRecordBytes, name: "in", firstRecord: 5, deferParse: true };
  const want = (await collect(readRecordBatches(source(splitAt(input, cuts)), format, { ...opts, deferParse: true }))).flat();
  const got: (InputRecord | RawRecord)[] = [];
  let run: LineChunk[] = [];
  const flush = (): void => {
    // Joined runs must split as the input does: a CR ending one chunk is never the half of a CRLF.
    for (let i = 0; i < run.length; i += join) {
      const c = joinChunks(run.slice(i, i + join));
      const recs = recordsOfChunk(Buffer.concat(c.parts), c);
      expect(recs.length).toBe(c.records);
      got.push(...recs);
    }
    run = [];
  };
  for (const items of await collect(readChunks(source(splitAt(input, cuts)), format, opts))) {
    for (const it of items) {
      if (it.kind === "chunk") run.push(it);
      else {
        flush();
        got.push(it);
      }
    }
  }
  flush();
  return { want, got };
}

describe("readChunks + recordsOfChunk read what the one-thread reader reads", () => {
  it("for any bytes, any cuts, any record limit and any joining of chunks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: ATOMS.length - 1 }), { maxLength: 80 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 12 }),
        fc.constantFrom<"lines" | "jsonl">("lines", "jsonl"),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        async (atoms, cuts, format, max, join, bom) => {
          const input = Buffer.concat([...(bom ? [Buffer.from("\u{feff}")] : []), ...atoms.map((i) => ATOMS[i] as Buffer)]);
          const { want, got } = await both(input, cuts, format, max, join);
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("keeps a CR at the end of a read until the next says whether a LF follows", async () => {
    const input = Buffer.from("abc\r\n\ndef\r\rghi");
    for (let cut = 1; cut < input.length; cut++) {
      const { want, got } = await both(input, [cut], "lines", 100, 3);
      expect(got).toEqual(want);
      expect(got.map((r) => (r.kind === "post" ? [r.line, r.text] : r.kind))).toEqual([[1, "abc"], [3, "def"], [5, "ghi"]]);
    }
  });

  it("drops the input's BOM, even cut inside it, and says how long a line over the limit was", async () => {
    const input = Buffer.from("\u{feff}first\n" + "x".repeat(30) + "\nlast\n");
    for (let cut = 1; cut < 8; cut++) {
      const { want, got } = await both(input, [cut, 20], "lines", 10, 2);
      expect(got).toEqual(want);
      expect(got.map((r) => (r.kind === "post" ? r.text : r.kind === "error" ? r.code : r.kind))).toEqual(["first", "record-too-large", "last"]);
    }
  });
});
