import { describe, expect, it } from "vitest";
import type { CompiledPolicy } from "../../src/compile/types.js";
import { checkRecord, evaluate, type Post } from "../../src/evaluate/evaluate.js";
import { explain } from "../../src/evaluate/explain.js";
import { whyNot } from "../../src/evaluate/why-not.js";
import { blameText } from "../../src/report/why-not-format.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";

function load(ref: string): CompiledPolicy {
  const r = loadYamlPolicy(ref);
  if (!r.policy) throw new Error(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("\n"));
  return r.policy;
}

const policy = load("test/fixtures/fields/policy.yaml");
const decide = (fields: Record<string, unknown>, text = "you idiot", extra: Partial<Post> = {}) => {
  const d = evaluate({ text, fields, ...extra }, policy);
  return `${d.decision} ${d.rule ?? "default"}`;
};

describe("conditions over record fields", () => {
  it("reads nested JSONL fields and dotted keys alike", () => {
    expect(decide({ account: { type: "satire", followers: 1 } })).toBe("exempt satire");
    expect(decide({ "account.type": "satire", "account.followers": 1 })).toBe("exempt satire");
  });

  it("tests membership of a string set and an inline comparison with a string setting", () => {
    expect(decide({ account: { type: "parody", followers: 1 } })).toBe("exempt satire");
    expect(decide({ account: { type: "media", followers: 1 } })).toBe("review press");
    expect(decide({ account: { handle: "troll2", followers: 1 } }, "hello")).toBe("review watched");
    expect(decide({ account: { handle: "troll3", followers: 1 } }, "hello")).toBe("clear default");
  });

  it("compares numbers with a setting, on both sides of the threshold", () => {
    expect(decide({ account: { type: "person", followers: 10000, verified: true } })).toBe("violating reach");
    expect(decide({ account: { type: "person", followers: 9999, verified: true } })).toBe("violating insult");
  });

  it("reads a boolean field as a condition: true only when present and true", () => {
    expect(decide({ account: { type: "person", followers: 50000, verified: false } })).toBe("violating insult");
    expect(decide({ account: { type: "person", followers: 50000 } })).toBe("violating insult");
  });

  it("compares dates as instants, whatever their form", () => {
    expect(decide({ account: { type: "person", followers: 1, created: "2022-01-01" } })).toBe("review new-account");
    expect(decide({ account: { type: "person", followers: 1, created: "2021-12-31T23:59:59Z" } })).toBe("violating insult");
    expect(decide({ account: { type: "person", followers: 1, created: "2022-01-01T01:00:00+03:00" } })).toBe("violating insult");
  });

  it("tests the items of a list field with contains", () => {
    expect(decide({ account: { followers: 1, labels: ["news", "bot"] } }, "hello")).toBe("review watched");
    expect(decide({ account: { followers: 1, labels: ["news"] } }, "hello")).toBe("clear default");
  });

  it("has() tells a present field from an absent one, and an absent field fails its comparisons", () => {
    expect(decide({ account: { followers: 1 }, scores: { violence: 0.97 } }, "hello")).toBe("review scored");
    expect(decide({ account: { followers: 1 }, scores: { violence: 0.5 } }, "hello")).toBe("clear default");
    expect(decide({ account: { followers: 1 } }, "hello")).toBe("clear default");
    expect(decide({ account: { followers: 1 }, scores: null }, "hello")).toBe("clear default");
  });

  it("!= is the negation of ==: it holds for a record without the field", () => {
    expect(decide({ account: { followers: 1 } }, "you idiot", { lang: "en" })).toBe("clear not-person");
    expect(decide({ account: { type: "person", followers: 1 } }, "you idiot", { lang: "en" })).toBe("violating insult");
  });

  it("uses the record's language like a field: in a string set", () => {
    expect(decide({ account: { followers: 1 } }, "you idiot", { lang: "en" })).toBe("clear not-person");
    // Unknown (too short to identify, and the record names none): in no set.
    expect(decide({ account: { followers: 1 } }, "you idiot")).toBe("violating insult");
  });

  it("reads a CSV row's text as the declared types", () => {
    const csv = (o: Record<string, string>) => decide(o, "you idiot", { fieldsAreText: true });
    expect(csv({ "account.type": "person", "account.followers": "12000", "account.verified": "TRUE" })).toBe("violating reach");
    expect(evaluate({ text: "hi", fields: { "account.followers": "1", "account.labels": "news | bot" }, fieldsAreText: true }, policy).rule).toBe("watched");
    expect(csv({ "account.followers": "1", "account.type": "" })).toBe("violating insult");
  });

  it("reads nothing from the prototype: a field named like an Object property is a field like any other", () => {
    const f = JSON.parse('{"account": {"followers": 1, "__proto__": {"type": "satire"}}}') as Record<string, unknown>;
    expect(decide(f)).toBe("violating insult");
    expect(checkRecord({ text: "x", fields: { account: Object.create({ followers: 3 }) as object } }, policy).map((p) => p.code)).toEqual(["missing-field"]);
  });
});

