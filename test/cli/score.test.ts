import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkScenario, run, type Scenario } from "./run.js";

const MINI = "test/fixtures/mini/policy.yaml";
const V3 = "test/fixtures/timeline/v3.yaml";
const TIMELINE = "test/fixtures/timeline/mini.timeline.yaml";
const LABELS = "test/fixtures/score/labels.jsonl";
const CSV = "test/fixtures/score/labels.csv";
const DEV = "../shared/data/policy-cases.dev.jsonl";

// labels.jsonl under the mini policy (hand-checked): 7 labelled posts and 1 not; 5 right. Wrong: e
// ("Death to Putin" from PL, labelled violating, exempt by rule hos) and g ("they must die" from PL,
// labelled exempt|review, violating by rule v). Rows of the confusion matrix: violating [2 1 0 0],
// exempt [1 1 0 0], clear [0 0 2 0]. κ = (5/7 − 17/49)/(1 − 17/49) = 18/32; against label_b κ = 0.6.
const base = ["score", "--labels", LABELS, "--policy", MINI];
const json = (s: string) => JSON.parse(s) as { policies: Record<string, any>[]; gates: Record<string, unknown>[]; errors: number; errorRecords: unknown[]; records: number; labelField: string; classes: string[] };

const scenarios: Scenario[] = [
  {
    name: "--set gives every scored policy a setting for the run: two indicators needed, a call with one is exempt",
    args: ["score", "--labels", "test/fixtures/score/credible.jsonl", "--policy", "meta-2022-03-10", "--set", "credibility-threshold=2", "-f", "json"],
    exitCode: 0,
    stdout: (s) => expect(json(s).policies[0]?.accuracy).toMatchObject({ k: 1, n: 1 }),
  },
  {
    name: "without --set the bundled threshold holds: the same call is violating, and the label is missed",
    args: ["score", "--labels", "test/fixtures/score/credible.jsonl", "--policy", "meta-2022-03-10", "-f", "json"],
    exitCode: 0,
    stdout: (s) => expect(json(s).policies[0]?.accuracy).toMatchObject({ k: 0, n: 1 }),
  },
  {
    name: "--set of a setting the policy lacks is a usage error",
    args: [...base, "--set", "no-such-setting=1"],
    exitCode: 2,
    stderr: /--set: .*no-such-setting/,
  },
  {
    name: "text: the figures with their intervals, the rules, the confusion matrix, the wrong posts with why-not",
    args: [...base, "--show", "all"],
    exitCode: 0,
    stdout: (s) => {
      expect(s).toMatch(/^modpol score: 8 records from test\/fixtures\/score\/labels\.jsonl \(label: label\)\n/);
      expect(s).toMatch(/\naccuracy\s+71\.4% \[35\.9–91\.8\] 5\/7\n/);
      expect(s).toMatch(/\nκ against labels\s+0\.56\n/);
      expect(s).toMatch(/\nviolating\s+precision\s+66\.7% \[20\.8–93\.9\] 2\/3\n\s+recall\s+66\.7% \[20\.8–93\.9\] 2\/3\n\s+F1\s+0\.67\n/);
      expect(s).toMatch(/\nhos\s+1\s+1\s+0\.0% \[0\.0–79\.3\] 0\/1\s+violating 1\n/);
      expect(s).toMatch(/\nviolating\s+2\s+1\s+0\s+0\s+3\nexempt\s+1\s+1\s+0\s+0\s+2\n/);
      expect(s).toContain("e [PL] [Death to] [Putin]\n  expected violating, decided exempt by rule hos: hos\n");
      expect(s).toContain("  expected rule: rule v\n  why not violating?\n    ! rule v holds, but rule hos comes first and decides\n");
      expect(s).toContain("  expected rule: rule inv (the nearest that gives exempt)\n");
    },
  },
  {
    name: "two policies side by side, one column each",
    args: [...base, "--policy", V3, "-q"],
    exitCode: 0,
    stdout: (s) => {
      expect(s).toMatch(/\n\s+mini\s+mini-v3\n/);
      expect(s).toMatch(/\naccuracy\s+71\.4% \[35\.9–91\.8\] 5\/7\s+85\.7% \[48\.7–97\.4\] 6\/7\n/);
      expect(s).not.toContain("decided wrongly\n\n");
    },
  },
  {
    name: "json: figures, confusion, rules, groups and the misclassified posts with why-not",
    args: [...base, "-f", "json", "--by", "group"],
    exitCode: 0,
    stdout: (s) => {
      const doc = json(s);
      expect(doc.records).toBe(8);
      const p = doc.policies[0] as Record<string, any>;
      expect(p).toMatchObject({ policy: "mini", labelled: 7, unlabelled: 1, accuracy: { k: 5, n: 7 }, misclassified: 2 });
      expect(p.kappa).toBeCloseTo(18 / 32, 12);
      expect(p.confusion.matrix.violating).toEqual({ violating: 2, exempt: 1, clear: 0, review: 0 });
      expect(p.rules.map((r: { rule: string; decided: number; wrong: number }) => [r.rule, r.decided, r.wrong])).toEqual([["inv", 1, 0], ["hos", 1, 1], ["v", 3, 1], ["(default)", 2, 0]]);
      expect(p.groups.group.map((g: { value: string | null; accuracy: { k: number; n: number } }) => [g.value, g.accuracy.k, g.accuracy.n])).toEqual([["x", 2, 3], ["y", 2, 3], [null, 1, 1]]);
      expect(p.misses.map((m: { id: string }) => m.id)).toEqual(["e", "g"]);
      expect(p.misses[0]).toMatchObject({ expected: ["violating"], decision: "exempt", rule: "hos", expectedRule: { rule: "v", source: "label" }, whyNot: { decision: "violating" } });
      expect(p.misses[0].matches[1]).toEqual({ signal: "hos", term: "putin", text: "Putin", start: 9, end: 14 });
    },
  },
  {
    name: "--second-label: Cohen's κ between the two annotators",
    args: [...base, "-f", "json", "--second-label", "label_b"],
    exitCode: 0,
    stdout: (s) => {
      const a = json(s).policies[0]?.agreement as Record<string, number>;
      expect(a.n).toBe(7);
      expect(a.kappa).toBeCloseTo(0.6, 12);
      expect(a.observed).toBeCloseTo(5 / 7, 12);
    },
  },
  { name: "--min-recall violating=0.99 fails when a labelled violation is missed", args: [...base, "--min-recall", "violating=0.99", "-q"], exitCode: 1, stderr: /^modpol: mini: recall of violating 66\.7% \(2\/3\), below 99\.0% \(--min-recall violating=0\.99\)\n$/ },
  { name: "--min-precision clear=1 passes", args: [...base, "--min-precision", "clear=1", "-q"], exitCode: 0, stdout: /✓ mini: precision of clear 100\.0% \(2\/2\), at least 100\.0%/ },
  { name: "--min-accuracy as a share and as a percentage", args: [...base, "--min-accuracy", "70%", "--min-accuracy", "0.7", "-q"], exitCode: 0 },
  { name: "--min-accuracy above the accuracy fails", args: [...base, "--min-accuracy", "0.8", "-q"], exitCode: 1, stderr: /accuracy 71\.4% \(5\/7\), below 80\.0%/ },
  { name: "a gate on a class never labelled cannot pass", args: [...base, "--min-recall", "review=0.5", "-q"], exitCode: 1, stderr: /recall of review cannot be measured \(no post labelled review\)/ },
  { name: "--min-recall of an unknown class is a usage error, with a suggestion", args: [...base, "--min-recall", "violatin=0.9"], exitCode: 2, stderr: /--min-recall: 'violatin' is not a class scored here .*did you mean 'violating'/ },
  { name: "--min-accuracy 95 (no sign) is refused, not guessed", args: [...base, "--min-accuracy", "95"], exitCode: 2, stderr: /--min-accuracy: '95' is not a share such as 0\.95 or 95%/ },
  {
    name: "CSV labels, the label column named by --label-field (headers are case-insensitive)",
    args: ["score", "--labels", CSV, "--policy", MINI, "--label-field", "Label", "-f", "json"],
    exitCode: 0,
    stdout: (s) => expect(json(s).policies[0]).toMatchObject({ labelled: 7, unlabelled: 1, accuracy: { k: 5, n: 7 } }),
  },
  {
    name: "--positive: a yes/no column scored as two classes",
    args: ["score", "--labels", CSV, "--policy", MINI, "--label-field", "violent", "--positive", "violating", "-f", "json"],
    exitCode: 0,
    stdout: (s) => {
      const doc = json(s);
      expect(doc.classes).toEqual(["violating", "not violating"]);
      // violent=true: b c e g; decided violating: b c g → recall 3/4, precision 3/3.
      expect(doc.policies[0]?.classes[0]).toMatchObject({ class: "violating", support: 4, predicted: 3, hits: 3 });
    },
  },
  { name: "a yes/no label without --positive cannot be scored", args: ["score", "--labels", CSV, "--policy", MINI, "--label-field", "violent", "-q"], exitCode: 3, stdout: /invalid-label: .*labels\.csv:2: violent: a yes\/no label \(false\) needs --positive/ },
  {
    name: "records that cannot be scored are listed, the others scored, exit 3",
    args: ["score", "--labels", "test/fixtures/score/broken.jsonl", "--policy", MINI, "-f", "json"],
    exitCode: 3,
    stdout: (s) => {
      const doc = json(s);
      expect(doc.errors).toBe(3);
      expect(doc.errorRecords.map((e: any) => e.error.code)).toEqual(["invalid-label", "invalid-json", "missing-text"]);
      expect(doc.policies[0]).toMatchObject({ labelled: 2 });
    },
    stderr: /^modpol: 3 of 5 records could not be scored \(see the report\)\n$/,
  },
  {
    name: "a timeline: labels per version, rules named with their version",
    args: ["score", "--labels", "test/fixtures/score/by-version.jsonl", "--policy", TIMELINE, "-f", "json"],
    exitCode: 0,
    stdout: (s) => {
      const p = json(s).policies[0] as Record<string, any>;
      expect(p).toMatchObject({ policy: "mini-timeline", labelled: 3, accuracy: { k: 2, n: 3 } });
      expect(p.rules.map((r: { rule: string }) => r.rule)).toEqual(["mini-v2:hos", "mini-v3:hos-never"]);
    },
  },
  { name: "labels from stdin, JSONL", args: ["score", "--labels", "-", "--policy", MINI, "-q"], stdin: '{"text":"kill them","label":"violating"}\n', exitCode: 0, stdout: /accuracy\s+100\.0% \[20\.7–100\.0\] 1\/1/ },
  { name: "no labelled post: said, not an error", args: ["score", "--labels", "-", "--policy", MINI, "-q"], stdin: '{"text":"kill them","label":""}\n', exitCode: 0, stdout: /no post is labelled for the policies scored/ },
  { name: "no --labels", args: ["score", "--policy", MINI], exitCode: 2, stderr: /--labels: give the labelled posts/ },
  { name: "a labels file that does not exist", args: ["score", "--labels", "nope.jsonl"], exitCode: 2, stderr: /^modpol: --labels: cannot read 'nope\.jsonl': no such file\n$/ },
  { name: "a labels file read as plain lines", args: ["score", "--labels", "README.md"], exitCode: 2, stderr: /carry no labels: give a \.jsonl or \.csv file/ },
  { name: "a policy that cannot be loaded", args: ["score", "--labels", LABELS, "--policy", "no-such-policy"], exitCode: 2, stderr: /policy 'no-such-policy' not found/ },
  { name: "the same policy twice", args: [...base, "--policy", MINI], exitCode: 2, stderr: /is policy mini, already scored/ },
  { name: "an unknown format", args: [...base, "-f", "csv"], exitCode: 2, stderr: /argument 'csv' is invalid/ },
  { name: "--positive naming every decision", args: [...base, "--positive", "violating,exempt,clear,review"], exitCode: 2, stderr: /--positive: name the decisions a yes means/ },
];

