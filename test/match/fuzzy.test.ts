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

describe("FuzzyIndex, precompiled, on many words", () => {
  it("visits the same ids in the same order as the built index, before and after its packed maps turn to hash tables", () => {
    // Stems of many lengths and long whole words, Latin and Cyrillic: what the stem walk and the
    // deletion walk (one pass each, hashes carried on) must find exactly as a look-up per substring.
    const rnd = (() => {
      let s = 20261207;
      return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
    })();
    const alphabets = ["abcdeiklmnorstuwyzł", "абвгдеиклмнорстуяьії"];
    const word = (len: number) => {
      const a = alphabets[Math.floor(rnd() * 2)]!;
      return Array.from({ length: len }, () => a[Math.floor(rnd() * a.length)]).join("");
    };
    const built = new FuzzyIndex();
    const keys: string[] = [];
    for (let id = 0; id < 400; id++) {
      const k = word(4 + Math.floor(rnd() * 13));
      keys.push(k);
      built.add(k, rnd() < 0.5, id);
    }
    const packed = FuzzyIndex.unpack(built.pack());
    const probes = keys.flatMap((k) => [k, ...deletions(k), `${k}a`, `${k.slice(0, 3)}x${k.slice(3)}`, `${k}ść`, word(3 + Math.floor(rnd() * 14))]);
    probes.push("😀abcdefgh", "ab\uD800cdefghij", "kiłłłłłłłłłłłłł");
    // Three rounds: the first runs mostly on binary searches, the later ones on the hash tables.
    for (let round = 0; round < 3; round++) {
      for (const w of probes) {
        const a: number[] = [];
        const b: number[] = [];
        built.lookup(w, (id) => a.push(id));
        packed.lookup(w, (id) => b.push(id));
        expect(b, w).toEqual(a);
      }
    }
  });
});
