import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkScenario, run, type Scenario } from "./run.js";

const POLICY = "test/fixtures/testing/policy.yaml";
const DIR = "test/fixtures/testing";


const scenarios: Scenario[] = [
  { name: "a policy and the case file beside it pass", args: ["test", POLICY], exitCode: 0, stdout: /^✓ testing \(test\/fixtures\/testing\/policy.yaml\): 7 cases, 6 passed, 1 todo\n[\s\S]*rule coverage: 2\/2 \(100%\)[\s\S]*✓ 7 cases: 6 passed, 0 failed, 1 todo, 0 skipped\n$/ },
  { name: "a failing case exits 1", args: ["test", DIR], exitCode: 1, stdout: /✗ 10 cases: 6 passed, 2 failed, 1 todo, 1 skipped\n$/ },
  { name: "-q prints only the failures and the totals", args: ["test", "-q", DIR], exitCode: 1, stdout: (s) => {
      expect(s).toMatch(/^✗ testing \(test\/fixtures\/testing\/policy.yaml\): 9 cases, 6 passed, 2 failed, 1 todo\n {2}✗ /);
      expect(s).not.toMatch(/todo: no way|skipped: policy|…/);
      expect(s).toMatch(/\n✗ 10 cases: 6 passed, 2 failed, 1 todo, 1 skipped\n$/);
    } },
  { name: "-q on a passing run prints the totals alone", args: ["test", "--quiet", POLICY], exitCode: 0, stdout: /^✓ 7 cases: 6 passed, 0 failed, 1 todo, 0 skipped\n$/ },
  { name: "--min-coverage passes at the coverage reached", args: ["test", "--min-coverage", "100", POLICY], exitCode: 0 },
  { name: "--min-coverage fails below it", args: ["test", "--min-coverage", "60%", "test/fixtures/lint/policy-a.yaml"], exitCode: 1, stdout: /rule coverage: 2\/4 \(50%\) below --min-coverage 60%/, stderr: /rule coverage below 60%: policy-a \(50%\)/ },
  { name: "--min-coverage must be a percentage", args: ["test", "--min-coverage", "lots", POLICY], exitCode: 2, stderr: /--min-coverage: 'lots' is not a percentage from 0 to 100/ },
  { name: "junit has one testcase per case", args: ["test", "-f", "junit", DIR], exitCode: 1, stdout: (s) => {
      expect(s).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="modpol" tests="10" failures="2" errors="0" skipped="2" time="[\d.]+">/);
      expect(s.match(/<testcase /g)).toHaveLength(10);
      expect(s).toContain('<failure message="expected exempt, got violating by rule any-call" type="decision">');
    } },
  { name: "json has the totals and every case", args: ["test", "-f", "json", POLICY], exitCode: 0, stdout: (s) => {
      const doc = JSON.parse(s);
      expect(doc.totals).toEqual({ total: 7, passed: 6, failed: 0, todo: 1, fixed: 0, skipped: 0, errors: 0 });
      expect(doc.policies[0].coverage).toMatchObject({ covered: 2, total: 2, percent: 100 });
    } },
  { name: "a policy that cannot be loaded exits 2", args: ["test", "test/fixtures/broken/unknown-key.yaml"], exitCode: 2, stderr: /unknown-key\.yaml:6:1: error unknown-key[\s\S]*1 policy could not be loaded/ },
  { name: "a broken case file exits 2", args: ["test", "test/fixtures/jsonl/policy.yaml"], exitCode: 2, stderr: /policy\.cases\.jsonl:5:50: error invalid-json/ },
  { name: "files that cannot be loaded fail the text report too, each named, and exit 2", args: ["test", "test/fixtures/testing-broken"], exitCode: 2, stdout: (s) => {
      expect(s).toContain("✗ test/fixtures/testing-broken/broken.cases.yaml could not be loaded: 5:38 yaml-syntax '[' is not closed: a '}' comes before its ']'\n");
      expect(s).toContain("✗ test/fixtures/testing-broken/typo.yaml could not be loaded: 2:1 missing-field missing required key 'default' in the file (and 1 more)\n");
      expect(s).toMatch(/\n✗ 1 case: 1 passed, 0 failed, 0 todo, 0 skipped; 2 files could not be loaded\n$/);
    } },
  { name: "junit: a file that cannot be loaded is an <error>, not a silent skip", args: ["test", "-f", "junit", "test/fixtures/testing-broken"], exitCode: 2, stdout: (s) => {
      expect(s).toMatch(/<testsuites name="modpol" tests="3" failures="0" errors="2" skipped="0" /);
      expect(s).toContain('<testsuite name="load errors" tests="2" failures="0" errors="2" skipped="0" time="0.000">');
      expect(s).toContain('<testcase name="test/fixtures/testing-broken/broken.cases.yaml" classname="modpol.load" file="test/fixtures/testing-broken/broken.cases.yaml" line="5" time="0.000">\n      <error message="test/fixtures/testing-broken/broken.cases.yaml could not be loaded: yaml-syntax');
      expect(s.match(/<error /g)).toHaveLength(2);
    } },
  { name: "json: load errors are counted in the totals and listed", args: ["test", "-f", "json", "test/fixtures/testing-broken"], exitCode: 2, stdout: (s) => {
      const doc = JSON.parse(s);
      expect(doc.totals).toEqual({ total: 1, passed: 1, failed: 0, todo: 0, fixed: 0, skipped: 0, errors: 2 });
      expect(doc.errors.map((e: { file: string; diagnostics: { code: string }[] }) => [e.file, e.diagnostics.map((d) => d.code)])).toEqual([
        ["test/fixtures/testing-broken/broken.cases.yaml", ["yaml-syntax"]],
        ["test/fixtures/testing-broken/typo.yaml", ["missing-field", "unknown-key"]],
      ]);
    } },
  { name: "a folder without policies is a usage error", args: ["test", "test/fixtures/check/cases"], exitCode: 2, stderr: /no policy files among the 2 rule files given/ },
  { name: "an unknown format is a usage error", args: ["test", "-f", "tap", POLICY], exitCode: 2 },
  { name: "a bundled policy id names its file", args: ["test", "meta-baseline"], exitCode: 0, stdout: /^✓ meta-baseline \(rules\/meta-baseline.yaml\)/ },
];

