import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isStretched, squeeze, translitSkeleton } from "../../src/text/keys.js";

describe("squeeze", () => {
  it.each([
    ["killll", "kil"],
    ["kill", "kil"],
    ["deeeath", "death"],
    ["death", "death"],
    ["aaa", "a"],
    ["abab", "abab"],
    ["ссмееерть", "смерть"],
    ["оккупант", "окупант"],
    ["zzzabbbc", "zabc"],
    ["𝐃𝐃𝐃x", "𝐃x"],
    ["", ""],
    ["a", "a"],
  ])("squeezes %j to %j", (word, expected) => {
    expect(squeeze(word)).toBe(expected);
  });

  it("property: squeezing twice is squeezing once, and leaves no letter twice in a row", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", "с", "м", "𝐃", "'") }), (w) => {
        const s = squeeze(w);
        expect(squeeze(s)).toBe(s);
        const cps = [...s];
        for (let i = 1; i < cps.length; i++) expect(cps[i]).not.toBe(cps[i - 1]);
      }),
    );
  });
});

describe("isStretched", () => {
  it.each([
    ["deeeath", true],
    ["killll", true],
    ["смееерть", true],
    ["aaa", true],
    ["kill", false],
    ["book", false],
    ["aa", false],
    ["a-a-a", false],
    ["111", false],
    ["...", false],
    ["abcabc", false],
    ["", false],
  ])("%j → %s", (word, expected) => {
    expect(isStretched(word)).toBe(expected);
  });
});

describe("translitSkeleton", () => {
  it.each<[string, string[]]>([
    ["okupantam", ["okupantam", "okkupantam", "окупантам", "оккупантам"]],
    ["smert", ["smert", "смерть", "смерт", "smertt"]],
    ["putin", ["putin", "путин", "путін"]],
    ["vbiu", ["вб'ю", "vbyu", "vb'iu", "vbju"]],
    ["shchastia", ["щастя", "shchastia", "schastya", "szczastia"]],
    ["hata", ["хата", "khata", "hata"]],
    ["zhaba", ["жаба", "zhaba"]],
    ["chort", ["чорт", "tchort", "czort"]],
    ["kiv", ["київ", "kyiv"]],
    ["ukraina", ["україна", "ukraina", "ukrayina"]],
    ["ielka", ["єлка", "yelka", "jelka"]],
    ["cukor", ["цукор", "tsukor", "cukor"]],
    ["voina", ["война", "voina", "woina"]],
  ])("%j is the skeleton of %j", (skeleton, words) => {
    for (const w of words) expect(translitSkeleton(w), w).toBe(skeleton);
  });

  it.each([
    ["smert", "smierc"],
    ["kiev", "kyiv"],
    ["okupant", "okupantam"],
  ])("tells %j and %j apart", (a, b) => {
    expect(translitSkeleton(a)).not.toBe(translitSkeleton(b));
  });

  it.each([
    ["Georgian", "გამარჯობა"],
    ["Armenian", "բարեւ"],
    ["Greek", "θάνατος"],
    ["Latin with diacritics", "śmierć"],
    ["upper-case Latin (skeletons are of normalised words)", "Kyiv"],
    ["Latin with digits", "covid19"],
    ["Latin with a hyphen", "self-defence"],
    ["Cyrillic with a letter it does not romanise", "ђаво"],
    ["empty", ""],
  ])("is undefined for %s (%j)", (_, word) => {
    expect(translitSkeleton(word)).toBeUndefined();
  });

  it.each([
    ["x", "ks"],
    ["q", "k"],
    ["w", "v"],
    ["ь", ""],
    ["ъ", ""],
    ["я", "ia"],
    ["щ", "shch"],
  ])("maps %j to %j", (word, expected) => {
    expect(translitSkeleton(word)).toBe(expected);
  });

  it("drops apostrophes and soft signs so spellings with and without them meet", () => {
    expect(translitSkeleton("п'ять")).toBe(translitSkeleton("piat"));
    expect(translitSkeleton("п'ять")).toBe(translitSkeleton("p'yat'"));
  });
});
