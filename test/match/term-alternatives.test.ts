import { describe, expect, it } from "vitest";
import { countTerms } from "../../src/load/limits.js";
import { expandAlternatives, expansionCount, hasAlternatives, MAX_EXPANSION } from "../../src/match/term-alternatives.js";

function terms(source: string, limit?: number): readonly string[] {
  const x = expandAlternatives(source, limit);
  if (!x.ok) throw new Error(`expected '${source}' to expand, got ${x.code}: ${x.message}`);
  return x.terms;
}

describe("expandAlternatives: terms", () => {
  it.each([
    ["no group: returned untouched, spaces and all", "  kill   them ", ["  kill   them "]],
    ["no group, a gap and a stem", "хай ~2 здохн*", ["хай ~2 здохн*"]],
    ["one group", "{stone|flog} him", ["stone him", "flog him"]],
    ["the first group varies slowest", "{a|b} {x|y}", ["a x", "a y", "b x", "b y"]],
    ["three groups, gaps between", "{drive|plow} ~2 {over|into} {him|them}", ["drive ~2 over him", "drive ~2 over them", "drive ~2 into him", "drive ~2 into them", "plow ~2 over him", "plow ~2 over them", "plow ~2 into him", "plow ~2 into them"]],
    ["an empty alternative: an optional word, spaces tidied", "drive {right|} over", ["drive right over", "drive over"]],
    ["an empty alternative first", "{|i will} kill", ["kill", "i will kill"]],
    ["inside a word", "kill{|s|ed}", ["kill", "kills", "killed"]],
    ["a stem in an alternative", "{вбий*|знищ*} їх", ["вбий* їх", "знищ* їх"]],
    ["phrases as alternatives", "sink ~3 boats with {~3 on board|~2 in them}", ["sink ~3 boats with ~3 on board", "sink ~3 boats with ~2 in them"]],
    ["a gap with exclusions in a group", "oby {~4!nie,nikt|~2} zginęli", ["oby ~4!nie,nikt zginęli", "oby ~2 zginęli"]],
    ["one alternative", "{kill} them", ["kill them"]],
    ["spaces inside braces are tidied", "{ kill | shoot } them", ["kill them", "shoot them"]],
  ])("%s: %j", (_, source, expected) => {
    expect(terms(source)).toEqual(expected);
  });

  it("reports an expansion seen before once, and leaves it out", () => {
    expect(expandAlternatives("beat {him|them|him} {now|now}")).toEqual({ ok: true, grouped: true, terms: ["beat him now", "beat them now"], duplicates: ["beat him now", "beat them now"] });
    expect(expandAlternatives("{a |}{a|}")).toEqual({ ok: true, grouped: true, terms: ["a a", "a", ""], duplicates: ["a"] });
  });

  it("says whether a term has groups", () => {
    expect(expandAlternatives("kill").ok && expandAlternatives("kill")).toMatchObject({ grouped: false });
    expect(expandAlternatives("{kill}")).toMatchObject({ grouped: true });
    expect([hasAlternatives("kill them"), hasAlternatives("a|b"), hasAlternatives("}")]).toEqual([false, true, true]);
  });
});

describe("expandAlternatives: errors", () => {
  it.each([
    ["an unclosed group", "stone {him|her", "unbalanced-brace", [6, 14]],
    ["a '}' that closes nothing", "stone him}", "unbalanced-brace", [9, 10]],
    ["a nested group", "stone {him|{her|them}}", "unbalanced-brace", [11, 12]],
    ["a '|' outside a group", "stone him|her", "unbalanced-brace", [9, 10]],
    ["an empty group", "flog {} him", "empty-group", [5, 7]],
    ["a group of empty alternatives", "flog { | } him", "empty-group", [5, 10]],
    ["more expansions than the limit", "{a|b|c} {d|e|f}", "too-many-expansions", [0, 15]],
  ])("%s: %j", (_, source, code, at) => {
    const x = expandAlternatives(source, 8);
    expect(x.ok).toBe(false);
    if (!x.ok) expect([x.code, x.at]).toEqual([code, at]);
  });

  it("allows exactly the limit", () => {
    expect(terms("{a|b|c} {d|e|f}", 9)).toHaveLength(9);
    expect(MAX_EXPANSION).toBe(1000);
  });

  it("names the sizes of the groups when over the limit", () => {
    const x = expandAlternatives("{a|b|c} {d|e|f} {g|h}", 8);
    expect(!x.ok && x.message).toContain("18 terms (3 × 3 × 2)");
  });
});

describe("expansionCount and the maxTerms limit", () => {
  it.each([
    ["kill", 1],
    ["{a|b} {c|d|e}", 6],
    ["kill{|s|ed}", 3],
    ["stone {him", 1],
  ])("%j stands for %i terms", (source, n) => {
    expect(expansionCount(source)).toBe(n);
  });

  it("counts a term by its expansions, a pattern once", () => {
    expect(countTerms({ lexicons: { a: ["{x|y|z} w", "v"], b: { terms: { en: ["{p|q} r"] }, patterns: { en: ["a|b"] } } } })).toBe(7);
  });
});
