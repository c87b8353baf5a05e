import { describe, expect, it } from "vitest";
import { formatTestJson, formatTestText, missingParts } from "../../src/report/test-format.js";
import { sampleReport } from "./test-report.js";

describe("test output formats", () => {
  it("text: failures with expected and actual, the evidence and what the expected rule lacked", () => {
    expect(formatTestText(sampleReport())).toMatchInlineSnapshot(`
      "✗ mini (test/fixtures/mini/policy.yaml): 4 cases, 1 passed, 1 failed, 1 todo, 1 todo now passing
        ✗ cases/mini.cases.yaml:5:5 "Death to the <invaders> & "co"" [DE]
            expected exempt, got violating by rule v
            reason: violent
            evidence: "Death to" (violent-call: death to), "invaders" (invaders: invader*)
            rule inv (exempt) does not hold: country in region ✗
            rule hos (exempt) does not hold: country in region ✗, hos ✗
            note: outside the region
        … cases/mini.cases.yaml:7:5 "hello" [UA] (todo: a known gap): expected violating, got clear by the default
        ! cases/mini.cases.yaml:9:5 "kill" [UA]: marked todo but passes now; remove 'todo'
        rule coverage: 2/3 (66.6%) below --min-coverage 80% — cases per rule: inv 1, hos 0, v 1; default 0
        untested rules: hos
      - 1 case in cases/mini.cases.yaml skipped: policy 'meta-baseline' is not loaded
      ✗ 5 cases: 1 passed, 1 failed, 1 todo, 1 todo now passing, 1 skipped
      "
    `);
  });

  it("text: --verbose lists passing cases too", () => {
    expect(formatTestText(sampleReport(), { verbose: true })).toContain('✓ cases/mini.cases.yaml:3:5 "Death to the invaders!" [UA] → exempt by rule inv');
  });

  it("json: totals, coverage and every case", () => {
    const doc = JSON.parse(formatTestJson(sampleReport()));
    expect(doc.totals).toEqual({ total: 5, passed: 1, failed: 1, todo: 1, fixed: 1, skipped: 1, errors: 0 });
    expect(doc.policies[0].coverage.covered).toBe(2);
    expect(doc.policies[0].cases[1]).toMatchObject({ status: "fail", expect: ["exempt"], decision: "violating", rule: "v", mismatch: ["decision"], note: "outside the region" });
    expect(doc.policies[0].cases[1].expectedRules.map((r: { id: string }) => r.id)).toEqual(["inv", "hos"]);
    expect(doc.skipped).toEqual([{ policy: "meta-baseline", id: "c", file: "cases/mini.cases.yaml", line: 11, reason: "policy not loaded" }]);
  });

  it("says which parts of a condition were missing, as briefly as it can", () => {
    const trace = { text: "a and (b or c) and n < 2", value: false, children: [
      { text: "a", value: true },
      { text: "(b or c)", value: false, children: [{ text: "b", value: false }, { text: "c", value: false }] },
      { text: "n < 2", value: false, children: [{ text: "n", value: 3 }, { text: "2", value: 2 }] },
    ] };
    expect(missingParts(trace)).toEqual(["(b or c) ✗", "n < 2 ✗ (n = 3)"]);
  });
});
