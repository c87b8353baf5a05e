import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { BUNDLED_IDS } from "../../src/load/files.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";

describe.each(BUNDLED_IDS)("bundled policy %s", (id) => {
  const r = loadYamlPolicy(id);

  it("loads without errors", () => {
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.policy?.id).toBe(id);
  });

  it("has embedded tests covering every rule", () => {
    const p = r.policy;
    if (!p) throw new Error("policy did not load");
    const covered = new Set(p.tests.map((t) => t.rule).filter((x) => typeof x === "string"));
    expect(p.rules.map((x) => x.id).filter((x) => !covered.has(x))).toEqual([]);
  });

  const tests = r.policy?.tests ?? [];
  it.each(tests.map((t) => [`${t.text} (${t.country ?? "no country"})`, t] as const))("embedded test: %s", (_name, t) => {
    const d = evaluate({ text: t.text, country: t.country ?? null, lang: t.lang ?? null, fields: t.fields }, r.policy!);
    if (t.todo) return;
    expect({ decision: d.decision, rule: d.rule }).toEqual({ decision: t.expect, rule: t.rule === undefined ? d.rule : t.rule });
  });
});
