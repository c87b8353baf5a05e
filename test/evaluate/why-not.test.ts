import { describe, expect, it } from "vitest";
import type { CompiledPolicy } from "../../src/compile/types.js";
import { whyNot, type Blame } from "../../src/evaluate/why-not.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";
import { loadPolicy } from "../../src/use-cases/load-policy.js";
import { whyNotLines, whyNotObject } from "../../src/report/why-not-format.js";
import { offsetsFor } from "../../src/report/eval-format.js";

function load(ref: string): CompiledPolicy {
  const r = loadYamlPolicy(ref);
  if (!r.policy) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.policy;
}

const mini = load("test/fixtures/mini/policy.yaml");
const brief = (bs: readonly Blame[]): string[] => bs.map((b) => `${b.text} needed ${b.want}`);

describe("why not (mini policy)", () => {
  it("a count that is too high: the comparison, its values, and which signals held on which words", () => {
    const w = whyNot({ text: "Death to Putin, shoot him", country: "UA" }, mini, "exempt");
    expect(w.decision.decision).toBe("violating");
    expect(w.already).toBe(false);
    expect(w.rules.map((r) => [r.id, r.holds, brief(r.failed)])).toEqual([
      ["inv", false, ["invaders needed true"]],
      ["hos", false, ["count(method) < threshold needed true"]],
    ]);
    const cmp = w.rules[1]?.failed[0];
    expect(cmp?.k === "compare" && [cmp.left.value, cmp.right.value, cmp.left.signals?.map((s) => [s.signal, s.holds, s.evidence.map((e) => e.text)])]).toEqual([1, 1, [["method", true, ["shoot"]]]]);
  });

  it("the country: which country the post is from and what the set holds", () => {
    const w = whyNot({ text: "Death to the invaders", country: "DE" }, mini, "exempt");
    const b = w.rules[0]?.failed[0];
    expect(b).toMatchObject({ k: "country-in", want: true, country: "DE", set: "region", codes: ["PL", "UA"] });
  });

  it("a signal whose match was set aside says why", () => {
    const w = whyNot({ text: "I don't want anyone to kill them", country: "UA" }, mini, "violating");
    const b = w.rules[0]?.failed[0];
    expect(b?.k === "signal" && b.discounted.map((d) => [d.evidence.text, d.why])).toEqual([["kill", expect.stringContaining("neg")]]);
  });

  it("a rule that holds but comes after the deciding one is pre-empted; the default is blocked by the rules that hold", () => {
    const pre = whyNot({ text: "Death to Putin", country: "UA" }, mini, "violating");
    expect(pre.rules).toMatchObject([{ id: "v", holds: true, preemptedBy: "hos", failed: [] }]);
    const clear = whyNot({ text: "Death to Putin", country: "UA" }, mini, "clear");
    expect(clear.rules).toEqual([]);
    expect(clear.fallback?.blockedBy.map((b) => [b.id, b.failed.map((x) => x.k)])).toEqual([
      ["hos", ["any"]],
      ["v", ["signal"]],
    ]);
  });

  it("a post that already has the decision says so", () => {
    const w = whyNot({ text: "Death to the invaders", country: "UA" }, mini, "exempt");
    expect(w.already).toBe(true);
    expect(whyNotLines(w)).toEqual(["  why not exempt? it is exempt, by rule inv"]);
  });

  it("text an analyst reads, and JSON with the same facts", () => {
    const w = whyNot({ text: "Death to Putin, shoot him", country: "UA" }, mini, "exempt");
    expect(whyNotLines(w).join("\n")).toMatchInlineSnapshot(`
      "  why not exempt?
          ✗ rule inv does not hold:
              ✗ invaders does not hold: nothing in the post matches it
          ✗ rule hos does not hold:
              ✗ count(method) < threshold is false: count(method) = 1 (method: "shoot"), threshold = 1"
    `);
    const o = whyNotObject(w, offsetsFor("Death to Putin, shoot him", "codepoint")) as { rules: { id: string; failed: Record<string, unknown>[] }[] };
    expect(o.rules[1]?.failed[0]).toMatchObject({ condition: "count(method) < threshold", kind: "compare", needed: true, left: { value: 1, signals: [{ signal: "method", holds: true, matches: [{ text: "shoot", start: 16, end: 21 }] }] }, right: { value: 1 } });
  });
});

describe("why not (bundled policy)", () => {
  it('"Someone should shoot Putin." from Ukraine is not exempt: "shoot" is a method', async () => {
    const p = (await loadPolicy("meta-2022-03-10")).policy!;
    const w = whyNot({ text: "Someone should shoot Putin.", country: "UA" }, p, "exempt");
    const hos = w.rules.find((r) => r.id === "heads-of-state");
    expect(hos?.holds).toBe(false);
    expect(hos?.failed.map((b) => b.text)).toEqual(["count(location, method) < credibility-threshold"]);
    const cmp = hos?.failed[0];
    expect(cmp?.k === "compare" && cmp.left.signals?.filter((s) => s.holds).map((s) => [s.signal, s.evidence.map((e) => e.text)])).toEqual([["method", ["shoot"]]]);
  });
});
