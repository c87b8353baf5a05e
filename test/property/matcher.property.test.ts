import fc from "fast-check";
import { describe, it } from "vitest";
import { LexiconIndex } from "../../src/match/lexicon-index.js";
import { findMatches } from "../../src/match/match.js";
import { parseTerm } from "../../src/match/terms.js";
import { normalise } from "../../src/text/normalise.js";
import { tokenise } from "../../src/text/tokenise.js";
import { referenceMatches, type RefMatch, type RefTerm } from "../match/reference-matcher.js";
import { check, timeout } from "./harness.js";

// The fast matcher (one index look-up a word, views, typo and run-together look-ups, a memo and a
// neighbour pre-test) against the obvious one (every term tried on every word). Words are short
// and drawn from a small alphabet, so that terms collide with one another and with the text: stems
// that are prefixes of other words, typos that are other terms, words typed together. Terms are of
// two languages and none, so that a word run together from two terms' words is sometimes of one
// language and sometimes of two.

const LETTERS = "abcdeikl";
const word = (min: number, max: number) => fc.array(fc.constantFrom(...LETTERS), { minLength: min, maxLength: max }).map((cs) => cs.join(""));

const termSource = fc
  .tuple(fc.array(fc.tuple(word(2, 5), fc.boolean()), { minLength: 1, maxLength: 3 }), fc.array(fc.option(fc.tuple(fc.integer({ min: 1, max: 2 }), fc.option(word(2, 3), { nil: undefined })), { nil: undefined }), { minLength: 2, maxLength: 2 }))
  .map(([ws, gaps]) => {
    const out: string[] = [];
    ws.forEach(([w, stem], i) => {
      if (i > 0) {
        const g = gaps[i - 1];
        if (g) out.push(g[1] ? `~${g[0]}!${g[1]}` : `~${g[0]}`);
      }
      out.push(stem ? `${w}*` : w);
    });
    return out.join(" ");
  });

const language = fc.oneof({ weight: 4, arbitrary: fc.constantFrom("en", "pl") }, { weight: 1, arbitrary: fc.constant("") });
const lexicons = fc.array(fc.tuple(fc.boolean(), fc.array(fc.tuple(termSource, language), { minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 3 });

/** A post made of the terms' own words, their typos, stretchings, run-togethers (short and long) and starred letters, and noise. */
function textFor(terms: readonly string[]) {
  const vocab = [...new Set(terms.flatMap((t) => t.split(" ")).filter((w) => !w.startsWith("~")).map((w) => w.replace("*", "")))];
  const base = vocab.length > 0 ? fc.constantFrom(...vocab) : word(1, 5);
  const mutate = fc.tuple(base, fc.integer({ min: 0, max: 8 }), word(0, 2), fc.constantFrom(...vocab.concat(["ab"])), fc.integer({ min: 1, max: 4 }), fc.constantFrom("*", "#")).map(([w, kind, extra, other, at, star]) => {
    switch (kind) {
      case 8: // typed together with another word, however long ("stabthose": 7 letters and more are split)
        return w + other + (w.length + other.length < 7 ? extra + other : "");
      case 6: // a letter hidden behind a symbol ("k*ll")
        return w.length >= 3 ? w.slice(0, Math.min(at, w.length - 2)) + star + w.slice(Math.min(at, w.length - 2) + 1) : w;
      case 7: // two of them ("k*l#s")
        return w.length >= 5 ? w.slice(0, 1) + star + w.slice(2, 3) + "*" + w.slice(4) : w;
      case 0: // as it is
        return w;
      case 1: // a longer word the stem covers
        return (w + extra).slice(0, 6);
      case 2: // two neighbouring letters swapped
        return w.length >= 4 ? w.slice(0, 1) + w[2] + w[1] + w.slice(3) : w;
      case 3: // a letter stretched
        return w.length <= 3 ? w.slice(0, 1) + w[1]?.repeat(3) + w.slice(2) : w;
      case 4: // typed together with the next word
        return (w + other).length <= 6 ? w + other : w;
      default: // a letter missing
        return w.length >= 5 ? w.slice(0, 2) + w.slice(3) : w;
    }
  });
  const token = fc.oneof({ weight: 6, arbitrary: mutate }, { weight: 2, arbitrary: word(1, 6) }, { weight: 1, arbitrary: fc.constant(".") });
  return fc.array(token, { minLength: 1, maxLength: 14 }).map((ts) => ts.join(" ").replace(/ \./g, "."));
}

const asTuples = (lists: readonly { lexicon: number; source: string; t0: number; t1: number; via: number }[][]): RefMatch[] =>
  lists.flat().map((m) => [m.lexicon, m.source, m.t0, m.t1, m.via] as const);
const sorted = (ms: RefMatch[]): string[] => ms.map((m) => JSON.stringify(m)).sort();

describe("the matcher against a naive reference", () => {
  it(
    "finds exactly the matches of trying every term on every word",
    async () => {
      await check(
        "matcher = naive reference",
        fc.property(
          lexicons.chain((lx) => fc.tuple(fc.constant(lx), textFor(lx.flatMap(([, ts]) => ts.map(([source]) => source))))),
          ([lx, text]) => {
            const index = new LexiconIndex(lx.map((_, i) => `l${i}`), new Set(lx.flatMap(([fuzzy], i) => (fuzzy ? [i] : []))));
            const terms: RefTerm[] = [];
            lx.forEach(([fuzzy, sources], lexicon) => {
              // A term once per language of its lexicon, as the compiler files it.
              for (const [source, lang] of new Map(sources.map(([source, lang]) => [`${lang}\u0000${source}`, [source, lang] as const])).values()) {
                const p = parseTerm(source);
                if (!p.ok) continue;
                index.addTerm({ lexicon, lang, source, parts: p.parts });
                terms.push({ lexicon, lang, source, parts: p.parts, fuzzy });
              }
            });
            const norm = normalise(text);
            const tokens = tokenise(norm.text);
            const fast = sorted(asTuples(findMatches(index, tokens, norm.text, undefined).complete()));
            const slow = sorted(referenceMatches(terms, tokens));
            if (JSON.stringify(fast) !== JSON.stringify(slow)) throw new Error(`text ${JSON.stringify(text)}\n fast ${fast.join(" ")}\n slow ${slow.join(" ")}`);
          },
        ),
        300,
      );
    },
    timeout(),
  );
});
