// The terms the bundled policies already have, by lexicon and language, as the engine keys them: a
// generator of a shared rule file leaves out what another file already lists, which `modpol check
// --strict` would report as a duplicate term. The keys are the engine's own (parseTerm in dist/), so
// a term written differently but equal once normalised ("бомбёжк*" and "бомбежк*") is the same.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";

/** The engine's term parser and expansion of alternatives, from the build: the generator needs the same keys as `check`. */
async function engineTerms(root) {
  const mod = join(root, "dist", "match", "index.js");
  if (!existsSync(mod)) throw new Error("the engine's term keys come from dist/: run npm run build first");
  return await import(pathToFileURL(mod).href);
}

/**
 * `key(term)`: a term's key as `check` compares terms (throws on a term the engine refuses);
 * `key.all(term)`: the keys of the terms a term with alternatives ("{stone|flog} him") expands to.
 */
export async function termKeyer(root) {
  const { parseTerm, expandAlternatives } = await engineTerms(root);
  const key = (term) => {
    const parsed = parseTerm(term);
    if (!parsed.ok) throw new Error(`'${term}': ${parsed.message}`);
    return parsed.parts.map((p) => (p.kind === "gap" ? `~${p.max}` : p.key + (p.stem ? "*" : ""))).join(" ");
  };
  key.all = (term) => {
    const x = expandAlternatives(term);
    if (!x.ok) throw new Error(`'${term}': ${x.message}`);
    return x.terms.map(key);
  };
  return key;
}

/**
 * The term keys of `names` (lexicon names) in the policies in rules/ that include `file` (a path
 * such as "shared/supporters.yaml"), from their other files and their own lexicons: a Map from
 * lexicon name to a Map from language to a Set of keys. `read(path)` gives a file's text by its path
 * under rules/ (a generator run passes the files it has just made). Only those lexicons are keyed,
 * and a file that does not name one is not parsed: keying every term of the policies takes seconds.
 */
export function termsBeside(root, file, names, read, key) {
  const out = new Map();
  const add = (lexicons, language) => {
    for (const [name, def] of Object.entries(lexicons ?? {})) {
      if (!names.includes(name)) continue;
      const terms = Array.isArray(def) ? def : def?.terms;
      if (!terms) continue;
      const byLang = Array.isArray(terms) ? (language ? { [language]: terms } : {}) : terms;
      const ofLexicon = out.get(name) ?? new Map();
      out.set(name, ofLexicon);
      for (const [lang, list] of Object.entries(byLang)) {
        const keys = ofLexicon.get(lang) ?? new Set();
        ofLexicon.set(lang, keys);
        for (const t of list) for (const k of key.all ? key.all(t) : [key(t)]) keys.add(k);
      }
    }
  };
  const seen = new Set([file]);
  for (const name of readdirSync(join(root, "rules")).filter((f) => f.endsWith(".yaml")).sort()) {
    const policy = parse(read(name));
    if (!Array.isArray(policy?.include) || !policy.include.includes(file)) continue;
    add(policy.lexicons, undefined);
    for (const inc of policy.include) {
      if (seen.has(inc)) continue;
      seen.add(inc);
      const text = read(inc);
      if (!names.some((n) => text.includes(n))) continue;
      const doc = parse(text);
      add(doc?.lexicons, doc?.language);
    }
  }
  return out;
}
