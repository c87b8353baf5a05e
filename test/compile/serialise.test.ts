import { describe, expect, it } from "vitest";
import { deserialisePolicy, parsePolicyIR, serialisePolicy } from "../../src/compile/serialise.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { loadPolicy } from "../../src/pipeline.js";

const posts = [
  { text: "Death to the Russian invaders!", country: "UA" },
  { text: "Death to Putin!", country: "PL" },
  { text: "Someone should shoot Putin.", country: "UA" },
  { text: "Glory to the nation, death to the enemies!", country: "UA" },
  { text: "Смерть окупантам!", country: "DE" },
  { text: "He wrote 'death to all Russians' and was banned.", country: "UA" },
];

describe("precompiled policies", () => {
  it.each(["meta-2022-03-10", "meta-2022-03-13", "meta-baseline"])("%s decides exactly as the YAML it was built from", (id) => {
    const full = loadPolicy(id).policy!;
    const copy = deserialisePolicy(parsePolicyIR(serialisePolicy(full, [])));
    expect(copy.rules.map((r) => r.id)).toEqual(full.rules.map((r) => r.id));
    expect(copy.index.terms.length).toBe(full.index.terms.length);
    for (const p of posts) expect(evaluate(p, copy)).toEqual(evaluate(p, full));
  });
});
