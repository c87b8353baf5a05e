import { describe, expect, it } from "vitest";
import { fillReason, parseSettingValue, reasonSettings, withSettings } from "../../src/compile/settings.js";
import type { CompiledPolicy } from "../../src/compile/types.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";

const policy: CompiledPolicy = (() => {
  const r = loadYamlPolicy("test/fixtures/fields/policy.yaml");
  if (!r.policy) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.policy;
})();

const parse = (name: string, raw: string) => {
  const r = parseSettingValue(policy, name, raw);
  return "value" in r ? r.value : `error: ${r.error}`;
};

describe("reasons that name settings", () => {
  it("finds each {setting} with its offsets, and only names written as settings are", () => {
    expect(reasonSettings("over {reach} and {score}; {not a name} {X}")).toEqual([
      { name: "reach", at: [5, 12] },
      { name: "score", at: [17, 24] },
    ]);
  });

  it("fills in values, leaving unknown names as written", () => {
    expect(fillReason("{reach} followers, {other}", new Map([["reach", 10000]]))).toBe("10000 followers, {other}");
  });

  it("are filled in when the policy is compiled", () => {
    expect(policy.rules.find((r) => r.id === "reach")?.reason).toBe("An insult from a verified account with 10000 or more followers.");
    expect(policy.fallback.reason).toBe("Nothing found (settings 10000 and 0.9).");
  });
});

describe("parseSettingValue", () => {
  it("reads a value as the type of the policy's own", () => {
    expect(parse("reach", "500")).toBe(500);
    expect(parse("score", " 0.5 ")).toBe(0.5);
    expect(parse("strict", "true")).toBe(true);
    expect(parse("since", "2024-01-01")).toBe("2024-01-01");
    expect(parse("house-style", "satire")).toBe("satire");
  });

  it("refuses what the setting's type or uses do not allow, saying why", () => {
    expect(parse("reach", "lots")).toBe("error: 'lots' is not a number, and setting 'reach' is one (10000 in fields-mini)");
    expect(parse("reach", "")).toMatch(/^error: '' is not a number/);
    expect(parse("strict", "yes")).toBe("error: 'yes' is not true or false, and setting 'strict' is one (false in fields-mini)");
    expect(parse("since", "last year")).toBe("error: 'last year' is not a date (YYYY-MM-DD or an ISO 8601 timestamp), and setting 'since' is compared with dates");
    expect(parse("house-style", "press")).toBe("error: 'press' is not a value of enum field 'account.type' (person, satire, parody, media), which setting 'house-style' is compared with");
    expect(parse("reech", "1")).toBe("error: policy 'fields-mini' has no setting 'reech' (did you mean 'reach'?)");
  });
});

describe("withSettings", () => {
  const post = { text: "you idiot", fields: { account: { type: "person", followers: 500, verified: true } } };

  it("changes conditions and reasons, and leaves the policy it was given as it was", () => {
    const changed = withSettings(policy, new Map([["reach", 100]]));
    expect(evaluate(post, policy).rule).toBe("insult");
    expect(evaluate(post, changed)).toMatchObject({ rule: "reach", reason: "An insult from a verified account with 100 or more followers." });
    expect(evaluate(post, policy).rule).toBe("insult");
    expect(changed.settings.get("reach")).toBe(100);
    expect(policy.settings.get("reach")).toBe(10000);
    expect(changed.settingsSet).toEqual(new Map([["reach", 10000]]));
    expect(Object.isFrozen(changed)).toBe(true);
  });

  it("changes a boolean setting that stands as a condition, a date and a text compared with an enum", () => {
    const unverified = { text: "you idiot", fields: { account: { type: "person", followers: 50000, created: "2023-01-01" } } };
    expect(evaluate(unverified, policy).rule).toBe("new-account");
    expect(evaluate(unverified, withSettings(policy, new Map([["strict", true]]))).rule).toBe("reach");
    expect(evaluate(unverified, withSettings(policy, new Map<string, string>([["since", "2024-01-01"]]))).rule).toBe("insult");
    const satire = { text: "you idiot", fields: { account: { type: "parody", followers: 1 } } };
    expect(evaluate({ ...satire, fields: { account: { type: "person", followers: 1 } } }, withSettings(policy, new Map([["house-style", "person"]]))).rule).toBe("press");
  });

  it("keeps the policy's own value when a setting is changed twice", () => {
    const twice = withSettings(withSettings(policy, new Map([["reach", 100]])), new Map([["reach", 5]]));
    expect(twice.settingsSet).toEqual(new Map([["reach", 10000]]));
    expect(twice.settings.get("reach")).toBe(5);
  });

  it("is the policy itself when nothing changes", () => {
    expect(withSettings(policy, new Map())).toBe(policy);
  });
});
