import { describe, expect, it } from "vitest";
import { splitByLexicon, WordCandidates, VIA_STRETCHED, VIA_TRANSLIT, VIA_TYPO } from "../../src/match/word-candidates.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";

const mini = loadYamlPolicy("test/fixtures/mini/policy.yaml").policy!;
const meta = loadYamlPolicy("rules/meta-2022-03-10.yaml").policy!;
const sources = (w: WordCandidates, word: string) => w.info(word).primary.map((c) => [c.term.source, c.via]);

describe("WordCandidates", () => {
  it.each([
    // word, a term it anchors, through which view
    ["putin", "putin", 0],
    ["puuutin", "putin", VIA_STRETCHED],
    ["putinu", "путін*", VIA_TRANSLIT],
  ] as const)("%s anchors %s", (word, term, via) => {
    const w = new WordCandidates(mini.index);
    expect(sources(w, word)).toContainEqual([term, via]);
  });

  it("splits candidates by lexicon into arrays of their own, each in the original order", () => {
    const w = new WordCandidates(meta.index);
    const cands = w.info("kill").primary;
    expect(cands.length).toBeGreaterThan(2);
    const lexicons = [...new Set(cands.map((c) => c.term.lexicon))];
    for (const flagged of [[], lexicons.slice(0, 1), lexicons.slice(1), lexicons]) {
      const flags: boolean[] = [];
      for (const l of flagged) flags[l] = true;
      const s = splitByLexicon(cands, flags);
      expect(s.now).toEqual(cands.filter((c) => flags[c.term.lexicon] !== true));
      expect(s.later).toEqual(cands.filter((c) => flags[c.term.lexicon] === true));
      expect(s.now.length + s.later.length).toBe(cands.length);
    }
  });

  it("finds nothing for words no term is filed under", () => {
    const w = new WordCandidates(mini.index);
    const e = w.info("morning");
    expect(e.primary).toEqual([]);
    expect(w.secondary("morning", e)).toEqual([]);
  });

  it("computes typo candidates only for words that may be mangled", () => {
    const w = new WordCandidates(mini.index);
    const known = w.info("putin");
    expect(known.mayBeMangled).toBe(false);
    expect(w.secondary("putin", known)).toEqual([]);
    const bundled = new WordCandidates(meta.index);
    const typo = bundled.info("murdre");
    expect(typo.mayBeMangled).toBe(true);
    expect(bundled.secondary("murdre", typo).map((c) => [c.term.source, c.via])).toContainEqual(["murder", VIA_TYPO]);
  });

  it("gives the same answer from its cache as computed afresh, and stays within its limit", () => {
    const small = new WordCandidates(mini.index, 3);
    const fresh = () => new WordCandidates(mini.index);
    const words = ["putin", "the", "invaders", "putin", "death", "morning", "putin", "to"];
    for (const word of words) expect(sources(small, word)).toEqual(sources(fresh(), word));
    const held = small as unknown as { cache: Map<string, unknown>; old?: Map<string, unknown> };
    expect(held.cache.size).toBeLessThanOrEqual(3);
    expect(held.old?.size ?? 0).toBeLessThanOrEqual(3);
  });

  it("keeps a word met in the last generation when its cache turns over (not computed again)", () => {
    const small = new WordCandidates(mini.index, 3);
    const first = small.info("putin");
    for (const w of ["a1", "a2", "a3"]) small.info(w); // the first generation is full: it becomes the old one
    expect(small.info("putin")).toBe(first);
    for (const w of ["b1", "b2", "b3", "b4", "b5", "b6", "b7"]) small.info(w); // two more turns: gone
    expect(small.info("putin")).not.toBe(first);
    expect(small.info("putin")).toEqual(first);
  });

  it("never changes a decision: evaluating twice (cold, then cached) agrees", () => {
    const posts = ["Death to Putin", "Deeeath to the inv4ders", "Smert okupantam", "Good morning", "deathto putin"];
    const cold = posts.map((text) => evaluate({ text, country: "UA" }, loadYamlPolicy("test/fixtures/mini/policy.yaml").policy!));
    const warm = posts.map((text) => evaluate({ text, country: "UA" }, mini));
    expect(posts.map((text) => evaluate({ text, country: "UA" }, mini))).toEqual(warm);
    expect(warm).toEqual(cold);
  });
});
