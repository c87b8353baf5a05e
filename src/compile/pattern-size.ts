import { createRequire } from "node:module";

type Re2 = { RE2JS: { compile(p: string): { re2Input?: { prog?: { inst?: { op?: unknown }[] } } } } };
let re2: Re2 | undefined;

/**
 * The size of a pattern's compiled RE2 program, in instructions: what the time to run it over a post
 * grows with (linearly in the post's length, but times this). Read from re2js's compiled program;
 * should a release of re2js not expose it, the pattern's length stands in. Throws for a pattern RE2
 * rejects (the caller has already compiled it).
 */
export function patternSize(source: string): number {
  re2 ??= createRequire(import.meta.url)("re2js") as Re2;
  const inst = re2.RE2JS.compile(source).re2Input?.prog?.inst;
  return Array.isArray(inst) ? inst.length : source.length;
}

/** re2js's opcodes of the instructions that read a character: RUNE, RUNE1, RUNE_ANY, RUNE_ANY_NOT_NL. */
const READS_A_CHARACTER = new Set([8, 9, 10, 11]);

/**
 * What a pattern costs per character of post, at worst: the instructions of its compiled program
 * that read a character. RE2 runs a pattern as a set of threads, one per such instruction at most,
 * and every live thread is stepped at every character; so this is the most threads it can keep
 * alive, and the factor by which it makes a character cost more. A repeat multiplies it by its
 * count: `(.*){1,395}` is 395 (every copy of `.*` stays alive on any text), `\bkill(ed|ing)?\b` 9.
 * (A bound, not a measure: a repeat of something narrow rarely keeps every copy alive.) Should a
 * release of re2js not expose its program, the pattern's length stands in.
 */
export function patternCost(source: string): number {
  re2 ??= createRequire(import.meta.url)("re2js") as Re2;
  const inst = re2.RE2JS.compile(source).re2Input?.prog?.inst;
  return Array.isArray(inst) ? inst.filter((i) => READS_A_CHARACTER.has(i.op as number)).length : source.length;
}
