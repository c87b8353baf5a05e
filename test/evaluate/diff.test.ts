import { describe, expect, it } from "vitest";
import { diffDecisions, DiffCounter, matrixTotals, transitions } from "../../src/evaluate/diff.js";
import type { Decision } from "../../src/evaluate/evaluate.js";
import { diffSummaryObject, diffSummaryText } from "../../src/report/diff-format.js";
import { PLAIN } from "../../src/report/style.js";

const d = (decision: Decision["decision"], rule: string | null, policy = "p"): Decision => ({ decision, rule, reason: "", policy, country: null, lang: null, matches: [] });

describe("comparing two decisions", () => {
  it("a change of decision, a change of rule only, or nothing", () => {
    expect(diffDecisions(d("exempt", "hos"), d("violating", "v"))).toMatchObject({ changed: true, ruleChanged: false });
    expect(diffDecisions(d("violating", "v"), d("violating", "hos-never"))).toMatchObject({ changed: false, ruleChanged: true });
    expect(diffDecisions(d("clear", null), d("clear", null))).toMatchObject({ changed: false, ruleChanged: false });
  });
});

describe("the transition matrix, overall and by country", () => {
  const c = new DiffCounter();
  c.add("PL", "exempt", "violating");
  c.add("PL", "exempt", "violating");
  c.add("PL", "clear", "clear");
  c.add("UA", "exempt", "exempt");
  c.add("UA", "review", "violating");
  c.add(null, "violating", "violating", true);
  c.addError();
  const sum = c.summary;

  it("counts as posts stream past", () => {
    expect([sum.total, sum.errors, sum.changed, sum.ruleChanged]).toEqual([7, 1, 3, 1]);
    expect(sum.matrix.exempt.violating).toBe(2);
    expect(sum.byCountry.get("PL")?.exempt.violating).toBe(2);
    expect(sum.byCountry.get("UA")?.review.violating).toBe(1);
    expect(transitions(sum.matrix)).toEqual([
      { from: "exempt", to: "violating", count: 2 },
      { from: "review", to: "violating", count: 1 },
    ]);
    expect(matrixTotals(sum.matrix)).toEqual({ posts: 6, unchanged: 3 });
  });

  it("as data for JSON", () => {
    const o = diffSummaryObject(sum) as Record<string, unknown> & { byCountry: Record<string, { changed: number; transitions: unknown[] }> };
    expect(o).toMatchObject({ total: 7, errors: 1, changed: 3, unchanged: 3, ruleChanged: 1, posts: 6 });
    expect(Object.keys(o.byCountry)).toEqual(["PL", "UA", "none"]);
    expect(o.byCountry.PL).toMatchObject({ posts: 3, changed: 2, transitions: [{ from: "exempt", to: "violating", count: 2 }] });
  });

  it("as text: the matrix, then one row per country with each change", () => {
    expect(diffSummaryText(sum, { from: "a", to: "b" }, PLAIN)).toMatchInlineSnapshot(`
      "3 of 6 posts change decision from a to b (3 unchanged, 1 of them decided by another rule, 1 record could not be evaluated)

      rows: decision under a; columns: under b
      from \\ to  violating  exempt  clear  review  total
      violating          1       0      0       0      1
      exempt             2       1      0       0      3
      clear              0       0      1       0      1
      review             1       0      0       0      1
      total              4       1      1       0      6

      by country: posts per change of decision
      country  exempt→violating  review→violating  unchanged  total
      PL                      2                 0          1      3
      UA                      0                 1          1      2
      (none)                  0                 0          1      1
      all                     2                 1          3      6
      "
    `);
  });
});
