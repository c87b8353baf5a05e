import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lowerCase } from "../../src/text/lower-case.js";

describe("lowerCase: toLowerCase with the last answer kept", () => {
  it("property: answers every string of a sequence as toLowerCase does, repeats and equal copies included", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.constantFrom("ΑΣ ΟΔΟΣ", "İstanbul", "Смерть", "")), { maxLength: 12 }), (texts) => {
        for (const t of [...texts, ...texts.map((x) => `${x}`), ...texts.reverse()]) expect(lowerCase(t)).toBe(t.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });
});
