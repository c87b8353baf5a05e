import { describe, expect, it } from "vitest";
import { checkScenario, run, type Scenario } from "./run.js";

const V2 = "test/fixtures/timeline/v2.yaml";
const V3 = "test/fixtures/timeline/v3.yaml";
const TIMELINE = "test/fixtures/timeline/mini.timeline.yaml";

// v2 → v3 narrows the exception to UA and drops heads of state.
const POSTS = [
  { id: "a", text: "Death to Putin", country: "PL" }, //          exempt → violating
  { id: "b", text: "Death to the invaders", country: "PL" }, //   exempt → violating
  { id: "c", text: "Death to the invaders", country: "UA" }, //   exempt, unchanged
  { id: "d", text: "hello", country: "UA" }, //                   clear, unchanged
  { id: "e", text: "kill them" }, //                              violating, unchanged, no country
  { id: "f", text: "Death to Putin, shoot him", country: "UA" }, // violating by another rule
].map((p) => JSON.stringify(p)).join("\n");

const base = ["diff", "--from", V2, "--to", V3, "--input-format", "jsonl"];
const lines = (s: string) => s.trim().split("\n").map((l) => JSON.parse(l));


const scenarios: Scenario[] = [
  { name: "two files with one id are named by their paths, not 'from X to X'", args: ["diff", "--from", "test/fixtures/mini/policy.yaml", "--to", "test/fixtures/diff/mini-threshold-2.yaml", "-c", "UA", "Death to Putin, shoot him"], exitCode: 0, stdout: (s) => {
      expect(s).toMatch(/\n {2}test\/fixtures\/mini\/policy.yaml +violating, rule v: violent\n {2}test\/fixtures\/diff\/mini-threshold-2.yaml exempt, rule hos: hos\n/);
      expect(s).toContain("1 of 1 post change decision from test/fixtures/mini/policy.yaml to test/fixtures/diff/mini-threshold-2.yaml");
      expect(s).not.toContain("from mini to mini");
    } },
  { name: "text: the changed posts, then the matrix and the by-country matrix", args: base, stdin: POSTS, exitCode: 0, stdout: (s) => {
      expect(s).toMatchInlineSnapshot(`
        "a exempt → violating [PL] Death to Putin
          mini-v2 exempt, rule hos: heads of state without a method
          mini-v3 violating, rule hos-never: never heads of state
          evidence: "Death to" (violent-call), "Putin" (hos)

        b exempt → violating [PL] Death to the invaders
          mini-v2 exempt, rule inv: invaders
          mini-v3 violating, rule v: violent
          evidence: "Death to" (violent-call), "invaders" (invaders)

        2 of 6 posts change decision from mini-v2 to mini-v3 (4 unchanged, 1 of them decided by another rule)

        rows: decision under mini-v2; columns: under mini-v3
        from \\ to  violating  exempt  clear  review  total
        violating          2       0      0       0      2
        exempt             2       1      0       0      3
        clear              0       0      1       0      1
        review             0       0      0       0      0
        total              4       1      1       0      6

        by country: posts per change of decision
        country  exempt→violating  unchanged  total
        PL                      2          0      2
        UA                      0          3      3
        (none)                  0          1      1
        all                     2          4      6
        "
      `);
    } },
  { name: "jsonl: one line per changed post, with both decisions, rules and evidence", args: [...base, "-f", "jsonl"], stdin: POSTS, exitCode: 0, stdout: (s) => {
      const ls = lines(s);
      expect(ls.map((l) => l.id)).toEqual(["a", "b"]);
      expect(ls[0]).toEqual({
        id: "a", country: "PL", changed: true,
        from: { decision: "exempt", rule: "hos", reason: "heads of state without a method", policy: "mini-v2", matches: [{ signal: "violent-call", term: "death to", text: "Death to", start: 0, end: 8 }, { signal: "hos", term: "putin", text: "Putin", start: 9, end: 14 }] },
        to: { decision: "violating", rule: "hos-never", reason: "never heads of state", policy: "mini-v3", matches: [{ signal: "violent-call", term: "death to", text: "Death to", start: 0, end: 8 }, { signal: "hos", term: "putin", text: "Putin", start: 9, end: 14 }] },
      });
    } },
  { name: "--all lists unchanged posts too", args: [...base, "-f", "jsonl", "--all"], stdin: POSTS, exitCode: 0, stdout: (s) => {
      expect(lines(s).map((l) => [l.id, l.changed, l.from.decision, l.to.decision])).toEqual([
        ["a", true, "exempt", "violating"], ["b", true, "exempt", "violating"], ["c", false, "exempt", "exempt"],
        ["d", false, "clear", "clear"], ["e", false, "violating", "violating"], ["f", false, "violating", "violating"],
      ]);
    } },
  { name: "json: one document with the matrix, its changes, and the same by country", args: [...base, "-f", "json"], stdin: POSTS, exitCode: 0, stdout: (s) => {
      const doc = JSON.parse(s);
      expect([doc.from.id, doc.to.id]).toEqual(["mini-v2", "mini-v3"]);
      expect(doc.results.map((r: { id: string }) => r.id)).toEqual(["a", "b"]);
      expect(doc.summary).toMatchObject({ total: 6, errors: 0, changed: 2, unchanged: 4, ruleChanged: 1, posts: 6, transitions: [{ from: "exempt", to: "violating", count: 2 }] });
      expect(doc.summary.matrix.exempt).toEqual({ violating: 2, exempt: 1, clear: 0, review: 0 });
      expect(Object.keys(doc.summary.byCountry)).toEqual(["PL", "UA", "none"]);
      expect(doc.summary.byCountry.PL).toMatchObject({ posts: 2, changed: 2, transitions: [{ from: "exempt", to: "violating", count: 2 }] });
      expect(doc.summary.byCountry.UA).toMatchObject({ posts: 3, changed: 0, transitions: [] });
      expect(doc.summary.byCountry.UA.matrix.violating.violating).toBe(1);
    } },
  { name: "csv: a header, then one row per changed post", args: [...base, "-f", "csv"], stdin: POSTS, exitCode: 0, stdout: (s) => {
      const rows = s.trim().split("\n");
      expect(rows[0]).toBe("id,country,changed,from_decision,from_rule,from_policy,to_decision,to_rule,to_policy,from_reason,to_reason,from_matches,to_matches,error_code,error_message");
      expect(rows[2]).toBe("b,PL,true,exempt,inv,mini-v2,violating,v,mini-v3,invaders,violent,violent-call:Death to@0-8; invaders:invaders@13-21,violent-call:Death to@0-8; invaders:invaders@13-21,,");
      expect(rows).toHaveLength(3);
    } },
  { name: "--summary puts the matrices on stderr for machine formats", args: [...base, "-f", "jsonl", "--summary"], stdin: POSTS, exitCode: 0, stderr: /^2 of 6 posts change decision[\s\S]*PL\s+2\s+0\s+2/ },
  { name: "-q prints only the matrices", args: [...base, "-q"], stdin: POSTS, exitCode: 0, stdout: /^2 of 6 posts change decision from mini-v2 to mini-v3 \(4 unchanged/ },
  { name: "--fail-on-change exits 1 when a decision changes", args: [...base, "-q", "--fail-on-change"], stdin: POSTS, exitCode: 1, stderr: /2 posts change decision .* \(--fail-on-change\)/ },
  { name: "--fail-on-change exits 0 when nothing changes", args: ["diff", "--from", V3, "--to", V3, "--fail-on-change", "-c", "PL", "Death to Putin"], exitCode: 0, stdout: /^0 of 1 post change decision/ },
  { name: "records that cannot be evaluated are reported in place, exit 3", args: [...base, "-f", "jsonl"], stdin: `${POSTS}\nnot json\n{"id":"g"}\n`, exitCode: 3, stdout: (s) => {
      expect(lines(s).map((l) => l.error?.code ?? l.id)).toEqual(["a", "b", "invalid-json", "missing-text"]);
    }, stderr: /2 of 8 records could not be evaluated/ },
  { name: "TEXT arguments and --country, like eval", args: ["diff", "--from", V2, "--to", V3, "-c", "Poland", "Death to Putin"], exitCode: 0, stdout: /^exempt → violating \[PL\] Death to Putin\n {2}mini-v2 exempt, rule hos: heads of state without a method\n {2}mini-v3 violating, rule hos-never: never heads of state\n/ },
  { name: "a timeline on one side picks its version by date", args: ["diff", "--from", TIMELINE, "--to", V3, "--input-format", "jsonl", "-f", "jsonl", "--all"], stdin: '{"id":"1","text":"Death to Putin","country":"PL","date":"2022-03-09"}\n{"id":"2","text":"Death to Putin","country":"PL","date":"2022-03-11"}\n{"id":"3","text":"Death to Putin","country":"PL"}\n', exitCode: 3, stdout: (s) => {
      const ls = lines(s);
      expect(ls.slice(0, 2).map((l) => [l.from.policy, l.from.decision, l.to.decision, l.changed])).toEqual([["mini-v1", "violating", "violating", false], ["mini-v2", "exempt", "violating", true]]);
      expect(ls[2].error).toEqual({ code: "missing-date", message: expect.stringMatching(/^--from test\/fixtures\/timeline\/mini.timeline.yaml: the post has no "date"/) });
    } },
  { name: "--from and --to are required", args: ["diff", "--from", V2, "x"], exitCode: 2, stderr: /required option '--to <id\|path>' not specified/ },
  { name: "a policy that cannot be loaded is exit 2", args: ["diff", "--from", V2, "--to", "no-such-policy", "x"], exitCode: 2, stderr: /no policy file or bundled policy named 'no-such-policy'/ },
  { name: "an unknown format is a usage error", args: ["diff", "--from", V2, "--to", V3, "-f", "xml", "x"], exitCode: 2, stderr: /argument 'xml' is invalid/ },
];

describe("modpol diff (in-process scenarios)", () => {
  it.each(scenarios)("$name", (sc) => checkScenario(sc, expect));

  it("the bundled versions over the example posts: Poland loses the exception, Ukraine keeps it", async () => {
    const r = await run(["diff", "--from", "meta-2022-03-10", "--to", "meta-2022-03-13", "--input", "examples/posts.jsonl", "-f", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const changed = new Map(doc.results.map((x: { id: string; country: string; from: { decision: string }; to: { decision: string } }) => [x.id, `${x.country} ${x.from.decision}→${x.to.decision}`]));
    expect(changed.get("p01")).toBe("PL exempt→violating"); // "Death to Putin!"
    expect(changed.get("p02")).toBe("PL exempt→violating"); // "Death to the Russian invaders!"
    expect(changed.has("p03")).toBe(false); //                 the same from Ukraine stays exempt
    expect(doc.summary.byCountry.UA.changed).toBe(0);
    expect(doc.summary.byCountry.PL.transitions).toEqual([{ from: "exempt", to: "violating", count: 3 }]);
  });
});
