import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LanguageModel } from "../../src/text/language-id.js";
import { LanguageIdentifier } from "../../src/text/language-identify.js";
import { translitReading, translitScore } from "../../src/text/translit-id.js";
import { SENTENCES } from "./language-samples.js";
import { SCANNER_TEXT } from "./reference-arbitraries.js";
import { translitScore as referenceTranslitScore } from "./translit-id-reference.js";

const model = LanguageModel.fromBytes(readFileSync(join(process.env.MODPOL_PRECOMPILED_DIR!, "language-model.bin")));
const id = new LanguageIdentifier(model);
const fixture = (f: string): string[][] =>
  readFileSync(join(__dirname, "../fixtures/translit", f), "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => l.split("\t"));

describe("translitReading: Russian, Ukrainian and Belarusian in Latin letters", () => {
  it("reads each spelling system's marks", () => {
    expect(translitReading("rashistov nado vseh ubit")?.lang).toBe("ru");
    expect(translitReading("putin khuilo, shchob vin skorishe zdokh")?.lang).toBe("uk");
    expect(translitReading("Maskaloŭ treba tapić u balotach")?.lang).toBe("be");
    // Háček and Polish acute letters together: Łacinka.
    expect(translitReading("Łukašenku treba paviesić na płoščy")?.lang).toBe("be");
    // The soft sign as an apostrophe, Polish-style spelling.
    expect(translitReading("ja nie znaju, czto tiebie skazat'")?.lang).toBe("ru");
    // Digits for letters.
    expect(translitReading("sho6 ty znal, 4to ya tebya lyublyu")).not.toBeNull();
  });

  it("leaves real Slovene, Croatian, Serbian, Czech, Slovak and Polish alone, prefixes meeting h included", () => {
    expect(translitReading("Shodou okolnosti jsme se zhruba v poledne rozhodli odjet domu.")).toBeNull();
    expect(translitReading("Vse je treba narediti do petka, sicer bo šef jezen.")).toBeNull();
    expect(translitReading("Treba ih sve pozvati na rođendan, inače će se ljutiti.")).toBeNull();
    expect(translitReading("Wszystko trzeba zrobić do piątku, inaczej szef będzie zły.")).toBeNull();
  });

  it("counts English, German, Hindi and Arabizi function words and letters against", () => {
    expect(translitScore("she should show the khaki shirt to them").points).toBeLessThan(4);
    expect(translitReading("duniya mai sabse zyada murkh bas ye hi hote hain")).toBeNull();
    expect(translitReading("3awz ashof el 7abibi dol bt3zbo")).toBeNull();
  });

  it("only looks at the first 1000 code units, in one pass", () => {
    const long = `${"Danas je lijep dan. ".repeat(60)} shchob vin zdokh, nekhai zdokhnut, shcho tse`;
    expect(translitReading(long)).toBeNull();
  });
});

describe("LanguageIdentifier with the transliteration step", () => {
  it("labels the fixture's transliterations ru/uk/be far more often than eld, and none of the West/South Slavic sentences", () => {
    const east = fixture("east-slavic-latin.tsv");
    const right = east.filter(([, , , text]) => /^(ru|uk|be)$/.test(id.detect(text!).best ?? "")).length;
    // 0 of 103 before the step; 73 of 103 with it (the scientific and Polish-style systems are the hard part).
    expect(right / east.length).toBeGreaterThan(0.65);
    for (const [, text] of fixture("west-south-slavic.tsv")) expect(id.detect(text!).best).not.toMatch(/^(ru|uk|be)$/);
  });

  it("says the label came from the transliteration step and keeps eld's other candidates", () => {
    const g = id.detect("rashistov nado vseh ubit, ni odnogo ne ostavlyat");
    expect(g).toMatchObject({ best: "ru", by: "translit" });
    expect(g.scores.length).toBeGreaterThan(1);
  });

  it("leaves a reliable English guess and the sample sentences of every language as they were", () => {
    expect(id.detect("She should show them the fish shop near the khaki house").best).toBe("en");
    for (const [lang, sentences] of Object.entries(SENTENCES)) for (const s of sentences) if (!["ru", "uk", "be"].includes(lang)) expect(id.detect(s).by).not.toBe("translit");
  });
});

describe("translitReading: Ukrainian endings and function words", () => {
  it("reads -ків/-ців genitives, -ати/-ути infinitives and odnoho/maiut as Ukrainian, vot/moya as Russian", () => {
    expect(translitReading("orkiv treba rizaty, vsih do odnoho")).toMatchObject({ lang: "uk" });
    expect(translitReading("maskali vsi maiut zdokhnuty, vsi do odnogo")).toMatchObject({ lang: "uk" });
    expect(translitReading("pomnite: ne vse oni takie. moya tetya v pitere plachet kazhdyj den")).toMatchObject({ lang: "ru" });
  });
  it("leaves Czech and Polish written without diacritics alone", () => {
    expect(translitReading("To je bohaty clovek, ma velky dum a hezke auto")).toBeNull();
    expect(translitReading("Ten bogaty sasiad ma duzy dom i ladny samochod")).toBeNull();
  });
});

describe("translitScore: the endings read from the last four letters", () => {
  // Letters of the endings and of the marks, so that most words end in one of them or nearly.
  const ENDING_LETTERS = ["a", "c", "g", "h", "i", "j", "k", "o", "s", "t", "u", "v", "y", "z", "e", "l", "n", "r", "w", "ŭ", "š", "ł", "4", "6", "3", "'"];
  const ENDINGS = ["yvaty", "uvaty", "tsya", "tsia", "tsa", "yy", "iy", "yi", "yj", "ogo", "tsiv", "kiv", "aty", "yty", "uty", "sya", "siv", "ty", "iv"];
  const WORD = fc
    .tuple(fc.array(fc.constantFrom(...ENDING_LETTERS), { maxLength: 6 }), fc.option(fc.constantFrom(...ENDINGS)))
    .map(([letters, ending]) => letters.join("") + (ending ?? ""));
  const TEXT = fc.oneof(
    fc.array(WORD, { maxLength: 12 }).map((ws) => ws.join(" ")),
    fc.array(fc.oneof(WORD, fc.constantFrom(" ", ", ", "-", ".")), { maxLength: 20 }).map((ws) => ws.join("")),
    SCANNER_TEXT,
  );

  it("property: scores every text as the module did with a loop per ending", () => {
    fc.assert(
      fc.property(TEXT, fc.nat(), fc.nat(), (text, a, b) => {
        expect(translitScore(text)).toEqual(referenceTranslitScore(text));
        const start = Math.min(a, text.length);
        const end = Math.min(start + b, text.length);
        expect(translitScore(text, start, end)).toEqual(referenceTranslitScore(text, start, end));
      }),
      { numRuns: 20000 },
    );
  });

  it("scores each ending as before, on words of every length around its own", () => {
    for (const e of ENDINGS) for (const head of ["", "k", "ko", "kom", "komu", "b", "pro"]) {
      const w = head + e;
      expect(translitScore(w)).toEqual(referenceTranslitScore(w));
      expect(translitScore(`${w} ${w.toUpperCase()}`)).toEqual(referenceTranslitScore(`${w} ${w.toUpperCase()}`));
    }
  });
});
