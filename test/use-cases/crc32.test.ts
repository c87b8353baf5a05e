import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crc32, crc32Portable } from "../../src/use-cases/crc32.js";

describe("crc32", () => {
  it("is the CRC-32 of zip and gzip", () => {
    // The check value of CRC-32/ISO-HDLC.
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32Portable(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it("gives the same numbers in JavaScript as zlib's, whole or a piece at a time", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.nat(600), (bytes, cut) => {
        const at = Math.min(cut, bytes.length);
        const whole = crc32(bytes);
        expect(crc32Portable(bytes)).toBe(whole);
        expect(crc32(bytes.subarray(at), crc32(bytes.subarray(0, at)))).toBe(whole);
        expect(crc32Portable(bytes.subarray(at), crc32Portable(bytes.subarray(0, at)))).toBe(whole);
      }),
    );
  });
});
