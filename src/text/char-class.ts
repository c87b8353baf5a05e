/**
 * Per-character classes for the hot loops of the normaliser and the tokeniser. Running a Unicode
 * property regex over every post costs several microseconds a transformer; a table lookup by code
 * unit costs about one nanosecond a character. Each class is defined by a regex below (its source,
 * flag u), evaluated once
 * per character (lazily, 256 code units at a time), so the table can never disagree with the regex
 * the transformers were written against; the few blocks most text is written in are precomputed
 * from the same regexes (char-table.ts, checked by the tests).
 */

import { PRECOMPUTED_BLOCKS } from "./char-table.js";
import { lazy } from "./lazy.js";

/** `\p{L}` */
export const C_LETTER = 1 << 0;
/** `\p{M}` */
export const C_MARK = 1 << 1;
/** `\p{N}` */
export const C_NUMBER = 1 << 2;
/** `\p{Lu}|\p{Lt}`: what case folding changes. */
export const C_UPPER = 1 << 3;
/** `\p{Script=Latin}` */
export const C_LATIN = 1 << 4;
/** `\p{Script=Cyrillic}` */
export const C_CYRILLIC = 1 << 5;
/** {@link INVISIBLE}: zero-width, bidi and other invisible characters. */
export const C_INVISIBLE = 1 << 6;
/** {@link CONTROL_CHAR}: control characters but tab and line breaks (also the start of every escape sequence). */
export const C_CONTROL = 1 << 7;
/** {@link MAY_CHANGE_UNDER_NFKC} */
export const C_NFKC = 1 << 8;
/** {@link APOSTROPHES} */
export const C_APOSTROPHE = 1 << 9;
/** {@link NEEDS_FOLD} */
export const C_FOLD = 1 << 10;
/** `\s` */
export const C_SPACE = 1 << 11;
/** `[@$!|€]`: symbols leetspeak writes inside words. */
export const C_LEET_SYMBOL = 1 << 12;
/** `[ .\-_*·•/+,]`: what may stand between letters spelled out one at a time. */
export const C_SEPARATOR = 1 << 13;
/** `\p{Script=Georgian}` */
export const C_GEORGIAN = 1 << 14;
/** `\p{Script=Armenian}` */
export const C_ARMENIAN = 1 << 15;
/** Letters, marks and digits: what words are made of. */
export const C_WORD = C_LETTER | C_MARK | C_NUMBER;
/** Every class bit above: a class is never wider (text-profile.ts keeps its own bits above these). */
export const CLASS_MASK = (1 << 16) - 1;
/** Set in every computed entry, so that 0 means "not looked at yet". */
const COMPUTED = 1 << 16;

// The sources of the class regexes. They are strings, made into regexes only when a block outside
// char-table.ts is first met: V8 checks a regex literal's pattern when it compiles the module, which
// for a \p{…} class means building the class (see lazy.ts), and a plain post needs none of them.

/**
 * Zero-width, bidi and other invisible characters (the invisible transformer drops them): every
 * Default_Ignorable_Code_Point, which Unicode asks renderers to show as nothing when they do not
 * support it (zero-width and bidi controls, fillers, variation selectors, the shorthand and musical
 * format controls, the tag characters and the code points reserved for more of them), and the format
 * characters that show nothing, or a blank, inside a word without being default-ignorable: the
 * blank Braille pattern (U+2800), the interlinear annotation marks (U+FFF9–FFFB) and the Egyptian
 * hieroglyph format controls (U+13430–1343F). A list of its own missed U+1BCA0–1BCA3,
 * U+1D173–1D17A and the reserved ones (U+2065, U+FFF0–FFF8, U+E0000–E0FFF but the tags).
 */
export const INVISIBLE = String.raw`[\p{Default_Ignorable_Code_Point}\u2800\uFFF9-\uFFFB\u{13430}-\u{1343F}]`;
/** Control characters but tab and line breaks; every terminal escape sequence starts with one (ESC). */
export const CONTROL_CHAR = String.raw`[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]`;
/**
 * Characters NFKC can change: Latin-1 and spacing/compatibility blocks, combining marks, ligatures,
 * fullwidth, styled and enclosed forms, Armenian և. Plain Latin, Cyrillic, Georgian and Armenian
 * letters are outside it, so most posts skip the (slow) whole-text normalize() call.
 */
export const MAY_CHANGE_UNDER_NFKC = String.raw`[\u00A0-\u00BF\u0132\u0133\u013F\u0140\u0149\u017F\u01C4-\u01CC\u01F1-\u01F3\u02B0-\u036F\u0587\u1D2C-\u1DBF\u1E9A\u1E9B\u2000-\u2BFF\u2E80-\u33FF\uA000-\uFFFF\u{10000}-\u{10FFFF}]|\p{M}`;
/** Apostrophe look-alikes that the apostrophes transformer writes as '. */
export const APOSTROPHES = String.raw`[\u2019\u02BC\u02BB\u0060\u00B4\u2032\u2018]`;
/** Latin letters with diacritics, ə, ё, Armenian emphasis marks (written inside words), and marks. */
export const NEEDS_FOLD = String.raw`[\p{M}\u00C0-\u024F\u0259\u1E00-\u1EFF\u0451\u055B-\u055E]`;

