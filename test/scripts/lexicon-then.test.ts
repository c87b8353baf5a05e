import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

type Inflect = (grammar: unknown) => Record<string, string[]>;

/** The inflection module of a language (plain JS, loaded as the generator loads it). */
async function inflectOf(lang: string): Promise<Inflect> {
  const mod = (await import(pathToFileURL(resolve("scripts/lexicon/lang", `${lang}.js`)).href)) as { inflect: Inflect };
  return mod.inflect;
}

describe("a `then` the East Slavic inflection modules cannot read", () => {
  it.each([
    ["uk", "залишити", "ити"],
    ["ru", "остаться", "I"],
    ["be", "забіць", "I"],
  ])("%s: a list is refused with the lemma named, instead of becoming one term with commas in it", async (lang, lemma, cls) => {
    const inflect = await inflectOf(lang);
    expect(() => inflect({ language: lang, verbs: [{ lemma, class: cls, then: ["~2 в ~2 землі", "~2 у ~2 землі"] }] })).toThrow(
      new RegExp(`lemma "${lemma}": \`then\` is one string`),
    );
  });

  it("uk: one string after every form, as before", async () => {
    const inflect = await inflectOf("uk");
    const out = inflect({ language: "uk", verbs: [{ lemma: ["залишити"], class: "ити", reflexive: true, curse: false, then: "~2 в ~2 землі" }] });
    const terms = Object.values(out).flat();
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.every((t) => t.endsWith(" ~2 в ~2 землі"))).toBe(true);
  });
});
