import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";

const r = loadYamlPolicy("test/fixtures/structure/policy.yaml");
const policy = r.policy!;

describe("structure features of the policy language", () => {
  it("compiles", () => {
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it.each([
    ["a stem matches its words", "kill them all", "violating"],
    ["but never an except word", "killers everywhere", "clear"],
    ["a quote after a colon is reported", "News: 'kill the invaders'", "clear"],
    ["the same quote endorsed is a call", "News: 'kill the invaders', and he was right", "violating"],
    ["without a colon, the exclusion does not apply", "'kill the invaders'", "violating"],
    ["a quote before a colon is a title", "'Kill the invaders': the story of a slogan", "clear"],
    ["a colon inside the poster's own sentence is no title", "Kill the invaders: all of them", "violating"],
    ["a quote that ends the post is no title", "He said: fine. 'kill the invaders'", "violating"],
    ["a hashtag names a topic", "#KillThem is trending", "clear"],
    ["the same words outside a hashtag are a call", "killthem now, the invaders", "violating"],
  ])("%s: %s", (_, text, decision) => {
    expect(evaluate({ text }, policy).decision).toBe(decision);
  });

  it.each([
    ["a record in a language of the policy", "en", "violating", "call"],
    ["a record in another language", "de", "clear", "other-language"],
  ])("lang conditions read the record's own language: %s", (_, lang, decision, rule) => {
    const d = evaluate({ text: "kill the invaders", lang }, policy);
    expect([d.decision, d.rule, d.lang]).toEqual([decision, rule, lang]);
  });

  it("scopes lexicons to the record's language: an English stem does not fire in Polish", () => {
    expect(evaluate({ text: "kill the invaders", lang: "pl" }, policy).decision).toBe("clear");
    expect(evaluate({ text: "giń", lang: "pl" }, policy).decision).toBe("review");
    expect(evaluate({ text: "giń", lang: "en" }, policy).decision).toBe("clear");
  });
});
