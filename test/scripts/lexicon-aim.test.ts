import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

type Inflect = (grammar: unknown) => Record<string, string[]>;

async function inflectOf(lang: string): Promise<Inflect> {
  const mod = (await import(pathToFileURL(resolve("scripts/lexicon/lang", `${lang}.js`)).href)) as { inflect: Inflect };
  return mod.inflect;
}

describe("be: `aim: true` slang aimed by the enemy's slang names before it", () => {
  it("puts each slang object before the infinitive and the plural imperative, never across a negation", async () => {
    const inflect = await inflectOf("be");
    const out = inflect({ language: "be", "slang-objects": ["акупантаў"], verbs: [{ lemma: "абнуліць", class: "іць", object: "target", aim: true }] });
    expect(out["violence.call"]).toContain("акупантаў ~4!не,ні абнуліць");
    expect(out["violence.call"]).toContain("акупантаў ~4!не,ні абнуліце");
  });

  it("makes none without `aim`", async () => {
    const inflect = await inflectOf("be");
    const out = inflect({ language: "be", "slang-objects": ["акупантаў"], verbs: [{ lemma: "абнуліць", class: "іць", object: "target" }] });
    expect((out["violence.call"] ?? []).some((t) => t.startsWith("акупантаў "))).toBe(false);
  });
});
