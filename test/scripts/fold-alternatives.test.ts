import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { expandAlternatives, MAX_EXPANSION } from "../../src/match/term-alternatives.js";
import { parseTerm } from "../../src/match/terms.js";

/**
 * scripts/lexicon/fold-alternatives.js, which folds products written out string by string into terms
 * with alternatives: what it folds, what it leaves (a comment between terms, fewer than --min
 * strings, a list that is no product, a gap as the only shared part), and that a fold always expands
 * to the strings it replaced, in their order, and a second run folds nothing.
 */

interface Fold {
  text: string;
  folds: { strings: number; term: string }[];
}
let foldFile: (text: string, min: number, eng: unknown) => Fold;
let foldText: (text: string, min: number, eng: unknown) => string;
const eng = { expand: expandAlternatives, parseTerm, max: MAX_EXPANSION };

beforeAll(async () => {
  ({ foldFile, foldText } = (await import(pathToFileURL(resolve("scripts/lexicon/fold-alternatives.js")).href)) as { foldFile: typeof foldFile; foldText: typeof foldText });
});

const file = (list: string) => `language: en\nlexicons:\n  x:\n    terms: [${list}]\n`;

describe("fold-alternatives", () => {
  it.each([
    ["a product", `"stone him", "stone her", "flog him", "flog her"`, `"{stone|flog} {him|her}"`],
    ["a shared ending after a gap", `"drive ~2 over him", "drive ~2 over her", "drive ~2 over them"`, `"drive ~2 over {him|her|them}"`],
    ["an optional word", `"drive right over them", "drive over them", "drive straight over them"`, `"drive {right||straight} over them"`],
    ["two-word alternatives after the one-word ones", `"snap ~3 arms", "snap ~3 arm", "snap ~3 fingers off"`, `"snap ~3 {arms|arm|fingers off}"`],
    ["too few strings", `"fry him", "fry her"`, `"fry him", "fry her"`],
    ["no product: the order would change", `"kill him", "kill her", "shoot her", "shoot him"`, `"kill him", "kill her", "shoot her", "shoot him"`],
    ["no shared word", `"stab", "shank", "lynch", "strangle"`, `"stab", "shank", "lynch", "strangle"`],
    ["only a gap shared", `"a ~2 b", "c ~2 d", "e ~2 f"`, `"a ~2 b", "c ~2 d", "e ~2 f"`],
    ["a phrase with a gap is no alternative", `"drive over them all", "drive ~2 over them and", "drive ~2 over em"`, `"drive over them all", "drive ~2 over them and", "drive ~2 over em"`],
    ["a term not tidily spaced", `"kill  him", "kill her", "kill them"`, `"kill  him", "kill her", "kill them"`],
  ])("%s", (_, before, after) => {
    const out = foldText(file(before), 2, eng);
    expect(foldText(file(before), 3, eng)).toBe(file(after));
    // Whatever --min, the folded list expands to the strings it had, in order.
    const list = (t: string) => (/\[(.*)\]/.exec(t)?.[1] ?? "").split(/",\s*"/u).map((s) => s.replace(/^"|"$/g, ""));
    expect(list(out).flatMap((t) => (expandAlternatives(t) as unknown as { terms: string[] }).terms)).toEqual(list(file(before)));
  });

  it("stops at a comment between terms, and keeps it", () => {
    const text = `language: en\nlexicons:\n  x:\n    - stone him\n    - stone her\n    # flogging\n    - flog him\n    - flog her\n    - flog them\n`;
    expect(foldText(text, 3, eng)).toBe(`language: en\nlexicons:\n  x:\n    - stone him\n    - stone her\n    # flogging\n    - "flog {him|her|them}"\n`);
  });

  it("folds nothing a second time", () => {
    const once = foldText(file(`"stone him", "stone her", "flog him", "flog her", "hit ~2 him", "hit ~2 her", "hit ~2 them"`), 3, eng);
    expect(foldFile(once, 3, eng).folds).toEqual([]);
  });
});
