import { C_CYRILLIC, C_LATIN, codePointClass, unitClass } from "./char-class.js";
import { mayHoldLeet, mayHoldSpacedLetters, textClasses } from "./text-profile.js";
import { lazyRegExp } from "./lazy.js";
import { RewriteBuilder } from "./rewrite.js";
import type { Transformer } from "./transformers.js";


/** Latin letters that pass for Cyrillic ones in lower case (after case folding). */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: "а", b: "в", c: "с", e: "е", h: "н", i: "і", k: "к", m: "м", n: "п", o: "о", p: "р", r: "г",
  t: "т", u: "и", x: "х", y: "у", j: "ј",
};
/** Cyrillic letters that pass for Latin ones. */
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: "a", в: "b", е: "e", і: "i", к: "k", м: "m", н: "h", о: "o", р: "p", с: "c", т: "t", у: "y",
  х: "x", ѕ: "s", ј: "j", ԁ: "d", ԛ: "q", ԝ: "w", г: "r", п: "n", и: "u", ь: "b",
};

const LETTER_RUN = lazyRegExp(String.raw`[\p{L}\p{M}]+`, "gu");

type Script = "latin" | "cyrillic" | "other";

function majorityScript(word: string): { script: Script; latin: number; cyrillic: number } {
  let latin = 0;
  let cyrillic = 0;
  // By code point, from the class table (the same \p{Script=…} classes, without a regex per letter).
  for (let i = 0; i < word.length; i++) {
    const cp = word.codePointAt(i) as number;
    if (cp > 0xffff) i++;
    const k = codePointClass(cp);
    if (k & C_LATIN) latin++;
    else if (k & C_CYRILLIC) cyrillic++;
  }
  const script: Script = latin > cyrillic ? "latin" : cyrillic > latin ? "cyrillic" : "other";
  return { script, latin, cyrillic };
}

/**
 * Words that mix Latin and Cyrillic letters ("Смeрть", "Пyтин") are written in one script with a few
 * look-alikes from the other: fold the minority letters into the majority script. A word written
 * wholly in one script is never touched, so clean text of either script is unchanged.
 */
export const confusables: Transformer = {
  name: "confusables",
  description: "folded look-alike letters",
  evasion: true,
  apply(input) {
    const classes = textClasses(input);
    if ((classes & C_LATIN) === 0 || (classes & C_CYRILLIC) === 0) return null;
    const b = new RewriteBuilder(input);
    let last = 0;
    let changed = false;
    for (const m of input.matchAll(LETTER_RUN())) {
      const w = m[0];
      const { script, latin, cyrillic } = majorityScript(w);
      if (latin === 0 || cyrillic === 0 || script === "other") continue;
      const table = script === "cyrillic" ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
      const minority = script === "cyrillic" ? C_LATIN : C_CYRILLIC;
      for (let i = 0; i < w.length; i++) {
        const ch = w[i] as string;
        // One code unit, as before: half of a surrogate pair is in no script.
        const to = unitClass(w.charCodeAt(i)) & minority ? table[ch] : undefined;
        if (to === undefined) continue;
        b.keep(last, m.index + i);
        b.replace(m.index + i, m.index + i + 1, to);
        last = m.index + i + 1;
        changed = true;
      }
    }
    // Latin and Cyrillic words side by side, none mixing the two: nothing to fold (the usual case).
    if (!changed) return null;
    b.keep(last, input.length);
    return b.finish();
  },
};

const LEET_LATIN: Record<string, string> = {
  "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g", "@": "a", $: "s",
  "!": "i", "|": "l", "€": "e",
};
const LEET_CYRILLIC: Record<string, string> = {
  "0": "о", "1": "і", "3": "з", "4": "ч", "6": "б", "@": "а",
};
/** A run of letters, digits and the symbols leetspeak uses inside words. */
const LEET_RUN = lazyRegExp(String.raw`[\p{L}\p{M}\p{N}@$!|\u20AC]+`, "gu");
const LETTER = lazyRegExp(String.raw`\p{L}`, "u");
const WORDISH = lazyRegExp(String.raw`[\p{L}\p{M}\p{N}]`, "u");
/** A number with a short suffix ("4th", "21st", "5pm"): a number, not leetspeak. */
const NUMBER_WITH_SUFFIX = lazyRegExp(String.raw`^\p{N}+\p{L}{1,2}$`, "u");
const DIGIT = lazyRegExp(String.raw`\p{N}`, "u");
/** Two or more digits ending a word ("covid19", "win10") are a number, not letters. */
const TRAILING_NUMBER = lazyRegExp(String.raw`\p{N}{2,}$`, "u");

