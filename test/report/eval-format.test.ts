import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guardFormula } from "../../src/report/csv-guard.js";
import { csvField, jsonlLine, resultObject, type ResultItem } from "../../src/report/eval-format.js";
import { PLAIN } from "../../src/report/style.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { loadPolicy } from "../../src/use-cases/load-policy.js";

// The bundled policy as the CLI loads it: precompiled (once, by the tests' global setup).
const policy = (await loadPolicy("meta-2022-03-10")).policy!;
// Any string, lone surrogates, emoji and quotes included.
const anyText = fc.oneof(fc.string({ unit: "binary" }), fc.string(), fc.constantFrom('"\\\n', "🇺🇦 Смерть", "\uD800x", "ok"));

describe("jsonlLine", () => {
  it("writes exactly JSON.stringify of the result object, for decisions of any content, in both offset units", () => {
    fc.assert(
      fc.property(anyText, anyText, fc.option(anyText, { nil: null }), fc.option(fc.constantFrom("UA", "PL", "DE"), { nil: null }), fc.array(fc.record({ signal: anyText, term: anyText, text: anyText, start: fc.nat(50), end: fc.nat(50) }), { maxLength: 3 }), fc.constantFrom("codepoint", "utf16"), (id, text, rule, country, matches, offsets) => {
        const item: ResultItem = {
          kind: "decision",
          id,
          line: 1,
          text,
          decision: { decision: "violating", rule, reason: `because ${text}`, policy: "p\"1", country, lang: null, matches: matches.map((m) => ({ ...m, lexicon: "l", lang: "en", transforms: [] })) },
        };
        expect(jsonlLine(item, { offsets, style: PLAIN })).toBe(`${JSON.stringify(resultObject(item, offsets))}\n`);
      }),
      { numRuns: 300 },
    );
  });

  it.each(["Death to Putin! 🇺🇦🇺🇦 Смерть окупантам", "Смерть окупантам", "hello"])("agrees with resultObject on a real decision: %s", (text) => {
    const item: ResultItem = { kind: "decision", id: "7", line: 1, text, decision: evaluate({ text, country: "UA" }, policy) };
    for (const offsets of ["codepoint", "utf16"] as const) expect(jsonlLine(item, { offsets, style: PLAIN })).toBe(`${JSON.stringify(resultObject(item, offsets))}\n`);
  });

  it("writes error records as their object", () => {
    const item: ResultItem = { kind: "error", id: "3", line: 3, code: "invalid-json", message: "in:3: bad" };
    expect(jsonlLine(item, { offsets: "codepoint", style: PLAIN })).toBe('{"id":"3","line":3,"error":{"code":"invalid-json","message":"in:3: bad"}}\n');
  });
});

describe("csvField", () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["\r=1", "\"'\r=1\""],
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
  ])("writes a field guarded against formulas, quoted as it needs: %j", (field, written) => {
    expect(csvField(guardFormula(field))).toBe(written);
  });

  it("quotes commas, quotes and line breaks", () => {
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"');
  });
});

