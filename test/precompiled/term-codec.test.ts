import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gapPart, type TermEntry, type TermPart, wordPart } from "../../src/match/index.js";
import { termDecoder, termFromLine, termLine } from "../../src/precompiled/term-codec.js";

// Few distinct keys, so that the same part comes back in many terms, as in generated lexicons.
const key = fc.constantFrom("kill", "kil", "убить", "ubit", "śmierć", "to", "death", "a'b", "x\"y");
const word: fc.Arbitrary<TermPart> = fc
  .tuple(fc.boolean(), key, fc.option(key, { nil: undefined }), fc.option(key, { nil: undefined }))
  .map(([stem, k, sq, tr]) => wordPart(stem, k, sq ?? k, tr));
const gap: fc.Arbitrary<TermPart> = fc.oneof(
  fc.nat({ max: 4 }).map((max) => gapPart(max, undefined)),
  fc.tuple(fc.nat({ max: 4 }), fc.array(key, { minLength: 1, maxLength: 2 })).map(([max, not]) => gapPart(max, not)),
);
const term: fc.Arbitrary<TermEntry> = fc.record({
  lexicon: fc.nat({ max: 40 }),
  lang: fc.constantFrom("en", "uk", "ru", "pl"),
  source: fc.string({ maxLength: 20 }),
  parts: fc.array(fc.oneof({ arbitrary: word, weight: 3 }, { arbitrary: gap, weight: 1 }), { minLength: 1, maxLength: 5 }),
});

describe("termDecoder", () => {
  it("decodes any sequence of terms as termFromLine does, each term its own parts array", () => {
    fc.assert(
      fc.property(fc.array(term, { maxLength: 40 }), (terms) => {
        const decode = termDecoder();
        const arrays = new Set<readonly TermPart[]>();
        for (const t of terms) {
          const line = termLine(t);
          const got = decode(line);
          expect(got).toEqual(termFromLine(line));
          expect(got).toEqual(t);
          expect(arrays.has(got.parts)).toBe(false);
          arrays.add(got.parts);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("reads lines JSON.parse would read the same whatever their layout (spaces, escapes): the fast reader or JSON.parse, one result", () => {
    fc.assert(
      fc.property(term, fc.constantFrom(0, 1, 2), (t, layout) => {
        // The fast reader takes compact lines without escapes; any other layout must go to JSON.parse.
        const line = layout === 0 ? termLine(t) : JSON.stringify(JSON.parse(termLine(t)), null, layout === 1 ? 1 : "\t");
        expect(termDecoder()(line)).toEqual(termFromLine(line));
      }),
      { numRuns: 300 },
    );
    for (const line of ['[7,"en","a\\\\b",[[1,"kill",0,0],2,[0,"x",0,"y"]]]', '[7,"en","ab",[[1,"kill","kil",0],{"g":2,"not":["x"]}]]', '[7,"en","😀",[[0,"😀",0,0]]]', '[12,"pl","",[]]']) {
      expect(termDecoder()(line)).toEqual(termFromLine(line));
    }
  });

  it("reads strings of 13 units or more (copied out of the line) as JSON.parse does, and each term's parts array holds its parts only", () => {
    const decode = termDecoder();
    const long = ["смерть російським окупантам", "kill all the invaders now", "😀😀😀😀😀😀😀 emoji", "a'b c'd e'f g'h", "abcdefghijklm", "abcdefghijkl"];
    for (const source of long)
      for (const key of long.map((l) => l.replace(/ /g, ""))) {
        const t: TermEntry = { lexicon: 3, lang: "uk", source, parts: [wordPart(false, key, key, undefined), gapPart(1, undefined), wordPart(true, key, key.slice(1), key.slice(2))] };
        const got = decode(termLine(t));
        expect(got).toEqual(termFromLine(termLine(t)));
        expect(got).toEqual(t);
        expect(got.parts.length).toBe(3);
      }
    // A term after a longer one: the scratch array left no parts of the one before.
    expect(decode(termLine({ lexicon: 0, lang: "en", source: "x", parts: [wordPart(false, "x", "x", undefined)] })).parts).toHaveLength(1);
  });

  it("hands out one object for equal parts, and different ones for parts that differ in any field", () => {
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 40 }), (terms) => {
        const decode = termDecoder();
        const parts = terms.flatMap((t) => decode(termLine(t)).parts);
        const text = parts.map((p) => JSON.stringify(p));
        for (let i = 0; i < parts.length; i++)
          for (let j = 0; j < parts.length; j++) {
            const a = parts[i] as TermPart;
            // A gap that excludes words is not shared (rare; its own object each time).
            if (text[i] === text[j] && !(a.kind === "gap" && a.not !== undefined) && a !== parts[j]) expect.fail(`${text[i]} decoded twice`);
            if (text[i] !== text[j] && a === parts[j]) expect.fail(`${text[i]} and ${text[j]} are one object`);
          }
      }),
      { numRuns: 100 },
    );
  });

  it("keeps the shape the matcher's parts are made in (every field, in order)", () => {
    const decode = termDecoder();
    const t = decode(termLine({ lexicon: 1, lang: "en", source: "kill ~2 them", parts: [wordPart(true, "kill", "kil", undefined), gapPart(2, undefined), wordPart(false, "them", "them", undefined)] }));
    expect(t.parts.map((p) => Object.keys(p))).toEqual([Object.keys(wordPart(false, "a", "a", undefined)), Object.keys(gapPart(1, undefined)), Object.keys(wordPart(false, "a", "a", undefined))]);
    expect(Object.keys(t)).toEqual(["lexicon", "lang", "source", "parts"]);
  });
});
