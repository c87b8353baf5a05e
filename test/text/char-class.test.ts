import { describe, expect, it } from "vitest";
import {
  APOSTROPHES, C_APOSTROPHE, C_CONTROL, C_CYRILLIC, C_FOLD, C_INVISIBLE, C_LATIN, C_LEET_SYMBOL, C_LETTER, C_MARK, C_NFKC, C_NUMBER,
  C_ARMENIAN, C_GEORGIAN, C_SEPARATOR, C_SPACE, C_UPPER, CLASS_MASK, CONTROL_CHAR, codePointAt, codePointClass, INVISIBLE, majorityScript,
  MAY_CHANGE_UNDER_NFKC, NEEDS_FOLD, scriptOf, unitClass,
} from "../../src/text/char-class.js";
import { forEachFill, readsWildcards, WILDCARD } from "../../src/text/keys.js";

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
      [C_GEORGIAN, /^\p{Script=Georgian}$/u],
      [C_ARMENIAN, /^\p{Script=Armenian}$/u],
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

describe("scriptOf", () => {
  it("agrees with \\p{Script=…} for every BMP code unit, and keeps within the class bits", () => {
    const scripts = [
      ["latin", /^\p{Script=Latin}$/u],
      ["cyrillic", /^\p{Script=Cyrillic}$/u],
      ["georgian", /^\p{Script=Georgian}$/u],
      ["armenian", /^\p{Script=Armenian}$/u],
    ] as const;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const want = scripts.find(([, re]) => re.test(ch))?.[0];
      if (scriptOf(c) !== want) expect([c.toString(16), scriptOf(c)]).toEqual([c.toString(16), want]);
      expect(unitClass(c) & ~CLASS_MASK & 0xffff).toBe(0);
    }
  });

  it.each([
    ["k", "latin"],
    ["ß", "latin"],
    ["ж", "cyrillic"],
    ["ԁ", "cyrillic"],
    ["ქ", "georgian"],
    ["Ა", "georgian"],
    ["ⴀ", "georgian"],
    ["ա", "armenian"],
    ["Ա", "armenian"],
    ["ω", undefined],
    ["7", undefined],
    [WILDCARD, undefined],
  ])("classes %j as %s", (ch, script) => {
    expect(scriptOf(ch.codePointAt(0) as number)).toBe(script);
  });
});

describe("majorityScript", () => {
  it.each([
    ["Смeрть", "cyrillic", 1, 5],
    ["Putіn", "latin", 4, 1],
    ["ab\u0430\u0431", "other", 2, 2],
    ["ქართ", "other", 0, 0],
    ["𝐤ill", "latin", 3, 0],
  ])("reads %j as %s (%i Latin, %i Cyrillic)", (word, script, latin, cyrillic) => {
    expect(majorityScript(word)).toEqual({ script, latin, cyrillic });
  });
});

describe("the script of a word with hidden letters (keys.ts), from the same classifier", () => {
  /** The letters a hidden letter of `word` may be: the second letter of every fill. */
  function hidden(word: string): string {
    const out: string[] = [];
    forEachFill(word, (f) => out.push(f[1] as string));
    return out.join("");
  }

  it("reads a hidden letter as one of the word's own script, Georgian and Armenian included", () => {
    expect(hidden(`k${WILDCARD}ll`)).toBe("abcdefghijklmnopqrstuvwxyz");
    for (const ch of hidden(`у${WILDCARD}ить`)) expect(scriptOf(ch.codePointAt(0) as number)).toBe("cyrillic");
    const georgian = hidden(`მ${WILDCARD}კალი`);
    expect(georgian).toContain("ო");
    for (const ch of georgian) expect(scriptOf(ch.codePointAt(0) as number)).toBe("georgian");
    const armenian = hidden(`ս${WILDCARD}անել`);
    expect(armenian).toContain("պ");
    for (const ch of armenian) expect(scriptOf(ch.codePointAt(0) as number)).toBe("armenian");
  });

  it("skips characters of no script before the first letter, and reads no word of none", () => {
    expect(hidden(`'k${WILDCARD}ll`.slice(1))).toHaveLength(26);
    expect(readsWildcards(`ωμ${WILDCARD}ξ`)).toBe(false);
    expect(readsWildcards(`12${WILDCARD}45`)).toBe(false);
  });
});
