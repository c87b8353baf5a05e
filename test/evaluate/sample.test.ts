import { describe, expect, it } from "vitest";
import { allocate, hash53, StratifiedSample } from "../../src/evaluate/sample.js";

describe("allocate: an even split of the sample among strata", () => {
  it("takes small strata whole and gives what they leave to the others", () => {
    const a = allocate(new Map([["a", 2], ["b", 100], ["c", 100]]), 10);
    expect(a).toEqual([{ stratum: "a", posts: 2, sampled: 2 }, { stratum: "b", posts: 100, sampled: 4 }, { stratum: "c", posts: 100, sampled: 4 }]);
  });

  it("gives the remainder of an uneven split to the largest strata", () => {
    expect(allocate(new Map([["a", 50], ["b", 60], ["c", 70]]), 10).map((x) => x.sampled)).toEqual([3, 3, 4]);
  });

  it("takes everything when the sample is larger than the input, and never more than the sample", () => {
    expect(allocate(new Map([["a", 2], ["b", 3]]), 10).map((x) => x.sampled)).toEqual([2, 3]);
    for (const size of [0, 1, 5, 17]) {
      const a = allocate(new Map([["a", 1], ["b", 7], ["c", 3], ["d", 30]]), size);
      expect(a.reduce((s, x) => s + x.sampled, 0)).toBe(Math.min(size, 41));
      for (const x of a) expect(x.sampled).toBeLessThanOrEqual(x.posts);
    }
  });
});

function draw(posts: readonly { id: string; stratum: string }[], size: number, seed: string): string[] {
  const s = new StratifiedSample<string>(size, seed);
  posts.forEach((p, i) => s.add(p.stratum, `${p.id}\u0000text ${p.id}`, i + 1, p.id));
  return [...s.result().picked];
}

describe("StratifiedSample", () => {
  const posts = Array.from({ length: 500 }, (_, i) => ({ id: `p${i}`, stratum: i % 50 === 0 ? "rare" : i % 3 === 0 ? "b" : "a" }));

  it("is reproducible: the same seed draws the same posts, another seed others", () => {
    const one = draw(posts, 30, "7");
    expect(draw(posts, 30, "7")).toEqual(one);
    expect(draw(posts, 30, "8")).not.toEqual(one);
    expect(one).toHaveLength(30);
  });

  it("draws the same posts whatever the order of the input, and lists them in input order", () => {
    const reversed = [...posts].reverse();
    expect(new Set(draw(reversed, 30, "7"))).toEqual(new Set(draw(posts, 30, "7")));
    const one = draw(posts, 30, "7");
    expect(one).toEqual([...one].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
  });

  it("takes the rare stratum whole and splits the rest evenly", () => {
    const s = new StratifiedSample<string>(30, "1");
    posts.forEach((p, i) => s.add(p.stratum, p.id, i + 1, p.id));
    // rare: i % 50 = 0 (10 posts); b: i % 3 = 0 but not rare (167 − 4 = 163); a: the other 327.
    expect(s.result().allocation).toEqual([
      { stratum: "a", posts: 327, sampled: 10 },
      { stratum: "b", posts: 163, sampled: 10 },
      { stratum: "rare", posts: 10, sampled: 10 },
    ]);
  });

  it("hash53 is stable across runs and platforms", () => {
    expect(hash53("modpol")).toBe(hash53("modpol"));
    expect(hash53("a", 1)).not.toBe(hash53("a", 2));
    expect(Number.isSafeInteger(hash53("x".repeat(1000)))).toBe(true);
  });
});
