/**
 * What a text holds, from one scan over its code points: the union of their classes, and whether
 * it could hold leetspeak or letters spelled out one at a time. Each transformer first asks whether
 * its text holds anything it could change; consecutive transformers mostly see the same string,
 * so the answer for the last string is kept and one scan serves several of them.
 */
import { C_LEET_SYMBOL, CLASS_MASK, C_LETTER, C_NUMBER, C_SEPARATOR, C_WORD, codePointAt, codePointClass, unitClass } from "./char-class.js";

/** A digit touching a letter, or a leet symbol between word characters: `/\p{L}\p{N}|\p{N}\p{L}|[\p{L}\p{N}][@$!|€][\p{L}\p{N}]|^[@$][\p{L}]/u` */
const LEET_HINT = 1 << 17;
/**
 * Three single letters in a row, each apart from the next by separators:
 * `/(?:^|[^\p{L}\p{M}\p{N}])\p{L}[ .\-_*·•/+,]{1,3}\p{L}[ .\-_*·•/+,]{1,3}\p{L}(?![\p{L}\p{M}\p{N}])/u`
 */
const SPACED_HINT = 1 << 18;
/** The class bits of a profile (see char-class.ts); the table's own "computed" bit, 1 << 16, lies between them and the hints. */
const CLASSES = CLASS_MASK;

const AT = 0x40;
const DOLLAR = 0x24;
const LN = C_LETTER | C_NUMBER;

/** Classes of the code point at `i`, 0 at the end of the text. */
function classAt(s: string, i: number): number {
  return i < s.length ? codePointClass(codePointAt(s, i)) : 0;
}

/** Whether unit `i` is a separator (all are single BMP units, so no code point need be decoded). */
function isSeparatorAt(s: string, i: number): boolean {
  return i < s.length && (unitClass(s.charCodeAt(i)) & C_SEPARATOR) !== 0;
}

/** One past 1 to 3 separators from `i`, or -1 when there are none. */
function separatorsEnd(s: string, i: number): number {
  let k = i;
  while (k - i < 3 && isSeparatorAt(s, k)) k++;
  return k === i ? -1 : k;
}

/** After a first single letter ending at `i`: separators, a letter, separators, a letter, then no word character. */
function threeSpaced(s: string, i: number): boolean {
  let at = i;
  for (let letter = 0; letter < 2; letter++) {
    const sep = separatorsEnd(s, at);
    // Separators are single units and never letters, so the regex cannot backtrack into them: a
    // fourth separator, or anything but a letter after them, fails.
    if (sep < 0 || (classAt(s, sep) & C_LETTER) === 0) return false;
    at = sep + (codePointAt(s, sep) > 0xffff ? 2 : 1);
  }
  return (classAt(s, at) & C_WORD) === 0;
}

function scan(s: string): number {
  const n = s.length;
  let bits = 0;
  if (n > 1) {
    const first = s.charCodeAt(0);
    if ((first === AT || first === DOLLAR) && (classAt(s, 1) & C_LETTER) !== 0) bits |= LEET_HINT;
  }
  let prev = 0; // classes of the previous code point (0 before the first)
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
    bits |= cur;
    // Inside a word of letters neither hint can start: look only at digits, symbols and word starts.
    if ((prev & C_WORD) === 0 || ((cur | prev) & (C_NUMBER | C_LEET_SYMBOL)) !== 0) {
      if (
        (bits & LEET_HINT) === 0 &&
        (((cur & C_NUMBER) !== 0 && (prev & C_LETTER) !== 0) ||
          ((cur & C_LETTER) !== 0 && (prev & C_NUMBER) !== 0) ||
          ((cur & LN) !== 0 && (prev & C_LEET_SYMBOL) !== 0 && (prev2 & LN) !== 0))
      )
        bits |= LEET_HINT;
      // A single letter starts a spelled-out run only when a separator follows it.
      if ((cur & C_LETTER) !== 0 && (prev & C_WORD) === 0 && (bits & SPACED_HINT) === 0 && isSeparatorAt(s, i + 1) && threeSpaced(s, i + 1))
        bits |= SPACED_HINT;
    }
    prev2 = prev;
    prev = cur;
  }
  return bits;
}

let lastText: string | undefined;
let lastProfile = 0;

function profile(s: string): number {
  if (s !== lastText) {
    lastProfile = scan(s);
    lastText = s;
  }
  return lastProfile;
}

/** The union of the classes (char-class.ts) of every code point of `s`. */
export function textClasses(s: string): number {
  return profile(s) & CLASSES;
}

/** Whether `s` could hold leetspeak: a digit touching a letter, or a leet symbol between word characters. */
export function mayHoldLeet(s: string): boolean {
  return (profile(s) & LEET_HINT) !== 0;
}

/** Whether `s` could hold letters spelled out one at a time: three single letters apart by separators. */
export function mayHoldSpacedLetters(s: string): boolean {
  return (profile(s) & SPACED_HINT) !== 0;
}
