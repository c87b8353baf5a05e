import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LanguageModel } from "../../src/text/language-id.js";
import { LanguageIdentifier } from "../../src/text/language-identify.js";
import { SENTENCES } from "./language-samples.js";

const model = LanguageModel.fromBytes(readFileSync(join(process.env.MODPOL_PRECOMPILED_DIR!, "language-model.bin")));
const id = new LanguageIdentifier(model);

describe("LanguageIdentifier: eld with a script pre-step, a letter veto and its own reliability test", () => {
  it("decides by script alone where one script means one language", () => {
    expect(id.detect("გამარჯობა, როგორ ხარ?")).toEqual({ best: "ka", scores: [["ka", 1]], reliable: true, by: "script" });
    expect(id.detect("Բարև, ինչպե՞ս ես")).toMatchObject({ best: "hy", reliable: true, by: "script" });
    expect(id.detect("我们今天去公园散步")).toMatchObject({ best: "zh", by: "script" });
    expect(id.detect("今日はとても暑いですね")).toMatchObject({ best: "ja", by: "script" });
    expect(id.detect("مش لازم نخلي اليهود يعانو")).toMatchObject({ best: "ar", by: "script" });
    expect(id.detect("नमस्ते दोस्तों")).toMatchObject({ best: "hi", by: "script" });
    // A script that holds no more than half of the letters decides nothing.
    expect(id.detect("Thank you all so much, მადლობა").by).toBe("model");
  });

  it("takes uk/ru/be away from Cyrillic text with letters those languages lack, and gives az to Latin text with ə", () => {
    const kk = id.detect("Бүгін ауа райы өте жақсы, біз саябаққа барамыз");
    expect(model.detect("Бүгін ауа райы өте жақсы, біз саябаққа барамыз").best).toMatch(/^(uk|ru|be)$/);
    expect(kk).toMatchObject({ best: "kk", by: "letters" });
    expect(kk.scores.map(([l]) => l)).not.toContain("ru");
    expect(id.detect("Данас је леп дан, идемо у шетњу").best).not.toMatch(/^(uk|ru|be)$/);
    expect(id.detect("Денеска е убав ден, ќе одиме во паркот").best).not.toMatch(/^(uk|ru|be)$/);
    expect(id.detect("Bu gün hava çox gözəldir, parka gedirik").best).toBe("az");
    // Ukrainian, Russian and Belarusian keep their labels.
    for (const l of ["uk", "ru", "be"]) for (const s of SENTENCES[l]!) expect(id.detect(s).best).toBe(l);
  });

  it("is unsure of a close call, of too little text and of a score far under eld's usual one, where eld says reliable", () => {
    const close = "Гарний день. Хороший день. Good day.";
    expect(model.detect(close).reliable).toBe(true);
    expect(id.detect(close)).toMatchObject({ reliable: false, by: "model" });
    expect(id.detect("ok")).toMatchObject({ reliable: false });
    expect(id.detect("")).toMatchObject({ best: null, reliable: false, by: "none" });
    for (const l of ["en", "pl", "uk", "lt", "lv", "et", "hu", "ro"]) expect(id.detect(SENTENCES[l]![0]!)).toMatchObject({ best: l, reliable: true });
  });

  it("reads its model only when it first identifies something, and only once", () => {
    let reads = 0;
    const lazy = new LanguageIdentifier(() => {
      reads++;
      return model;
    });
    expect(reads).toBe(0);
    lazy.detect("Dzisiaj rano spacerowaliśmy po parku.");
    lazy.detect("Today we walked in the park.");
    expect(reads).toBe(1);
  });

  it("identifies a range of the text as the substring, and refuses one outside it", () => {
    const t = `${SENTENCES.pl![0]} ${SENTENCES.ka![0]}`;
    expect(id.detect(t, 0, SENTENCES.pl![0]!.length)).toEqual(id.detect(SENTENCES.pl![0]!));
    expect(() => id.detect("abc", 2, 1)).toThrow(RangeError);
  });
});

describe("LanguageIdentifier: Ukrainian by its letters, and surzhyk", () => {
  it("is sure of short Ukrainian that eld leaves unsure between uk, ru and bg, by ї є ґ or і beside и", () => {
    for (const t of ["Сусіда не здавати, а одразу вигнати", "Смерть путіну!", "Їжак їсть яблуко"]) expect(id.detect(t)).toMatchObject({ best: "uk" });
    expect(id.detect("Сусіда не здавати, а одразу вигнати")).toMatchObject({ reliable: true, by: "letters" });
  });

  it("folds surzhyk (шо, шоб, шось beside Ukrainian letters) to Ukrainian, and leaves Russian with a 'шо' Russian", () => {
    expect(id.detect("шо ты там пишешь, ніхто не читає").best).toBe("uk");
    expect(id.detect("шоб вони всі поїхали додому").best).toBe("uk");
    expect(id.detect("шо за ерунда, опять всё сломалось").best).not.toBe("uk");
  });

  it("leaves Russian, Belarusian and Bulgarian with their own letters alone", () => {
    expect(id.detect("Это был очень хороший день, мы гуляли в парке").best).toBe("ru");
    expect(id.detect("Сёння вельмі добры дзень, мы ўсе ідзём у парк").best).toBe("be");
    expect(id.detect("Днес е хубав ден, ще отидем в парка").best).not.toBe("uk");
  });
});
