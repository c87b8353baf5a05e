import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCaseFile } from "../../src/use-cases/load-case-file.js";
import { compileCases } from "../../src/compile/compile-cases.js";
import { defaultRulePaths, findRuleFiles, ruleFileKind } from "../../src/load/discover.js";
import { BUNDLED_DIR } from "../../src/load/files.js";
import { checkWorkspace, loadWorkspace, MissingPathsError, workspaceCases } from "../../src/use-cases/workspace.js";
import { asMarks, marksUnder } from "../helpers/marks.js";

const cwd = process.cwd();

describe("checking a folder of rule files (test/fixtures/check)", () => {
  it("reports every marked problem, in case files and lone libraries too, and nothing else", () => {
    const ds = checkWorkspace(loadWorkspace(["test/fixtures/check"], { cwd }));
    expect(asMarks(ds)).toEqual(marksUnder("test/fixtures/check"));
  });

  it("resolves case files against the loaded policies", () => {
    const ws = loadWorkspace(["test/fixtures/check/first.yaml", "test/fixtures/check/cases/names.cases.yaml"], { cwd });
    const c = workspaceCases(ws);
    expect(c.byPolicy.get("check-mini")?.map((s) => [s.line, s.expect, s.rule, s.country])).toEqual([
      [9, ["violating"], "r2", undefined],
      [10, ["exempt"], undefined, "PL"],
    ]);
    // meta-baseline is bundled but not loaded here; check-mimi is neither.
    expect(c.skipped.map((s) => s.policy)).toEqual(["check-mimi", "meta-baseline"]);
  });

  it("refuses paths that do not exist", () => {
    expect(() => loadWorkspace(["no/such/folder"], { cwd })).toThrow(MissingPathsError);
  });
});

describe("JSONL case files", () => {
  const file = "test/fixtures/jsonl/policy.cases.jsonl";

  it("reports bad lines where they are and keeps the good ones", () => {
    const c = loadCaseFile(join(cwd, file), { cwd });
    expect(c.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(["5:50 invalid-json", "6:1 missing-field", "7:51 invalid-value"]);
    expect(c.diagnostics[1]?.message).toBe("missing required key 'text' in this line");
    expect(c.entries.map((e) => e.doc.id)).toEqual(["j1", "j2", "j3", "j7", "j8"]);
  });

  it("applies a list of decisions to every loaded policy, and a map to the policies it names", () => {
    const c = loadCaseFile(join(cwd, file), { cwd });
    const r = compileCases(c.entries, new Map([["mini", ["inv", "hos", "v"]]]), ["meta-baseline"]);
    expect(r.byPolicy.get("mini")?.map((s) => [s.id, s.expect])).toEqual([
      ["j1", ["exempt"]],
      ["j2", ["violating", "review"]],
      ["j3", ["clear"]],
      ["j8", ["exempt"]],
    ]);
    expect(r.skipped.map((s) => `${s.spec.id}:${s.policy}`)).toEqual(["j3:meta-baseline"]);
    expect(r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(["8:42 invalid-country"]);
  });
});

describe("finding rule files", () => {
  it("searches folders recursively, skipping hidden folders, in a stable order", () => {
    const dir = mkdtempSync(join(tmpdir(), "modpol-find-"));
    mkdirSync(join(dir, "sub"));
    mkdirSync(join(dir, ".hidden"));
    for (const f of ["b.yaml", "a.yml", "sub/c.cases.jsonl", ".hidden/x.yaml", "notes.txt"]) writeFileSync(join(dir, f), "x: 1\n");
    const { files, missing } = findRuleFiles([dir, "nope"], cwd);
    expect(files.map((f) => relative(dir, f.abs))).toEqual(["a.yml", "b.yaml", join("sub", "c.cases.jsonl")]);
    expect(missing).toEqual(["nope"]);
  });

  it("brings the case files beside a policy named on its own", () => {
    const { files } = findRuleFiles(["test/fixtures/jsonl/policy.yaml"], cwd);
    expect(files.map((f) => relative(cwd, f.abs))).toEqual(["test/fixtures/jsonl/policy.yaml", "test/fixtures/jsonl/policy.cases.jsonl"]);
  });

  it("tells policies, libraries and case files apart by name and top-level keys", () => {
    expect(ruleFileKind("a.yaml", "# c\nid: x\nrules: []\n")).toBe("policy");
    expect(ruleFileKind("a.yaml", "language: en\nlexicons:\n  id: [x]\n")).toBe("library");
    expect(ruleFileKind("a.yaml", "signals: {}\n")).toBe("library");
    expect(ruleFileKind("a.yaml", "cases: []\n")).toBe("cases");
    expect(ruleFileKind("x.cases.yaml", "")).toBe("cases");
    expect(ruleFileKind("x.jsonl", "{}")).toBe("cases");
  });

  it("defaults to ./rules, else the bundled rules", () => {
    expect(defaultRulePaths(cwd)).toEqual([join(cwd, "rules")]);
    expect(defaultRulePaths(tmpdir())).toEqual([BUNDLED_DIR]);
  });
});
