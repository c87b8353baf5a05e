import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forEachFill, isStarredSwear, isStretched, readsAs, readsWildcards, squeeze, translitSkeleton, translitSkeletonH, WILDCARD, wildMatch } from "../../src/text/keys.js";

describe("squeeze", () => {
  it.each([
    ["killll", "kil"],
    ["kill", "kil"],
    ["deeeath", "death"],
    ["death", "death"],
    ["aaa", "a"],
    ["abab", "abab"],
    ["ссмееерть", "смерть"],
    ["оккупант", "окупант"],
    ["zzzabbbc", "zabc"],
    ["𝐃𝐃𝐃x", "𝐃x"],
    ["", ""],
    ["a", "a"],
  ])("squeezes %j to %j", (word, expected) => {
    expect(squeeze(word)).toBe(expected);
  });

  it("property: squeezing twice is squeezing once, and leaves no letter twice in a row", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", "с", "м", "𝐃", "'") }), (w) => {
        const s = squeeze(w);
        expect(squeeze(s)).toBe(s);
        const cps = [...s];
        for (let i = 1; i < cps.length; i++) expect(cps[i]).not.toBe(cps[i - 1]);
      }),
    );
  });
});

describe("isStretched", () => {
  it.each([
    ["deeeath", true],
    ["killll", true],
    ["смееерть", true],
    ["aaa", true],
    ["kill", false],
    ["book", false],
    ["aa", false],
    ["a-a-a", false],
    ["111", false],
    ["...", false],
    ["abcabc", false],
    ["", false],
  ])("%j → %s", (word, expected) => {
    expect(isStretched(word)).toBe(expected);
  });
});

describe("translitSkeleton", () => {
  it.each<[string, string[]]>([
    ["okupantam", ["okupantam", "okkupantam", "окупантам", "оккупантам"]],
    ["smert", ["smert", "смерть", "смерт", "smertt"]],
    ["putin", ["putin", "путин", "путін"]],
    ["vbiu", ["вб'ю", "vbyu", "vb'iu", "vbju"]],
    ["shchastia", ["щастя", "shchastia", "schastya", "szczastia"]],
    ["hata", ["хата", "khata", "hata"]],
    ["zhaba", ["жаба", "zhaba"]],
    ["chort", ["чорт", "tchort", "czort"]],
    ["kiv", ["київ", "kyiv"]],
    ["ukraina", ["україна", "ukraina", "ukrayina"]],
    ["ielka", ["єлка", "yelka", "jelka"]],
    ["cukor", ["цукор", "tsukor", "cukor"]],
    ["voina", ["война", "voina", "woina"]],
  ])("%j is the skeleton of %j", (skeleton, words) => {
    for (const w of words) expect(translitSkeleton(w), w).toBe(skeleton);
  });

  it.each([
    ["smert", "smierc"],
    ["kiev", "kyiv"],
    ["okupant", "okupantam"],
  ])("tells %j and %j apart", (a, b) => {
    expect(translitSkeleton(a)).not.toBe(translitSkeleton(b));
  });

  it.each([
    ["Georgian", "გამარჯობა"],
    ["Armenian", "բարեւ"],
    ["Greek", "θάνατος"],
    ["Latin with diacritics", "śmierć"],
    ["upper-case Latin (skeletons are of normalised words)", "Kyiv"],
    ["Latin with digits", "covid19"],
    ["Latin with a hyphen", "self-defence"],
    ["Cyrillic with a letter it does not romanise", "ђаво"],
    ["empty", ""],
  ])("is undefined for %s (%j)", (_, word) => {
    expect(translitSkeleton(word)).toBeUndefined();
  });

  it.each([
    ["x", "ks"],
    ["q", "k"],
    ["w", "v"],
    ["ь", ""],
    ["ъ", ""],
    ["я", "ia"],
    ["щ", "shch"],
  ])("maps %j to %j", (word, expected) => {
    expect(translitSkeleton(word)).toBe(expected);
  });

  it("drops apostrophes and soft signs so spellings with and without them meet", () => {
    expect(translitSkeleton("п'ять")).toBe(translitSkeleton("piat"));
    expect(translitSkeleton("п'ять")).toBe(translitSkeleton("p'yat'"));
  });
});

describe("the class-table scans agree with the regexes they replaced", () => {
  // Letters, repeats, Cyrillic, marks, digits, astral letters and lone surrogates, so that runs and
  // every kind of code point meet.
  const unit = fc.constantFrom("a", "e", "A", "я", "ё", "і", "ђ", "\u0301", "1", "-", "'", "𝐃", "💀", "\uD800", "\uDC00", "ß", "ł", "α");
  const cyrillic = /\p{Script=Cyrillic}/u;
  const cyrillicRoman = new Set("абвгґдеєжзиіїйклмнопрстуўфхцчшщъыьэюя'");

  it("isStretched is /(\\p{L})\\1\\1/u", () => {
    // Few units, so that runs of three are common.
    const few = fc.constantFrom("a", "я", "𝐃", "1", "\u0301", "\uD800", "-");
    fc.assert(
      fc.property(fc.string({ unit: few, maxLength: 12 }), (w) => {
        expect(isStretched(w)).toBe(/(\p{L})\1\1/u.test(w));
      }),
      { numRuns: 500 },
    );
  });

  it("translitSkeleton decides the script as /\\p{Script=Cyrillic}/u does", () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 8 }), (w) => {
        const chars = [...w];
        const expected = cyrillic.test(w) ? (chars.some((ch) => !cyrillicRoman.has(ch) && cyrillic.test(ch)) ? undefined : "defined") : /^[a-z']+$/.test(w) ? "defined" : undefined;
        expect(translitSkeleton(w) === undefined ? undefined : "defined").toBe(expected);
      }),
    );
  });
});

