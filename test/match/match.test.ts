import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findMatches, matchLexicons } from "../../src/match/match.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";
import { loadPolicy } from "../../src/use-cases/load-policy.js";
import { normalise } from "../../src/text/normalise.js";
import { tokenise } from "../../src/text/tokenise.js";

// The bundled policy as the CLI loads it: precompiled (once, by the tests' global setup).
const policy = (await loadPolicy("meta-2022-03-10")).policy!;
// Posts of every kind in 14 languages: the first blind round (written by people who never saw the
// rules), and typos, run-together words and evasions made up here.
const posts = [
  ...readFileSync("test/fixtures/blind/round-1.jsonl", "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { text: string }).text),
  "Deaht to the invdaers, they all deserve todie",
  "stabthose occupiers, not joking",
  "Смерть окупантам! А не просто слова",
  "He said 'kill them all' and was banned — this is not the way",
  "Good morning Kyiv, the war is far from over",
  "D3ath t0 Пyтін and his p u p p e t s",
];

describe("findMatches", () => {
  it("defers exactly the context-only lexicons, and completing gives what matching everything at once gives", () => {
    const deferred = policy.deferredLexicons;
    expect(deferred.some(Boolean)).toBe(true);
    expect(deferred.every(Boolean)).toBe(false);
    let deferredSeen = 0;
    for (const text of posts) {
      const tokens = tokenise(normalise(text).text);
      const all = matchLexicons(policy.index, tokens, normalise(text).text);
      const lazy = findMatches(policy.index, tokens, normalise(text).text, deferred);
      lazy.lists.forEach((l, i) => {
        if (deferred[i]) expect(l).toEqual([]);
        else expect(l).toEqual(all[i]);
      });
      deferredSeen += all.filter((l, i) => deferred[i] && l.length > 0).length;
      expect(lazy.complete()).toEqual(all);
      expect(lazy.complete()).toBe(lazy.lists);
    }
    // The posts do exercise deferred lexicons.
    expect(deferredSeen).toBeGreaterThan(10);
  });

  it("marks as deferred exactly the lexicons no signal draws candidates from", () => {
    const mini = loadYamlPolicy("test/fixtures/mini/policy.yaml").policy!;
    const used = mini.deferredLexicons.map((d, i) => (d ? mini.index.lexicons[i] : null)).filter(Boolean);
    // frame and neg are only context in the mini policy.
    expect(used).toEqual(["frame", "neg"]);
  });
});
