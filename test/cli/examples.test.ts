import { describe, expect, it } from "vitest";
import { checkScenario, type Scenario } from "./run.js";

// The example policy of examples/officials/: harassment of public officials in German and French,
// written from the docs alone, with a satire exception and a follower threshold read from record
// fields. What the docs and README show of it must stay true.
const DIR = "examples/officials";
const V2 = `${DIR}/officials-harassment.yaml`;
const V1 = `${DIR}/officials-harassment.v1.yaml`;
const POSTS = "examples/officials-posts.jsonl";
const lines = (s: string) => s.trim().split("\n").map((l) => JSON.parse(l));

const scenarios: Scenario[] = [
  { name: "check is clean: no errors and no warnings", args: ["check", "--strict", DIR], exitCode: 0, stdout: /no problems in 4 files/ },
  { name: "the embedded tests pass with every rule covered", args: ["test", "-f", "json", DIR], exitCode: 0, stdout: (s) => {
      const doc = JSON.parse(s);
      expect(doc.totals).toMatchObject({ failed: 0, todo: 0 });
      expect(doc.policies.map((p: { id: string; coverage: { percent: number } }) => [p.id, p.coverage.percent])).toEqual([["officials-harassment-v1", 100], ["officials-harassment", 100]]);
    } },
  { name: "eval over the example records: satire exempt, wide reach removed, small accounts reviewed, threats removed", args: ["eval", "-p", V2, "-f", "jsonl", "--input", POSTS], exitCode: 0, stdout: (s) => {
      expect(lines(s).map((r) => `${r.id} ${r.decision} ${r.rule}`)).toEqual([
        "o01 exempt satire",
        "o02 violating wide-reach",
        "o03 review small-account",
        "o04 exempt satire",
        "o05 violating intimidation-never",
        "o06 violating intimidation-never",
        "o07 clear null",
        "o08 clear null",
        "o09 review uncovered-language",
        "o10 violating wide-reach",
      ]);
    } },
  { name: "diff between the two versions over nested records", args: ["diff", "--from", V1, "--to", V2, "-f", "jsonl", "--input", POSTS], exitCode: 0, stdout: (s) => {
      expect(lines(s).map((r) => `${r.id} ${r.from.decision}→${r.to.decision}`)).toEqual(["o01 violating→exempt", "o03 violating→review", "o04 violating→exempt", "o09 clear→review"]);
    } },
  { name: "--set reach: a higher threshold sends the 25,000-follower account to review, and the reason follows", args: ["eval", "-p", V2, "--set", "reach=50000", "-f", "jsonl", "--input", POSTS], exitCode: 0, stdout: (s) => {
      expect(lines(s)[1]).toMatchObject({ id: "o02", decision: "review", rule: "small-account", reason: "An insult of a public official from an account with fewer than 50000 followers goes to a person.", settings: { reach: 50000 } });
    } },
  { name: "a record without the required follower count is an error record", args: ["eval", "-p", V2, "-f", "jsonl", "--input-format", "jsonl"], stdin: '{"id":"x","text":"Der Bürgermeister ist ein Idiot.","account":{"type":"person"}}\n', exitCode: 3, stdout: (s) => {
      expect(lines(s)[0]).toEqual({ id: "x", line: 1, error: { code: "missing-field", message: 'the record has no "account.followers", a number field the policy requires' } });
    } },
  { name: "the same records as CSV with dotted headers", args: ["eval", "-p", V2, "-f", "csv", "--input-format", "csv"], stdin: "id,text,lang,account.type,account.followers\nc1,Le ministre est un guignol.,fr,parody,4300\nc2,Le ministre est un guignol.,fr,person,40000\n", exitCode: 0, stdout: (s) => {
      expect(s.trim().split("\n").slice(1).map((l) => l.split(",").slice(0, 3).join(" "))).toEqual(["c1 exempt satire", "c2 violating wide-reach"]);
    } },
];

describe("the example policy under examples/officials", () => {
  it.each(scenarios)("$name", (sc) => checkScenario(sc, expect));
});
