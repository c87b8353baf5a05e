import { describe, expect, it } from "vitest";
import { decodeInput, detectedNote, encodingNote, type EncodingReport } from "../../src/input/encoding.js";

async function decodeAll(chunks: readonly (Buffer | string)[]): Promise<{ text: string; reports: EncodingReport[]; detected: string[]; bytes: Buffer }> {
  const reports: EncodingReport[] = [];
  const detected: string[] = [];
  async function* src(): AsyncGenerator<Buffer | string> {
    yield* chunks;
  }
  const out: Buffer[] = [];
  for await (const c of decodeInput(src(), { invalid: (r) => reports.push(r), detected: (e) => detected.push(e) })) out.push(typeof c === "string" ? Buffer.from(c) : c);
  const bytes = Buffer.concat(out);
  return { text: bytes.toString("utf8"), reports, detected, bytes };
}

async function decode(chunks: readonly (Buffer | string)[]): Promise<{ text: string; reports: EncodingReport[] }> {
  const { text, reports } = await decodeAll(chunks);
  return { text, reports };
}

/** UTF-32 of `s`, little- or big-endian. */
function utf32(s: string, le: boolean): Buffer {
  const cps = [...s].map((c) => c.codePointAt(0) as number);
  const b = Buffer.alloc(cps.length * 4);
  cps.forEach((cp, i) => (le ? b.writeUInt32LE(cp, i * 4) : b.writeUInt32BE(cp, i * 4)));
  return b;
}

/** Every way of cutting `b` in two. */
const halves = (b: Buffer): Buffer[][] => Array.from({ length: b.length + 1 }, (_, i) => [b.subarray(0, i), b.subarray(i)]);

describe("decodeInput", () => {
  it("passes valid UTF-8 through, even with characters cut between chunks, and reports nothing", async () => {
    const b = Buffer.from("ж𝐃 śmierć\nкінець 🇺🇦\n", "utf8");
    for (const parts of halves(b)) expect(await decode(parts)).toEqual({ text: b.toString("utf8"), reports: [] });
  });

  it("passes invalid bytes on as they are (read as U+FFFD), and reports the lines once, at the end", async () => {
    const b = Buffer.concat([Buffer.from("ok\nbad "), Buffer.from([0xff, 0xfe]), Buffer.from(" here\nfine\nalso "), Buffer.from([0xc3]), Buffer.from("\n")]);
    for (const parts of halves(b)) {
      const r = await decodeAll(parts);
      expect(r.bytes.equals(b)).toBe(true);
      expect(r.text).toBe("ok\nbad \uFFFD\uFFFD here\nfine\nalso \uFFFD\n");
      expect(r.reports).toEqual([{ invalidLines: 2, firstLine: 2 }]);
    }
  });

  it("numbers the lines of its report as the readers do: a line ends at LF, CRLF or CR", async () => {
    const b = Buffer.concat([Buffer.from("a\rb\r\nc\r"), Buffer.from([0xff]), Buffer.from("\rd")]);
    for (const parts of halves(b)) expect((await decode(parts)).reports).toEqual([{ invalidLines: 1, firstLine: 4 }]);
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

  it.each([
    ["UTF-32LE", true],
    ["UTF-32BE", false],
  ])("decodes %s with a byte order mark, however it is cut (it was read as UTF-16: two records for one)", async (_, le) => {
    const s = "Смерть окупантам!\nkill 𝐃\n";
    const b = utf32(`\uFEFF${s}`, le);
    for (const parts of halves(b)) expect(await decodeAll(parts)).toMatchObject({ text: s, reports: [], detected: [] });
  });

  it.each([
    ["UTF-16LE", (s: string) => Buffer.from(s, "utf16le")],
    ["UTF-16BE", (s: string) => Buffer.from(s, "utf16le").swap16()],
    ["UTF-32LE", (s: string) => utf32(s, true)],
    ["UTF-32BE", (s: string) => utf32(s, false)],
  ])("recognises %s without a byte order mark, and says so", async (name, encode) => {
    for (const s of ["kill them\nhello\ndeath to putin\n", "Смерть окупантам\nСМЕРТЬ ПУТІНУ\n", "a\n"]) {
      const r = await decodeAll([encode(s)]);
      expect(r).toMatchObject({ text: s, reports: [], detected: [name] });
    }
  });

  it.each([
    ["UTF-8 with NUL bytes", Buffer.from("kill\u0000them\n\u0000\n\u0000\u0000\u0000\nok")],
    ["random bytes", Buffer.from([0x00, 0x41, 0x00, 0x00, 0x12, 0x00, 0xd8, 0x00, 0x0a])],
    ["a tab-separated line", Buffer.from("a\tb\tc\td\n")],
  ])("does not take %s for UTF-16 or UTF-32", async (_, b) => {
    expect((await decodeAll([b])).detected).toEqual([]);
  });

  it("says what it recognised", () => {
    expect(detectedNote("in.txt", "UTF-16LE")).toBe("in.txt: no byte order mark, but the bytes are UTF-16LE text: read as UTF-16LE");
  });

  it("passes strings through unchanged", async () => {
    expect(await decode(["a\uD800b\n"])).toEqual({ text: Buffer.from("a\uD800b\n").toString("utf8"), reports: [] });
  });

  it("says where the input was repaired", () => {
    expect(encodingNote("<stdin>", { invalidLines: 3, firstLine: 7 })).toBe("<stdin>: invalid UTF-8 on 3 lines (first on line 7) was replaced by U+FFFD; the records were evaluated as repaired");
  });
});
