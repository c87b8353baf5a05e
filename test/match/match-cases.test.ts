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
  return matchesWith(new LexiconIndex(["l"], fuzzy ? new Set([0]) : new Set()), terms.map((source) => [0, "en", source] as const), text);
}

/** The index given, filled with [lexicon, language, term] each; what it finds in the text, as matchesOf shows it. */
function matchesWith(index: LexiconIndex, terms: readonly (readonly [number, string, string])[], text: string): string[] {
  for (const [lexicon, lang, source] of terms) {
    const p = parseTerm(source);
    if (!p.ok) throw new Error(p.message);
    index.addTerm({ lexicon, lang, source, parts: p.parts });
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

/** What the matcher finds with terms of several languages: [lexicon, language, term] each (lexicon 1 forgives typos). */
function matchesIn(terms: readonly (readonly [number, string, string])[], text: string): string[] {
  return matchesWith(new LexiconIndex(["exact", "fuzzy"], new Set([1])), terms, text);
}

describe("run-together words across languages", () => {
  // "ty" (Polish, Czech, Slovak "you", a word of many terms) and "rants" (an English distance word,
  // cue.distance) read "these tyrants" as "ty" + "rants": adding "rants" flipped "Second amendment
  // solution for these tyrants" (en.cases.yaml) when it was added. A word is split only into two
  // words of one language, the language of the term found.
  it("never reads a word as a head of one language run into a word of another", () => {
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

  // Each split both ways: a known word before the term's word ("ty" + "rants"), and the term's word
  // before a known word ("stab" + "those"); a Cyrillic pair of each; the split found when both words
  // are of the term's language and refused when the known word is only another language's.
  it.each([
    ["a known head and a term of its language", [[0, "en", "ty ~1 go"], [0, "en", "rants"]], "these tyrants", ["tyrants <rants>"]],
    ["a known head of another language", [[0, "pl", "ty ~1 go"], [0, "en", "rants"]], "these tyrants", []],
    ["a term's word and a known tail of its language", [[1, "en", "stab"], [0, "en", "those people"]], "stabthose occupiers", ["stabthose <stab>"]],
    ["a known tail of another language", [[1, "en", "stab"], [0, "pl", "those people"]], "stabthose occupiers", []],
    ["a known head of several languages, one the term's", [[0, "pl", "ty ~1 go"], [0, "en", "ty ~1 go"], [0, "en", "rants"]], "these tyrants", ["tyrants <rants>"]],
    ["in Polish, a term's word and a known tail", [[1, "pl", "zabić"], [0, "pl", "ich wszystkich"]], "trzeba zabićich", ["zabicich <zabić>"]],
    ["in Polish, a tail known only in English", [[1, "pl", "zabić"], [0, "en", "ich bin"]], "trzeba zabićich", []],
    ["in Cyrillic, a known head and a term of its language", [[1, "ru", "убить"], [0, "ru", "всех их"]], "всехубить", ["всехубить <убить>"]],
    ["in Cyrillic, a known head of another language", [[1, "ru", "убить"], [0, "uk", "всех їх"]], "всехубить", []],
    ["in Cyrillic, a term's word and a known tail of its language", [[1, "uk", "вбити"], [0, "uk", "їх усіх"]], "треба вбитиїх", ["вбитиїх <вбити>"]],
    ["in Cyrillic, a tail known only in Russian", [[1, "uk", "вбити"], [0, "ru", "их всех"]], "треба вбитиих", []],
    // A long call word may be run into any next word, known or not, of any language ("powiesićtych").
    ["a long call word run into a word of another language", [[1, "pl", "powiesić"], [0, "en", "them all"]], "powiesićthem", ["powiesicthem <powiesić>"]],
    ["a long call word run into an unknown word", [[1, "pl", "powiesić"]], "powiesićtych", ["powiesictych <powiesić>"]],
    // A term of no language ("") pairs with a word of any, and a word of it with a term of any.
    ["a term of no language and a known head", [[0, "pl", "ty ~1 go"], [0, "", "rants"]], "these tyrants", ["tyrants <rants>"]],
    ["a known head of no language", [[0, "", "ty ~1 go"], [0, "en", "rants"]], "these tyrants", ["tyrants <rants>"]],
    ["a known tail of no language", [[1, "pl", "zabić"], [0, "", "ich bin"]], "trzeba zabićich", ["zabicich <zabić>"]],
  ] as const)("%s", (_, terms, text, expected) => {
    expect(matchesIn(terms, text)).toEqual(expected);
  });
});
