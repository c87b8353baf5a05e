import { describe, expect, it } from "vitest";
import { LexiconIndex } from "../../src/match/lexicon-index.js";
import { findMatches } from "../../src/match/match.js";
import { parseTerm } from "../../src/match/terms.js";
import { normalise } from "../../src/text/normalise.js";
import { tokenise } from "../../src/text/tokenise.js";

/**
 * What the matcher finds, case by case: each row is a lexicon (its terms, and whether it forgives
 * typos), a post, and the words of the post each match covers, with the term that matched. The
 * property test beside it checks the same rules on arbitrary input against a naive matcher.
 */
function matchesOf(terms: readonly string[], text: string, fuzzy = false): string[] {
  const index = new LexiconIndex(["l"], fuzzy ? new Set([0]) : new Set());
  for (const source of terms) {
    const p = parseTerm(source);
    if (!p.ok) throw new Error(p.message);
    index.addTerm({ lexicon: 0, lang: "en", source, parts: p.parts });
  }
  const norm = normalise(text);
  const tokens = tokenise(norm.text);
  return findMatches(index, tokens, norm.text, undefined)
    .complete()
    .flat()
    .map((m) => `${tokens.words.slice(m.t0, m.t1).join(" ")} <${m.source}>`);
}

describe("the matcher, case by case", () => {
  it.each([
    ["a word", ["kill"], "Kill them", false, ["kill <kill>"]],
    ["a word is not a prefix", ["kill"], "killers", false, []],
    ["a stem covers its endings", ["kill*"], "killing and killers", false, ["killing <kill*>", "killers <kill*>"]],
    ["a phrase, in order, across punctuation", ["death to"], "Death, to them", false, ["death to <death to>"]],
    ["a phrase never spans sentences", ["death to"], "Death. To them", false, []],
    ["a gap skips up to N words", ["hope ~2 die"], "hope they all die", false, ["hope they all die <hope ~2 die>"]],
    ["but not more", ["hope ~2 die"], "hope they will all die", false, []],
    ["a gap never skips an excluded word", ["hope ~3!not die"], "hope they do not die", false, []],
    ["the longer match wins within a lexicon", ["invaders", "russian invaders"], "the Russian invaders", false, ["russian invaders <russian invaders>"]],
    ["of two terms on the same words, the more specific", ["kill*", "killing"], "killing", false, ["killing <killing>"]],
    ["stretched letters", ["kill"], "kiiiill", false, ["kiiiill <kill>"]],
    ["a typo in a fuzzy lexicon", ["kill"], "klil them", true, ["klil <kill>"]],
    ["no typo in an exact lexicon", ["kill"], "klil them", false, []],
    ["no typo on a word some term lists", ["kill", "will"], "will", true, ["will <will>"]],
    ["two words of a phrase typed together", ["deserve to die"], "they deserve todie", false, ["deserve todie <deserve to die>"]],
    ["the first two words as one", ["death to all"], "deathto all", true, ["deathto all <death to all>"]],
    ["a word run into a neighbour some term lists", ["stab", "those people"], "stabthose occupiers", true, ["stabthose <stab>"]],
    // A hyphenated term ("na OIOM-ie") lists its ending as a word part: the ending is no word that
    // other words run into ("drzewie" is not "drzew" + "ie").
    ["never an ending a hyphenated term writes after its hyphen", ["drzew", "na oiom-ie"], "powiesić na drzewie", true, []],
    ["though a word the same letters are", ["drzew", "na oiom-ie", "ie ~1 zaraz"], "powiesić na drzewie", true, ["drzewie <drzew>"]],
    ["a hyphenated term still matches as written", ["na oiom-ie"], "leży na OIOM-ie", true, ["na oiom ie <na oiom-ie>"]],
    ["never an agent noun's ending, though a term lists it", ["shoot", "kill", "uzum er"], "why the shooter and the killers got five years", true, []],
    ["leetspeak and look-alike letters are folded first", ["death to"], "D3ath to the inv4ders", false, ["death to <death to>"]],
    ["a letter hidden behind a symbol, as the anchor", ["russian*"], "those r*ssians", false, ["r\uA788ssians <russian*>"]],
    ["and beside it", ["kill ~1 russian*"], "k*ll all r*ssians", false, ["k\uA788ll all r\uA788ssians <kill ~1 russian*>"]],
    ["in Cyrillic, behind @", ["убить"], "надо уб@ть", false, ["уб\uA788ть <убить>"]],
    ["never a swear word starred out", ["shot"], "this sh*t", false, []],
    ["never two hidden letters in a short word", ["kill"], "k**l", false, []],
    ["letters spelled out, words apart", ["kill the invaders"], "k.i.l.l. t.h.e. i.n.v.a.d.e.r.s.", false, ["kill the invaders <kill the invaders>"]],
  ])("%s", (_, terms, text, fuzzy, expected) => {
    expect(matchesOf(terms, text, fuzzy)).toEqual(expected);
  });
});

describe("run-together words across languages (a known limit)", () => {
  // "ty" (Polish, Czech, Slovak "you", a word of many terms) and "rants" (an English distance word,
  // cue.distance) read "these tyrants" as "ty" + "rants": adding "rants" flipped "Second amendment
  // solution for these tyrants" (en.cases.yaml) when it was added. The index's known words carry no
  // language, so a split cannot ask that both halves be of one language; until they do, this fails.
  it.fails("never reads a word as a head of one language run into a word of another", () => {
    const index = new LexiconIndex(["pl", "en"], new Set([0, 1]));
    for (const [lexicon, lang, source] of [[0, "pl", "ty"], [1, "en", "rants"]] as const) {
      const p = parseTerm(source);
      if (!p.ok) throw new Error(p.message);
      index.addTerm({ lexicon, lang, source, parts: p.parts });
    }
    const norm = normalise("these tyrants");
    const found = findMatches(index, tokenise(norm.text), norm.text, undefined).complete().flat();
    expect(found.map((m) => m.source)).toEqual([]);
  });
});
