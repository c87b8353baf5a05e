import { describe, expect, it } from "vitest";
import { formatDiagnosticLine } from "../../src/base/diagnostics.js";
import { printable } from "../../src/base/safe-text.js";

describe("printable", () => {
  it("shows control characters, bidirectional overrides and C1 controls as one visible character each", () => {
    const s = "a\u001b[2Jb\u0000c\u0007d\u007fe\u0085f\u202eg\u2066h\ti";
    const p = printable(s);
    expect(p).toBe("a␛[2Jb␀c␇d␡e\uFFFDf\uFFFDg\uFFFDh\ti");
    expect(p).toHaveLength(s.length);
  });

  it("shows line breaks too, unless asked to keep them", () => {
    expect(printable("a\nb\r\nc")).toBe("a␊b␍␊c");
    expect(printable("a\nb\r\nc\u001b", true)).toBe("a\nb\r\nc␛");
  });

  it("leaves ordinary text alone (the same string)", () => {
    const s = "Смерть окупантам! Śmierć — 𝐃 🇺🇦 «x»";
    expect(printable(s)).toBe(s);
  });

  it("keeps diagnostics on one line: a key from a rule file cannot start a CI command", () => {
    const line = formatDiagnosticLine({ file: "r.yaml", line: 1, column: 1, endLine: 1, endColumn: 2, severity: "error", code: "unknown-key", message: "unknown key 'x\n::error file=a::pwned\u001b[2J'" });
    expect(line).toBe("r.yaml:1:1: error unknown-key unknown key 'x␊::error file=a::pwned␛[2J'");
  });
});
