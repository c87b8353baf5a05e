import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/base/diagnostics.js";
import { formatDiagnosticsJson, formatDiagnosticsText, formatGithub, sourceExcerpt, summariseDiagnostics } from "../../src/report/diagnostics-format.js";

const source = "id: demo\nrules:\n  - id: r1\n    decison: violating\n\twhen: a\tand b\n";
const sources = new Map([["rules/demo.yaml", source]]);
const d = (over: Partial<Diagnostic>): Diagnostic => ({ file: "rules/demo.yaml", line: 4, column: 5, endLine: 4, endColumn: 12, severity: "error", code: "unknown-key", message: "unknown key 'decison' in 'rules.0' (did you mean 'decision'?)", ...over });

const ds = [d({}), d({ line: 5, column: 10, endLine: 5, endColumn: 13, severity: "warning", code: "unused-signal", message: "signal 'and' is never used" }), d({ file: "rules/gone.yaml", line: 1, column: 1, endColumn: 1, code: "file-unreadable", message: "file not found" })];

describe("check output formats", () => {
  it("text: the line, the offending source line and a caret under the span, then a summary", () => {
    expect(formatDiagnosticsText(ds, sources, summariseDiagnostics(ds, 2))).toMatchInlineSnapshot(`
      "rules/demo.yaml:4:5: error unknown-key unknown key 'decison' in 'rules.0' (did you mean 'decision'?)
        4 |     decison: violating
          |     ^^^^^^^
      rules/demo.yaml:5:10: warning unused-signal signal 'and' is never used
        5 | 	when: a	and b
          | 	       	^^^
      rules/gone.yaml:1:1: error file-unreadable file not found
      ✖ 3 problems (2 errors, 1 warning) in 2 files
      "
    `);
  });

  it("text: says so when there is nothing to report", () => {
    expect(formatDiagnosticsText([], sources, summariseDiagnostics([], 24))).toBe("✓ no problems in 24 files\n");
  });

  it("text: a span over several lines is underlined to the end of its first line", () => {
    expect(sourceExcerpt(d({ line: 3, column: 5, endLine: 4, endColumn: 3 }), source)).toMatchInlineSnapshot(`
      "  3 |   - id: r1
          |     ^^^^^^
      "
    `);
  });

  it("json: a summary and plain diagnostics", () => {
    const doc = JSON.parse(formatDiagnosticsJson(ds, summariseDiagnostics(ds, 2)));
    expect(doc.summary).toEqual({ files: 2, errors: 2, warnings: 1, infos: 0 });
    expect(doc.diagnostics[0]).toEqual({ file: "rules/demo.yaml", line: 4, column: 5, endLine: 4, endColumn: 12, severity: "error", code: "unknown-key", message: "unknown key 'decison' in 'rules.0' (did you mean 'decision'?)" });
  });

  it("github: workflow commands, with properties and message escaped", () => {
    const tricky = d({ file: "rules/a,b:c.yaml", message: "100% wrong:\nline two" });
    expect(formatGithub([ds[1]!, tricky])).toMatchInlineSnapshot(`
      "::warning file=rules/demo.yaml,line=5,col=10,endLine=5,endColumn=13,title=modpol unused-signal::unused-signal: signal 'and' is never used
      ::error file=rules/a%2Cb%3Ac.yaml,line=4,col=5,endLine=4,endColumn=12,title=modpol unknown-key::unknown-key: 100%25 wrong:%0Aline two
      "
    `);
  });
});
