import { describe, expect, it } from "vitest";
import { anchorOf } from "../../src/match/lexicon-index.js";
import { hyphenEndings, parseTerm, type ParsedTerm, type TermPart } from "../../src/match/terms.js";

function parts(source: string): TermPart[] {
  const r = parseTerm(source);
  if (!r.ok) throw new Error(`expected '${source}' to parse, got ${r.code}: ${r.message}`);
  return r.parts;
}

/** A term in a compact form: words as key (with * for stems), gaps as ~N. */
function shape(source: string): string {
  return parts(source)
    .map((p) => (p.kind === "gap" ? `~${p.max}` : `${p.key}${p.stem ? "*" : ""}`))
    .join(" ");
}

describe("parseTerm: valid terms", () => {
  it.each([
    ["one word", "смерть", "смерть"],
    ["a stem", "вбий*", "вбий*"],
    ["several words", "заслугову* на смерть", "заслугову* на смерть"],
    ["a gap", "хай ~2 здохн*", "хай ~2 здохн*"],
    ["the largest gap", "I ~5 kill", "i ~5 kill"],
    ["the smallest gap", "kill ~1 them", "kill ~1 them"],
    ["extra spaces", "  kill*   them  ", "kill* them"],
    ["tabs and newlines", "kill\tthem\nall", "kill them all"],
    ["upper case", "DEATH To", "death to"],
    ["Polish diacritics", "Śmierć wrogom", "smierc wrogom"],
    ["ё", "Ёлка", "елка"],
    ["a curly apostrophe", "вб’ю", "вб'ю"],
    ["a modifier-letter apostrophe", "вбʼємо", "вб'ємо"],
    ["fullwidth letters", "Ｐｕｔｉｎ", "putin"],
    ["leetspeak in a term is read like text", "d3ath", "death"],
    ["a hyphenated word becomes two words", "self-defence", "self defence"],
    ["a hyphenated stem: the star goes to the last word", "anti-war*", "anti war*"],
    ["digits", "covid19", "covid19"],
  ])("%s: %j", (_, source, expected) => {
    expect(shape(source)).toBe(expected);
  });

  it("gives every key of a word", () => {
    expect(parseTerm("Окупантам смерть* kill*")).toMatchInlineSnapshot(`
      {
        "ok": true,
        "parts": [
          {
            "key": "окупантам",
            "kind": "word",
            "max": undefined,
            "not": undefined,
            "sq": "окупантам",
            "stem": false,
            "tr": "okupantam",
          },
          {
            "key": "смерть",
            "kind": "word",
            "max": undefined,
            "not": undefined,
            "sq": "смерть",
            "stem": true,
            "tr": "smert",
          },
          {
            "key": "kill",
            "kind": "word",
            "max": undefined,
            "not": undefined,
            "sq": "kil",
            "stem": true,
            "tr": undefined,
          },
        ],
        "warnings": [],
      }
    `);
  });

  it.each([
    ["killll", "kil"],
    ["оккупант", "окупант"],
    ["death", "death"],
  ])("keeps the squeezed form of %j for stretched text", (source, sq) => {
    const [p] = parts(source);
    expect(p?.kind === "word" && p.sq).toBe(sq);
  });

  it.each<[string, string | undefined]>([
    ["окупантам", "okupantam"],
    ["смерть", "smert"],
    ["щастя", "shchastia"],
    ["здохн*", "zdohn"],
    // Skeletons shorter than five letters collide with unrelated Latin words ("бийте" ~ "byte"): they
    // are kept, but a match through one is marked VIA_SHORT and counts only in a transliteration.
    ["вб'ю", "vbiu"],
    ["бийте", "bite"],
    ["вбий", "vbi"],
    ["кот", "kot"],
    ["ой", "oi"],
    ["путь", "put"],
    // A stem keeps no short key: "війн*" would match "vin" (він, "he").
    ["війн*", undefined],
    // Only Cyrillic words get a transliteration key.
    ["okupantam", undefined],
    ["smert", undefined],
    ["smierc", undefined],
    ["გამარჯობა", undefined],
  ])("transliteration key of %j is %j", (source, tr) => {
    const [p] = parts(source);
    expect(p?.kind).toBe("word");
    expect(p?.kind === "word" ? p.tr : null).toBe(tr);
  });
});

describe("parseTerm: warnings", () => {
  it.each([
    ["вб*", ["stem 'вб*' is very short and will match many unrelated words"]],
    ["ab*", ["stem 'ab*' is very short and will match many unrelated words"]],
    ["k*", ["stem 'k*' is very short and will match many unrelated words"]],
    ["ж*", ["stem 'ж*' is very short and will match many unrelated words"]],
    // In a phrase the other words constrain a short stem.
    ["hey ж*", []],
    ["ab* kill", []],
    ["anti-w*", []],
    ["вби*", []],
    ["kil*", []],
    ["ab", []],
    ["death to", []],
    ["𝐀𝐁𝐂*", []],
  ])("%j warns %j", (source, warnings) => {
    const r = parseTerm(source);
    expect(r.ok && r.warnings).toEqual(warnings);
  });
});

