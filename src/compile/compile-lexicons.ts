import type { SourceRef } from "../load/yaml-file.js";
import type { Definition, TermSite } from "./compile-info.js";
import type { LexiconDoc, LexiconFileDoc } from "../validate/schema.js";
import type { Reporter } from "./reporter.js";
import { compileRe2, expandAlternatives, LexiconIndex, patternFinder, re2MatchesEmpty, parseTerm, type ParsedTerm } from "../match/index.js";
import { patternCost, patternSize } from "./pattern-size.js";
import { DEFAULT_LIMITS, LIMIT_ENV, type ResourceLimits } from "../load/limits.js";

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
  /** Whether any definition of the lexicon asks for typo-tolerant matching. */
  fuzzy: boolean;
  readonly ref: SourceRef;
  readonly path: readonly (string | number)[];
}

/** Lexicon sources of a policy: its own `lexicons` first, then each included file in order. */
export function lexiconSources(policyRef: SourceRef | undefined, inline: Record<string, LexiconDoc> | undefined, files: readonly { doc: LexiconFileDoc; ref: SourceRef }[]): LexiconSource[] {
  const out: LexiconSource[] = [];
  if (inline && policyRef) out.push({ ref: policyRef, base: ["lexicons"], language: undefined, lexicons: inline });
  for (const f of files) if (f.doc.lexicons) out.push({ ref: f.ref, base: ["lexicons"], language: f.doc.language, lexicons: f.doc.lexicons });
  return out;
}

/**
 * Terms already parsed, by their written text. The policies of one run (`check` or `test` over a
 * folder, the build's precompile) include mostly the same lexicon files, and parsing a term
 * (normalising, tokenising and transliterating each word) was a quarter of compiling a bundled
 * policy: compiled again for each policy, three times over. A parsed term is never changed once
 * parsed (the index keeps its parts as they are), so one result serves every policy of the run; the
 * memo lives as long as the run that made it.
 */
export type TermMemo = Map<string, ParsedTerm>;

/** A pattern that costs more than this per character (see {@link patternCost}) gets a warning. */
export const COSTLY_PATTERN = 25;

/** The limits on a policy's patterns (see load/limits.ts). */
export type PatternLimits = Partial<Pick<ResourceLimits, "maxPatternSize" | "maxPatternCost">>;

/**
 * Builds the single lexicon index of a policy. A lexicon may be spread over several files (one per
 * language, say); its terms are merged. Invalid terms and patterns are reported where written.
 */
