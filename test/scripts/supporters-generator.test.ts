import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

/**
 * scripts/lexicon/shared/supporters.js, which writes rules/shared/supporters.yaml from its grammar:
 * what it makes of a small grammar (every relative word × verb × object, in the order the language
 * writes them), what it leaves out (a term equal once normalised to an earlier one or to one another
 * file of the policy already has) and what grammar it refuses. generated-lexicons.test.ts only checks
 * that the committed file is what the generator writes, so a generator that wrote the wrong terms
 * for both would pass it.
 */

type Generate = (grammar: unknown, options: { source: string; root: string; read: (path: string) => string }) => Promise<string>;

let generate: Generate;
let root: string;
/** The rule files the generator sees, by path under rules/ (the policy that includes it, another shared file). */
const files: Record<string, string> = {};

beforeAll(async () => {
  generate = ((await import(pathToFileURL(resolve("scripts/lexicon/shared/supporters.js")).href)) as { generate: Generate }).generate;
  // A repository of one policy: the generator lists rules/ for the policies that include the file it
  // writes, and keys terms with the engine's parser from dist/ (the build's, by a link).
  root = mkdtempSync(join(tmpdir(), "modpol-supporters-"));
  mkdirSync(join(root, "rules", "shared"), { recursive: true });
  symlinkSync(resolve("dist"), join(root, "dist"));
  files["policy.yaml"] = "include: [shared/supporters.yaml, shared/roles.yaml]\n";
  files["shared/roles.yaml"] = 'lexicons:\n  target.russians:\n    terms:\n      uk: ["хто радіють ~2 ракет*"]\n';
  for (const [path, text] of Object.entries(files)) writeFileSync(join(root, "rules", path), text);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A grammar of the two lexicons the real one has, with `languages` as given. */
function grammar(languages: Record<string, unknown>, more: Record<string, unknown> = {}) {
  return {
    comment: "Supporters.\n<lists>",
    description: "The war's supporters.",
    languages,
    lexicons: {
      "target.russians": { comment: "The supporters.", generate: "relative", ...more },
      "context.invasion": { generate: "support" },
    },
  };
}

/** The generated file's terms: lexicon → language → terms. */
async function termsOf(g: unknown): Promise<Record<string, Record<string, string[]>>> {
  const text = await generate(g, { source: "grammar.yaml", root, read: (path) => files[path] ?? "" });
  const doc = parse(text) as { lexicons: Record<string, { terms: Record<string, string[]> }> };
  return Object.fromEntries(Object.entries(doc.lexicons).map(([name, lex]) => [name, lex.terms]));
}

describe("the supporters generator", () => {
  it("vo: every relative word × verb × object, the verb first; the support lexicon without the relative word", async () => {
    const t = await termsOf(grammar({ en: { order: "vo", relative: ["who", "that"], verbs: ["support*", "cheer*"], objects: ["war", "missiles"] } }));
    expect(t["target.russians"]?.en).toEqual([
      "who support* ~2 war", "who support* ~2 missiles", "who cheer* ~2 war", "who cheer* ~2 missiles",
      "that support* ~2 war", "that support* ~2 missiles", "that cheer* ~2 war", "that cheer* ~2 missiles",
    ]);
    expect(t["context.invasion"]?.en).toEqual(["support* ~2 war", "support* ~2 missiles", "cheer* ~2 war", "cheer* ~2 missiles"]);
  });

  it("vo/ov: each clause also with the object first, after the relative word", async () => {
    const t = await termsOf(grammar({ et: { order: "vo/ov", relative: ["kes"], verbs: ["toetavad"], objects: ["sõda"] } }));
    expect(t["target.russians"]?.et).toEqual(["kes toetavad ~2 sõda", "kes ~2 sõda ~1 toetavad"]);
    expect(t["context.invasion"]?.et).toEqual(["toetavad ~2 sõda", "sõda ~1 toetavad"]);
  });

  it("ov: the object, then the participle, with no relative word, in both lexicons", async () => {
    const t = await termsOf(grammar({ az: { order: "ov", relative: [], verbs: ["dəstəkləyən*"], objects: ["müharibə*", "raket*"] } }));
    expect(t["target.russians"]?.az).toEqual(["müharibə* ~2 dəstəkləyən*", "raket* ~2 dəstəkləyən*"]);
    expect(t["context.invasion"]?.az).toEqual(["müharibə* ~2 dəstəkləyən*", "raket* ~2 dəstəkləyən*"]);
  });

  it("leaves out a spelling equal once normalised to an earlier term, and a term another file of the policy has", async () => {
    const t = await termsOf(
      grammar({
        ru: { order: "vo", relative: ["кто"], verbs: ["радуются"], objects: ["бомбёжк*", "бомбежк*"] },
        uk: { order: "vo", relative: ["хто"], verbs: ["радіють"], objects: ["ракет*", "удар*"] },
      }),
    );
    expect(t["target.russians"]?.ru).toEqual(["кто радуются ~2 бомбёжк*"]);
    // roles.yaml has "хто радіють ~2 ракет*" in target.russians, not in context.invasion.
    expect(t["target.russians"]?.uk).toEqual(["хто радіють ~2 удар*"]);
    expect(t["context.invasion"]?.uk).toEqual(["радіють ~2 ракет*", "радіють ~2 удар*"]);
  });

  it("writes a lexicon's own terms after the generated ones, and the lists into the comment", async () => {
    const g = grammar({ pl: { order: "vo", relative: ["kto"], verbs: ["popiera*"], objects: ["wojn*"] } }, { terms: { pl: ["ci z kolejki ~2 wojenkomat*"] } });
    const text = await generate(g, { source: "grammar.yaml", root, read: (path) => files[path] ?? "" });
    expect(text).toContain("#   pl (vo): kto × popiera* × wojn*");
    expect(text).toContain('      pl: ["kto popiera* ~2 wojn*", "ci z kolejki ~2 wojenkomat*"]');
  });

  it.each([
    [{ xx: { order: "svo", relative: ["a"], verbs: ["b"], objects: ["c"] } }, /languages\.xx\.order: one of vo, vo\/ov, ov/],
    [{ xx: { order: "ov", relative: ["a"], verbs: ["b"], objects: ["c"] } }, /languages\.xx\.relative: none for ov/],
    [{ xx: { order: "vo", relative: [], verbs: ["b"], objects: ["c"] } }, /languages\.xx\.relative: needed for vo and vo\/ov/],
    [{ xx: { order: "vo", relative: ["a"], verbs: [], objects: ["c"] } }, /languages\.xx: verbs and objects/],
    [{ xx: { order: "vo", relative: ["a"], verbs: ["b", " "], objects: ["c"] } }, /languages\.xx\.verbs: a list of words/],
  ])("refuses a grammar it cannot read (%j)", async (languages, message) => {
    await expect(generate(grammar(languages), { source: "grammar.yaml", root, read: (path) => files[path] ?? "" })).rejects.toThrow(message);
  });

  it("refuses a lexicon that asks for a clause it cannot make", async () => {
    const g = grammar({ en: { order: "vo", relative: ["who"], verbs: ["back*"], objects: ["war"] } });
    (g.lexicons["context.invasion"] as { generate: string }).generate = "everything";
    await expect(generate(g, { source: "grammar.yaml", root, read: (path) => files[path] ?? "" })).rejects.toThrow(/lexicons\.context\.invasion\.generate: one of relative, support/);
  });
});
