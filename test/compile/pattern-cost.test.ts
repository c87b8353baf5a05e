import { describe, expect, it } from "vitest";
import { patternCost, patternSize } from "../../src/compile/pattern-size.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";

// A pattern runs over every character of every post, as a set of RE2 threads: one per instruction
// that reads a character, at most. That count is what a character costs, and what is bounded.

describe("the cost of a pattern per character of post (counted: RE2 threads)", () => {
  it.each([
    ["\\bkill(ed|ing)?\\b", 9],
    ["(kill|murder|shoot|stab)(ed|ing|s)?", 24],
    [".(.*){1,394}", 395],
    [".(.*){1,40}", 41],
    ["(a+)+$", 1],
  ])("%s keeps at most %i threads alive", (source, threads) => {
    expect(patternCost(source)).toBe(threads);
  });

  it("grows with a repeat's count, where size alone let ten costly patterns through", () => {
    // Each within the size limit of a pattern (2,000 instructions), ten within the total (20,000).
    expect(patternSize(".(.*){1,394}")).toBeLessThanOrEqual(2000);
    expect(patternCost(".(.*){1,394}")).toBeGreaterThan(100);
    expect(patternCost(".(.*){1,20}") * 2).toBeLessThanOrEqual(patternCost(".(.*){1,40}") + 1);
  });

  it("refuses a policy whose patterns cost more than MODPOL_MAX_PATTERN_COST, and warns of a costly one", () => {
    const r = loadYamlPolicy("test/fixtures/hostile/rules/costly-patterns.yaml");
    expect(r.policy).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.line, d.code])).toEqual([...Array.from({ length: 10 }, (_, i) => [9 + i, "pattern-too-costly"]), [22, "costly-pattern"]]);
    expect(r.diagnostics[0]?.message).toMatch(/up to 395 RE2 threads at once; .* the limit is 100 \(MODPOL_MAX_PATTERN_COST\)/);
    const raised = loadYamlPolicy("test/fixtures/hostile/rules/costly-patterns.yaml", { limits: { maxPatternCost: 5000 } });
    expect(raised.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("accepts the catastrophic patterns of a backtracking engine, cheap on RE2, but (.*a){20}'s 40 threads get a warning", () => {
    const r = loadYamlPolicy("test/fixtures/hostile/rules/catastrophic-patterns.yaml");
    expect(r.policy).toBeDefined();
    const costly = r.diagnostics.filter((d) => d.code === "costly-pattern" || d.code === "pattern-too-costly");
    expect(costly.map((d) => [d.code, d.message.match(/keep (\d+) RE2 threads/)?.[1]])).toEqual([["costly-pattern", "40"]]);
  });
});