export function compileLexicons(
  sources: readonly LexiconSource[],
  r: Reporter,
  limits: PatternLimits = {},
  memo: TermMemo = new Map(),
): { index: LexiconIndex; info: Map<string, LexiconInfo>; definitions: Definition[]; terms: TermSite[]; except: string[][] } {
  const maxPatternSize = limits.maxPatternSize ?? DEFAULT_LIMITS.maxPatternSize;
  const maxPatternCost = limits.maxPatternCost ?? DEFAULT_LIMITS.maxPatternCost;
  const parse = (term: string): ParsedTerm => {
    let parsed = memo.get(term);
    if (parsed === undefined) memo.set(term, (parsed = parseTerm(term)));
    return parsed;
  };
  let patternTotal = 0;
  let costTotal = 0;
  const info = new Map<string, LexiconInfo>();
  const definitions: Definition[] = [];
  const terms: TermSite[] = [];
  for (const src of sources) {
    for (const [name, def] of Object.entries(src.lexicons)) {
      definitions.push({ kind: "lexicon", name, ref: src.ref, path: [...src.base, name] });
      if (!info.has(name)) {
        const description = Array.isArray(def) ? undefined : def.description;
        info.set(name, { name, index: info.size, languages: new Set(), description, fuzzy: false, ref: src.ref, path: [...src.base, name] });
      }
      if (!Array.isArray(def) && def.fuzzy) (info.get(name) as LexiconInfo).fuzzy = true;
    }
  }
  const index = new LexiconIndex([...info.keys()], new Set([...info.values()].filter((l) => l.fuzzy).map((l) => l.index)));
  const except: string[][] = [...info.keys()].map(() => []);
  // Per lexicon, every term key seen so far, across all the files the lexicon is spread over.
  const seenIn = new Map<string, Map<string, { term: string; ref: SourceRef; at: (string | number)[] }>>();
  for (const src of sources) {
    for (const [name, def] of Object.entries(src.lexicons)) {
      const li = info.get(name) as LexiconInfo;
      const path = [...src.base, name];
      const termsDef = Array.isArray(def) ? def : def.terms;
      const patternsDef = Array.isArray(def) ? undefined : def.patterns;
      // Must-stay-clear words: one word each, normalised like the words of a post.
      forEachByLang(Array.isArray(def) ? undefined : def.except, path.concat(["except"]), src, r, (lang, written, at) => {
        for (const word of expanded(written, at, src.ref, r, name)) {
          const parsed = parse(word);
          const only = parsed.ok && parsed.parts.length === 1 ? parsed.parts[0] : undefined;
          if (!only || only.kind !== "word" || only.stem) return r.error(src.ref, at, "invalid-term", `'${word}' is not one whole word: 'except' lists the words this lexicon must never match (lexicon ${name})`);
          (except[li.index] as string[]).push(`${lang}\u0000${only.key}`);
        }
      });
      const seen = seenIn.get(name) ?? new Map<string, { term: string; ref: SourceRef; at: (string | number)[] }>();
      seenIn.set(name, seen);
      forEachByLang(termsDef, path.concat(Array.isArray(def) ? [] : ["terms"]), src, r, (lang, written, at) => {
        li.languages.add(lang);
        // A term with groups is the terms it spells out, each compiled as if written on its own.
        for (const term of expanded(written, at, src.ref, r, name)) {
          const parsed = parse(term);
          // One report for a written term, not one for each of its expansions: the first says what to fix.
          if (!parsed.ok) return r.error(src.ref, at, parsed.code, `${parsed.message}${term === written ? "" : ` (in '${term}', an expansion of this term)`} (lexicon ${name})`);
          for (const w of parsed.warnings) r.warn(src.ref, at, "short-stem", w);
          const key = `${lang}\u0000${parsed.parts.map((p) => (p.kind === "gap" ? `~${p.max}` : p.key + (p.stem ? "*" : ""))).join(" ")}`;
          const first = seen.get(key);
          if (first) {
            // Terms equal only once normalised ("żadną" and "żadna") are duplicates too: say which.
            // Positions are looked up only here: finding one walks the YAML tree, too slow for every term.
            const line = first.ref.span(first.at).line;
            const where = first.ref.file === src.ref.file ? `line ${line}` : `${first.ref.file}:${line}`;
            const msg = first.term.trim() === term.trim() ? `'${term}' is already in lexicon ${name} (${lang}, ${where})` : `'${term}' is the same as '${first.term}' (${where}) once normalised, already in lexicon ${name} (${lang})`;
            r.warn(src.ref, at, "duplicate-term", msg);
          } else seen.set(key, { term, ref: src.ref, at });
          terms.push({ lexicon: name, lang, key, source: term, ref: src.ref, path: at });
          index.addTerm({ lexicon: li.index, lang, source: term, parts: parsed.parts });
        }
      });
      forEachByLang(patternsDef, path.concat(["patterns"]), src, r, (lang, source, at) => {
        li.languages.add(lang);
        let prefix: string;
        try {
          ({ prefix } = compileRe2(source));
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          const unsafe = /\(\?[=!<]|\\[1-9]/.test(source);
          return r.error(src.ref, at, unsafe ? "unsafe-regex" : "invalid-regex", unsafe ? `pattern uses lookaround or a backreference, which has no linear-time implementation: ${msg}` : `invalid pattern: ${msg}`);
        }
        if (source.length === 0 || re2MatchesEmpty(source)) return r.error(src.ref, at, "empty-match", `pattern '${source}' can match the empty string`);
        // Linear time is not enough when the program is huge: bound what all patterns cost per byte.
        // One pattern may take a tenth of the budget: a policy has room for several, none huge.
        const size = patternSize(source);
        const one = Math.floor(maxPatternSize / 10);
        if (size > one || patternTotal + size > maxPatternSize) {
          const env = LIMIT_ENV.maxPatternSize.name;
          const msg = size > one ? `this pattern compiles to ${size} RE2 instructions; one pattern may have ${one} (a tenth of ${env}=${maxPatternSize})` : `with this pattern (${size} RE2 instructions) the policy's patterns come to ${patternTotal + size}; the limit is ${maxPatternSize} (${env})`;
          return r.error(src.ref, at, "pattern-too-large", `${msg}. Each pattern runs over the whole of every post, in time proportional to its size: use terms, or small bounded repeats ({0,5}, not {1,1000})`);
        }
        // Size bounds the program; what bounds the time per character is how many threads it can
        // keep alive at once: all the policy's patterns run over every character of every post.
        const cost = patternCost(source);
        if (costTotal + cost > maxPatternCost) {
          const env = LIMIT_ENV.maxPatternCost.name;
          return r.error(src.ref, at, "pattern-too-costly", `this pattern reads each character of a post with up to ${cost} RE2 threads at once; with it the policy's patterns come to ${costTotal + cost}, and the limit is ${maxPatternCost} (${env}). Every pattern runs over the whole of every post: a repeat multiplies what it repeats ({1,395} of '.*' is 395 threads); use terms, or small bounded repeats`);
        }
        if (cost > COSTLY_PATTERN) r.warn(src.ref, at, "costly-pattern", `this pattern can keep ${cost} RE2 threads alive at each character of a post (a plain word keeps a few): it makes every post up to ${cost} times as slow to read; use terms, or a smaller repeat`);
        patternTotal += size;
        costTotal += cost;
        index.patterns.push({ lexicon: li.index, lang, source, prefix, find: patternFinder(source, prefix) });
      });
    }
  }
  return { index, info, definitions, terms, except: except.map((l) => [...new Set(l)].sort()) };
}

/**
 * The terms a written term stands for (see term-alternatives.ts): itself when it has no group, none
 * when its groups are malformed or expand to too many (reported at the braces at fault).
 */
function expanded(written: string, at: readonly (string | number)[], ref: SourceRef, r: Reporter, lexicon: string): readonly string[] {
  const x = expandAlternatives(written);
  if (!x.ok) {
    r.error(ref, at, x.code, `${x.message} (lexicon ${lexicon})`, "value", x.at);
    return [];
  }
  for (const d of x.duplicates) r.warn(ref, at, "duplicate-expansion", `'${d}' comes out of this term more than once: two choices of its groups spell the same term (lexicon ${lexicon})`);
  return x.terms;
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
