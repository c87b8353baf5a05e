import { describe, expect, it } from "vitest";
import { decodeInput, encodingNote, type EncodingReport } from "../../src/input/encoding.js";

async function decode(chunks: readonly (Buffer | string)[]): Promise<{ text: string; reports: EncodingReport[] }> {
  const reports: EncodingReport[] = [];
  async function* src(): AsyncGenerator<Buffer | string> {
    yield* chunks;
  }
  const out: Buffer[] = [];
  for await (const c of decodeInput(src(), (r) => reports.push(r))) out.push(typeof c === "string" ? Buffer.from(c) : c);
  return { text: Buffer.concat(out).toString("utf8"), reports };
}

/** Every way of cutting `b` in two. */
const halves = (b: Buffer): Buffer[][] => Array.from({ length: b.length + 1 }, (_, i) => [b.subarray(0, i), b.subarray(i)]);

describe("decodeInput", () => {
  it("passes valid UTF-8 through, even with characters cut between chunks, and reports nothing", async () => {
    const b = Buffer.from("ж𝐃 śmierć\nкінець 🇺🇦\n", "utf8");
    for (const parts of halves(b)) expect(await decode(parts)).toEqual({ text: b.toString("utf8"), reports: [] });
  });

  it("replaces invalid bytes by U+FFFD, line by line, and reports the lines once, at the end", async () => {
    const b = Buffer.concat([Buffer.from("ok\nbad "), Buffer.from([0xff, 0xfe]), Buffer.from(" here\nfine\nalso "), Buffer.from([0xc3]), Buffer.from("\n")]);
    for (const parts of halves(b)) {
      const r = await decode(parts);
      expect(r.text).toBe("ok\nbad \uFFFD\uFFFD here\nfine\nalso \uFFFD\n");
      expect(r.reports).toEqual([{ invalidLines: 2, firstLine: 2 }]);
    }
  });

  it("counts a line once however many bad bytes it has, and a truncated character at the very end", async () => {
    expect((await decode([Buffer.from([0x61, 0xff, 0x62, 0xfe, 0x0a, 0xe2, 0x82])])).reports).toEqual([{ invalidLines: 2, firstLine: 1 }]);
  });

  it.each([
    ["UTF-16LE", (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")])],
    ["UTF-16BE", (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, "utf16le").swap16()])],
  ])("decodes %s with a byte order mark, however it is cut", async (_, encode) => {
    const s = "Смерть окупантам!\r\nkill 𝐃\n";
    const b = encode(s);
    for (const parts of halves(b)) expect(await decode(parts)).toEqual({ text: s, reports: [] });
  });

  it("passes strings through unchanged", async () => {
    expect(await decode(["a\uD800b\n"])).toEqual({ text: Buffer.from("a\uD800b\n").toString("utf8"), reports: [] });
  });

  it("says where the input was repaired", () => {
    expect(encodingNote("<stdin>", { invalidLines: 3, firstLine: 7 })).toBe("<stdin>: invalid UTF-8 on 3 lines (first on line 7) was replaced by U+FFFD; the records were evaluated as repaired");
  });
});
