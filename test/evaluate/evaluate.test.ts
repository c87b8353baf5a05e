import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { explain } from "../../src/evaluate/explain.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";

const mini = loadYamlPolicy("test/fixtures/mini/policy.yaml").policy!;

describe("evaluate", () => {
  it.each([
    ["Death to the Russian invaders!", "UA", "exempt", "inv"],
    ["Death to the Russian invaders!", "DE", "violating", "v"],
    ["Death to the Russian invaders!", null, "violating", "v"],
    ["Death to Putin", "PL", "exempt", "hos"],
    ["Death to Putin, shoot him", "PL", "violating", "v"],
    ["I don't want them to die, not even Putin", "UA", "clear", null],
    ["Good morning", "UA", "clear", null],
  ] as const)("%s (%s) → %s by %s", (text, country, decision, rule) => {
    const d = evaluate({ text, country }, mini);
    expect(d.decision).toBe(decision);
    expect(d.rule).toBe(rule);
    expect(d.policy).toBe("mini");
    expect(d.country).toBe(country);
  });

  it("is pure: the same input gives the same output, and the policy is frozen", () => {
    const a = evaluate({ text: "Death to Putin", country: "PL" }, mini);
    const b = evaluate({ text: "Death to Putin", country: "PL" }, mini);
    expect(a).toEqual(b);
    expect(Object.isFrozen(mini)).toBe(true);
  });

  // Each post with the words of the original text its evidence must cover, written out by hand:
  // the spans must land on what the user typed, disguises included, not on the normalised text.
  it.each([
    ["Death to Putin", ["Death to", "Putin"]],
    ["D3ath to Ｐｕｔｉｎ!!", ["D3ath to", "Ｐｕｔｉｎ"]],
    ["🇺🇦🇺🇦 DEATH\u200B TO   putin", ["DEATH\u200B TO", "putin"]],
    ["С.м.е.р.т.ь Пyтіну", ["С.м.е.р.т.ь", "Пyтіну"]],
    ["Smert okupantam", ["Smert", "okupantam"]],
    ["Deeeath to the inv4ders", ["Deeeath to", "inv4ders"]],
  ])("evidence spans point at the original characters: %s", (text, expected) => {
    const d = evaluate({ text, country: "UA" }, mini);
    expect(d.matches.map((m) => m.text)).toEqual(expected);
    for (const m of d.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it("names the signal and the lexicon term of each match", () => {
    const d = evaluate({ text: "Смерть окупантам", country: "UA" }, mini);
    expect(d.matches.map((m) => [m.signal, m.term, m.text])).toEqual([
      ["violent-call", "смерть", "Смерть"],
      ["invaders", "окупант*", "окупантам"],
    ]);
  });
});

describe("explain", () => {
  it("gives the same decision as evaluate, with the rules tried up to the deciding one", () => {
    const post = { text: "Death to Putin", country: "PL" };
    const x = explain(post, mini);
    expect({ decision: x.decision, rule: x.rule }).toEqual({ decision: "exempt", rule: "hos" });
    expect(x.rules.map((r) => [r.id, r.holds])).toEqual([["inv", false], ["hos", true]]);
    expect(x.rules[0]?.trace.children?.map((c) => [c.text, c.value])).toEqual([
      ["violent-call", true],
      ["country in region", true],
      ["invaders", false],
    ]);
  });

  it("records why a match did not count", () => {
    const x = explain({ text: "I don't say death to them. Death to Putin", country: "UA" }, mini);
    const call = x.signals.find((s) => s.name === "violent-call");
    expect(call?.discounted.map((d) => [d.evidence.text, d.why])).toEqual([["death to", 'excluded: neg "don\'t"']]);
    expect(call?.counted.map((e) => e.text)).toEqual(["Death to"]);
  });

  it("counts signals, not matches, in count()", () => {
    const x = explain({ text: "Death to Putin: shoot and poison him", country: "UA" }, mini);
    const hos = x.rules.find((r) => r.id === "hos");
    const cmp = hos?.trace.children?.[3];
    expect(cmp?.children?.map((c) => c.value)).toEqual([1, 1]);
  });
});

describe("a gap that excludes words", () => {
  it("matches across other words but never skips an excluded one", async () => {
    const { compilePolicy } = await import("../../src/compile/compile.js");
    const { detachedRef } = await import("../../src/load/yaml-file.js");
    const doc = {
      id: "gap",
      lexicons: { call: { terms: { pl: ["oby ~4!nie,nikt zginęli"] } } },
      signals: { call: { lexicon: "call" } },
      rules: [{ id: "r", when: "call", decision: "violating" as const, reason: "x" }],
      default: "clear" as const,
    };
    const p = compilePolicy({ policy: { doc, ref: detachedRef("gap.yaml") }, lexiconFiles: [] }).policy!;
    expect(evaluate({ text: "Oby wszyscy okupanci zginęli" }, p).decision).toBe("violating");
    expect(evaluate({ text: "Oby nikt więcej nie zginęli" }, p).decision).toBe("clear");
  });
});

describe("control characters", () => {
  it("a terminal escape before a word does not hide it, and evidence points at the word", () => {
    const text = "\u001b[31mDeath to Putin\u001b[0m";
    const d = evaluate({ text, country: "PL" }, mini);
    expect(d.decision).toBe("exempt");
    for (const m of d.matches) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
