import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packMap, PackedMap, PackedSet, packSet, PagedBytes } from "../../src/match/packed-map.js";

/** Packed text read a block at a time from memory, counting what each block cost. */
function paged(text: string): { paged: PagedBytes; reads: number[]; bytesRead: () => number } {
  const bytes = Buffer.from(text, "utf8");
  const reads: number[] = [];
  const p = new PagedBytes(bytes.length, (from, to) => {
    for (let i = from; i < to; i++) reads[i] = (reads[i] ?? 0) + 1;
    return bytes.subarray(from, to);
  });
  return { paged: p, reads, bytesRead: () => reads.reduce((n, r) => n + (r > 0 ? 1 : 0), 0) };
}

// Word-like keys of several scripts (multi-byte UTF-8 across block edges), and id lists of every
// length: some lines are longer than a block, so a line's start or end lies blocks away.
const key = fc.stringMatching(/^[a-zа-яёіїєґąćęłńóśźż'’]{1,12}$/u);
const ids = fc.oneof(fc.array(fc.nat({ max: 2_000_000 }), { minLength: 1, maxLength: 4 }), fc.array(fc.nat({ max: 2_000_000 }), { minLength: 900, maxLength: 1200 }));
const bigMap = fc.array(fc.tuple(key, ids), { minLength: 1, maxLength: 400 }).map((es) => new Map(es));

describe("PagedBytes under PackedMap and PackedSet", () => {
  it("answers every look-up, prefix walk and count as the same packed text in memory", () => {
    fc.assert(
      fc.property(bigMap, fc.array(key, { maxLength: 40 }), (m, probes) => {
        const text = packMap(m);
        const inMemory = new PackedMap(text);
        const onPages = new PackedMap(paged(text).paged);
        const keys = [...m.keys()];
        for (const k of [...keys, ...probes, ...keys.map((k) => k.slice(0, -1)), ...keys.map((k) => `${k}ą`)]) {
          expect(onPages.get(k)).toEqual(inMemory.get(k));
          const a: number[] = [];
          const b: number[] = [];
          inMemory.forEachPrefixId(k, 8, (id) => a.push(id));
          onPages.forEachPrefixId(k, 8, (id) => b.push(id));
          expect(b).toEqual(a);
        }
        expect(onPages.size).toBe(inMemory.size);
        expect([...onPages.keys()]).toEqual([...inMemory.keys()]);
        const set = new PackedSet(paged(packSet(keys)).paged);
        for (const k of [...keys, ...probes]) expect(set.has(k)).toBe(m.has(k));
        expect([...set].sort()).toEqual([...new Set(keys)].sort());
      }),
      { numRuns: 40 },
    );
  });

  it("reads a small part of a large map for a few look-ups, each byte at most once, and all of it only when asked to", () => {
    const m = new Map(Array.from({ length: 60_000 }, (_, i) => [`слово${i.toString(36)}`, [i, i + 1]] as [string, number[]]));
    const text = packMap(m);
    const { paged: p, reads, bytesRead } = paged(text);
    const map = new PackedMap(p);
    for (const k of ["слово0", "словоzz", "словоabc", "нет", "слово1kv"]) expect(map.get(k)).toEqual(m.get(k));
    const size = Buffer.byteLength(text);
    // A binary search loads about one block a step: a few dozen blocks of a map of hundreds.
    expect(bytesRead()).toBeLessThan(size / 10);
    expect(reads.every((r) => r === undefined || r === 1)).toBe(true);
    expect(map.size).toBe(60_000);
    expect(bytesRead()).toBe(size);
    expect(reads.every((r) => r === 1)).toBe(true);
  });

  it("is read whole by a hash table: look-ups past the binary-search budget answer alike", () => {
    const m = new Map(Array.from({ length: 5000 }, (_, i) => [`k${i}`, [i]] as [string, number[]]));
    const map = new PackedMap(paged(packMap(m)).paged);
    for (let round = 0; round < 2; round++) for (let i = 0; i < 5001; i++) expect(map.get(`k${i}`)).toEqual(m.get(`k${i}`));
  });
});
