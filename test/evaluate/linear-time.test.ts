import { beforeAll, describe, expect, it } from "vitest";
import type { CompiledPolicy } from "../../src/compile/types.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";
import { loadPolicy } from "../../src/use-cases/load-policy.js";

// No policy and no post can make evaluation super-linear. The catastrophic-patterns policy holds the
// classic backtracking killers ((a+)+$, (a|a)*b, (x+x+)+y…) and terms built to make matching work
// hard; the posts are built to trigger them. Each 100 KB post must finish well within a budget,
// and four times the text must cost about four times the time, not sixteen.

const INPUTS: Record<string, (n: number) => string> = {
  "a run of a's, then !": (n) => `${"a".repeat(n - 1)}!`,
  "a a a …": (n) => "a ".repeat(n / 2),
  "aa aa … b": (n) => `${"aa ".repeat(Math.floor(n / 3) - 1)}b`,
  "one long word": (n) => "x".repeat(n),
  "words of 5,000 letters": (n) => Array.from({ length: Math.floor(n / 5001) }, () => "k".repeat(5000)).join(" "),
  "death to putin, again and again": (n) => "death to putin ".repeat(Math.floor(n / 15)),
  "disguised and quoted": (n) => '"D3ath t0 Ｐｕｔｉｎ", he wrote — not K i l l, no. '.repeat(Math.floor(n / 48)),
};

let policies: CompiledPolicy[] = [];
beforeAll(async () => {
  const hostile = loadYamlPolicy("test/fixtures/hostile/rules/catastrophic-patterns.yaml").policy;
  const bundled = (await loadPolicy("meta-2022-03-10")).policy;
  if (!hostile || !bundled) throw new Error("policies did not load");
  policies = [hostile, bundled];
  for (const p of policies) evaluate({ text: "warm up: death to putin", country: "UA" }, p);
});

const time = (p: CompiledPolicy, text: string): number => {
  const t = performance.now();
  evaluate({ text, country: "UA" }, p);
  return performance.now() - t;
};

describe("evaluation time is linear in the post", () => {
  it("catastrophic patterns and hostile posts: 100 KB within budget, and four times the text about four times the time", () => {
    let small = 0;
    let large = 0;
    for (const p of policies) {
      for (const [name, make] of Object.entries(INPUTS)) {
        const text = make(100_000);
        expect(text.length).toBeGreaterThan(95_000);
        const t = time(p, text);
        expect(t, `${p.id}: ${name}`).toBeLessThan(4000);
        large += t;
        small += time(p, make(25_000));
      }
    }
    // Quadratic would be 16 times; allow for noise and fixed costs.
    expect(large, `25 KB: ${small.toFixed(0)} ms, 100 KB: ${large.toFixed(0)} ms`).toBeLessThan(8 * small + 500);
  }, 120_000);
});
