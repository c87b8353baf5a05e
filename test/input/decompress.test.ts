import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { CompressedInputError, compressionOf, decompressed } from "../../src/input/decompress.js";

async function collect(chunks: readonly (Buffer | string)[]): Promise<string> {
  const out: Buffer[] = [];
  for await (const c of decompressed((async function* () { yield* chunks; })(), "x")) out.push(typeof c === "string" ? Buffer.from(c) : c);
  return Buffer.concat(out).toString("utf8");
}

describe("compressed input, by its first bytes", () => {
  it("recognises gzip, zstd, bzip2 and xz, and nothing in plain text", () => {
    expect(compressionOf(gzipSync("x"))?.name).toBe("gzip");
    expect(compressionOf(Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0]))?.name).toBe("zstd");
    expect(compressionOf(Buffer.from("BZh91AY"))?.name).toBe("bzip2");
    expect(compressionOf(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))?.name).toBe("xz");
    expect(compressionOf(Buffer.from('{"text":"x"}'))).toBeUndefined();
  });

  it("decompresses gzip however it is cut into chunks, even a byte at a time", async () => {
    const text = Array.from({ length: 2000 }, (_, i) => `{"id":"${i}","text":"post ${i}"}`).join("\n");
    const gz = gzipSync(text);
    expect(await collect([gz])).toBe(text);
    expect(await collect([...gz].map((b) => Buffer.from([b])))).toBe(text);
  });

  it("passes plain input through unchanged, short chunks and strings included", async () => {
    expect(await collect(["a", "b", "cdefgh\n", Buffer.from("ij")])).toBe("abcdefgh\nij");
    expect(await collect([])).toBe("");
    expect(await collect(["\u001f"])).toBe("\u001f");
  });

  it("says damaged gzip is damaged, and how to read what Node 20 cannot", async () => {
    await expect(collect([gzipSync("hello world, hello world").subarray(0, 12)])).rejects.toThrow(CompressedInputError);
    await expect(collect([Buffer.from("BZh91AY&SY")])).rejects.toThrow(/x is bzip2-compressed, which this Node .* cannot read: decompress it first, e.g. 'bzip2 -dc x \| modpol eval --input -'/);
  });
});
