import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPolicy } from "../../src/pipeline.js";

const DIR = "test/fixtures/broken";

/**
 * Each broken fixture marks what it must produce with a comment line under the offending line:
 * `# ^ error CODE` (the caret's column is the expected column) or `#^N error CODE` (column N).
 */
function expectedMarks(text: string): string[] {
  const out: string[] = [];
  let target = 0;
  text.split("\n").forEach((line, i) => {
    const m = /^(\s*)#\s?\^(\d+)?\s+(error|warning)\s+([\w-]+)/.exec(line);
    if (!m) {
      target = i + 1;
      return;
    }
    const column = m[2] !== undefined ? Number(m[2]) : line.indexOf("^") + 1;
    out.push(`${target}:${column} ${m[3]} ${m[4]}`);
  });
  return out.sort();
}

const fixtures = readdirSync(DIR).filter((f) => f.endsWith(".yaml"));

describe("broken policy files", () => {
  it("has fixtures", () => expect(fixtures.length).toBeGreaterThanOrEqual(8));

  it.each(fixtures)("%s reports exactly the marked problems", (name) => {
    const path = join(DIR, name);
    const expected = expectedMarks(readFileSync(path, "utf8"));
    expect(expected.length).toBeGreaterThan(0);
    const r = loadPolicy(path);
    expect(r.policy).toBeUndefined();
    const got = r.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`).sort();
    expect(got).toEqual(expected);
    for (const d of r.diagnostics) {
      expect(d.file).toBe(path);
      expect(d.endLine > d.line || d.endColumn > d.column).toBe(true);
    }
  });

  it("words its messages for people", () => {
    const r = loadPolicy(join(DIR, "unknown-names.yaml"));
    expect(r.diagnostics.map((d) => d.message)).toMatchInlineSnapshot(`
      [
        "'XX' is not an ISO 3166-1 alpha-2 country code",
        "unknown lexicon 'cal' (did you mean 'call'?)",
        "unknown signal 'calls' (did you mean 'call'?)",
        "unknown country set 'regoin' (did you mean 'region'?)",
        "unknown signal 'targt' (did you mean 'target'?)",
        "rule id 'r1' is already used by rule 1",
        "unknown setting 'threshold'",
        "'Narnia' is not a country code or English country name",
        "unknown rule 'r9' (did you mean 'r1'?)",
      ]
    `);
  });
});
