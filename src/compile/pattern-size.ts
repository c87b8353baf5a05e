import { createRequire } from "node:module";

type Re2 = { RE2JS: { compile(p: string): { re2Input?: { prog?: { inst?: unknown[] } } } } };
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