/** Each class and the source of a regex (flag u) matching one character of it. */
const CLASS_SOURCES: ReadonlyArray<readonly [number, string]> = [
  [C_LETTER, String.raw`\p{L}`],
  [C_MARK, String.raw`\p{M}`],
  [C_NUMBER, String.raw`\p{N}`],
  [C_UPPER, String.raw`\p{Lu}|\p{Lt}`],
  [C_LATIN, String.raw`\p{Script=Latin}`],
  [C_CYRILLIC, String.raw`\p{Script=Cyrillic}`],
  [C_INVISIBLE, INVISIBLE],
  [C_CONTROL, CONTROL_CHAR],
  [C_NFKC, MAY_CHANGE_UNDER_NFKC],
  [C_APOSTROPHE, APOSTROPHES],
  [C_FOLD, NEEDS_FOLD],
  [C_SPACE, String.raw`\s`],
  [C_LEET_SYMBOL, String.raw`[@$!|\u20AC]`],
  [C_SEPARATOR, String.raw`[ .\-_*\u00B7\u2022/+,]`],
  [C_GEORGIAN, String.raw`\p{Script=Georgian}`],
  [C_ARMENIAN, String.raw`\p{Script=Armenian}`],
];
const CLASSES = lazy(() => CLASS_SOURCES.map(([bit, source]) => [bit, new RegExp(source, "u")] as const));
const CLASSES_G = lazy(() => CLASS_SOURCES.map(([bit, source]) => [bit, new RegExp(source, "gu")] as const));

/** The classes of one code point (given as a string). */
function compute(ch: string): number {
  let bits = COMPUTED;
  for (const [bit, re] of CLASSES()) if (re.test(ch)) bits |= bit;
  return bits;
}

/** Classes of every BMP code unit (a lone surrogate is classed as the code point it stands for); 17 bits with COMPUTED. */
const UNITS = new Uint32Array(0x10000);
/** Classes of the supplementary code points met so far (emoji, styled letters): few distinct ones. */
const ASTRAL = new Map<number, number>();

/**
 * Fills the 256 code units around `c`: from the precomputed table when the block is one of those
 * (char-table.ts), else one pass of each class regex over them, not 256 × 16 calls.
 */
function fillBlock(c: number): number {
  const base = c & ~0xff;
  const pre = PRECOMPUTED_BLOCKS.get(base);
  if (pre !== undefined) {
    for (let i = 0; i < 0x100; i++) UNITS[base + i] = (pre[i] as number) | COMPUTED;
    return UNITS[c] as number;
  }
  const units: number[] = [];
  for (let u = base; u < base + 0x100; u++) units.push(u);
  // Within one block every surrogate is of one kind (high or low), so no two of them pair up: each
  // unit is matched as the code point it stands for, as compute() would see it.
  const block = String.fromCharCode(...units);
  UNITS.fill(COMPUTED, base, base + 0x100);
  for (const [bit, re] of CLASSES_G()) for (const m of block.matchAll(re)) UNITS[base + m.index] = (UNITS[base + m.index] as number) | bit;
  return UNITS[c] as number;
}

/** Classes of BMP code unit `c` (a lone surrogate counts as itself). */
export function unitClass(c: number): number {
  const v = UNITS[c] as number;
  return v !== 0 ? v : fillBlock(c);
}

/** Classes of code point `cp`, BMP or supplementary. */
export function codePointClass(cp: number): number {
  if (cp < 0x10000) return unitClass(cp);
  let v = ASTRAL.get(cp);
  if (v === undefined) {
    v = compute(String.fromCodePoint(cp));
    // Hostile input could name every code point; the cache only has to hold the few real posts use.
    if (ASTRAL.size >= 4096) ASTRAL.clear();
    ASTRAL.set(cp, v);
  }
  return v;
}

/** The code point starting at unit `i` of `s` (a lone surrogate stands for itself). */
export function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/**
 * The scripts whose letters the normaliser and the matcher tell apart: Latin and Cyrillic, which
 * evasion mixes (confusables, leetspeak), and Georgian and Armenian, whose alphabets a hidden letter
 * may stand for (keys.ts). One classifier for all of them, from the class table, so that no module
 * keeps a range list of its own that could disagree with `\p{Script=…}`.
 */
export type Script = "latin" | "cyrillic" | "georgian" | "armenian";

/** The class bit of each {@link Script}. */
const SCRIPT_BITS: ReadonlyArray<readonly [number, Script]> = [
  [C_LATIN, "latin"],
  [C_CYRILLIC, "cyrillic"],
  [C_GEORGIAN, "georgian"],
  [C_ARMENIAN, "armenian"],
];
const ANY_SCRIPT = C_LATIN | C_CYRILLIC | C_GEORGIAN | C_ARMENIAN;

/** The {@link Script} of the character whose class is `k` (from {@link codePointClass}), or undefined for any other (digits, symbols, Greek…). */
export function scriptOfClass(k: number): Script | undefined {
  if ((k & ANY_SCRIPT) === 0) return undefined;
  for (const [bit, script] of SCRIPT_BITS) if (k & bit) return script;
  return undefined;
}

/** The {@link Script} of code point `cp`, or undefined. */
export function scriptOf(cp: number): Script | undefined {
  return scriptOfClass(codePointClass(cp));
}

/**
 * The script most letters of `word` are written in, Latin against Cyrillic (the two that evasion
 * mixes), with how many of each it holds: "other" when neither outnumbers the other (none of
 * either, or as many of both). Code point by code point, so a supplementary letter counts once.
 */
export function majorityScript(word: string): { script: "latin" | "cyrillic" | "other"; latin: number; cyrillic: number } {
  let latin = 0;
  let cyrillic = 0;
  for (let i = 0; i < word.length; i++) {
    const cp = word.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    const script = scriptOf(cp);
    if (script === "latin") latin++;
    else if (script === "cyrillic") cyrillic++;
  }
  const script = latin > cyrillic ? "latin" : cyrillic > latin ? "cyrillic" : "other";
  return { script, latin, cyrillic };
}