describe("translitSkeleton of one- and two-letter words", () => {
  it("keeps a final double i (й after a vowel i), so that a particle is not a short imperative", () => {
    expect(translitSkeleton("by")).not.toBe(translitSkeleton("бий"));
    for (const w of ["yikh", "yih", "ikh"]) expect(translitSkeleton(w), w).toBe(translitSkeleton("їх"));
    expect(translitSkeleton("ni")).not.toBe(translitSkeleton("ній"));
    for (const w of ["byj", "bij", "biy", "byi"]) expect(translitSkeleton(w), w).toBe(translitSkeleton("бий"));
    expect(translitSkeleton("by")).toBe(translitSkeleton("би"));
    // Longer words are squeezed as before.
    expect(translitSkeleton("russkiy")).toBe(translitSkeleton("русский"));
    expect(translitSkeleton("ruski")).toBe(translitSkeleton("русский"));
  });
});

describe("translitSkeletonH", () => {
  it("reads a lone h as г, and leaves sh, ch, zh and kh alone", () => {
    expect(translitSkeletonH("voroham")).toBe(translitSkeleton("ворогам"));
    expect(translitSkeletonH("bilhorodi")).toBe(translitSkeleton("білгороді"));
    expect(translitSkeletonH("bahatopoverkhivky")).toBe(translitSkeleton("багатоповерхівки"));
    expect(translitSkeletonH("horily")).toBe(translitSkeleton("горіли"));
  });
  it("is undefined without a lone h, or for a word not in Latin letters", () => {
    expect(translitSkeletonH("shchob")).toBeUndefined();
    expect(translitSkeletonH("khochu")).toBeUndefined();
    expect(translitSkeletonH("zdokh")).toBeUndefined();
    expect(translitSkeletonH("okupanty")).toBeUndefined();
    expect(translitSkeletonH("горіли")).toBeUndefined();
  });
});


describe("hidden letters (WILDCARD)", () => {
  const W = WILDCARD;
  it.each([
    [`r${W}ssian`, "russian", false, true],
    [`r${W}ssians`, "russian", true, true],
    [`r${W}ssians`, "russian", false, false],
    [`уб${W}ть`, "убить", false, true],
    [`уб${W}ть`, "ubit", false, false],
    [`k${W}ll`, "kill", false, true],
    [`k${W}ll`, "k'll", false, false],
    [`k${W}ll`, "kil", true, true],
    [`${W}ill`, "kill", false, true],
    ["kill", "kill", false, true],
  ])("wildMatch(%j, %j, stem %s) is %s", (word, key, stem, expected) => {
    expect(wildMatch(word, key, stem)).toBe(expected);
  });

  it.each([
    [`r${W}ssian`, true],
    [`k${W}ll`, true],
    [`уб${W}ть`, true],
    [`f${W}${W}k`, false],
    [`a${W}b`, false],
    [`k${W}l${W}${W}s`, false],
    [`${W}${W}${W}`, false],
    ["kill", false],
  ])("readsWildcards(%j) is %s", (word, expected) => {
    expect(readsWildcards(word)).toBe(expected);
  });

  it("takes a starred word that may be a swear word for it, and for nothing else", () => {
    expect(isStarredSwear(`sh${W}t`)).toBe(true);
    expect(isStarredSwear(`p${W}zdec`)).toBe(true);
    expect(isStarredSwear(`r${W}ssian`)).toBe(false);
    expect(isStarredSwear(`х${W}йло`)).toBe(true);
    const fills = (w: string) => {
      const out: string[] = [];
      forEachFill(w, (f) => out.push(f));
      return out;
    };
    expect(fills(`sh${W}t`)).toEqual(["shit"]);
    expect(fills(`ху${W}лу`)).toContain("хуйлу");
    expect(fills(`f${W}cking`)).toContain("fucking");
    expect(readsAs(`sh${W}t`, "shot", false)).toBe(false);
    expect(readsAs(`ху${W}ло`, "хуйло", false)).toBe(true);
    expect(readsAs(`r${W}ssian`, "russian", false)).toBe(true);
    expect(readsAs(`r${W}ssians`, "russ", true)).toBe(true);
  });

  it("property: the fills of a word are exactly the words of its script's letters wildMatch takes (the naive reference)", () => {
    const latin = "abcdefghijklmnopqrstuvwxyz";
    fc.assert(
      fc.property(fc.array(fc.constantFrom("k", "i", "l", "r", "u", "s", W), { minLength: 1, maxLength: 7 }), (cs) => {
        const w = cs.join("");
        const fills: string[] = [];
        forEachFill(w, (f) => fills.push(f));
        if (!readsWildcards(w)) {
          expect(fills).toEqual([]);
          return;
        }
        // (A swear word starred out is read as that word only: see the test above.)
        if (isStarredSwear(w)) return;
        // Naive: every Latin word of the same length, kept when wildMatch takes it.
        const n = [...w].filter((c) => c === W).length;
        expect(fills.length).toBe(latin.length ** n);
        for (const f of fills) {
          expect(f).not.toContain(W);
          expect(wildMatch(w, f, false)).toBe(true);
          expect(new RegExp(`^${w.replaceAll(W, "[a-z]")}$`).test(f)).toBe(true);
        }
        expect(new Set(fills).size).toBe(fills.length);
      }),
      { numRuns: 1000 },
    );
  });
});
