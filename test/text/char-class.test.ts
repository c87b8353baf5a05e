import { describe, expect, it } from "vitest";
import {
  APOSTROPHES, C_APOSTROPHE, C_CONTROL, C_CYRILLIC, C_FOLD, C_INVISIBLE, C_LATIN, C_LEET_SYMBOL, C_LETTER, C_MARK, C_NFKC, C_NUMBER,
  C_SEPARATOR, C_SPACE, C_UPPER, CONTROL_CHAR, codePointAt, codePointClass, INVISIBLE, MAY_CHANGE_UNDER_NFKC, NEEDS_FOLD, unitClass,
} from "../../src/text/char-class.js";

describe("unitClass", () => {
  it("agrees with each class's regex, tested on the character alone, for every BMP code unit", () => {
    const checks: [number, RegExp][] = [
      [C_LETTER, /^\p{L}$/u],
      [C_MARK, /^\p{M}$/u],
      [C_NUMBER, /^\p{N}$/u],
      [C_UPPER, /^(?:\p{Lu}|\p{Lt})$/u],
      [C_LATIN, /^\p{Script=Latin}$/u],
      [C_CYRILLIC, /^\p{Script=Cyrillic}$/u],
      [C_INVISIBLE, new RegExp(INVISIBLE, "u")],
      [C_CONTROL, new RegExp(CONTROL_CHAR, "u")],
      [C_NFKC, new RegExp(MAY_CHANGE_UNDER_NFKC, "u")],
      [C_APOSTROPHE, new RegExp(APOSTROPHES, "u")],
      [C_FOLD, new RegExp(NEEDS_FOLD, "u")],
      [C_SPACE, /^\s$/u],
      [C_LEET_SYMBOL, /^[@$!|€]$/u],
      [C_SEPARATOR, /^[ .\-_*·•/+,]$/u],
    ];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const [bit, re] of checks) if (((unitClass(c) & bit) !== 0) !== re.test(ch)) expect([c.toString(16), re.source]).toBe("agreeing");
    }
  });

  it.each([
    ["\u200B", C_INVISIBLE],
    ["\u001b", C_CONTROL],
    ["\u00A0", C_NFKC],
    ["’", C_APOSTROPHE],
    ["ł", C_FOLD],
    ["ё", C_FOLD],
    ["\u0301", C_FOLD | C_MARK | C_NFKC],
  ])("classes %j as %i", (ch, bits) => {
    expect(unitClass(ch.charCodeAt(0)) & bits).toBe(bits);
  });
});

describe("codePointClass", () => {
  it("classes supplementary code points by their own properties", () => {
    expect(codePointClass(0x1d403) & (C_LETTER | C_UPPER | C_NFKC)).toBe(C_LETTER | C_UPPER | C_NFKC); // 𝐃
    expect(codePointClass(0x1f480) & (C_LETTER | C_MARK | C_NUMBER)).toBe(0); // 💀
    expect(codePointClass(0xe0100) & C_MARK).toBe(C_MARK); // variation selector 17
  });
});

describe("codePointAt", () => {
  it("reads a surrogate pair as one code point and a lone surrogate as itself", () => {
    expect(codePointAt("a💀", 1)).toBe(0x1f480);
    expect(codePointAt("\uD800a", 0)).toBe(0xd800);
    expect(codePointAt("\uD800", 0)).toBe(0xd800);
    expect(codePointAt("\uDC00", 0)).toBe(0xdc00);
  });
});
