import { describe, expect, it } from "vitest";
import { checkScenario, run, type Scenario } from "./run.js";

const TIMELINE = "test/fixtures/timeline/mini.timeline.yaml";
const lines = (s: string) => s.trim().split("\n").map((l) => JSON.parse(l));
const dated = (dates: readonly (string | undefined)[], text = "Death to Putin", country = "PL") =>
  dates.map((date, i) => JSON.stringify({ id: String(i + 1), text, country, ...(date ? { date } : {}) })).join("\n");


const scenarios: Scenario[] = [
  { name: "posts dated 9, 11 and 14 March are decided by three different versions", args: ["eval", "-p", TIMELINE, "--input-format", "jsonl", "-f", "jsonl"], stdin: dated(["2022-03-09", "2022-03-11", "2022-03-14"]), exitCode: 0, stdout: (s) => {
      expect(lines(s).map((l) => [l.policy, l.decision, l.rule])).toEqual([["mini-v1", "violating", "v"], ["mini-v2", "exempt", "hos"], ["mini-v3", "violating", "hos-never"]]);
    } },
  { name: "boundaries: from is inclusive, until exclusive, timestamps in their own zone", args: ["eval", "-p", TIMELINE, "--input-format", "jsonl", "-f", "jsonl"], stdin: dated(["2022-03-10", "2022-03-12T23:59:59Z", "2022-03-13", "2022-03-13T01:00:00+03:00"]), exitCode: 0, stdout: (s) => {
      expect(lines(s).map((l) => l.policy)).toEqual(["mini-v2", "mini-v2", "mini-v3", "mini-v2"]);
    } },
  { name: "text says which version decided and for which date", args: ["eval", "-p", TIMELINE, "--at", "2022-03-11", "-c", "PL", "Death to Putin"], exitCode: 0, stdout: /^exempt \[PL\] Death to Putin\n {2}rule hos: heads of state without a method\n {2}version: mini-v2 \(from 2022-03-10 until 2022-03-13\), for a post dated 2022-03-11\n/ },
  { name: "--at dates posts that carry none; a post's own date wins", args: ["eval", "-p", TIMELINE, "--at", "2022-03-14", "--input-format", "jsonl", "-f", "jsonl"], stdin: dated([undefined, "2022-03-09"]), exitCode: 0, stdout: (s) => {
      expect(lines(s).map((l) => l.policy)).toEqual(["mini-v3", "mini-v1"]);
    } },
  { name: "a post with no date and no --at is an error record, and the run goes on (exit 3)", args: ["eval", "-p", TIMELINE, "--input-format", "jsonl", "-f", "jsonl"], stdin: dated([undefined, "2022-03-11"]), exitCode: 3, stdout: (s) => {
      const ls = lines(s);
      expect(ls[0]).toEqual({ id: "1", line: 1, error: { code: "missing-date", message: expect.stringContaining("give the post a date, or use --at DATE") } });
      expect(ls[1].policy).toBe("mini-v2");
    }, stderr: /1 of 2 records could not be evaluated/ },
  { name: "a date that is not ISO 8601 is an error record under a timeline", args: ["eval", "-p", TIMELINE, "--input-format", "jsonl", "-f", "jsonl"], stdin: dated(["March 11, 2022"]), exitCode: 3, stdout: /"code":"invalid-date"/ },
  { name: "under a single policy dates are ignored, as the docs say: a date in another format is no error", args: ["eval", "-p", "test/fixtures/timeline/v2.yaml", "--input-format", "jsonl", "-f", "jsonl"], stdin: dated(["yesterday", "11/03/2022"]), exitCode: 0, stdout: (s) => {
      expect(s.trim().split("\n").map((l) => JSON.parse(l).decision)).toEqual(["exempt", "exempt"]);
    } },
  { name: "the same dates under a timeline are error records", args: ["eval", "-p", TIMELINE, "--input-format", "jsonl", "-f", "jsonl"], stdin: dated(["yesterday", "11/03/2022"]), exitCode: 3, stdout: (s) => {
      expect(s.trim().split("\n").map((l) => JSON.parse(l).error.code)).toEqual(["invalid-date", "invalid-date"]);
    } },
  { name: "--at must be a date", args: ["eval", "-p", TIMELINE, "--at", "yesterday", "x"], exitCode: 2, stderr: /--at: 'yesterday' is not a date/ },
  { name: "json names the timeline and its versions", args: ["eval", "-p", TIMELINE, "--at", "2022-03-11", "-f", "json", "x"], exitCode: 0, stdout: (s) => {
      expect(JSON.parse(s).policy).toEqual({ id: "mini-timeline", title: "three versions of the mini policy", file: TIMELINE, timeline: true, versions: [{ id: "mini-v1", until: "2022-03-10" }, { id: "mini-v2", from: "2022-03-10", until: "2022-03-13" }, { id: "mini-v3", from: "2022-03-13" }] });
    } },
  { name: "why-not works per version", args: ["eval", "-p", TIMELINE, "--at", "2022-03-14", "-c", "PL", "--why-not", "exempt", "Death to the invaders"], exitCode: 0, stdout: /version: mini-v3[\s\S]*why not exempt\?\n {4}✗ rule inv does not hold:\n {8}✗ country in \[UA\] does not hold: the post is from PL/ },
  { name: "a broken timeline cannot be used: exit 2 with its problems", args: ["eval", "-p", "test/fixtures/broken/timelines/gap.timeline.yaml", "--at", "2022-03-11", "x"], exitCode: 2, stderr: /gap.timeline.yaml:5:7: error timeline-gap no version is in force from 2022-03-10 until 2022-03-13/ },
  { name: "check reports a gap at the version after it", args: ["check", "-f", "github", "test/fixtures/broken/timelines/gap.timeline.yaml"], exitCode: 1, stdout: /^::error file=test\/fixtures\/broken\/timelines\/gap.timeline.yaml,line=5,col=7,.*title=modpol timeline-gap::/ },
];

describe("timelines (in-process scenarios)", () => {
  it.each(scenarios)("$name", (sc) => checkScenario(sc, expect));

  it("the bundled timeline meta-2022: 9, 11 and 14 March 2022 are decided by the baseline, the 10 March and the 13 March versions", async () => {
    const r = await run(["eval", "-p", "meta-2022", "--input-format", "jsonl", "-f", "jsonl"], dated(["2022-03-09", "2022-03-11", "2022-03-14"], "Death to Putin!"));
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout).map((l) => [l.policy, l.decision, l.rule])).toEqual([
      ["meta-baseline", "violating", "violent-speech"],
      ["meta-2022-03-10", "exempt", "heads-of-state"],
      ["meta-2022-03-13", "violating", "heads-of-state-never"],
    ]);
  });

  it("worker threads pick versions too (large inputs)", async () => {
    const posts = Array.from({ length: 2600 }, (_, i) => JSON.stringify({ id: String(i), text: "Death to Putin", country: "PL", date: i % 2 ? "2022-03-11" : "2022-03-14" })).join("\n");
    const r = await run(["eval", "-p", TIMELINE, "--input-format", "jsonl", "-f", "jsonl", "-j", "2", "--why-not", "exempt"], posts);
    expect(r.code, r.stderr).toBe(0);
    const ls = lines(r.stdout);
    expect(ls).toHaveLength(2600);
    expect(ls.slice(2500).every((l, i) => l.policy === ((2500 + i) % 2 ? "mini-v2" : "mini-v3") && l.whyNot.decision === "exempt")).toBe(true);
  });
});
