import { describe, expect, it } from "vitest";
import { labelFor, readLabel, ruleLabelFor } from "../../src/input/labels.js";
import { binaryScheme, DECISION_SCHEME } from "../../src/evaluate/score-scheme.js";

describe("readLabel: every shape a label comes in", () => {
  it.each([
    ["violating", { kind: "decisions", decisions: ["violating"] }],
    [" Exempt ", { kind: "decisions", decisions: ["exempt"] }],
    ["exempt|review", { kind: "decisions", decisions: ["exempt", "review"] }],
    ["exempt, review", { kind: "decisions", decisions: ["exempt", "review"] }],
    [["clear", "review", "clear"], { kind: "decisions", decisions: ["clear", "review"] }],
    ['["violating"]', { kind: "decisions", decisions: ["violating"] }],
    [true, { kind: "binary", value: true }],
    ["no", { kind: "binary", value: false }],
    ["1", { kind: "binary", value: true }],
    [0, { kind: "binary", value: false }],
    ["", { kind: "none" }],
    ["   ", { kind: "none" }],
    [null, { kind: "none" }],
    [undefined, { kind: "none" }],
    [[], { kind: "none" }],
  ])("%j", (value, want) => {
    expect(readLabel(value)).toEqual(want);
  });

  it("a map per policy, also written as JSON in a CSV cell", () => {
    for (const v of [{ a: ["exempt"], b: "violating" }, '{"a": ["exempt"], "b": "violating"}']) {
      const l = readLabel(v);
      expect(l.kind).toBe("by-policy");
      expect(labelFor(l, ["a"])).toEqual({ kind: "decisions", decisions: ["exempt"] });
      expect(labelFor(l, ["timeline", "b"])).toEqual({ kind: "decisions", decisions: ["violating"] });
      expect(labelFor(l, ["c"])).toEqual({ kind: "none" });
    }
  });

  it("says what is wrong with a label that is not one", () => {
    expect(readLabel("violatng", "label")).toEqual({ kind: "invalid", message: "label: 'violatng' is not a decision (violating, exempt, clear, review) (did you mean 'violating'?)" });
    expect(readLabel(7)).toMatchObject({ kind: "invalid" });
    expect(readLabel([1])).toMatchObject({ kind: "invalid" });
    expect(readLabel("{oops")).toMatchObject({ kind: "invalid", message: "label: '{oops' starts like JSON but is not JSON" });
    expect(readLabel({ a: { b: "clear" } })).toMatchObject({ kind: "invalid" });
  });

  it("rule labels: a rule, null for the default, or per policy", () => {
    expect(ruleLabelFor("inv", ["x"])).toBe("inv");
    expect(ruleLabelFor(null, ["x"])).toBeNull();
    expect(ruleLabelFor({ x: "hos", y: null }, ["x"])).toBe("hos");
    expect(ruleLabelFor({ x: "hos", y: null }, ["y"])).toBeNull();
    expect(ruleLabelFor({ x: "hos" }, ["z"])).toBeUndefined();
    expect(ruleLabelFor("", ["x"])).toBeUndefined();
  });
});

describe("schemes: the classes a label and a decision fall in", () => {
  it("by decision: a yes/no label needs --positive", () => {
    expect(DECISION_SCHEME.expected(readLabel("exempt|review"))).toEqual(["exempt", "review"]);
    expect(DECISION_SCHEME.expected(readLabel(""))).toBeUndefined();
    expect(DECISION_SCHEME.expected(readLabel(true))).toMatch(/needs --positive/);
  });

  it("binary: yes/no labels, and decision labels folded when they fall on one side", () => {
    const s = binaryScheme(["violating"]);
    expect(s.classes).toEqual(["violating", "not violating"]);
    expect(s.classOf("violating")).toBe("violating");
    expect(s.classOf("exempt")).toBe("not violating");
    expect(s.expected(readLabel(true))).toEqual(["violating"]);
    expect(s.expected(readLabel("false"))).toEqual(["not violating"]);
    expect(s.expected(readLabel("clear|review"))).toEqual(["not violating"]);
    expect(s.expected(readLabel("violating|review"))).toMatch(/both sides/);
    const two = binaryScheme(["violating", "exempt"]);
    expect(two.classes).toEqual(["violating|exempt", "not violating|exempt"]);
    expect(two.classOf("exempt")).toBe("violating|exempt");
  });
});
