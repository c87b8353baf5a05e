import { describe, expect, it, vi } from "vitest";
import { deletions, FuzzyIndex, oneTypo, oneTypoStem } from "../../src/match/fuzzy.js";
import { PackedMap } from "../../src/match/packed-map.js";

describe("oneTypo", () => {
  it.each([
    ["klil", "kill", true, "neighbours swapped"],
    ["deaht", "death", true, "neighbours swapped at the end"],
    ["execuetd", "executed", true, "swap in a long word"],
    ["deth", "death", true, "a vowel missing from a five-letter word"],
    ["murdr", "murder", true, "a letter missing"],
    ["killd", "killed", true, "a letter missing"],
    ["strangkle", "strangle", true, "one extra letter in a long word"],
    ["kill", "kill", false, "identical is not a typo"],
    ["will", "kill", false, "a replaced letter never counts"],
    ["zacznijmy", "zarznijmy", false, "a replaced letter never counts, even in long words"],
    ["take", "tapke", false, "a five-letter word may not lose a consonant"],
    ["ill", "kill", false, "the first letter must be right"],
    ["ikll", "kill", false, "the first letter must be right"],
    ["skill", "kill", false, "no extra letter in short words"],
    ["kil", "kill", false, "four-letter words may not lose a letter"],
    ["dei", "die", false, "three-letter words are never fuzzy"],
  ])("%s ~ %s → %s (%s)", (typed, key, expected) => {
    expect(oneTypo(typed, key)).toBe(expected);
  });
});

describe("oneTypoStem", () => {
  it.each([
    ["zamordowac", "zamord", false],
    ["zaordowac", "zamord", true],
    ["zmaordowac", "zamord", true],
    ["zamorski", "zamord", false],
    ["okupnatow", "okupant", true],
    ["okupantow", "okupant", false],
  ])("%s ~ %s* → %s", (typed, stem, expected) => {
    expect(oneTypoStem(typed, stem)).toBe(expected);
  });
});

it("deletions keep the first letter", () => {
  expect(deletions("kill")).toEqual(["kll", "kil", "kil"]);
});

describe("FuzzyIndex, precompiled", () => {
  it("finds the same candidates packed as built, without decoding the packed stems map", () => {
    const built = new FuzzyIndex();
    built.add("zamordow", true, 0);
    built.add("rozstrzel", true, 1);
    built.add("execute", false, 2);
    const keys = vi.spyOn(PackedMap.prototype, "keys");
    const packed = FuzzyIndex.unpack(built.pack());
    for (const w of ["zamrodować", "rozstrzelać", "exceute", "hello"]) {
      const a: number[] = [];
      const b: number[] = [];
      built.lookup(w, (id) => a.push(id));
      packed.lookup(w, (id) => b.push(id));
      expect(b, w).toEqual(a);
    }
    expect(keys).not.toHaveBeenCalled();
    keys.mockRestore();
  });
});
