import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isScalar, parseDocument, Scalar, stringify } from "yaml";
import { scalarOffsets } from "../../src/load/scalar-offsets.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";

/** The value and source of the scalar under key `v` of a one-key document. */
function scalarIn(doc: string): { value: string; source: string; type: string | undefined } {
  const d = parseDocument(doc);
  const node = d.get("v", true);
  if (!isScalar(node) || typeof node.value !== "string" || !node.range) throw new Error(`no string scalar in ${doc}`);
  return { value: node.value, source: doc.slice(node.range[0], node.range[1]), type: node.type };
}

describe("scalarOffsets", () => {
  it.each([
    ["folded block", "v: >\n  a and\n  b and\n  nosuch\n", "nosuch", 3],
    ["literal block", "v: |\n  a and\n    nosuch\n", "nosuch", 2],
    ["multi-line plain", "v: a and\n  b and nosuch\n", "nosuch", 1],
    ["multi-line single-quoted", "v: 'a and\n  it''s nosuch'\n", "nosuch", 1],
    ["double-quoted with escapes", 'v: "\\u00e9t\\u00e9 \\"x\\" nosuch"\n', "nosuch", 0],
    ["double-quoted, escaped line break", 'v: "a and\\\n  \\ b nosuch"\n', "nosuch", 1],
    ["folded with an empty line", "v: >\n  a\n\n  b nosuch\n", "nosuch", 3],
  ])("%s: a word maps back to where it is written", (_, doc, word, line) => {
    const { value, source, type } = scalarIn(doc);
    const map = scalarOffsets(source, value, type);
    expect(map).toBeDefined();
    const i = value.indexOf(word);
    const at = (map as Uint32Array)[i] as number;
    expect(source.slice(at, at + word.length)).toBe(word);
    expect(source.slice(0, at).split("\n").length - 1).toBe(line);
  });

  it("maps every character of any string, in every style, to itself or to the escape or fold that wrote it", () => {
    const styles = [Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED] as const;
    // Scalars actually mapped (a block with an explicit indentation indicator is not: see the source).
    let mapped = 0;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", " ", "\n", "'", '"', "\\", "é", "\t", "x"), maxLength: 60 }), fc.constantFrom(...styles), fc.integer({ min: 2, max: 60 }), (text, style, width) => {
        let doc: string;
        try {
          doc = stringify({ v: text }, { defaultStringType: style, lineWidth: width, minContentWidth: 0 });
        } catch {
          return;
        }
        const { value, source, type } = scalarIn(doc);
        if (value !== text) return;
        const map = scalarOffsets(source, value, type);
        if (map === undefined) return;
        mapped++;
        for (let i = 0; i < value.length; i++) {
          const at = map[i] as number;
          expect(at).toBeLessThan(source.length);
          if (i > 0) expect(at).toBeGreaterThanOrEqual(map[i - 1] as number);
          const c = value[i] as string;
          // A letter is always written as itself; white space, quotes and backslashes may come from
          // a fold or an escape.
          if (/[abxé]/.test(c)) expect(source[at]).toBe(c);
        }
      }),
      { numRuns: 300 },
    );
    expect(mapped).toBeGreaterThan(150);
  });
});

describe("diagnostics inside folded, escaped and block scalars", () => {
  it("point at the line and column where the bad name is written", () => {
    const r = loadYamlPolicy("test/fixtures/positions/folded-conditions.yaml");
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.line, d.column, d.endColumn])).toEqual([
      ["unknown-signal", 14, 7, 13],
      // A quoted string is a value since record fields (main): the error is the comparison it
      // lacks, at the end of the condition, its closing quote on line 19 (past two escapes).
      ["invalid-expression", 19, 24, 25],
      ["unknown-signal", 23, 26, 33],
      ["unknown-signal", 28, 13, 20],
      ["unknown-signal", 33, 13, 20],
      ["unknown-signal", 39, 9, 16],
    ]);
  });
});
