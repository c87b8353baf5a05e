/**
 * The word index and the matcher: one home for building a lexicon index at compile time (from
 * parsed terms), packing it for the precompiled form, and finding lexicon matches in a tokenised
 * post at evaluation time. Other phases import from here only.
 */
export { gapPart, parseTerm, type ParsedTerm, type TermPart, wordPart } from "./terms.js";
export { expandAlternatives, expansionCount, hasAlternatives, MAX_EXPANSION, type Expansion } from "./term-alternatives.js";
export { compileRe2, patternFinder, re2MatchesEmpty, LexiconIndex, type PackedIndex, type TermEntry } from "./lexicon-index.js";
export { bytesOf, PackedSet, packSet, PagedBytes } from "./packed-map.js";
export { findMatches, VIA_GLUED, VIA_SHORT, VIA_STRETCHED, VIA_TRANSLIT, VIA_TYPO, type LexMatch, type LexMatches } from "./match.js";
