import { describe, expect, it } from "vitest";
import { COUNTRY_CODES, resolveCountry } from "../../src/base/countries.js";

describe("resolveCountry", () => {
  it("takes alpha-2 and alpha-3 codes in any case", () => {
    expect(["UA", "ua", "UKR", "ukr", "POL", "DEU", "GBR", "USA", "XKX"].map(resolveCountry)).toEqual(["UA", "UA", "UA", "UA", "PL", "DE", "GB", "US", "XK"]);
  });

  it("has an alpha-3 code for every alpha-2 code it accepts", () => {
    // Round trip through the English name is not possible for codes, so check the table's reach:
    // every alpha-2 code resolves from some three letters.
    const seen = new Set<string>();
    for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) for (let c = 65; c <= 90; c++) {
      const r = resolveCountry(String.fromCharCode(a, b, c));
      if (r) seen.add(r);
    }
    expect([...COUNTRY_CODES].filter((x) => !seen.has(x))).toEqual([]);
  });

  it("takes English names and each country's own name, with or without accents", () => {
    expect(["Ukraine", "Україна", "Polska", "Deutschland", "Österreich", "osterreich", "België", "Belgique", "Suomi", "Беларусь", "საქართველო"].map(resolveCountry)).toEqual(["UA", "UA", "PL", "DE", "AT", "AT", "BE", "BE", "FI", "BY", "GE"]);
  });

  it("takes names in the languages of the bundled policies' regions", () => {
    expect(["Niemcy", "Германия", "Німеччина", "Rosja", "Украина"].map(resolveCountry)).toEqual(["DE", "DE", "DE", "RU", "UA"]);
  });

  it("refuses what names no country", () => {
    expect(["Narnia", "ZZZ", "XX", "", "  "].map(resolveCountry)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
