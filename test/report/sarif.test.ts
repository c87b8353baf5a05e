import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES } from "../../src/base/diagnostic-codes.js";
import type { Diagnostic } from "../../src/base/diagnostics.js";
import { toSarif } from "../../src/report/sarif.js";

const ds: Diagnostic[] = [
  { file: "rules/my policy.yaml", line: 4, column: 5, endLine: 4, endColumn: 12, severity: "error", code: "unknown-key", message: "unknown key 'decison'" },
  { file: "rules/lexicons/uk.yaml", line: 9, column: 7, endLine: 9, endColumn: 15, severity: "warning", code: "duplicate-term", message: "'окупант*' is already listed" },
  { file: "/elsewhere/x.yaml", line: 1, column: 1, endLine: 1, endColumn: 2, severity: "info", code: "unknown-key", message: "m" },
];

describe("SARIF 2.1.0 for GitHub code scanning", () => {
  const log = toSarif(ds, { version: "0.1.0", srcRoot: "/work/repo", sources: new Map([["rules/lexicons/uk.yaml", "x\n".repeat(8) + "    - окупант*\n"]]) }) as any;
  const run = log.runs[0];

  it("is a 2.1.0 log with one run by modpol", () => {
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(run.tool.driver).toMatchObject({ name: "modpol", version: "0.1.0", semanticVersion: "0.1.0" });
    expect(run.columnKind).toBe("utf16CodeUnits");
    expect(run.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: "file:///work/repo/" } });
  });

  it("lists every code used as a rule, and results refer to it by id and index", () => {
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(["duplicate-term", "unknown-key"]);
    expect(run.tool.driver.rules[0]).toEqual({
      id: "duplicate-term",
      name: "DuplicateTerm",
      shortDescription: { text: "Duplicate term" },
      fullDescription: { text: `Duplicate term. ${DIAGNOSTIC_CODES["duplicate-term"]!.help}` },
      help: { text: DIAGNOSTIC_CODES["duplicate-term"]!.help, markdown: expect.stringContaining("**Duplicate term.**") },
      defaultConfiguration: { level: "warning" },
      properties: { tags: ["modpol", "maintainability"] },
    });
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it("gives 1-based regions with exclusive end columns and relative, encoded URIs", () => {
    expect(run.results[0]).toMatchObject({
      ruleId: "unknown-key",
      level: "error",
      message: { text: "unknown key 'decison'" },
      locations: [{ physicalLocation: { artifactLocation: { uri: "rules/my%20policy.yaml", uriBaseId: "%SRCROOT%" }, region: { startLine: 4, startColumn: 5, endLine: 4, endColumn: 12 } } }],
    });
    expect(run.results[2].level).toBe("note");
    expect(run.results[2].locations[0].physicalLocation.artifactLocation).toEqual({ uri: "file:///elsewhere/x.yaml" });
  });

  it("fingerprints a finding by its file, code, message and line text, not its line number", () => {
    const moved = toSarif([{ ...ds[1]!, line: 10, endLine: 10 }], { version: "0.1.0", srcRoot: "/work/repo", sources: new Map([["rules/lexicons/uk.yaml", "x\n".repeat(9) + "    - окупант*\n"]]) }) as any;
    expect(moved.runs[0].results[0].partialFingerprints).toEqual(run.results[1].partialFingerprints);
  });

  it("describes every code check can report", () => {
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(info.title.length).toBeGreaterThan(3);
    }
  });
});
