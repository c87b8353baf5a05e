/**
 * Alternatives inside a lexicon term: `"{drive|plow|mow} ~2 {over|through} {him|her|them}"` is the
 * eighteen terms it spells out, written once. Expanded by the compiler (compile-lexicons.ts), into exactly the
 * strings an author would have listed one by one, in the order of a nested loop (the first group
 * slowest), so that the compiled index, and every decision, is the same as for the written-out list.
 *
 * The characters `{`, `|` and `}` are no letters: in a term without groups they have never matched
 * anything (normalisation makes them word breaks), and no term of the bundled rules writes one, so
 * giving them a meaning changes no existing term. A term without any of them is returned untouched.
 */

/**
 * Most terms one written term may expand to. A group multiplies: five groups of ten alternatives are
 * 100,000 terms, each a term of the index (about a hundred bytes of the precompiled policy, and its
 * share of compile time, for every run of every user), from one short line that no reviewer reads as
 * that many. The largest product written out by hand in the bundled rules is a few hundred terms; a
 * list longer than this is a grammar (scripts/lexicon/grammar), which generates forms by rule.
 */
export const MAX_EXPANSION = 1000;

/** A term's expansion: the terms it stands for, or why it has none. */
export type Expansion =
  | {
      readonly ok: true;
      /** The terms, in order; `[source]` itself when the term has no group. */
      readonly terms: readonly string[];
      /** Whether the term has groups (`terms` is then whitespace-normalised). */
      readonly grouped: boolean;
      /** Expansions equal to an earlier one (left out of `terms`), each once. */
      readonly duplicates: readonly string[];
    }
  | {
      readonly ok: false;
      readonly code: "unbalanced-brace" | "empty-group" | "too-many-expansions";
      readonly message: string;
      /** [start, end) in `source` of what is wrong (UTF-16 offsets). */
      readonly at: readonly [number, number];
    };

/** Piece of a parsed term: literal text, or a group's alternatives (with where the group is). */
type Piece = string | { readonly alts: readonly string[]; readonly start: number; readonly end: number };

const SPECIAL = /[{}|]/u;

/** Whether `source` uses the alternative syntax at all (`{`, `|` or `}`). */
export function hasAlternatives(source: string): boolean {
  return SPECIAL.test(source);
}

/**
 * Splits a term into literal text and groups. Groups do not nest: `{a|{b|c}}` is one level too deep
 * to read at a glance, and the same set is `{a|b|c}`.
 */
function pieces(source: string): { ok: true; pieces: Piece[] } | Extract<Expansion, { ok: false }> {
  const out: Piece[] = [];
  let text = "";
  let open = -1;
  let alts: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === "{") {
      if (open >= 0) return { ok: false, code: "unbalanced-brace", message: `'{' inside a group opened at column ${open + 1} of the term: groups do not nest (write {a|b|c}, not {a|{b|c}})`, at: [i, i + 1] };
      out.push(text);
      text = "";
      open = i;
      alts = [];
    } else if (c === "}") {
      if (open < 0) return { ok: false, code: "unbalanced-brace", message: "'}' closes no group: a group is written {a|b}", at: [i, i + 1] };
      alts.push(text);
      text = "";
      if (alts.every((a) => a.trim() === "")) return { ok: false, code: "empty-group", message: "this group offers no words: write {word|} for an optional word, or remove the braces", at: [open, i + 1] };
      out.push({ alts, start: open, end: i + 1 });
      open = -1;
    } else if (c === "|") {
      if (open < 0) return { ok: false, code: "unbalanced-brace", message: "'|' outside a group: alternatives are written inside braces, {a|b}", at: [i, i + 1] };
      alts.push(text);
      text = "";
    } else text += c;
  }
  if (open >= 0) return { ok: false, code: "unbalanced-brace", message: "'{' is never closed: a group is written {a|b}", at: [open, source.length] };
  out.push(text);
  return { ok: true, pieces: out };
}

/** Whitespace as a term is read: trimmed, runs of it one space (an empty alternative leaves two). */
function tidy(s: string): string {
  return s.trim().split(/\s+/u).join(" ");
}

/**
 * Expands the groups of a term (see the module comment): `{a|b}` is a or b, `{a|}` a or nothing,
 * and the terms come in the order of a nested loop over the groups from left to right, each group's
 * alternatives in written order. An expansion equal to an earlier one is left out and named in
 * `duplicates`. More than `limit` expansions (before duplicates are left out) is an error.
 */
export function expandAlternatives(source: string, limit: number = MAX_EXPANSION): Expansion {
  if (!hasAlternatives(source)) return { ok: true, terms: [source], grouped: false, duplicates: [] };
  const parsed = pieces(source);
  if (!parsed.ok) return parsed;
  let count = 1;
  for (const p of parsed.pieces) {
    if (typeof p === "string") continue;
    count *= p.alts.length;
    if (count > limit) {
      const groups = parsed.pieces.filter((q) => typeof q !== "string");
      const total = groups.reduce((n, q) => n * (q as Exclude<Piece, string>).alts.length, 1);
      const sizes = groups.map((q) => (q as Exclude<Piece, string>).alts.length).join(" × ");
      return { ok: false, code: "too-many-expansions", message: `this term expands to ${total} terms (${sizes}); one term may expand to at most ${limit}: split it, or generate the forms from a grammar (scripts/lexicon/grammar)`, at: [0, source.length] };
    }
  }
  let partial = [""];
  for (const p of parsed.pieces) {
    if (typeof p === "string") partial = partial.map((s) => s + p);
    else partial = partial.flatMap((s) => p.alts.map((a) => s + a));
  }
  const seen = new Set<string>();
  const dup = new Set<string>();
  const terms: string[] = [];
  for (const raw of partial) {
    const t = tidy(raw);
    if (seen.has(t)) dup.add(t);
    else {
      seen.add(t);
      terms.push(t);
    }
  }
  return { ok: true, terms, grouped: true, duplicates: [...dup] };
}

/**
 * How many terms `source` stands for, without spelling them out: the product of its groups' sizes
 * (1 for a term without groups, or with groups too malformed to expand, which compile reports). What
 * the `maxTerms` limit counts (load/limits.ts), so that groups cannot carry a policy past it.
 */
export function expansionCount(source: string): number {
  if (!hasAlternatives(source)) return 1;
  const parsed = pieces(source);
  if (!parsed.ok) return 1;
  return parsed.pieces.reduce((n: number, p) => (typeof p === "string" ? n : n * p.alts.length), 1);
}
