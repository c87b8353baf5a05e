import { describe, expect, it } from "vitest";
import { checkPost, evaluate, explain, loadPolicy, whyNot } from "../../src/index.js";

// The library's evaluate, explain and whyNot are given posts by code that may pass anything: the
// post is checked and its country resolved as the command line does, never decided as something
// it is not.
const policy = (await loadPolicy("meta-2022-03-10")).policy!;

describe("the API checks the post it is given", () => {
  it.each(["Poland", "poland", "POLAND", "pl", " PL "])("resolves the country %j as the command line does (Poland, an exception country)", (country) => {
    const d = evaluate({ text: "Death to Putin!", country }, policy);
    expect([d.decision, d.country]).toEqual(["exempt", "PL"]);
    expect(explain({ text: "Death to Putin!", country }, policy).country).toBe("PL");
    expect(whyNot({ text: "Death to Putin!", country }, policy, "violating").decision.country).toBe("PL");
  });

  it.each([null, undefined, ""])("takes country %j as none", (country) => {
    expect(evaluate({ text: "Death to Putin!", country }, policy).country).toBeNull();
  });

  it.each([["Atlantis"], ["XX"], ["P"]])("refuses a country that names none: %j", (country) => {
    expect(() => evaluate({ text: "Death to Putin!", country }, policy)).toThrow(RangeError);
    expect(() => evaluate({ text: "Death to Putin!", country }, policy)).toThrow(/post\.country: '.*' is not an ISO 3166-1 code/);
  });

  it.each<[string, unknown]>([
    ["a number", 42],
    ["a symbol", Symbol("kill")],
    ["null", null],
    ["a list", ["kill them"]],
    ["an object", { toString: () => "kill them" }],
    ["nothing", undefined],
  ])("refuses a text that is %s instead of deciding it as text", (_, text) => {
    expect(() => evaluate({ text } as never, policy)).toThrow(TypeError);
    expect(() => explain({ text } as never, policy)).toThrow(/post\.text must be a string/);
  });

  it("refuses a post that is not an object, and a country that is not a string", () => {
    expect(() => evaluate("kill them" as never, policy)).toThrow(TypeError);
    expect(() => evaluate(null as never, policy)).toThrow(TypeError);
    expect(() => evaluate({ text: "x", country: 48 } as never, policy)).toThrow(/post\.country must be/);
  });

  it("returns the post checked: text as given, the country as a code, the language as its subtag", () => {
    expect(checkPost({ text: "x", country: "ukraine" })).toEqual({ text: "x", country: "UA" });
    expect(checkPost({ text: "x", lang: "pt-BR" })).toEqual({ text: "x", country: null, lang: "pt" });
    expect(() => checkPost({ text: "x", lang: "not a language" })).toThrow(RangeError);
    expect(() => checkPost({ text: "x", lang: 7 })).toThrow(TypeError);
    // The record's fields reach the engine (a check that rebuilt the post dropped them).
    expect(checkPost({ text: "x", fields: { account: { type: "satire" } }, fieldsAreText: false })).toEqual({ text: "x", country: null, fields: { account: { type: "satire" } }, fieldsAreText: false });
    expect(() => checkPost({ text: "x", fields: "account" })).toThrow(TypeError);
  });
});
