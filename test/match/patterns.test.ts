import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRe2, patternFinder } from "../../src/match/lexicon-index.js";

type Program = { matcher(s: string): { find(): boolean; start(): number; end(): number } };
const { RE2JS } = createRequire(import.meta.url)("re2js") as { RE2JS: { compile(p: string): Program } };

/** Every non-empty match of the pattern, straight from re2js: what the finder must return. */
function reference(source: string, text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const m = RE2JS.compile(source).matcher(text);
  while (m.find()) if (m.end() > m.start()) out.push([m.start(), m.end()]);
  return out;
}

describe("patterns: the literal prefix that lets a post skip re2js", () => {
  it.each([
    ["1[89]\\d\\d", "1"],
    ["1[89]\\d\\d(?:s|th)?", "1"],
    ["x+y", "x"],
    ["nkvd-\\d+", "nkvd-"],
    ["(?i)abc", ""],
    ["a|b", ""],
    ["[ab]c", ""],
  ])("%s begins with %j", (source, prefix) => {
    expect(compileRe2(source).prefix).toBe(prefix);
  });

  it("rejects what RE2 rejects, as before", () => {
    expect(() => compileRe2("(a")).toThrow();
    expect(() => compileRe2("(?=a)b")).toThrow();
  });

  it("finds exactly what re2js finds, with or without the prefix in the text", () => {
    const sources = ["1[89]\\d\\d(?:s|th)?", "x+y", "(?i)ab+c", "[ab]c", "zz?"];
    const text = fc.array(fc.constantFrom("1", "8", "9", "0", "x", "y", "a", "B", "b", "c", "z", " ", "ś", "😀"), { maxLength: 40 }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(fc.constantFrom(...sources), text, (source, t) => {
        const find = patternFinder(source, compileRe2(source).prefix);
        expect(find(t)).toEqual(reference(source, t));
      }),
      { numRuns: 2000 },
    );
  });
});