describe("parseTerm: errors", () => {
  it.each<[string, Extract<ParsedTerm, { ok: false }>]>([
    ["", { ok: false, code: "empty-term", message: "empty term: it would match nothing (or everything)" }],
    ["   \t ", { ok: false, code: "empty-term", message: "empty term: it would match nothing (or everything)" }],
    ["*", { ok: false, code: "invalid-term", message: "'*' alone would match every word" }],
    ["kill *", { ok: false, code: "invalid-term", message: "'*' alone would match every word" }],
    ["ki*ll", { ok: false, code: "invalid-term", message: "'*' may only end a word (in 'ki*ll')" }],
    ["*kill", { ok: false, code: "invalid-term", message: "'*' may only end a word (in '*kill')" }],
    ["kill**", { ok: false, code: "invalid-term", message: "'*' may only end a word (in 'kill**')" }],
    ["~2 kill", { ok: false, code: "invalid-term", message: "a term cannot start with a gap" }],
    ["kill ~2", { ok: false, code: "invalid-term", message: "a term cannot end with a gap" }],
    ["kill ~1 ~1", { ok: false, code: "invalid-term", message: "a term cannot end with a gap" }],
    ["kill ~0 them", { ok: false, code: "invalid-term", message: "gap '~0' must be ~1 to ~5" }],
    ["kill ~6 them", { ok: false, code: "invalid-term", message: "gap '~6' must be ~1 to ~5" }],
    ["kill ~9 them", { ok: false, code: "invalid-term", message: "gap '~9' must be ~1 to ~5" }],
    ["~0", { ok: false, code: "invalid-term", message: "gap '~0' must be ~1 to ~5" }],
    ["!!!", { ok: false, code: "invalid-term", message: "'!!!' has no letters or digits to match" }],
    ["kill --", { ok: false, code: "invalid-term", message: "'--' has no letters or digits to match" }],
    ["—*", { ok: false, code: "invalid-term", message: "'—*' has no letters or digits to match" }],
  ])("%j", (source, error) => {
    expect(parseTerm(source)).toEqual(error);
  });

  it("reports the first problem, left to right", () => {
    expect(parseTerm("ki*ll ~0")).toMatchObject({ code: "invalid-term", message: "'*' may only end a word (in 'ki*ll')" });
    expect(parseTerm("~0 ki*ll")).toMatchObject({ code: "invalid-term", message: "gap '~0' must be ~1 to ~5" });
  });

  it("reads ~ followed by anything but digits as a word, not a gap", () => {
    expect(shape("kill ~x them")).toBe("kill x them");
  });
});

describe("gaps that exclude words", () => {
  it("parses ~N!w1,w2 into a gap with normalised exclusions", async () => {
    const { parseTerm } = await import("../../src/match/terms.js");
    const r = parseTerm("oby ~4!Nie,nikt zginęli");
    expect(r.ok && r.parts[1]).toEqual({ kind: "gap", max: 4, not: ["nie", "nikt"] });
    expect(parseTerm("oby ~4! zginęli")).toMatchObject({ ok: false, code: "invalid-term" });
  });
});

describe("anchorOf: the word a term is looked up by", () => {
  const anchor = (source: string): string => {
    const ps = parts(source);
    const p = ps[anchorOf(ps)] as TermPart;
    return p.kind === "word" ? p.key : "~";
  };
  it.each([
    ["the longest word", "we shall kill", "shall"],
    ["not a frequent word while the term has another", "you will die", "die"],
    ["not a frequent word, however long", "why won't anyone ~1 kill", "won't"],
    ["a whole word before a stem of its length", "hang* rats", "rats"],
    ["a frequent word when the term has nothing else", "will", "will"],
    ["the longest of two frequent words", "they will", "they"],
  ])("%s: '%s' by '%s'", (_what, source, expected) => {
    expect(anchor(source)).toBe(expected);
  });
});

describe("hyphenEndings", () => {
  it.each([
    ["na OIOM-ie", ["ie"]],
    ["NATO-wcy ~2 zabić", ["wcy"]],
    ["ЗСУ-шникам", []],
    ["post-Soviet", []],
    ["anti-war", ["war"]],
    ["na OIOM-ie*", ["ie"]],
  ])("%j: %j", (source, endings) => {
    expect([...(hyphenEndings(source) ?? [])]).toEqual(endings);
  });

  it("is undefined for a term that writes no dash", () => {
    expect(hyphenEndings("na oiomie")).toBeUndefined();
    expect(hyphenEndings("hope ~2 die")).toBeUndefined();
  });
});
