import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ruleFileJsonSchema, ruleFileJsonSchemaText } from "../../src/validate/json-schema.js";
import { run } from "./run.js";

const COMMITTED = "schema/policy.schema.json";

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith(".yaml") ? [join(dir, e.name)] : []));
}

describe("modpol schema", () => {
  it("prints the schema generated from the validator's definitions", async () => {
    const r = await run(["schema"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(ruleFileJsonSchemaText());
  });

  it("matches the committed schema/policy.schema.json (regenerate: node bin/modpol.js schema -o schema/policy.schema.json)", () => {
    expect(readFileSync(COMMITTED, "utf8")).toBe(ruleFileJsonSchemaText());
  });

  it("describes policies, library files, case files and timelines", () => {
    const s = ruleFileJsonSchema() as { $schema: string; anyOf: { $ref: string }[]; definitions: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
    expect(s.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(s.anyOf.map((x) => x.$ref)).toEqual(["#/definitions/policy-file", "#/definitions/library-file", "#/definitions/case-file", "#/definitions/timeline-file"]);
    expect(s.definitions["policy-file"]?.required).toEqual(["id", "rules", "default"]);
    expect(Object.keys(s.definitions["case"]?.properties ?? {})).toEqual(expect.arrayContaining(["text", "country", "expect", "rule", "todo"]));
    expect(s.definitions["timeline-file"]?.required).toEqual(["timeline"]);
  });

  it("is referenced by every bundled rule file, by a path that exists", () => {
    for (const f of yamlFiles("rules")) {
      const m = /^# yaml-language-server: \$schema=(\S+)$/m.exec(readFileSync(f, "utf8"));
      expect(m, f).not.toBeNull();
      expect(resolve(dirname(f), m![1]!), f).toBe(resolve(COMMITTED));
      expect(existsSync(resolve(dirname(f), m![1]!))).toBe(true);
    }
  });
});
