import { existsSync, mkdirSync, mkdtempSync, readFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkScenario, run, type Scenario } from "./run.js";

const BROKEN = "test/fixtures/broken/unknown-key.yaml";
const LINT = "test/fixtures/lint";


const scenarios: Scenario[] = [
  { name: "an error exits 1, shown with its line and a caret", args: ["check", BROKEN], exitCode: 1, stdout: /unknown-key unknown key 'decison' in 'rules.0' \(did you mean 'decision'\?\)\n {2}12 \| {5}decison: violating\n {5}\| {5}\^{7}\n/ },
  { name: "a misspelt key in one rule and an unknown signal in another: both in one run", args: ["check", "-f", "json", "test/fixtures/broken/one-run-every-problem.yaml"], exitCode: 1, stdout: (s) => {
      const codes = (JSON.parse(s) as { diagnostics: { line: number; code: string }[] }).diagnostics.map((d) => `${d.line} ${d.code}`);
      expect(codes).toContain("25 unknown-key");
      expect(codes).toContain("29 unknown-signal");
    } },
  { name: "warnings alone exit 0", args: ["check", LINT], exitCode: 0, stdout: /⚠ 17 problems \(0 errors, 17 warnings\) in 5 files\n$/ },
  { name: "--strict makes warnings fail", args: ["check", "--strict", LINT], exitCode: 1 },
  { name: "--quiet reports errors only", args: ["check", "-q", LINT], exitCode: 0, stdout: /^✓ no problems in 5 files\n$/ },
  { name: "--quiet --strict still fails on warnings, and shows them", args: ["check", "-q", "--strict", LINT], exitCode: 1, stdout: /⚠ 17 problems \(0 errors, 17 warnings\) in 5 files\n$/ },
  { name: "json is one document with a summary", args: ["check", "-f", "json", BROKEN], exitCode: 1, stdout: (s) => {
      const doc = JSON.parse(s);
      expect(doc.summary).toEqual({ files: 1, errors: 3, warnings: 0, infos: 0 });
      expect(doc.diagnostics.map((d: { code: string }) => d.code)).toEqual(["unknown-key", "missing-field", "unknown-key"]);
    }, stderr: /✖ 3 problems \(3 errors, 0 warnings\) in 1 file\n/ },
  { name: "sarif lists the codes as rules", args: ["check", "-f", "sarif", BROKEN], exitCode: 1, stdout: (s) => {
      const run0 = JSON.parse(s).runs[0];
      expect(run0.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(["missing-field", "unknown-key"]);
      expect(run0.results).toHaveLength(3);
      expect(run0.results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: BROKEN, uriBaseId: "%SRCROOT%" }, region: { startLine: 6, startColumn: 1, endLine: 6, endColumn: 6 } });
    } },
  { name: "github prints workflow commands", args: ["check", "-f", "github", BROKEN], exitCode: 1, stdout: (s) => {
      expect(s).toMatchInlineSnapshot(`
        "::error file=test/fixtures/broken/unknown-key.yaml,line=6,col=1,endLine=6,endColumn=6,title=modpol unknown-key::unknown-key: unknown key 'rulez' in the file (did you mean 'rules'?)
        ::error file=test/fixtures/broken/unknown-key.yaml,line=9,col=5,endLine=9,endColumn=11,title=modpol missing-field::missing-field: missing required key 'decision' in 'rules.0'
        ::error file=test/fixtures/broken/unknown-key.yaml,line=12,col=5,endLine=12,endColumn=12,title=modpol unknown-key::unknown-key: unknown key 'decison' in 'rules.0' (did you mean 'decision'?)
        "
      `);
    } },
  { name: "warnings in github format", args: ["check", "-f", "github", "test/fixtures/lint/always.yaml"], exitCode: 0, stdout: /^::warning file=test\/fixtures\/lint\/always.yaml,line=18,col=9,/ },
  { name: "an unknown format is a usage error", args: ["check", "-f", "xml", "rules"], exitCode: 2, stderr: /argument 'xml' is invalid/ },
  { name: "a path that does not exist is a usage error", args: ["check", "no/such/rules"], exitCode: 2, stderr: /^modpol: no such file or folder: no\/such\/rules\n$/ },
  { name: "a bundled id typo gets a did-you-mean", args: ["check", "meta-2022-03-11"], exitCode: 2, stderr: /^modpol: no such file or folder: meta-2022-03-11 \(did you mean 'meta-2022-03-10'\?\)\n$/ },
  { name: "a folder without rule files is a usage error", args: ["check", "docs"], exitCode: 2, stderr: /no rule files \(\.yaml, \.yml, \.jsonl\) in docs/ },
  { name: "--help lists the formats", args: ["check", "--help"], exitCode: 0, stdout: /"sarif",\s+"github"/ },
];