describe("modpol score", () => {
  it.each(scenarios.map((s) => [s.name, s] as const))("%s", async (_, sc) => {
    await checkScenario(sc, expect);
  });

  it("--output writes the report to a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "modpol-score-"));
    try {
      const r = await run([...base, "-f", "html", "-o", join(dir, "r.html")]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("");
      expect(readFileSync(join(dir, "r.html"), "utf8")).toMatch(/^<!doctype html>/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync(DEV))("the development set: both bundled policies side by side, and the gate on violations", async () => {
    const r = await run(["score", "--labels", DEV, "--policy", "meta-2022-03-10", "--policy", "meta-2022-03-13", "-q"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n\s+meta-2022-03-10\s+meta-2022-03-13\n/);
    expect(r.stdout).toMatch(/\nposts labelled\s+63\s+63\n/);
    // A violation labelled as such but decided otherwise makes --min-recall violating=0.99 fail.
    const missed = `${readFileSync(DEV, "utf8")}{"id":"missed","text":"Glory to Ukraine!","country":"UA","expect":["violating"]}\n`;
    const g = await run(["score", "--labels", "-", "--policy", "meta-2022-03-13", "--min-recall", "violating=0.99", "-q"], missed);
    expect(g.code).toBe(1);
    expect(g.stderr).toMatch(/meta-2022-03-13: recall of violating 97\.6% \(40\/41\), below 99\.0%/);
  });
});
