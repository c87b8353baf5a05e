import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";
import { asMarks, marksIn } from "../helpers/marks.js";

const DIR = "test/fixtures/broken";

// Each policy here marks what loading it must report, in itself and in the files it includes
// (lib/, never shared between two fixtures): every marked problem, at that line and column, and
// nothing else.
const fixtures = readdirSync(DIR).filter((f) => f.endsWith(".yaml"));

describe("broken policy files", () => {
  it("has fixtures", () => expect(fixtures.length).toBeGreaterThanOrEqual(13));

  it.each(fixtures)("%s reports exactly the marked problems", (name) => {
    const path = join(DIR, name);
    const r = loadYamlPolicy(path);
    expect(r.policy).toBeUndefined();
    const read = [path, ...r.files.map((f) => f.file).filter((f) => f !== path)];
    const expected = read.flatMap((f) => marksIn(f, readFileSync(f, "utf8"))).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(asMarks(r.diagnostics)).toEqual(expected);
    for (const d of r.diagnostics) {
      expect(read).toContain(d.file);
      expect(d.endLine > d.line || d.endColumn > d.column).toBe(true);
    }
  });

  it("words its messages for people", () => {
    const r = loadYamlPolicy(join(DIR, "unknown-names.yaml"));
    expect(r.diagnostics.map((d) => d.message)).toMatchInlineSnapshot(`
      [
        "'XX' is not an ISO 3166-1 alpha-2 country code",
        "unknown lexicon 'cal' (did you mean 'call'?)",
        "unknown signal 'calls' (did you mean 'call'?)",
        "unknown country set 'regoin' (did you mean 'region'?)",
        "unknown signal 'targt' (did you mean 'target'?)",
        "rule id 'r1' is already used by rule 1",
        "unknown setting 'threshold'",
        "'Narnia' is not a country code (PL, POL) or country name (Poland, Polska)",
        "unknown rule 'r9' (did you mean 'r1'?)",
      ]
    `);
  });

  it("names the files of an include cycle", () => {
    const r = loadYamlPolicy(join(DIR, "include-cycle.yaml"));
    expect(r.diagnostics.find((d) => d.code === "include-cycle")?.message).toBe(
      "include cycle: test/fixtures/broken/lib/cycle-a.yaml → test/fixtures/broken/lib/cycle-b.yaml → test/fixtures/broken/lib/cycle-a.yaml",
    );
  });

  it("still checks the valid parts of a file with a structural error", () => {
    const r = loadYamlPolicy(join(DIR, "bad-library.yaml"));
    expect(r.diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining(["unknown-key", "empty-term", "unsafe-regex", "invalid-country", "invalid-term"]));
  });
});