describe("modpol check (in-process scenarios)", () => {
  it.each(scenarios)("$name", (sc) => checkScenario(sc, expect));

  it("reads a rule file from stdin for '-', shown as <stdin>", async () => {
    const r = await run(["check", "-"], readFileSync(BROKEN, "utf8"));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:6:1: error unknown-key unknown key 'rulez' in the file/);
    expect(r.stdout).toMatch(/✖ 3 problems \(3 errors, 0 warnings\) in 1 file\n$/);
  });

  it("resolves the includes of a policy on stdin from the working folder", async () => {
    const dir = join(process.cwd(), "test/fixtures/testing");
    const r = await run(["test", "-"], readFileSync(join(dir, "policy.yaml"), "utf8"), {}, dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^✓ testing \(<stdin>\): /);
  });

  it("shows every problem of a file with its source line, in file order", async () => {
    const r = await run(["check", BROKEN]);
    expect(r.stdout).toMatchInlineSnapshot(`
      "test/fixtures/broken/unknown-key.yaml:6:1: error unknown-key unknown key 'rulez' in the file (did you mean 'rules'?)
        6 | rulez: []
          | ^^^^^
      test/fixtures/broken/unknown-key.yaml:9:5: error missing-field missing required key 'decision' in 'rules.0'
        9 |   - id: r1
          |     ^^^^^^
      test/fixtures/broken/unknown-key.yaml:12:5: error unknown-key unknown key 'decison' in 'rules.0' (did you mean 'decision'?)
        12 |     decison: violating
           |     ^^^^^^^
      ✖ 3 problems (3 errors, 0 warnings) in 1 file
      "
    `);
  });

  it("checks ./rules by default, else the bundled rules", async () => {
    const dir = mkdtempSync(join(tmpdir(), "modpol-check-"));
    const bundled = await run(["check", "-f", "json"], "", {}, dir);
    expect(bundled.code).toBe(0);
    expect(JSON.parse(bundled.stdout).summary.files).toBeGreaterThan(3);
    mkdirSync(join(dir, "rules"));
    copyFileSync(BROKEN, join(dir, "rules", "mine.yaml"));
    const local = await run(["check"], "", {}, dir);
    expect(local.code).toBe(1);
    expect(local.stdout).toMatch(/^rules\/mine.yaml:6:1: error unknown-key/);
  });

  it("writes the report to --output, keeping the summary on stderr", async () => {
    const dir = mkdtempSync(join(tmpdir(), "modpol-out-"));
    const r = await run(["check", "-f", "sarif", "-o", join(dir, "modpol.sarif"), BROKEN]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("✖ 3 problems (3 errors, 0 warnings) in 1 file\n");
    expect(existsSync(join(dir, "modpol.sarif"))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "modpol.sarif"), "utf8")).version).toBe("2.1.0");
  });

  it("colours text only when asked", async () => {
    const plain = await run(["check", BROKEN]);
    const coloured = await run(["check", BROKEN], "", { FORCE_COLOR: "1", NO_COLOR: "" });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    expect(coloured.stdout).toMatch(/\u001b\[/);
  });
});
