import { describe, expect, it } from "vitest";
import { checkScenario, run, type Scenario } from "./run.js";

// `--set NAME=VALUE` on eval, test and diff, over a small policy with settings of every type.
const FIELDS = "test/fixtures/fields/policy.yaml";
const VERIFIED = '{"id":"a","text":"you idiot","account":{"type":"person","followers":50,"verified":true}}\n';
const lines = (s: string) => s.trim().split("\n").map((l) => JSON.parse(l));

const scenarios: Scenario[] = [
  { name: "a number setting changes the decision, and the reason names its new value", args: ["eval", "-p", FIELDS, "-f", "jsonl", "--input-format", "jsonl", "--set", "reach=5"], stdin: VERIFIED, exitCode: 0, stdout: (s) => {
      expect(lines(s)[0]).toMatchObject({ decision: "violating", rule: "reach", reason: "An insult from a verified account with 5 or more followers.", settings: { reach: 5 } });
    } },
  { name: "without --set the policy's own value holds and nothing is echoed", args: ["eval", "-p", FIELDS, "-f", "jsonl", "--input-format", "jsonl"], stdin: VERIFIED, exitCode: 0, stdout: (s) => {
      const [r] = lines(s);
      expect(r).toMatchObject({ decision: "violating", rule: "insult" });
      expect(r).not.toHaveProperty("settings");
    } },
  { name: "the last value of a name wins", args: ["eval", "-p", FIELDS, "-f", "jsonl", "--input-format", "jsonl", "--set", "reach=5000", "--set", "reach=5"], stdin: VERIFIED, exitCode: 0, stdout: (s) => {
      expect(lines(s)[0]).toMatchObject({ rule: "reach", settings: { reach: 5 } });
    } },
  { name: "a boolean setting", args: ["eval", "-p", FIELDS, "-f", "jsonl", "--input-format", "jsonl", "--set", "strict=true", "--set", "reach=5"], stdin: '{"text":"you idiot","account":{"followers":50}}\n', exitCode: 0, stdout: (s) => {
      expect(lines(s)[0]).toMatchObject({ rule: "reach", settings: { strict: true, reach: 5 } });
    } },
  { name: "the JSON document echoes the settings once", args: ["eval", "-p", FIELDS, "-f", "json", "--input-format", "jsonl", "--set", "reach=5"], stdin: VERIFIED, exitCode: 0, stdout: (s) => {
      expect(JSON.parse(s)).toMatchObject({ policy: { id: "fields-mini" }, settings: { reach: 5 }, results: [{ rule: "reach" }] });
    } },
  { name: "--explain shows the value given and the policy's own", args: ["eval", "-p", FIELDS, "--explain", "--input-format", "jsonl", "--set", "reach=5"], stdin: VERIFIED, exitCode: 0, stdout: /settings reach = 5 \(--set; the policy says 10000\), score = 0\.9/ },
  { name: "--why-not names the setting and its own value", args: ["eval", "-p", FIELDS, "--why-not", "violating", "--input-format", "jsonl", "--set", "reach=500000"], stdin: '{"text":"hello","account":{"followers":50}}\n', exitCode: 0, stdout: /why not violating\?/ },
  { name: "a string setting compared with an enum field takes one of its values", args: ["eval", "-p", FIELDS, "-f", "jsonl", "--input-format", "jsonl", "--set", "house-style=person"], stdin: VERIFIED, exitCode: 0, stdout: (s) => {
      expect(lines(s)[0]).toMatchObject({ decision: "review", rule: "press" });
    } },
  { name: "a value outside that enum is a usage error, with a suggestion", args: ["eval", "-p", FIELDS, "--set", "house-style=satyre", "x"], exitCode: 2, stderr: /--set: 'satyre' is not a value of enum field 'account\.type' \(person, satire, parody, media\), which setting 'house-style' is compared with \(did you mean 'satire'\?\)/ },
  { name: "a date setting must be a date", args: ["eval", "-p", FIELDS, "--set", "since=yesterday", "x"], exitCode: 2, stderr: /'yesterday' is not a date/ },
  { name: "a number setting must be a number", args: ["eval", "-p", FIELDS, "--set", "reach=lots", "x"], exitCode: 2, stderr: /--set: 'lots' is not a number, and setting 'reach' is one \(10000 in fields-mini\)/ },
  { name: "a boolean setting must be true or false", args: ["eval", "-p", FIELDS, "--set", "strict=yes", "x"], exitCode: 2, stderr: /'yes' is not true or false/ },
  { name: "an unknown setting is a usage error, with a suggestion", args: ["eval", "-p", FIELDS, "--set", "reech=3", "x"], exitCode: 2, stderr: /policy 'fields-mini' has no setting 'reech' \(did you mean 'reach'\?\)/ },
  { name: "not NAME=VALUE is a usage error", args: ["eval", "-p", FIELDS, "--set", "reach", "x"], exitCode: 2, stderr: /--set: 'reach' is not NAME=VALUE/ },
  { name: "bundled: at credibility-threshold=2 a call with one location is exempt, and the reason names the 2", args: ["eval", "--set", "credibility-threshold=2", "Putin must die in the Kremlin.", "--country", "PL"], exitCode: 0, stdout: /^exempt \[PL, en\] Putin must die in the Kremlin\.\n  rule heads-of-state: Calls for the death of Putin or Lukashenko are allowed when they name no other target and their indicators of credibility \(a location, a method\) stay below the threshold of 2\.\n/ },
  { name: "bundled: at credibility-threshold=1 the same call is credible, and the reason says so", args: ["eval", "--set", "credibility-threshold=1", "Putin must die in the Kremlin.", "--country", "PL"], exitCode: 0, stdout: /^violating \[PL, en\] Putin must die in the Kremlin\.\n  rule credible-head-of-state: A call for the death of Putin or Lukashenko with 1 or more indicators of credibility \(a location, a method\) is credible, and the exception does not cover it\.\n/ },
  { name: "bundled: the timeline takes a setting one of its versions has", args: ["eval", "-p", "meta-2022", "--at", "2022-03-11", "-f", "jsonl", "--set", "credibility-threshold=2", "-c", "PL", "Putin must die in the Kremlin."], exitCode: 0, stdout: (s) => {
      expect(lines(s)[0]).toMatchObject({ decision: "exempt", policy: "meta-2022-03-10", settings: { "credibility-threshold": 2 } });
    } },
  { name: "diff: the bundled policy against itself at another threshold", args: ["diff", "--from", "meta-2022-03-10", "--to", "meta-2022-03-10", "--set-to", "credibility-threshold=2", "-c", "PL", "Putin must die in the Kremlin."], exitCode: 0, stdout: /violating → exempt \[PL\][\s\S]*meta-2022-03-10 \(credibility-threshold=2\) exempt, rule heads-of-state/ },
  { name: "test: the embedded tests run under the value given, and say so", args: ["test", FIELDS, "--set", "reach=100000"], exitCode: 1, stdout: (s) => {
      expect(s).toMatch(/^with --set reach=100000 \(not the policies' own settings\)\n/);
      expect(s).toMatch(/1 failed/);
    } },
  { name: "test: json echoes the settings", args: ["test", FIELDS, "-f", "json", "--set", "reach=5"], exitCode: 0, stdout: (s) => {
      expect(JSON.parse(s)).toMatchObject({ settings: { reach: 5 }, totals: { failed: 0 } });
    } },
  { name: "test: a setting no policy of the run has", args: ["test", FIELDS, "--set", "nope=1"], exitCode: 2, stderr: /--set: no policy of the run has a setting 'nope' \(fields-mini\)/ },
  { name: "diff: a policy against itself under another value", args: ["diff", "--from", FIELDS, "--to", FIELDS, "--set-to", "reach=5", "--all", "--input-format", "jsonl"], stdin: VERIFIED, exitCode: 0, stdout: (s) => {
      expect(s).toMatch(/\n  fields-mini {11}violating, rule insult: Insults are removed\.\n/);
      expect(s).toContain("fields-mini (reach=5) violating, rule reach: An insult from a verified account with 5 or more followers.");
      expect(s).toContain("0 of 1 post change decision from fields-mini to fields-mini (reach=5) (1 unchanged, 1 of them decided by another rule)");
    } },
  { name: "diff: json echoes both sides' settings", args: ["diff", "--from", FIELDS, "--to", FIELDS, "--set-from", "strict=true", "--set", "reach=5", "-f", "json", "--input-format", "jsonl"], stdin: VERIFIED, exitCode: 0, stdout: (s) => {
      expect(JSON.parse(s).settings).toEqual({ from: { reach: 5, strict: true }, to: { reach: 5 } });
    } },
  { name: "diff: --set names a setting neither side has", args: ["diff", "--from", FIELDS, "--to", FIELDS, "--set", "nope=1", "x"], exitCode: 2, stderr: /--set: neither fields-mini nor fields-mini has a setting 'nope'/ },
  { name: "diff: --set-to checks the value against its side", args: ["diff", "--from", FIELDS, "--to", FIELDS, "--set-to", "reach=x", "x"], exitCode: 2, stderr: /--set-to: 'x' is not a number/ },
];

describe("--set (in-process scenarios)", () => {
  it.each(scenarios)("$name", (sc) => checkScenario(sc, expect));

  it("worker threads apply the same settings as the main thread", async () => {
    const stdin = Array.from({ length: 1200 }, (_, i) => JSON.stringify({ id: `p${i}`, text: i % 2 ? "you idiot" : "hello", account: { followers: i, verified: true } })).join("\n");
    const args = ["eval", "-p", FIELDS, "-f", "jsonl", "--input-format", "jsonl", "--set", "reach=600"];
    const one = await run([...args, "--jobs", "1"], stdin);
    const two = await run([...args, "--jobs", "2"], stdin);
    expect(one.code, one.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(lines(two.stdout).filter((r) => r.rule === "reach")).toHaveLength(300);
  }, 30000);
});
