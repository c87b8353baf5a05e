/**
 * Cheap "could this text hold leetspeak / spelled-out letters at all?" tests for the evasion
 * transformers. Each is a single left-to-right scan over code points with table lookups, answering
 * exactly what the regex in its comment answers (the regexes took microseconds a post, mostly to
 * fail on clean text).
 */
import { C_LEET_SYMBOL, C_LETTER, C_NUMBER, C_SEPARATOR, C_WORD, codePointAt, codePointClass, textClasses, unitClass } from "./char-class.js";

const AT = 0x40;
const DOLLAR = 0x24;

/** `/\p{L}\p{N}|\p{N}\p{L}|[\p{L}\p{N}][@$!|€][\p{L}\p{N}]|^[@$][\p{L}]/u.test(s)` */
export function mayHoldLeet(s: string): boolean {
  // Every alternative needs a digit or a leet symbol.
  if ((textClasses(s) & (C_NUMBER | C_LEET_SYMBOL)) === 0) return false;
  const n = s.length;
  if (n === 0) return false;
  const first = s.charCodeAt(0);
  if ((first === AT || first === DOLLAR) && n > 1 && (codePointClass(codePointAt(s, 1)) & C_LETTER) !== 0) return true;
  const LN = C_LETTER | C_NUMBER;
  let prev = 0; // classes of the previous code point
  let prev2 = 0; // and of the one before it
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let cur: number;
    if (c < 0xd800 || c > 0xdbff) cur = unitClass(c);
    else {
      const cp = codePointAt(s, i);
      cur = codePointClass(cp);
      if (cp > 0xffff) i++;
    }
    if ((cur & C_NUMBER) !== 0 && (prev & C_LETTER) !== 0) return true;
    if ((cur & C_LETTER) !== 0 && (prev & C_NUMBER) !== 0) return true;
    if ((cur & LN) !== 0 && (prev & C_LEET_SYMBOL) !== 0 && (prev2 & LN) !== 0) return true;
    prev2 = prev;
    prev = cur;
  }
  return false;
}

/** Units of the code point at `i` (0 at the end of the text). */
function width(s: string, i: number): number {
  if (i >= s.length) return 0;
  return codePointAt(s, i) > 0xffff ? 2 : 1;
}

/** Classes of the code point at `i`, 0 at the end of the text. */
function classAt(s: string, i: number): number {
  return i < s.length ? codePointClass(codePointAt(s, i)) : 0;
}

/** One past 1 to 3 separators from `i`, or -1 when there are none or more than 3 before a non-separator. */
function separatorsEnd(s: string, i: number): number {
  let k = i;
  // Separators are all single units, and none is a letter: the regex cannot backtrack into them.
  while (k < s.length && k - i < 3 && (classAt(s, k) & C_SEPARATOR) !== 0) k++;
  return k === i ? -1 : k;
}

/**
 * `/(?:^|[^\p{L}\p{M}\p{N}])\p{L}[ .\-_*·•/+,]{1,3}\p{L}[ .\-_*·•/+,]{1,3}\p{L}(?![\p{L}\p{M}\p{N}])/u.test(s)`:
 * three single letters in a row, each apart from the next by up to three separators.
 */
export function mayHoldSpacedLetters(s: string): boolean {
  const n = s.length;
  let prevWord = false; // whether the previous code point is a word character (none before the first)
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let cls: number;
    if (c < 0xd800 || c > 0xdbff) cls = unitClass(c);
    else {
      const cp = codePointAt(s, i);
      cls = codePointClass(cp);
      if (cp > 0xffff) i++;
    }
    if ((cls & C_LETTER) !== 0 && !prevWord && threeSpaced(s, i + 1)) return true;
    prevWord = (cls & C_WORD) !== 0;
  }
  return false;
}

/** After a first single letter ending at `i`: separators, a letter, separators, a letter, then no word character. */
function threeSpaced(s: string, i: number): boolean {
  let at = i;
  for (let letter = 0; letter < 2; letter++) {
    const sep = separatorsEnd(s, at);
    // Three separators followed by a fourth fail: {1,3} cannot reach a letter past them.
    if (sep < 0 || (classAt(s, sep) & C_LETTER) === 0) return false;
    at = sep + width(s, sep);
  }
  return (classAt(s, at) & C_WORD) === 0;
}
