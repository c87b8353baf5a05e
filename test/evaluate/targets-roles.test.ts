import { describe, expect, it } from "vitest";
import { aimedAt } from "./aimed-at.js";

// Round 9 of the target work: the poster's own people, the side that carries a call out, a word
// inside a longer name, the captured, the invaders named by their deeds, an intransitive act in an
// object-before-verb language. Sentences written for these tests.
describe("targets of a call (round 9)", () => {
  it.each([
    ["the poster's own civilians are victims; the pronoun reaches the invaders", "Our children sleep in shelters because of the invaders. Kill them all.", { invaders: ["invaders"] }],
    ["the poster's own, Russian", "Из-за оккупантов наши дети спят в подвалах. Убивать их всех.", { invaders: ["оккупантов"] }],
    ["a third party's children are still civilians", "Kill the invaders and their children.", { invaders: ["invaders"], civilians: ["their children"] }],
    ["Ukrainians beside the invaders carry the call out", "Ukrainians should kill every invader they see.", { invaders: ["invader"] }],
    ["Ukrainians alone are an other target", "Kill the Ukrainians.", { "other-target": ["ukrainians"] }],
    ["captured before the invaders names prisoners of war", "Shoot captured ruscists on sight.", { invaders: ["ruscists"], "pow-captured": ["captured"] }],
    ["the invaders named by a bare 'did'", "Those who did Bucha must be hanged.", { "perpetrators-described": ["who", "who"] }],
    ["a word inside a longer name of another target is part of it", "Хай бункерний дід здохне.", { "head-of-state": ["бункерний дід"] }],
    ["an intransitive act's subject (hy) is no victim", "Ռուսները հարձակվեցին Ուկրաինայի վրա, թող սատկեն", { russians: ["ռուսները"] }],
  ])("%s: %s", (_, text, expected) => {
    expect(aimedAt(text)).toEqual(expected);
  });
});
