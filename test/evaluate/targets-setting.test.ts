import { describe, expect, it } from "vitest";
import { analyse } from "../../src/evaluate/evaluate.js";
import { aimedAt, policy } from "./aimed-at.js";

// Words before a colon that every call of the sentence follows say where, to whom or in reply to
// what a call is made (rules/README: "Calls and their targets", the setting role). Sentences
// written for these tests.
describe("the setting of a call: before the colon that opens it", () => {
  it.each([
    ["a family chat before the colon is no target", "Mówię to na rodzinnym czacie: Putin powinien zdechnąć", { "head-of-state": ["putin"] }],
    ["whom the poster replies to", "Replying to the soldiers' mothers here: Lukashenko must die", { "head-of-state": ["lukashenko"] }],
  ])("%s: %s", (_, text, expected) => {
    expect(aimedAt(text)).toEqual(expected);
  });

  it.each([
    ["a call that names no one after the colon reaches back over it", "Orcs at Bakhmut: kill every one of them", { invaders: ["orcs"] }],
    ["what follows the call after a colon is never set aside", "Kill the invaders: their children too", { invaders: ["invaders"], civilians: ["their children"] }],
    ["a colon after the call sets nothing aside", "Kill the civilians, I said: all of them", { civilians: ["civilians"] }],
  ])("%s: %s", (_, text, expected) => {
    expect(aimedAt(text)).toEqual(expected);
  });

  it("is explained as the setting", () => {
    const a = analyse({ text: "Mówię to na rodzinnym czacie: Putin powinien zdechnąć", country: "PL" }, policy);
    const call = policy.signals.find((s) => s.name === "violent-call");
    const roles = call ? a.states[call.index]?.targets?.calls.flatMap((c) => c.roles.map((r) => r.role)) : [];
    expect(roles).toContain("setting");
  });
});
