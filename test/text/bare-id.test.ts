import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bareScore, readsAzerbaijani, readsPolish } from "../../src/text/bare-id.js";
import { LanguageModel } from "../../src/text/language-id.js";
import { LanguageIdentifier } from "../../src/text/language-identify.js";
import { SENTENCES } from "./language-samples.js";

const model = LanguageModel.fromBytes(readFileSync(join(process.env.MODPOL_PRECOMPILED_DIR!, "language-model.bin")));
const id = new LanguageIdentifier(model);
/** The text with its diacritics dropped, as a hurried writer types it. */
const bare = (t: string): string =>
  t
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ł/g, "l")
    .replace(/Ł/g, "L")
    .replace(/ə/g, "e")
    .replace(/Ə/g, "E")
    .replace(/ı/g, "i")
    .replace(/đ/g, "dj");
const COVERED = new Set(["en", "uk", "ru", "be", "pl", "sk", "lt", "lv", "et", "ro", "hu", "ka", "hy", "az"]);
const corpus = readFileSync(join(__dirname, "../fixtures/language-neighbours.jsonl"), "utf8")
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { lang: string; text: string });

describe("bareScore: Polish and Azerbaijani written without their diacritics", () => {
  it("reads bare Polish by its digraphs, its w, its endings and its function words", () => {
    for (const t of ["zajebac kazdego ruska ktory wlazl na ukraine", "wszystkich ruskich trzeba wystrzelac", "niech zdechna wszyscy okupanci", "juz nie moge patrzec na te zbrodnie", "Zajebac tego skurwysyna, ktory to zrobil."]) expect(readsPolish(bareScore(t)), t).toBe(true);
  });

  it("leaves Slovak, Czech, Slovenian, Croatian and Serbian alone, with their diacritics or without", () => {
    for (const t of ["Všetkých rusov by som postrieľal.", "Zajtra ideme s deťmi na výlet.", "Zabít každého ruského vojáka, který přišel.", "Toho grázla by měli pověsit.", "Vse izdajalce bi bilo treba obesiti.", "Te izdajice treba sve objesiti.", "Kad dolazi sledeći autobus za Novi Sad?"]) {
      expect(readsPolish(bareScore(t)), t).toBe(false);
      expect(readsPolish(bareScore(bare(t))), bare(t)).toBe(false);
    }
    for (const lang of ["sk", "cs"]) for (const t of SENTENCES[lang]!) expect(readsPolish(bareScore(bare(t))), t).toBe(false);
  });

  it("reads bare Azerbaijani by q, x and its own words, and not Turkish", () => {
    for (const t of ["ermenilerin hamisini gullelemek lazimdi", "bu xainleri meydanda asmaq lazimdir", "hava bu gun cox istidir, denize gedek"]) expect(readsAzerbaijani(bareScore(t)), t).toBe(true);
    for (const t of ["Bu hainleri meydanda asmak lazim.", "Hepsini oldurmek gerekiyor, kimse kalmasin.", "Ben simdi evdeyim, cok yorgunum.", "xD cok guldum"]) expect(readsAzerbaijani(bareScore(t)), t).toBe(false);
  });

  it("is linear: a long text costs in proportion", () => {
    const t = "zajebac kazdego ruska ktory wlazl na ukraine ".repeat(500);
    expect(bareScore(t).words).toBeLessThanOrEqual(200);
  });
});

describe("LanguageIdentifier, steps 3c and 3d: look-alike guesses read again", () => {
  it("labels bare Polish pl where eld says Slovak, and bare Azerbaijani az where eld says Turkish", () => {
    expect(model.detect("zajebac kazdego ruska ktory wlazl na ukraine").best).toBe("sk");
    expect(id.detect("zajebac kazdego ruska ktory wlazl na ukraine")).toMatchObject({ best: "pl", by: "bare" });
    expect(model.detect("ermenilerin hamisini gullelemek lazimdi, bir dene de saxlamaq olmaz").best).toBe("tr");
    expect(id.detect("ermenilerin hamisini gullelemek lazimdi, bir dene de saxlamaq olmaz")).toMatchObject({ best: "az", by: "bare" });
  });

  it("labels a transliteration with few marks ru/uk where eld's guess is a Slavic look-alike", () => {
    expect(model.detect("vsekh moskaley na vily, bez isklyucheniy, ya ser'ezno").best).toMatch(/^(sl|hr|sk|cs|pl|sr|bs)$/);
    expect(id.detect("vsekh moskaley na vily, bez isklyucheniy, ya ser'ezno")).toMatchObject({ best: "ru", by: "translit" });
    expect(id.detect("kak dela, chto novogo u vas?").best).toBe("ru");
    // eld finds nothing it knows in this Łacinka: the transliteration test still reads it.
    expect(id.detect("kab jany ŭsie zdochli").best).toBe("be");
  });

  it("gives no neighbour post a covered language it did not have from eld", () => {
    for (const p of corpus) {
      if (COVERED.has(p.lang)) continue;
      for (const t of new Set([p.text, bare(p.text)])) {
        const g = id.detect(t);
        if (g.by === "bare" || g.by === "translit") expect.fail(`${t}: ${g.best} by ${g.by}`);
      }
    }
    for (const lang of ["de", "fr", "es", "it", "nl", "pt", "cs", "tr"]) for (const t of SENTENCES[lang] ?? []) for (const s of [t, bare(t)]) expect(["bare", "translit"], s).not.toContain(id.detect(s).by);
  });

  it("names more of the covered posts written bare or in Latin letters than eld", () => {
    let right = 0;
    let eldRight = 0;
    let n = 0;
    for (const p of corpus) {
      if (!COVERED.has(p.lang)) continue;
      for (const t of new Set([p.text, bare(p.text)])) {
        n++;
        if (id.detect(t).best === p.lang) right++;
        if (model.detect(t).best === p.lang) eldRight++;
      }
    }
    expect(right).toBeGreaterThan(eldRight);
    expect(right / n).toBeGreaterThan(0.85);
  });
});
