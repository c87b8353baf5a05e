import { describe, expect, it } from "vitest";
import type { CaseSpec } from "../../src/compile/compile-cases.js";
import { coverageOf, runPolicyTests, totals } from "../../src/evaluate/run-tests.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";

const policy = loadYamlPolicy("test/fixtures/mini/policy.yaml").policy!;

const spec = (over: Partial<CaseSpec>): CaseSpec => ({ id: "c", text: "", country: "UA", date: undefined, expect: ["clear"], rule: undefined, todo: false, note: undefined, file: "f.yaml", line: 1, column: 1, origin: "cases", ...over });

describe("running cases against a policy", () => {
  const run = runPolicyTests(policy, [
    spec({ text: "Death to the invaders!", expect: ["exempt"], rule: "inv" }),
    spec({ text: "Death to the invaders!", country: "DE", expect: ["exempt", "review"] }),
    spec({ text: "kill them", expect: ["violating"], rule: "hos" }),
    spec({ text: "hello", expect: ["violating"], todo: "a known gap" }),
    spec({ text: "hello", expect: ["clear"], rule: null, todo: true }),
  ]);

  it("passes, fails, and reports known gaps without failing", () => {
    expect(run.outcomes.map((o) => [o.status, o.mismatch])).toEqual([
      ["pass", []],
      ["fail", ["decision"]],
      ["fail", ["rule"]],
      ["todo", ["decision"]],
      ["fixed", []],
    ]);
    expect(totals([run], 2)).toEqual({ total: 7, passed: 1, failed: 2, todo: 1, fixed: 1, skipped: 2, errors: 0 });
  });

  it("explains a failure: the evidence, and why the expected rule did not decide", () => {
    const o = run.outcomes[1]!;
    expect(o.decision).toMatchObject({ decision: "violating", rule: "v" });
    expect(o.detail?.explanation.matches.map((m) => m.text)).toEqual(["Death to", "invaders"]);
    expect(o.detail?.expectedRules.map((r) => [r.id, r.holds])).toEqual([["inv", false], ["hos", false]]);
    const wrongRule = run.outcomes[2]!;
    expect(wrongRule.detail?.expectedRules.map((r) => r.id)).toEqual(["hos"]);
  });

  it("measures which rules the cases reach, not counting known gaps", () => {
    expect(run.coverage).toEqual({
      rules: [
        { id: "inv", decision: "exempt", hits: 1 },
        { id: "hos", decision: "exempt", hits: 0 },
        { id: "v", decision: "violating", hits: 2 },
      ],
      defaultHits: 0,
      covered: 2,
      total: 3,
      percent: (100 * 2) / 3,
    });
    expect(coverageOf(policy, []).percent).toBe(0);
  });

  it("times cases only with a clock", () => {
    expect(run.outcomes.every((o) => o.ms === 0)).toBe(true);
    let t = 0;
    const timed = runPolicyTests(policy, [spec({ text: "hello" })], () => (t += 5));
    expect(timed.outcomes[0]?.ms).toBe(5);
  });
});
