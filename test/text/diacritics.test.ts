import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diacritics } from "../../src/text/diacritics.js";
import type { Rewrite } from "../../src/text/rewrite.js";
import { SCANNER_TEXT } from "./reference-arbitraries.js";
import { referenceDiacritics } from "./reference.js";

// Examples of what diacritics fold are in normalise.test.ts; these check the scanner against the
// cluster regex it replaced, and that plain folding keeps the offset maps as they are.

function plain(r: Rewrite | null): unknown {
  return r && [r.text, Array.from(r.from), Array.from(r.to), Array.from(r.changed)];
}

describe("diacritics (scanner)", () => {
  it("rewrites arbitrary text exactly as the cluster regex does", () => {
    fc.assert(
      fc.property(SCANNER_TEXT, (s) => {
        expect(plain(diacritics.apply(s))).toEqual(plain(referenceDiacritics(s)));
      }),
      { numRuns: 2000 },
    );
  });

  it.each(["zażółć gęślą jaźń", "ёлка", "łódź"])("folds %j letter for letter: an aligned rewrite", (s) => {
    expect(diacritics.apply(s)?.aligned).toBe(true);
  });

  it.each(["straße", "e\u0301", "z̷̢algo"])("folds %j with a full map (lengths change or marks are flagged)", (s) => {
    expect(diacritics.apply(s)?.aligned).toBeFalsy();
  });
});
