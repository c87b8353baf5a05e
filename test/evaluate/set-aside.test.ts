import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";

// The cross-language set-aside cues of rules/shared/set-aside.yaml, read by the exclusions of
// violent-call, and the context language they use (question, negated-by, outside, alone).
const policy = loadYamlPolicy("rules/meta-2022-03-10.yaml").policy!;
const decide = (text: string, country = "UA"): string => evaluate({ text, country }, policy).decision;

describe("a call quoted or asked, then rejected by the poster", () => {
  it.each([
    "'Hang every one of them' — a man in our chat. No. That is how war crimes start.",
    "«Вешать их всех» — пишет кто-то в комментах. Нет.",
    "Расстреливать всех пленных? Вы с ума сошли. Я против.",
    "Rozstrzelać wszystkich jeńców? Oszaleliście? Jestem przeciw.",
    "Вбивати цивільних? Ви з глузду з'їхали.",
  ])("clear: %s", (text) => expect(decide(text)).toBe("clear"));

  it.each([
    // no rejection, or a negated one, or a refusal of something else
    "Расстреливать всех пленных? Я не против.",
    "'Hang every one of the prisoners' — I don't condemn it.",
    "Shoot the prisoners? No mercy for them.",
    "Shoot the prisoners, all of them.",
  ])("still a call: %s", (text) => expect(decide(text)).not.toBe("clear"));

  it("sets aside a call judged no answer right after it, quoted or not", () => {
    expect(decide("Пусть сидит пожизненно, а расстреливать пленных — не выход.")).toBe("clear");
    expect(decide("Shooting prisoners is not the answer.")).toBe("clear");
  });
});

describe("an idea or a system as what must die", () => {
  it.each(["Putinism must die.", "Рашизм має померти. Не люди, а ідея.", "Империя должна умереть.", "Putinizm musi zdechnąć razem z ruskim mirem.", "Putinismul trebuie să moară."])("clear: %s", (text) =>
    expect(decide(text)).toBe("clear"),
  );
  // (en/uk/pl list the -isms in figurative.subject too, which clears them whoever is named: the
  // languages without such a list show cue.idea's own rule.)
  it.each(["Putinismul trebuie să moară, împreună cu toți ocupanții.", "Putinisms ir jānogalina kopā ar visiem okupantiem."])("still a call where a person is named: %s", (text) =>
    expect(decide(text)).not.toBe("clear"),
  );
});

describe("domains where violent words are ordinary", () => {
  it.each([
    "Beat the egg whites to death, then fold them into the batter.",
    "Just kill the process from the task manager and restart.",
    "Arma 3 scenario tonight, we wipe out a whole Russian platoon lol",
  ])("clear: %s", (text) => expect(decide(text)).toBe("clear"));
  it("keeps a call that names a real target of the war beside a cooking word", () => {
    expect(decide("Forget the recipe, kill every Russian soldier you see.")).not.toBe("clear");
  });
});

describe("counts of the enemy's dead, and strikes seen on video, reported", () => {
  it.each(["Minus 300 orcs today, per the general staff.", "Widziałem nagranie jak dron zrzuca granat na okop z ruskimi."])("clear: %s", (text) =>
    expect(decide(text)).toBe("clear"),
  );
  it("keeps a call with a number in it that is no report", () => {
    expect(decide("Kill 300 orcs today!")).not.toBe("clear");
  });
});

describe("joke marks and their negation", () => {
  it("a negated joke mark ('не шучу', 'nie żartuję') keeps a first-person threat a threat", () => {
    expect(decide("Если сосед ещё раз так сделает, я его убью, шучу", "RU")).toBe("clear");
    expect(decide("Если сосед ещё раз так сделает, я его убью, не шучу", "RU")).not.toBe("clear");
  });
});
