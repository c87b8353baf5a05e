import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ContextIndex, type WorkMeter } from "../../src/evaluate/context-index.js";
import type { LexMatch } from "../../src/match/index.js";
import type { Tokens } from "../../src/text/tokenise.js";

// The look-ups of ContextIndex against the obvious answers, for look-ups in any order: a long list
// is searched from where the last search ended, a unit's bounds come from a table once enough
// look-ups ask, and the words before a candidate that skip lexicons cover are found from the matches.

/** Tokens of `n` words whose sentence and clause numbers are given (non-decreasing). */
function tokensOf(sentence: number[], clause: number[]): Tokens {
  const n = sentence.length;
  return {
    words: Array.from({ length: n }, (_, i) => `w${i}`),
    starts: Uint32Array.from({ length: n }, (_, i) => 3 * i),
    ends: Uint32Array.from({ length: n }, (_, i) => 3 * i + 2),
    sentence: Uint32Array.from(sentence),
    clause: Uint32Array.from(clause),
    quoted: new Uint8Array(n),
    pictographs: 0,
  };
}

const match = (t0: number, t1: number): LexMatch => ({ lexicon: 0, source: "x", lang: "en", t0, t1, start: 0, end: 0, via: 0 });

/** Unit numbers of `n` words: a new unit where `breaks` says so. */
const unitsOf = (breaks: boolean[]): number[] => {
  let u = 0;
  return breaks.map((b, i) => (i > 0 && b ? ++u : u));
};

const arb = fc.record({
  breaks: fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 300 }),
  spans: fc.array(fc.array(fc.tuple(fc.nat(299), fc.integer({ min: 0, max: 4 })), { maxLength: 80 }), { minLength: 1, maxLength: 3 }),
  queries: fc.array(fc.nat(330), { minLength: 1, maxLength: 400 }),
});

describe("ContextIndex look-ups", () => {
  it("firstFrom, unitRange and openBefore give the answers of a plain scan, whatever the order of the look-ups", () => {
    fc.assert(
      fc.property(arb, ({ breaks, spans, queries }) => {
        const n = breaks.length;
        const sentence = unitsOf(breaks.map(([s]) => s));
        const clause = unitsOf(breaks.map(([s, c]) => s || c));
        const tokens = tokensOf(sentence, clause);
        const lists = spans.map((l) => l.map(([a, w]) => match(a % n, Math.min(n, (a % n) + w))).sort((x, y) => x.t0 - y.t0));
        const ix = new ContextIndex(tokens, { steps: 0 });
        const skip = lists.map((_, i) => i);
        for (const q of queries) {
          const t = q % (n + 2);
          for (const list of lists) {
            const want = list.findIndex((m) => m.t0 >= t);
            expect(ix.firstFrom(list, t)).toBe(want < 0 ? list.length : want);
          }
          const w = t % n;
          for (const [scope, unit] of [["sentence", sentence], ["clause", clause]] as const) {
            const first = unit.indexOf(unit[w] as number);
            const end = unit.lastIndexOf(unit[w] as number) + 1;
            expect(ix.unitRange(w, scope)).toEqual([first, end]);
          }
          expect(ix.unitRange(w, "post")).toEqual([0, n]);
          let open = w;
          while (open >= 0 && lists.some((l) => l.some((m) => m.t0 <= open && open < m.t1))) open--;
          expect(ix.openBefore(skip, lists, w)).toBe(open);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a look-up in text order costs a few steps, however long the post (counted)", () => {
    const cost = (n: number): number => {
      const tokens = tokensOf(unitsOf(Array.from({ length: n }, (_, i) => i % 12 === 0)), unitsOf(Array.from({ length: n }, (_, i) => i % 4 === 0)));
      const list = Array.from({ length: Math.floor(n / 3) }, (_, i) => match(3 * i, 3 * i + 1));
      const meter: WorkMeter = { steps: 0 };
      const ix = new ContextIndex(tokens, meter);
      const skip = [0];
      for (let t = 0; t < n; t++) {
        ix.firstFrom(list, t);
        ix.unitRange(t, "clause");
        ix.unitRange(t, "sentence");
        ix.openBefore(skip, [list], t);
      }
      return meter.steps / n;
    };
    const small = cost(200);
    const large = cost(200_000);
    expect(large, `${small.toFixed(2)} steps a word at 200 words, ${large.toFixed(2)} at 200,000`).toBeLessThanOrEqual(1.5 * small);
  });
});
