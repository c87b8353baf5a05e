import { describe, expect, it } from "vitest";
import { analyse } from "../../src/evaluate/evaluate.js";
import { callsOf, signalAt } from "../../src/evaluate/explain.js";
import { aimedAt, policy } from "./aimed-at.js";

// Round 12: frames of a call and the roles of whom it names (rules/shared/frames.yaml), and the
// explanation of calls found by a signal defined after the union that names it. Sentences written
// for these tests.
describe("frames and roles of calls (round 12)", () => {
  it.each([
    ["a future passive with a universal", "Visi okupanti tiks iznīcināti, līdz pēdējam.", { invaders: ["okupanti"] }],
    ["the speaker's conditional", "Ja bym wszystkich okupantów rozstrzelał.", { invaders: ["okupantow"] }],
    ["'we' and its apposition make the call", "Мы, грузины, будем уничтожать оккупантов.", { invaders: ["оккупантов"] }],
    ["a head of state's gang is another target", "Смерть Лукашенко и всей его кодле.", { "head-of-state": ["лукашенко"], "other-target": ["его кодле"] }],
  ])("%s: %s", (_, text, expected) => {
    expect(aimedAt(text)).toEqual(expected);
  });

  it("looks signals up by index, not by position in evaluation order", () => {
    for (const s of policy.signals) expect(signalAt(policy, s.index)?.name).toBe(s.name);
    const calls = callsOf(analyse({ text: "Toți ocupanții din Herson vor fi uciși, până la ultimul.", country: "UA" }, policy), policy);
    expect(calls.map((c) => [c.call.signal, c.frame])).toEqual([["call-future-passive", "future-passive"]]);
    expect(calls[0]?.targets.map((t) => [t.evidence.signal, t.role])).toEqual([["invaders", "target"]]);
  });
});
