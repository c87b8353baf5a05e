import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packMap, PackedMap, PackedSet, packSet, unpackMap } from "../../src/match/packed-map.js";

// Word-like keys: letters of several scripts, apostrophes, digits; never a space or a newline.
const key = fc.stringMatching(/^[a-zа-яёіїєґąćęłńóśźżα-ω0-9'’]{1,10}$/u);
const entries = fc.array(fc.tuple(key, fc.array(fc.nat({ max: 2_000_000 }), { minLength: 1, maxLength: 5 })), { maxLength: 60 });

describe("packMap / unpackMap", () => {
  it("round-trips any map of word keys to term ids", () => {
    fc.assert(
      fc.property(entries, (es) => {
        expect(unpackMap(packMap(new Map(es)))).toEqual(new Map(es));
      }),
    );
  });

  it("writes entries sorted by key, one per line", () => {
    expect(packMap(new Map([["zz", [1]], ["a", [35, 36]], ["ab", [0]]]))).toBe("a z,10\nab 0\nzz 1");
  });
});

describe("PackedMap", () => {
  it("answers like the Map it was packed from, for present and absent keys, before and after it switches to a Map", () => {
    fc.assert(
      fc.property(entries, fc.array(key, { maxLength: 30 }), (es, probes) => {
        const m = new Map(es);
        const p = new PackedMap(packMap(m));
        expect(p.size).toBe(m.size);
        expect([...p.keys()].sort()).toEqual([...m.keys()].sort());
        const all = [...m.keys(), ...probes, ...[...m.keys()].map((k) => k.slice(0, -1)), ...[...m.keys()].map((k) => `${k}a`)];
        // Enough rounds to pass the binary-search budget and use the Map it then builds.
        for (let round = 0; round < 3; round++) for (const k of all) expect(p.get(k)).toEqual(m.get(k));
      }),
      { numRuns: 60 },
    );
    const big = new Map(Array.from({ length: 3000 }, (_, i) => [`w${i}`, [i]] as [string, number[]]));
    const p = new PackedMap(packMap(big));
    for (let i = 0; i < 3000; i++) expect(p.get(`w${i}`)).toEqual([i]);
    expect(p.get("w3000")).toBeUndefined();
  });

  it("is empty for an empty string", () => {
    const p = new PackedMap("");
    expect(p.size).toBe(0);
    expect(p.get("a")).toBeUndefined();
    expect([...p.keys()]).toEqual([]);
  });
});

describe("PackedMap and PackedSet by hash table (what a long run uses) against the Map and Set they were packed from", () => {
  // Keys of any script, astral characters and lone surrogates (which UTF-8 writes as U+FFFD, so
  // that "\uD800" and "\uFFFD" are one key, as Buffer.from makes them).
  const anyKey = fc.oneof(key, fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }).filter((k) => !/[\s]/u.test(k)), fc.constantFrom("\uD800", "a\uDC00b", "😀", "𝔘k"));
  const anyEntries = fc.uniqueArray(fc.tuple(anyKey, fc.array(fc.nat({ max: 2_000_000 }), { minLength: 1, maxLength: 4 })), { selector: ([k]) => Buffer.from(k).toString(), maxLength: 80 });

  it.each([0, 5])("answers the same for present, absent and near keys (binary searches before the table: %i)", (searches) => {
    fc.assert(
      fc.property(anyEntries, fc.array(anyKey, { maxLength: 30 }), (es, probes) => {
        const m = new Map(es);
        const p = new PackedMap(packMap(m), searches);
        const s = new PackedSet(packSet(m.keys()), searches);
        // What the packed text holds: each key as its UTF-8 bytes say (the reference is keyed so).
        const utf8 = (k: string): string => Buffer.from(k).toString();
        const ref = new Map(es.map(([k, v]) => [utf8(k), v]));
        expect(p.size).toBe(ref.size);
        expect(s.size).toBe(ref.size);
        const all = [...m.keys(), ...probes, ...[...m.keys()].map((k) => k.slice(0, -1)), ...[...m.keys()].map((k) => `${k}a`), ""];
        for (let round = 0; round < 2; round++)
          for (const k of all) {
            expect(p.get(k)).toEqual(ref.get(utf8(k)));
            expect(s.has(k)).toBe(ref.has(utf8(k)));
          }
      }),
      { numRuns: 150 },
    );
  });

  it("finds every key of a large map, and no other, through the table", () => {
    const big = new Map(Array.from({ length: 20_000 }, (_, i) => [`слово${i.toString(36)}`, [i, i + 1]] as [string, number[]]));
    const p = new PackedMap(packMap(big), 0);
    for (const [k, v] of big) expect(p.get(k)).toEqual(v);
    for (let i = 20_000; i < 21_000; i++) expect(p.get(`слово${i.toString(36)}`)).toBeUndefined();
    expect(p.size).toBe(20_000);
  });
});

