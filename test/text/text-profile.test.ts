import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { C_CYRILLIC, C_LATIN, C_LETTER, C_NUMBER, C_UPPER } from "../../src/text/char-class.js";
import { mayHoldLeet, mayHoldSpacedLetters, textClasses } from "../../src/text/text-profile.js";

/** The regexes the scanners replace: they must give the same answer for every string. */
const LEET_HINT = /\p{L}\p{N}|\p{N}\p{L}|[\p{L}\p{N}][@$!|€][\p{L}\p{N}]|^[@$][\p{L}]/u;
const SPACED_HINT = /(?:^|[^\p{L}\p{M}\p{N}])\p{L}[ .\-_*·•/+,]{1,3}\p{L}[ .\-_*·•/+,]{1,3}\p{L}(?![\p{L}\p{M}\p{N}])/u;

const PIECES = [
  "a", "K", "ж", "1", "٣", "@", "$", "!", "|", "€", " ", ".", "-", "_", "*", "·", "•", "/", "+", ",", "~", "\u0301",
  "𝐃", "💀", "\uD800", "\uDC00", "ⅻ", "\n", "  ", "...",
];
const TEXT = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3 })), { maxLength: 30 }).map((a) => a.join(""));

const EXAMPLES = [
  "", "d3ath", "k1ll", "2022", "h@te", "@putin", "$a", "$1", "die!", "1|2", "a!b", "x 1", "𝐃1", "1𝐃", "\uD8001",
  "k i l l", "a b", "k  i  l", "k    i    l    l", "x k i l", "k i l x", "ki l l", "k.i.l", "𝐃 i l l", "k i l𝐃", "k i l\u0301", "💀k i l",
  "k,,,i,,,l", "k,,,,i,l", "\u0301k i l",
];

describe("mayHoldLeet", () => {
  it.each(EXAMPLES)("answers %j as the regex does", (s) => {
    expect(mayHoldLeet(s)).toBe(LEET_HINT.test(s));
  });

  it("answers every string as the regex does", () => {
    fc.assert(fc.property(TEXT, (s) => mayHoldLeet(s) === LEET_HINT.test(s)), { numRuns: 3000 });
  });
});

describe("mayHoldSpacedLetters", () => {
  it.each(EXAMPLES)("answers %j as the regex does", (s) => {
    expect(mayHoldSpacedLetters(s)).toBe(SPACED_HINT.test(s));
  });

  it("answers every string as the regex does", () => {
    fc.assert(fc.property(TEXT, (s) => mayHoldSpacedLetters(s) === SPACED_HINT.test(s)), { numRuns: 3000 });
  });
});

describe("textClasses", () => {
  it("is the union of the classes of every code point", () => {
    expect(textClasses("") & (C_LETTER | C_NUMBER)).toBe(0);
    expect(textClasses("Kill 2") & (C_LETTER | C_NUMBER | C_UPPER | C_CYRILLIC)).toBe(C_LETTER | C_NUMBER | C_UPPER);
    expect(textClasses("смерть x") & (C_LATIN | C_CYRILLIC)).toBe(C_LATIN | C_CYRILLIC);
    expect(textClasses("x 𝐃") & C_UPPER).toBe(C_UPPER);
    // The same string asked twice (the cached answer) and an equal one built anew agree.
    expect(textClasses("x 𝐃")).toBe(textClasses(["x", "𝐃"].join(" ")));
  });
});
