import { squeeze, translitSkeleton } from "../text/keys.js";
import { normalise } from "../text/normalise.js";
import { lazyRegExp } from "../text/lazy.js";
import { tokenise } from "../text/tokenise.js";

/** One word of a term as it is looked up: its keys in each view. */
export interface WordPattern {
  readonly kind: "word";
  /** Matches any word that starts with `key` (a stem written `stem*`). */
  readonly stem: boolean;
  /** Normalised form. */
  readonly key: string;
  /** Form with repeated letters collapsed, compared with stretched words ("deeeath"). */
  readonly sq: string;
  /** Transliteration skeleton of a Cyrillic word, compared with Latin-script words; undefined if none. */
  readonly tr: string | undefined;
}

/** Up to `max` arbitrary words (`~N` in a term). */
export interface GapPattern {
  readonly kind: "gap";
  readonly max: number;
  /** Words the gap may not skip (`~4!nie`): "oby ~4!nie zginęli" is not "Oby nikt nie zginął". */
  readonly not?: readonly string[];
}

export type TermPart = WordPattern | GapPattern;

// Word and gap parts are built here only, in one object shape (the same keys in the same order; a
// word's gap fields and a gap's word fields are undefined): matchForward and matchBackward read
// parts of both kinds at the same sites, and with a shape for words and two for gaps TurboFan's
// code for them was polymorphic there, and thrown away and rebuilt when a new shape first came by.

/** A word part (see {@link WordPattern}). */
export function wordPart(stem: boolean, key: string, sq: string, tr: string | undefined): WordPattern {
  return { kind: "word", stem, key, sq, tr, max: undefined, not: undefined } as WordPattern;
}

/** A gap part (see {@link GapPattern}); `not` undefined when the gap may skip any word. */
export function gapPart(max: number, not: readonly string[] | undefined): GapPattern {
  return { kind: "gap", stem: undefined, key: undefined, sq: undefined, tr: undefined, max, not } as unknown as GapPattern;
}

/** Result of parsing a term: its parts, or why it is not a valid term. */
export type ParsedTerm = { ok: true; parts: TermPart[]; warnings: string[] } | { ok: false; code: string; message: string };

/**
 * Transliteration keys shorter than this collide with unrelated Latin words too often ("бийте" ~
 * "byte", "их" ~ "ih", "надо" ~ "nado"): a match through one is marked VIA_SHORT
 * (word-candidates.ts) and counts only in text identified as Russian, Ukrainian or Belarusian
 * written in Latin letters (evaluate/language-scope.ts). A stem keeps no short key at all: "війн*"
 * would read as "vin*", and match "vin" (він, "he") in every Ukrainian transliteration.
 */
export const SHORT_TRANSLIT = 5;
const MAX_GAP = 5;

/** Longest piece after a hyphen that is taken for an ending (see {@link hyphenEndings}). */
const ENDING_MAX = 3;
/** Made on first use (see lazyRegExp): a precompiled policy never asks for endings. */
const DASH = lazyRegExp(String.raw`\p{Pd}`, "u");

/**
 * The keys of the endings that term `source` writes after a hyphen inside one written word: "ie" of
 * "na OIOM-ie", "wcy" of "NATO-wcy" (Polish inflects an acronym so; "ЗСУ-шники" likewise). The
 * tokeniser makes such a word several word parts, and the matcher matches them in a row as it
 * should; but an ending is no word that other words run into, so the index leaves these out of its
 * known words (lexicon-index.ts), where "ie" split "drzewie" into "drzew" + "ie". Only pieces of at
 * most {@link ENDING_MAX} letters after the first of their word: a longer one is more often a word
 * ("post-Soviet"). A short word after a hyphen ("war" of "anti-war") is left out with the endings, but
 * it stays known where another term lists it on its own, as such words nearly always are; and a word
 * of three letters or fewer is never taken for a typo or a run-together word itself, so leaving one
 * out changes only which words others may be split into. Undefined when the term writes no dash.
 */
export function hyphenEndings(source: string): ReadonlySet<string> | undefined {
  if (!DASH().test(source)) return undefined;
  let out: Set<string> | undefined;
  for (const tok of source.trim().split(/\s+/u)) {
    if (!DASH().test(tok) || tok.startsWith("~")) continue;
    const words = tokenise(normalise(tok.endsWith("*") ? tok.slice(0, -1) : tok).text).words;
    for (const w of words.slice(1)) if ([...w].length <= ENDING_MAX) (out ??= new Set()).add(w);
  }
  return out;
}

/**
 * Parses a lexicon term. Syntax: words separated by spaces; `word*` is a stem; a token `~N`
 * (1 ≤ N ≤ 5) allows up to N arbitrary words in between, and `~N!w1,w2` up to N words other than
 * those. Words are normalised exactly like text.
 */
export function parseTerm(source: string): ParsedTerm {
  const raw = source.trim().split(/\s+/u).filter((t) => t.length > 0);
  if (raw.length === 0) return { ok: false, code: "empty-term", message: "empty term: it would match nothing (or everything)" };
  const parts: TermPart[] = [];
  const warnings: string[] = [];
  for (const tok of raw) {
    const gap = /^~(\d+)(?:!(.*))?$/u.exec(tok);
    if (gap) {
      const max = Number(gap[1]);
      if (max < 1 || max > MAX_GAP) return { ok: false, code: "invalid-term", message: `gap '${tok}' must be ~1 to ~${MAX_GAP}` };
      if (parts.length === 0) return { ok: false, code: "invalid-term", message: "a term cannot start with a gap" };
      if (gap[2] === undefined) parts.push(gapPart(max, undefined));
      else {
        const not = gap[2].split(",").flatMap((w) => tokenise(normalise(w).text).words);
        if (not.length === 0) return { ok: false, code: "invalid-term", message: `gap '${tok}' names no words after '!'` };
        parts.push(gapPart(max, not));
      }
      continue;
    }
    const stem = tok.endsWith("*");
    const body = stem ? tok.slice(0, -1) : tok;
    if (body.includes("*")) return { ok: false, code: "invalid-term", message: `'*' may only end a word (in '${tok}')` };
    if (body.length === 0) return { ok: false, code: "invalid-term", message: "'*' alone would match every word" };
    const words = tokenise(normalise(body).text).words;
    if (words.length === 0) return { ok: false, code: "invalid-term", message: `'${tok}' has no letters or digits to match` };
    words.forEach((w, i) => {
      const isStem = stem && i === words.length - 1;
      // In a phrase the other words constrain a short stem; alone it would hit unrelated words.
      if (isStem && raw.length === 1 && words.length === 1 && [...w].length < 3) warnings.push(`stem '${w}*' is very short and will match many unrelated words`);
      const tr = translitSkeleton(w);
      parts.push(wordPart(isStem, w, squeeze(w), tr !== undefined && (tr.length >= SHORT_TRANSLIT || (tr.length > 0 && !isStem)) && /\p{Script=Cyrillic}/u.test(w) ? tr : undefined));
    });
  }
  if (parts[parts.length - 1]?.kind === "gap") return { ok: false, code: "invalid-term", message: "a term cannot end with a gap" };
  return { ok: true, parts, warnings };
}