describe("PackedMap.forEachPrefixId: every prefix's ids in one walk", () => {
  const unit = fc.oneof(fc.constantFrom("a", "b", "ą", "ж", "ї", "😀", "𝔘", "\uD800", "\uDC00", "'"), fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }));
  // Keys hold neither spaces nor newlines (they are normalised words: see packMap).
  const word = fc.array(unit, { minLength: 1, maxLength: 8 }).map((u) => u.join("")).filter((w) => !/\s/u.test(w));

  it.each([0, 3, 1_000_000])("gives what get() of each prefix gives, in the same order (binary searches before the table: %i)", (searches) => {
    fc.assert(
      // Keys unique as UTF-8 (what packMap requires: '\uD800' and '\uFFFD' are one key once encoded).
      fc.property(fc.uniqueArray(word, { maxLength: 40, selector: (w) => Buffer.from(w).toString() }), fc.array(word, { maxLength: 20 }), fc.integer({ min: 1, max: 12 }), (stems, probes, maxUnits) => {
        const m = new Map(stems.map((s, i) => [s, [i, i + 100]] as [string, number[]]));
        const packed = packMap(m);
        const walk = new PackedMap(packed, searches);
        const ref = new PackedMap(packed, 1_000_000);
        // Words that begin with stems, and others.
        for (const w of [...probes, ...stems.flatMap((s) => probes.map((p) => s + p)), ...stems]) {
          const got: number[] = [];
          walk.forEachPrefixId(w, maxUnits, (id) => got.push(id));
          const want: number[] = [];
          for (let k = 1; k <= Math.min(w.length, maxUnits); k++) for (const id of ref.get(w.slice(0, k)) ?? []) want.push(id);
          expect(got).toEqual(want);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("PackedSet.forEachPrefix", () => {
  const unit = fc.constantFrom("a", "b", "ą", "ж", "😀", "\uD800", "'");
  const word = fc.array(unit, { minLength: 1, maxLength: 7 }).map((u) => u.join(""));
  it.each([0, 1_000_000])("gives the prefix lengths has() accepts, shortest first (binary searches before the table: %i)", (searches) => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { maxLength: 30, selector: (w) => Buffer.from(w).toString() }), fc.array(word, { maxLength: 15 }), fc.integer({ min: 1, max: 10 }), (words, probes, max) => {
        const packed = packSet(words);
        const walk = new PackedSet(packed, searches);
        const ref = new PackedSet(packed, 1_000_000);
        for (const w of [...words, ...words.flatMap((a) => probes.map((b) => a + b))]) {
          const got: number[] = [];
          walk.forEachPrefix(w, max, (k) => got.push(k));
          const want: number[] = [];
          for (let k = 1; k <= Math.min(w.length, max); k++) if (ref.has(w.slice(0, k))) want.push(k);
          expect(got).toEqual(want);
        }
      }),
      { numRuns: 100 },
    );
  });
});
