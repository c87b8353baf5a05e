import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { loadPolicy } from "../../src/use-cases/load-policy.js";

// The bundled policy as a user gets it: with the language identifier attached.
const { policy } = await loadPolicy("meta-baseline");
const decide = (text: string, lang?: string) => evaluate({ text, country: "UA", ...(lang ? { lang } : {}) }, policy!);

describe("language scoping with the identifier the loader attaches", () => {
  it("the policy comes with it, and a post's language is identified", () => {
    expect(policy?.languageModel).toBeDefined();
    expect(decide("Dzisiaj rano spacerowaliśmy po parku i rozmawialiśmy o przyszłości.").lang).toBe("pl");
  });

  it("reads no English verb into German text", () => {
    const d = decide("Die Juden sollten alle sterben.");
    expect([d.decision, d.rule, d.lang]).toEqual(["clear", "other-language", "de"]);
  });

  it("reads each script of a sentence that mixes Latin and Cyrillic words on its own", () => {
    expect(decide("Kill them all, за наших пацанов!").decision).toBe("violating");
  });

  it("reads a clause on its own when the sentence as a whole reads as another language", () => {
    const d = decide("Death to the invaders, naprawdę, nikt nie będzie płakał");
    expect(d.lang).toBe("pl");
    expect(d.matches.map((m) => m.lang)).toContain("en");
  });

  it("counts a pictograph term (listed under English) in a post of any language, identified or given", () => {
    const d = decide("FCSB – CFR diseară! Hai să-i omorâm, băieți! ⚽🔴🔵");
    expect([d.decision, d.lang]).toEqual(["clear", "ro"]);
    expect(decide("Szoboszlai ma este szétlövi őket! ⚽ Öljétek meg őket, fiúk!!!", "hu").decision).toBe("clear");
  });

  it("does not count pictographs as words when telling a short post", () => {
    expect(decide("Kill Putin! 🔥🔥🔥").lang).toBeNull();
  });

  it("leaves the language unknown when the identifier is unsure, and the record's own language wins", () => {
    expect(decide("ok").lang).toBeNull();
    expect(decide("Die Soldaten sollen nach Hause gehen.", "en").lang).toBe("en");
  });
});
