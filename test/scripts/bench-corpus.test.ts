import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusLines, corpusText, ensureCorpus, makeRecord, mulberry32 } from "../../scripts/bench/corpus.js";

const N = 4000;

describe("bench corpus generator", () => {
  it("is deterministic: the same seed gives the same bytes, another seed other bytes", () => {
    const a = corpusText({ posts: 500, seed: 42 });
    expect(corpusText({ posts: 500, seed: 42 })).toBe(a);
    expect(corpusText({ posts: 500, seed: 43 })).not.toBe(a);
    // A longer corpus starts with the shorter one.
    expect(corpusText({ posts: 600, seed: 42 }).startsWith(a)).toBe(true);
  });

  it("writes valid JSONL with id, text, date and (mostly) country, of about the requested size", () => {
    const lines = [...corpusLines({ posts: N, seed: 7 })];
    expect(lines).toHaveLength(N);
    const countries = new Map<string | undefined, number>();
    let bytes = 0;
    lines.forEach((line, i) => {
      expect(line).not.toContain("\n");
      bytes += Buffer.byteLength(line, "utf8") + 1;
      const rec = JSON.parse(line) as Record<string, unknown>;
      expect(rec.id).toBe(`p${i + 1}`);
      expect(typeof rec.text).toBe("string");
      expect((rec.text as string).length).toBeGreaterThan(10);
      expect(rec.date).toMatch(/^2022-\d\d-\d\d$/);
      expect(Object.keys(rec).every((k) => ["id", "text", "country", "date"].includes(k))).toBe(true);
      const c = rec.country as string | undefined;
      if (c !== undefined) expect(["UA", "PL", "DE", "LV", "RU", "US"]).toContain(c);
      countries.set(c, (countries.get(c) ?? 0) + 1);
    });
    const mean = bytes / N;
    expect(mean).toBeGreaterThan(180);
    expect(mean).toBeLessThan(220);
    for (const c of ["UA", "PL", "DE", "LV", "RU", "US", undefined]) expect(countries.get(c) ?? 0).toBeGreaterThan(N * 0.02);
  });

  it("mixes English, Ukrainian, Russian and Polish, with a few percent violent calls", () => {
    const rng = mulberry32(11);
    const langs: Record<string, number> = {};
    const kinds: Record<string, number> = {};
    for (let i = 0; i < N; i++) {
      const r = makeRecord(rng, i);
      langs[r.lang] = (langs[r.lang] ?? 0) + 1;
      kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
    }
    for (const l of ["en", "uk", "ru", "pl"]) expect(langs[l]).toBeGreaterThan(N * 0.15);
    expect(kinds.violent! / N).toBeGreaterThan(0.015);
    expect(kinds.violent! / N).toBeLessThan(0.06);
    expect(kinds.benign! / N).toBeGreaterThan(0.005);
    // The scripts and letters of each language are really there.
    const text = corpusText({ posts: N, seed: 11 });
    expect(text).toMatch(/[іїєґ]/); // Ukrainian
    expect(text).toMatch(/[ыэъ]/); // Russian
    expect(text).toMatch(/[ąęłśżź]/); // Polish
    expect(text).toMatch(/\bthe\b/); // English
    expect(text).toMatch(/Смерть окупантам!|Смерть оккупантам!|Śmierć Putinowi!|Death to/);
  });

  it("caches the corpus file under its parameters", () => {
    const dir = mkdtempSync(join(tmpdir(), "modpol-corpus-test-"));
    try {
      const first = ensureCorpus(dir, { posts: 300, seed: 5 });
      expect(first.cached).toBe(false);
      expect(readFileSync(first.path, "utf8")).toBe(corpusText({ posts: 300, seed: 5 }));
      const again = ensureCorpus(dir, { posts: 300, seed: 5 });
      expect(again).toEqual({ path: first.path, cached: true });
      expect(ensureCorpus(dir, { posts: 301, seed: 5 }).path).not.toBe(first.path);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
