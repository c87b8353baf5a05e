import { beforeAll, describe, expect, it } from "vitest";
import type { CompiledPolicy } from "../../src/compile/types.js";
import type { WorkMeter } from "../../src/evaluate/context-index.js";
import { analyse, evaluate } from "../../src/evaluate/evaluate.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";
import { loadPolicy } from "../../src/use-cases/load-policy.js";

// No policy and no post can make evaluation super-linear. Patterns run on RE2 (linear by
// construction); what modpol adds on top, the context checks (near, clause start, after a colon,
// cue before or after), is measured here by the steps it counts, never by the clock: a loaded
// machine cannot fail these tests, and a quadratic change cannot pass them. A binary search per
// candidate is allowed (its log factor stays well inside the 2× per byte asked).

const INPUTS: Record<string, (n: number) => string> = {
  "a run of a's, then !": (n) => `${"a".repeat(n - 1)}!`,
  "a a a …": (n) => "a ".repeat(n / 2),
  "aa aa … b": (n) => `${"aa ".repeat(Math.floor(n / 3) - 1)}b`,
  "one long word": (n) => "x".repeat(n),
  "words of 5,000 letters": (n) => Array.from({ length: Math.floor(n / 5001) }, () => "k".repeat(5000)).join(" "),
  "death to putin, again and again": (n) => "death to putin ".repeat(Math.floor(n / 15)),
  "disguised and quoted": (n) => '"D3ath t0 Ｐｕｔｉｎ", he wrote — not K i l l, no. '.repeat(Math.floor(n / 48)),
};

/** The shapes that made context checks quadratic before (issue 17, item 5). */
const CUE_FLOODS: Record<string, (n: number) => string> = {
  "'and so ' × 300, then kill, repeated": (n) => `${"and so ".repeat(300)}kill `.repeat(Math.ceil(n / 2105)).slice(0, n),
  "many short sentences": (n) => "Kill them. ".repeat(Math.ceil(n / 11)).slice(0, n),
  "a call repeated": (n) => "Death to the Russian invaders, shoot them all! ".repeat(Math.ceil(n / 47)).slice(0, n),
};

let hostile: CompiledPolicy;
let bundled: CompiledPolicy;
beforeAll(async () => {
  const h = loadYamlPolicy("test/fixtures/hostile/rules/catastrophic-patterns.yaml").policy;
  const b = (await loadPolicy("meta-2022-03-10")).policy;
  if (!h || !b) throw new Error("policies did not load");
  hostile = h;
  bundled = b;
});

/** Context-check steps per byte of `text`. */
const stepsPerByte = (p: CompiledPolicy, text: string): number => {
  const meter: WorkMeter = { steps: 0 };
  analyse({ text, country: "UA" }, p, meter);
  return meter.steps / text.length;
};

/** Linear: a larger post costs at most twice the steps per byte of a small one (plus a little for tiny counts). */
const expectLinear = (p: CompiledPolicy, make: (n: number) => string, small: number, large: number, what: string): void => {
  const a = stepsPerByte(p, make(small));
  const b = stepsPerByte(p, make(large));
  expect(b, `${p.id}: ${what}: ${a.toFixed(3)} steps/byte at ${small} B, ${b.toFixed(3)} at ${large} B`).toBeLessThanOrEqual(2 * a + 0.05);
};

describe("evaluation work is linear in the post", () => {
  it.each(Object.keys(INPUTS))("catastrophic patterns and hostile posts: %s (25 KB vs 100 KB)", (name) => {
    const make = INPUTS[name] as (n: number) => string;
    for (const p of [hostile, bundled]) expectLinear(p, make, 25_000, 100_000, name);
  });

  it.each(Object.keys(CUE_FLOODS))("cue floods under a bundled policy: %s (10 KB vs 1 MiB)", (name) => {
    expectLinear(bundled, CUE_FLOODS[name] as (n: number) => string, 10_000, 1 << 20, name);
  }, 60_000);

  it("the meter counts: a cue flood costs steps, and the decision is the one without a meter", () => {
    const text = (CUE_FLOODS["many short sentences"] as (n: number) => string)(5_000);
    expect(stepsPerByte(bundled, text)).toBeGreaterThan(1);
    const metered = analyse({ text, country: "DE" }, bundled, { steps: 0 });
    expect(metered.states).toEqual(analyse({ text, country: "DE" }, bundled).states);
    expect(evaluate({ text, country: "DE" }, bundled).decision).toBe("violating");
  });
});
