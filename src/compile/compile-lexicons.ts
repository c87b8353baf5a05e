import type { SourceRef } from "../load/yaml-file.js";
import type { LexiconDoc, LexiconFileDoc } from "../validate/schema.js";
import type { Reporter } from "./reporter.js";
import { compileRe2, LexiconIndex, re2MatchesEmpty } from "./lexicon-index.js";
import { parseTerm } from "./terms.js";

/** One place a lexicon is defined: inline in the policy, or in an included file. */
export interface LexiconSource {
  readonly ref: SourceRef;
  /** Path of the `lexicons` mapping inside its file. */
  readonly base: readonly (string | number)[];
  readonly language: string | undefined;
  readonly lexicons: Record<string, LexiconDoc>;
}

/** Per lexicon: which languages have terms, and where it was first defined. */
export interface LexiconInfo {
  readonly name: string;
  readonly index: number;
  readonly languages: Set<string>;
  readonly description: string | undefined;
  readonly ref: SourceRef;
  readonly path: readonly (string | number)[];
}

/** Lexicon sources of a policy: its own `lexicons` first, then each included file in order. */
export function lexiconSources(policyRef: SourceRef, inline: Record<string, LexiconDoc> | undefined, files: readonly { doc: LexiconFileDoc; ref: SourceRef }[]): LexiconSource[] {
  const out: LexiconSource[] = [];
  if (inline) out.push({ ref: policyRef, base: ["lexicons"], language: undefined, lexicons: inline });
  for (const f of files) if (f.doc.lexicons) out.push({ ref: f.ref, base: ["lexicons"], language: f.doc.language, lexicons: f.doc.lexicons });
  return out;
}

/**
 * Builds the single lexicon index of a policy. A lexicon may be spread over several files (one per
 * language, say); its terms are merged. Invalid terms and patterns are reported where written.
 */
export function compileLexicons(sources: readonly LexiconSource[], r: Reporter): { index: LexiconIndex; info: Map<string, LexiconInfo> } {
  const info = new Map<string, LexiconInfo>();
  for (const src of sources) {
    for (const [name, def] of Object.entries(src.lexicons)) {
      if (!info.has(name)) {
        const description = Array.isArray(def) ? undefined : def.description;
        info.set(name, { name, index: info.size, languages: new Set(), description, ref: src.ref, path: [...src.base, name] });
      }
    }
  }
  const index = new LexiconIndex([...info.keys()]);
  for (const src of sources) {
    for (const [name, def] of Object.entries(src.lexicons)) {
      const li = info.get(name) as LexiconInfo;
      const path = [...src.base, name];
      const termsDef = Array.isArray(def) ? def : def.terms;
      const patternsDef = Array.isArray(def) ? undefined : def.patterns;
      const seen = new Map<string, number>();
      forEachByLang(termsDef, path.concat(Array.isArray(def) ? [] : ["terms"]), src, r, (lang, term, at) => {
        li.languages.add(lang);
        const parsed = parseTerm(term);
        if (!parsed.ok) return r.error(src.ref, at, parsed.code, `${parsed.message} (lexicon ${name})`);
        for (const w of parsed.warnings) r.warn(src.ref, at, "short-stem", w);
        const key = `${lang}\u0000${parsed.parts.map((p) => (p.kind === "gap" ? `~${p.max}` : p.key + (p.stem ? "*" : ""))).join(" ")}`;
        if (seen.has(key)) r.warn(src.ref, at, "duplicate-term", `'${term}' is already listed in lexicon ${name} (${lang})`);
        seen.set(key, 1);
        index.addTerm({ lexicon: li.index, lang, source: term, parts: parsed.parts });
      });
      forEachByLang(patternsDef, path.concat(["patterns"]), src, r, (lang, source, at) => {
        li.languages.add(lang);
        let find: (t: string) => Array<[number, number]>;
        try {
          find = compileRe2(source);
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          const unsafe = /\(\?[=!<]|\\[1-9]/.test(source);
          return r.error(src.ref, at, unsafe ? "unsafe-regex" : "invalid-regex", unsafe ? `pattern uses lookaround or a backreference, which has no linear-time implementation: ${msg}` : `invalid pattern: ${msg}`);
        }
        if (source.length === 0 || re2MatchesEmpty(source)) return r.error(src.ref, at, "empty-match", `pattern '${source}' can match the empty string`);
        index.patterns.push({ lexicon: li.index, lang, source, find });
      });
    }
  }
  return { index, info };
}

function forEachByLang(
  def: string[] | Record<string, string[]> | undefined,
  path: (string | number)[],
  src: LexiconSource,
  r: Reporter,
  visit: (lang: string, term: string, at: (string | number)[]) => void,
): void {
  if (def === undefined) return;
  if (Array.isArray(def)) {
    if (!src.language) {
      r.error(src.ref, path, "missing-language", "terms listed without a language: give the file a 'language:' or list terms by language (en: [...])");
      return;
    }
    def.forEach((t, i) => visit(src.language as string, t, [...path, i]));
    return;
  }
  for (const [lang, terms] of Object.entries(def)) terms.forEach((t, i) => visit(lang, t, [...path, lang, i]));
}
