import type { CaseSpec } from "../../src/compile/compile-cases.js";
import { runPolicyTests, totals } from "../../src/evaluate/run-tests.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";
import type { TestReport } from "../../src/report/test-format.js";

const spec = (over: Partial<CaseSpec>): CaseSpec => ({ id: "c", text: "", country: "UA", date: undefined, expect: ["clear"], rule: undefined, todo: false, note: undefined, file: "cases/mini.cases.yaml", line: 1, column: 5, origin: "cases", ...over });

/** A small, fixed test report over the mini policy: a pass, a failure, a known gap, a fixed gap, a skip. */
export function sampleReport(): TestReport {
  const policy = loadYamlPolicy("test/fixtures/mini/policy.yaml").policy!;
  const run = runPolicyTests(policy, [
    spec({ line: 3, text: "Death to the invaders!", expect: ["exempt"], rule: "inv" }),
    spec({ line: 5, text: "Death to the <invaders> & \"co\"", country: "DE", expect: ["exempt"], note: "outside the region" }),
    spec({ line: 7, text: "hello", expect: ["violating"], todo: "a known gap" }),
    spec({ line: 9, text: "kill", expect: ["violating"], todo: true }),
  ]);
  const skipped = [{ policy: "meta-baseline", spec: spec({ line: 11, text: "kill" }) }];
  return { runs: [run], skipped, totals: totals([run], skipped.length), minCoverage: 80 };
}