describe("checkRecord", () => {
  const problems = (fields: Record<string, unknown> | undefined, text = false) => checkRecord({ text: "x", fields, fieldsAreText: text }, policy).map((p) => `${p.code} ${p.field}: ${p.message}`);

  it("accepts a record whose declared fields are all well typed, or absent where optional", () => {
    expect(problems({ account: { followers: 3 } })).toEqual([]);
    expect(problems({ account: { followers: 3, type: "satire", labels: [], created: "2022-03-11T09:30:00Z", verified: false, handle: "" }, scores: { violence: 0 } })).toEqual([]);
  });

  it("reports a missing required field, a wrong type and an unknown enum value, each with its own code", () => {
    expect(problems(undefined)).toEqual(['missing-field account.followers: the record has no "account.followers", a number field the policy requires']);
    expect(problems({ account: { followers: "12k" } })).toEqual(['invalid-field-type account.followers: "account.followers" must be a number, not the text "12k"']);
    expect(problems({ account: { followers: 1, type: "satyre" } })).toEqual(['unknown-enum-value account.type: "account.type" is "satyre", which is not one of person, satire, parody, media (did you mean \'satire\'?)']);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["a list that holds a number", { labels: ["a", 1] }, "must be a list of strings, not a list"],
    ["a string for a list", { labels: "a" }, "must be a list of strings, not the text"],
    ["a number for a boolean", { verified: 1 }, "must be true or false, not number 1"],
    ["a text for a boolean", { verified: "yes" }, "must be true or false"],
    ["an invalid date", { created: "yesterday" }, "must be a date"],
    ["a number for a date", { created: 20220101 }, "must be a date"],
    ["a mapping for text", { handle: { at: "x" } }, "must be text, not a mapping"],
    ["infinity is no number", { followers: "Infinity" }, "must be a number"],
  ])("rejects %s", (_, account, message) => {
    expect(problems({ account: { followers: 1, ...account } }).join("\n")).toContain(message);
  });

  it("reads CSV text: numbers, booleans and dates from text, an empty cell as absent", () => {
    expect(problems({ "account.followers": " 12000 ", "account.verified": "false", "account.created": "2022-01-01" }, true)).toEqual([]);
    expect(problems({ "account.followers": "" }, true)).toEqual(['missing-field account.followers: the record has no "account.followers", a number field the policy requires']);
    expect(problems({ "account.followers": "12,000" }, true)).toEqual(['invalid-field-type account.followers: "account.followers" must be a number, not the text "12,000"']);
  });

  it("does not read JSON strings as numbers: in JSONL a type is a type", () => {
    expect(problems({ account: { followers: "12000" } })).toHaveLength(1);
  });
});

describe("explanations show field values", () => {
  it("lists every declared field with its value, absent ones as null", () => {
    const x = explain({ text: "you idiot", fields: { account: { type: "person", followers: 50000, labels: ["a"], created: "2022-03-01" } } }, policy);
    expect(x.fields).toEqual([
      { path: "account.type", type: "enum", value: "person" },
      { path: "account.followers", type: "number", value: 50000 },
      { path: "account.labels", type: "list", value: ["a"] },
      { path: "account.created", type: "date", value: "2022-03-01" },
      { path: "account.verified", type: "boolean", value: null },
      { path: "account.handle", type: "string", value: null },
      { path: "scores.violence", type: "number", value: null },
    ]);
    const reach = x.rules.find((r) => r.id === "reach");
    expect(JSON.stringify(reach?.trace)).toContain('{"text":"account.followers","value":50000,"operand":true}');
    expect(JSON.stringify(reach?.trace)).toContain('{"text":"account.verified","value":false,"children":[{"text":"account.verified","value":null,"operand":true}]}');
  });

  it("why-not names the field and its value, or that the record lacks it", () => {
    const w = whyNot({ text: "you idiot", fields: { account: { type: "person", followers: 500 } } }, policy, "exempt");
    expect(w.rules[0]?.failed.map((b) => blameText(b))).toEqual(['account.type in satire-accounts does not hold: account.type is "person"; satire-accounts is "parody" "satire"']);
    const v = whyNot({ text: "hello", fields: { account: { followers: 500 } } }, policy, "review");
    const scored = v.rules.find((r) => r.id === "scored");
    expect(scored?.failed.map((b) => blameText(b))).toEqual([
      "has(scores.violence) does not hold: the record has no scores.violence",
      "scores.violence > score is false: the record has no scores.violence, score = 0.9",
    ]);
  });
});