/**
 * Leetspeak inside words ("d3ath", "k1ll", "inv4ders", "0кyпант"): a digit or symbol becomes the
 * letter it imitates, but only in a word that is mostly letters, so "2022", "4th" of a date or
 * "covid19" in clean text keep their meaning and symbols at a word's edge stay punctuation.
 */
export const leet: Transformer = {
  name: "leet",
  description: "read digits and symbols as letters (leetspeak)",
  evasion: true,
  apply(input) {
    // A digit touching a letter, or a symbol between two word characters: anything else is not leet.
    if (!mayHoldLeet(input)) return null;
    const b = new RewriteBuilder(input);
    let last = 0;
    for (const m of input.matchAll(LEET_RUN())) {
      const w = m[0];
      let letters = 0;
      let others = 0;
      for (const ch of w) {
        if (LETTER().test(ch)) letters++;
        else others++;
      }
      if (others === 0 || letters < 2 || others > letters || NUMBER_WITH_SUFFIX().test(w)) continue;
      const table = majorityScript(w).script === "cyrillic" ? LEET_CYRILLIC : LEET_LATIN;
      const stop = TRAILING_NUMBER().exec(w)?.index ?? w.length;
      for (let i = 0; i < stop; i++) {
        const ch = w[i] as string;
        const to = table[ch];
        if (to === undefined) continue;
        const prev = w[i - 1];
        const next = w[i + 1];
        // Symbols only between word characters: "die!" keeps its exclamation mark.
        const symbol = !DIGIT().test(ch);
        if (symbol && (prev === undefined || next === undefined || !WORDISH().test(prev) || !WORDISH().test(next)))
          continue;
        if (!symbol && prev === undefined && next === undefined) continue;
        b.keep(last, m.index + i);
        b.replace(m.index + i, m.index + i + 1, to);
        last = m.index + i + 1;
      }
    }
    b.keep(last, input.length);
    return b.finish();
  },
};

const SEPARATOR = lazyRegExp(String.raw`^[ .\-_*\u00B7\u2022/+,]{1,3}$`, "u");
/** Single-letter words that real text strings together ("а й у", "a i"), never a spelled-out word. */
const COMMON_SINGLES = new Set(["a", "i", "o", "u", "e", "y", "w", "z", "а", "в", "ж", "з", "і", "й", "о", "у", "к", "с", "я", "и"]);

function isolatedLetterAt(s: string, i: number): boolean {
  const ch = s[i];
  if (ch === undefined || !LETTER().test(ch)) return false;
  const prev = s[i - 1];
  const next = s[i + 1];
  return (prev === undefined || !WORDISH().test(prev)) && (next === undefined || !WORDISH().test(next));
}

/**
 * Letters spelled out one at a time ("K i l l", "С.м.е.р.т.ь", "d-i-e"): join a run of three or more
 * single letters. Runs made only of real one-letter words with plain spaces are left alone.
 */
export const spacedLetters: Transformer = {
  name: "spaced-letters",
  description: "joined letters spelled out with spaces or dots",
  evasion: true,
  apply(input) {
    // Three single letters in a row, each apart from the next by separators: the only case to look at.
    if (!mayHoldSpacedLetters(input)) return null;
    const b = new RewriteBuilder(input);
    let last = 0;
    let i = 0;
    let any = false;
    while (i < input.length) {
      if (!isolatedLetterAt(input, i)) {
        i++;
        continue;
      }
      const letters = [i];
      let j = i + 1;
      for (;;) {
        let k = j;
        while (k < input.length && k - j < 3 && !WORDISH().test(input[k] as string)) k++;
        if (k === j || !SEPARATOR().test(input.slice(j, k)) || !isolatedLetterAt(input, k)) break;
        letters.push(k);
        j = k + 1;
      }
      const onlySpaces = letters.every((p, n) => n === 0 || /^ +$/.test(input.slice((letters[n - 1] as number) + 1, p)));
      const allCommon = letters.every((p) => COMMON_SINGLES.has(input[p] as string));
      if (letters.length >= 3 && !(onlySpaces && allCommon)) {
        any = true;
        b.keep(last, i + 1);
        for (let n = 1; n < letters.length; n++) {
          const p = letters[n] as number;
          b.drop((letters[n - 1] as number) + 1, p);
          b.keep(p, p + 1);
        }
        last = j;
      }
      i = j;
    }
    if (!any) return null;
    b.keep(last, input.length);
    return b.finish();
  },
};
