// Alternatives in hand-written terms ("{stone|flog} {him|her}"), for a generator that reads a
// hand-edited lexicon file (hy.js and ka.js spell its terms in Latin letters): the terms it stands
// for, by the engine's own expansion (dist/match/term-alternatives.js), in the engine's order, so a
// folded file gives the generator the very strings the written-out one did.
import { existsSync } from "node:fs";

const MODULE = new URL("../../dist/match/term-alternatives.js", import.meta.url);
// Loaded when built; a term without braces needs no engine, so the generators run without a build
// as long as the files they read have no groups.
const engine = existsSync(MODULE) ? await import(MODULE.href) : undefined;

/** The terms `terms` stand for, each term with groups replaced by its expansions. */
export function expandTerms(terms) {
  return terms.flatMap((t) => {
    const s = String(t);
    if (!/[{|}]/u.test(s)) return [s];
    if (!engine) throw new Error(`'${s}' has alternatives, which the engine in dist/ expands: run npm run build first`);
    const x = engine.expandAlternatives(s);
    if (!x.ok) throw new Error(`'${s}': ${x.message}`);
    return x.terms;
  });
}