describe("modpol test (in-process scenarios)", () => {
  it.each(scenarios)("$name", (sc) => checkScenario(sc, expect));

  it("shows why a case failed: expected and actual, the evidence, what the expected rule lacked", async () => {
    const r = await run(["test", DIR]);
    expect(r.stdout).toMatchInlineSnapshot(`
      "✗ testing (test/fixtures/testing/policy.yaml): 9 cases, 6 passed, 2 failed, 1 todo
        … test/fixtures/testing/policy.cases.yaml:8:5 "Occupiers, go home!" [UA] (todo: no way to say 'go home' yet): expected review, got clear by the default
        ✗ test/fixtures/testing/regressions.cases.yaml:3:5 "Death to the occupiers!" [DE]
            expected exempt, got violating by rule any-call
            reason: any other call
            evidence: "Death to" (violent-call: death to), "occupiers" (invaders: occupier*)
            rule inv (exempt) does not hold: country in region ✗
        ✗ test/fixtures/testing/regressions.cases.yaml:4:5 "Death to the occupiers!" [UA]
            expected exempt by rule any-call, got exempt by rule inv
            reason: invaders in the region
            evidence: "Death to" (violent-call: death to), "occupiers" (invaders: occupier*)
            rule any-call (violating) holds, but rule inv comes first
        rule coverage: 2/2 (100%) — cases per rule: inv 3, any-call 4; default 1
      - 1 case in test/fixtures/testing/regressions.cases.yaml skipped: policy 'meta-baseline' is not loaded
      ✗ 10 cases: 6 passed, 2 failed, 1 todo, 1 skipped
      "
    `);
  });

  it("says so plainly when the expected rule decided but gives another decision than expected", async () => {
    const dir = mkdtempSync(join(tmpdir(), "modpol-same-rule-"));
    copyFileSync(POLICY, join(dir, "policy.yaml"));
    copyFileSync(join(DIR, "lexicons.yaml"), join(dir, "lexicons.yaml"));
    writeFileSync(join(dir, "x.cases.yaml"), 'cases:\n  - { text: "Death to the occupiers!", country: UA, expect: { testing: violating }, rule: { testing: inv } }\n');
    const r = await run(["test", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("rule inv (exempt) holds and decides, but gives exempt, not violating: the case's rule and decision disagree");
    expect(r.stdout).not.toContain("but rule inv comes first");
  });

  it("names the policies below --min-coverage", async () => {
    const dir = mkdtempSync(join(tmpdir(), "modpol-cov-"));
    const out = join(dir, "junit.xml");
    const r = await run(["test", "--min-coverage", "90", "-f", "junit", "-o", out, "test/fixtures/lint/policy-a.yaml"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("modpol: rule coverage below 90%: policy-a (50%)\n");
    expect(readFileSync(out, "utf8")).toContain('<property name="untested-rules" value="invaders-ok contradiction"/>');
  });
});
