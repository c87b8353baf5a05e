import { describe, expect, it } from "vitest";
import { aimedAt, policy } from "./aimed-at.js";

// Whom a call is aimed at, on the bundled policy: the target signals that count for each post.
describe("targets of a call", () => {
  it.each([
    ["a target in the call's sentence", "Death to the Russian invaders!", { invaders: ["russian invaders"] }],
    // "who killed our children": the killing of civilians names perpetrators (rules/shared/perpetrators.yaml); the children are still no target
    ["a victim named in a relative clause is not a target", "Russians who killed our children must die.", { russians: ["russians"], "perpetrators-described": ["who", "who"] }],
    ["the object of a reported act is a victim", "The occupiers bombed civilians in Kharkiv, death to the occupiers!", { invaders: ["occupiers", "occupiers"] }],
    ["a spared group is not a target", "Kill the Russian soldiers, not the civilians.", { "russian-military": ["russian soldiers"] }],
    ["a pronoun points back to the sentence before", "Russian troops looted our village. Every one of them should hang.", { "russian-military": ["russian troops"] }],
    ["a pronoun skips a sentence that names only victims", "The invaders came. They shot civilians. Death to them!", { invaders: ["invaders"] }],
    ["a pronoun of one person points back to the head of state named among groups", "Łukaszenka znowu grozi Polsce swoimi wagnerowcami. Niech go ktoś powiesi.", { "head-of-state": ["lukaszenka"] }],
    ["a pronoun of a group keeps every group and person named", "Łukaszenka znowu grozi Polsce swoimi wagnerowcami. Niech ich ktoś powiesi.", { "head-of-state": ["lukaszenka"], "russian-military": ["wagnerowcami"] }],
    ["a pronoun of one person with no person named points to the group", "Russian troops looted our village. Every one of them should hang, shoot him on sight.", { "russian-military": ["russian troops"] }],
    ["a call that names no one points back too", "Russian troops looted our village. Shoot without mercy!", { "russian-military": ["russian troops"] }],
    ["a reported act inside the call is the call's own verb", "Хай би вбили всіх окупантів!", { invaders: ["окупантів"] }],
    ["whoever says a quoted call is not its target", "Civilians said: 'kill the invaders', and they were right.", { invaders: ["invaders"] }],
    ["no call, no target", "Russian troops looted our village.", {}],
    ["no pronoun, no antecedent", "Russian troops looted our village. Death to fascism!", {}],
    ["the 'not' of a negated quantifier spares no one", "Not one invader should leave alive.", { invaders: ["invader"] }],
    ["none left alive, the negation after the target", "Ни одного живого оккупанта не оставлять!", { invaders: ["оккупанта"] }],
    ["a negated quantifier without 'alive' is no call", "Not one invader was seen there.", {}],
    ["not X but Y: X is spared, Y aimed at", "Не цивільних треба вбивати, а окупантів.", { invaders: ["окупантів"] }],
    ["not X but Y in English", "Not the civilians should be killed but the invaders.", { invaders: ["invaders"] }],
    ["Y but not X", "Kill the invaders but not the civilians.", { invaders: ["invaders"] }],
    ["a negated verb is no contrast", "Не вбивати треба, а судити окупантів.", {}],
    ["object before its reported verb (az) is a victim", "Ruslar uşaqları öldürdülər, hər rus ölümə layiqdir.", { russians: ["ruslar", "rus"] }],
    ["object before its reported verb (hy) is a victim", "Այն զինվորին, որ երեխային սպանեց, պետք է գնդակահարել", {}],
    ["a Slovak word is read as Slovak, not as a transliterated Ukrainian term", "Každý rusák musí zomrieť, nikdy neboli normálni.", { russians: ["rusak"] }],
    ["the Ukrainian term in Ukrainian text still counts", "Всіх русаків на фронті треба знищити.", { "russian-military": ["русаків на фронті"] }],
    ["in a subject-verb-object language the group before the act is no victim", "Civilians killed by the invaders? Death to the invaders!", { invaders: ["invaders"] }],
    ["a sparing phrase after a group spares it (hu)", "A civileket hagyjátok békén, de az orkokat lőjétek le.", { invaders: ["orkokat"] }],
    ["a sparing phrase after a group, words of the group between (ka)", "ოკუპანტები უნდა მოკვდნენ, მშვიდობიან მოსახლეობას კი ხელი არ ახლოთ.", { invaders: ["ოკუპანტები"] }],
    ["a sparing phrase before a group spares it", "Ne bántsátok a civileket, de az orkokat lőjétek le.", { invaders: ["orkokat"] }],
    ["a sparing phrase around a group spares it", "Kill the invaders and leave civilians alone.", { invaders: ["invaders"] }],
    ["a sparing phrase spares the group beside it, not another one before", "Убивайте окупантов, а мирных не трогайте.", { invaders: ["окупантов"] }],
    ["without a sparing phrase both groups are aimed at", "Убивайте окупантов и мирных тоже.", { invaders: ["окупантов"], civilians: ["мирных"] }],
    ["a call points past 'these same …' to 'they' in a place of the war", "Бачили, як вони розстріляли чоловіка в Бучі? Ці самі нелюди тепер під Кремінною. Вбивати їх.", { "perpetrators-they": ["вони"], "unclear-target": ["нелюди"] }],
    ["a call with no target reaches 'they' in a place of the war", "Видели Изюм после них? Никакой пощады. Уничтожать.", { "perpetrators-they": ["них"] }],
    ["'they' beside an act of the invasion is a reason, not a target", "Every Azeri soldier should be killed, they came to our land first", {}],
    ["'they' after a group its sentence names is that group", "Этих русских надо убивать всех, они все поддерживают эту войну.", { russians: ["русских"] }],
    ["whom a call avenges is a victim", "Za każdą ukraińską matkę ruscy mają zapłacić krwią.", { russians: ["ruscy"] }],
    ["the avenged right after the cue only: the group after them is aimed at", "За нашых дзяцей акупантаў трэба знішчаць.", { invaders: ["акупантаў"] }],
    ["thanks for the enemy destroyed is no revenge", "Дякую ЗСУ за кожного знищеного орка! Валіть їх і далі, хлопці", { invaders: ["орка"] }],
    ["a Hungarian accusative before a reported act is a victim", "Az oroszok lerohanták Ukrajnát és gyerekeket gyilkolnak. Dögöljenek meg mind!", { russians: ["oroszok"] }],
    ["a Hungarian subject before a reported act is no victim", "Az oroszok lerohanták Ukrajnát. Dögöljenek meg mind!", { russians: ["oroszok"] }],
    ["an Armenian object, an auxiliary, a reported act: a victim", "Ռուսները երեխաներ են սպանում, թող բոլորը կոտորվեն", { russians: ["ռուսները"] }],
    ["a reported act reaches no group after a word that starts a new statement", "russia invaded ukraine so every russian deserves a bullet.", { russians: ["every russian"] }],
    ["a reported act reaches no group in the next clause (hu)", "Amíg Kijevet bombázzák, minden orosz megérdemli a golyót.", { russians: ["orosz"] }],
    ["the reason given for a call names no target of it", "Lukashenko should hang in Minsk for handing Belarus over to the invaders.", { "head-of-state": ["lukashenko"] }],
    ["the reason given before the call, in its own clause", "Лукашенку за те, що пустив орків через свою територію, мотузку на шию.", { "head-of-state": ["лукашенку"] }],
    ["a call whose every candidate is in a reason is aimed at them", "Kill them all, because the occupiers burned our village.", { invaders: ["occupiers"] }],
    ["a pronoun with nothing before it points forward", "Find them, shoot them. The orks came for our land.", { invaders: ["orks"] }],
    // antecedent-only (perpetrators-acted): an act of the invasion names its doers for a pronoun of another sentence or clause
    ["a pronoun points back to the doers of an act of the invasion", "They shelled Kharkiv again last night. Shoot them all.", { "perpetrators-acted": ["shelled"] }],
    ["a dropped subject: the act alone names its doers", "Знову обстріляли Харків. Бийте їх усіх.", { "perpetrators-acted": ["обстріляли"] }],
    ["a pronoun points to the doers of an act in an earlier clause of its sentence", "They shelled Kharkiv again, shoot them all.", { "perpetrators-acted": ["shelled"] }],
    ["an object pronoun right before the call is governed by it", "Вони знову обстріляли Харків, треба їх знищити.", { "perpetrators-acted": ["обстріляли"] }],
    ["an act after the call gives its reason: the pronoun points back past it", "the captured ones too. line them up and shoot them, they shelled our street for a month", { "pow-named": ["the captured ones"] }],
    ["a group named beside the act is what the pronoun points to, not the act", "Russia invaded us and most Russians cheer it on. Let them all die.", { russians: ["russians"] }],
    ["an act in the call's own clause is no target of it", "Every Azeri soldier in Artsakh should be killed, they came to our land first.", {}],
    ["a pronoun the call does not govern names where, not whom", "ну а шо, раз вони нас бомблять, то хай і в них там горить", {}],
    ["no invasion in the post: an act names no doer of the war", "They did this to my car. Kill them all.", {}],
    ["a denied act names no doer", "They never shelled Kharkiv, they say. Kill them all.", {}],
    ["forward past a sentence that names no one", "Kill them. All of them. Every russian pig standing on Ukrainian soil", { russians: ["every russian"] }],
    ["Ukraine's own before the pronoun carry the call out", "Rosyjscy żołnierze splądrowali wieś. Niech Ukraińcy tłuką ich do ostatniego.", { "russian-military": ["rosyjscy zolnierze"] }],
    ["an endorsed quote is applied to whom the next sentence says is the same", "Дед говорил: «фашиста надо убивать». С нынешними оккупантами то же самое, дед был прав.", { "unclear-target": ["фашиста"], invaders: ["оккупантами"] }],
    // targets.also: a short sentence with no call of its own that adds whom it names (round 26)
    ["a short sentence ending with 'also' words adds whom it names to the call before", "Путина в гроб. И Шойгу следом, туда же.", { "head-of-state": ["путина"], "other-target": ["шойгу"] }],
    ["a short sentence opening with 'also' words adds whom it names too", "Putin must die. Then Shoigu.", { "head-of-state": ["putin"], "other-target": ["shoigu"] }],
    ["an 'also' word inside a longer sentence says something of its own", "Пусть Путин сдохнет. Россияне тоже виноваты в том, что молчали столько лет подряд.", { "head-of-state": ["путин"] }],
    ["an 'also' word in the middle of a short sentence adds no one", "Пусть Путин сдохнет. Россияне тоже виноваты.", { "head-of-state": ["путин"] }],
    ["a sentence with a call of its own keeps its own targets", "Путина в гроб. Шойгу тоже надо повесить.", { "head-of-state": ["путина"], "other-target": ["шойгу"] }],
  ])("%s: %s", (_, text, expected) => {
    expect(aimedAt(text)).toEqual(expected);
  });
});

describe("calls in explanations", () => {
  it("names the act of another clause that a pronoun points to as the call's antecedent", async () => {
    const { explain } = await import("../../src/evaluate/explain.js");
    const x = explain({ text: "They shelled Kharkiv again, shoot them all.", country: "UA" }, policy);
    expect(x.calls.map((c) => c.targets.map((t) => [t.evidence.text, t.role, t.why]))).toEqual([[["shelled", "antecedent", '"them all" points to it (another clause of its sentence)']]]);
  });
  it("names whom an ellipsis after the call adds as its antecedent in the sentence after", async () => {
    const { explain } = await import("../../src/evaluate/explain.js");
    const x = explain({ text: "Путина в гроб. И Шойгу следом, туда же.", country: "RU" }, policy);
    expect(x.calls.map((c) => c.targets.map((t) => [t.evidence.text, t.role]))).toEqual([[["Путина", "target"], ["Шойгу", "antecedent"]]]);
  });
  it("says how many sentences forward a pronoun points", async () => {
    const { explain } = await import("../../src/evaluate/explain.js");
    const x = explain({ text: "Kill them. All of them. Every russian pig standing on Ukrainian soil", country: "UA" }, policy);
    expect(x.calls.map((c) => c.targets.map((t) => [t.evidence.text, t.role, t.why]))).toEqual([[["Every russian", "antecedent", '"them" points forward to it (2 sentences after)']]]);
  });

  it("lists each call once with its frame, whom it is aimed at, whom not, and its credibility", async () => {
    const { explain } = await import("../../src/evaluate/explain.js");
    const x = explain({ text: "Russian troops looted our village. Every one of them should hang, but spare the civilians.", country: "UA" }, policy);
    expect(x.calls.map((c) => ({ call: c.call.text, frame: c.frame, targets: c.targets.map((t) => [t.evidence.text, t.role]), credibility: c.credibility.map((e) => e.text) }))).toEqual([
      { call: "hang", frame: "verb", targets: [["civilians", "spared"], ["Russian troops", "antecedent"]], credibility: ["hang"] },
    ]);
  });
});
