import { C_CYRILLIC, C_LATIN, majorityScript, scriptOf } from "./char-class.js";
import { mayHoldLeet, mayHoldSpacedLetters, textClasses } from "./text-profile.js";
import { lazyRegExp } from "./lazy.js";
import { RewriteBuilder } from "./rewrite.js";
import { WILDCARD } from "./keys.js";
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
    for (const m of input.matchAll(LETTER_RUN())) {
      const w = m[0];
      const { script, latin, cyrillic } = majorityScript(w);
      if (latin === 0 || cyrillic === 0 || script === "other") continue;
      const table = script === "cyrillic" ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
      const minority = script === "cyrillic" ? "latin" : "cyrillic";
      for (let i = 0; i < w.length; i++) {
        const ch = w[i] as string;
        // One code unit, as before: half of a surrogate pair is in no script.
        const to = scriptOf(w.charCodeAt(i)) === minority ? table[ch] : undefined;
        if (to !== undefined) b.replaceUnit(m.index + i, to);
      }
    }
    // Latin and Cyrillic words side by side, none mixing the two: nothing to fold (the usual case), null.
    return b.finishRest();
  },
};

/**
 * Letter groups with symbols between them that may hide a letter: `*` and `#` in any script, and in
 * a Cyrillic word also `@` and `$` (Latin leetspeak reads them as *a* and *s*, see {@link leet};
 * Cyrillic leetspeak has no *s* and writes `@` for any vowel: "уб@ть").
 */
const CENSORED_RUN = lazyRegExp(String.raw`[\p{L}\p{M}]+(?:[*#@$]{1,2}[\p{L}\p{M}]+)+`, "gu");
const CENSOR_SYMBOL = /[*#@$]/;
const ANY_SCRIPT_CENSOR = /[*#]/;
const WORD_CHAR = lazyRegExp(String.raw`[\p{L}\p{M}\p{N}]`, "u");

/**
 * A symbol standing for one hidden letter inside a word ("r*ssian", "vyvr*ždiť", "уб@ть", "п#тин"):
 * each becomes {@link WILDCARD}, a letter the matcher reads as any one letter (keys.ts `wildMatch`),
 * so the word stays one word. Only between letters: markdown's `*bold*`, a footnote's `word*`, `5*`
 * and `2*3` are left alone; a word whose every letter stands alone ("k*i*l*l") is letters spelled
 * out (spaced-letters); a word with a digit is leetspeak's.
 */
export const censored: Transformer = {
  name: "censored",
  description: "read a symbol inside a word as a hidden letter",
  evasion: true,
  apply(input) {
    if (input.indexOf("*") < 0 && input.indexOf("#") < 0 && input.indexOf("@") < 0 && input.indexOf("$") < 0) return null;
    const b = new RewriteBuilder(input);
    for (const m of input.matchAll(CENSORED_RUN())) {
      const w = m[0];
      const before = input[m.index - 1];
      const after = input[m.index + w.length];
      // Part of a longer token ("a1*bc", "user@mail.com"'s "user@mail" is fine, "abc*2"): not a word.
      if ((before !== undefined && (WORD_CHAR().test(before) || CENSOR_SYMBOL.test(before))) || (after !== undefined && (WORD_CHAR().test(after) || CENSOR_SYMBOL.test(after)))) continue;
      const groups = w.split(/[*#@$]+/);
      if (groups.every((g) => g.length === 1)) continue;
      const cyrillic = majorityScript(w).script === "cyrillic";
      let letters = 0;
      for (const g of groups) letters += g.length;
      if (letters < 3) continue;
      for (let i = 0; i < w.length; i++) {
        const ch = w[i] as string;
        if (CENSOR_SYMBOL.test(ch) && (cyrillic || ANY_SCRIPT_CENSOR.test(ch))) b.replaceUnit(m.index + i, WILDCARD);
      }
    }
    return b.finishRest();
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
        b.replaceUnit(m.index + i, to);
      }
    }
    return b.finishRest();
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

/** Whether separator `sep` stands between words of a run whose letters are apart by `within`: it is wider, or holds a space where `within` holds none. */
function widerThan(sep: string, within: string): boolean {
  return sep !== within && (sep.length > within.length || (sep.includes(" ") && !within.includes(" ")));
}

/**
 * Where a run of spelled-out letters (positions `letters` in `s`) breaks into words: the letters of
 * one word are apart by the run's commonest separator ("k.i.l.l", "p u t i n"), and a wider one, or
 * one with a space where the letters have none, stands between words ("k.i.l.l. t.h.e.m",
 * "p u t i n   ö l s ü n", "k-i-l-l a-l-l"). Returns 1 at n when a word starts at letters[n]. A break
 * between two one-letter words is no break: three of them in a row would be a spelled-out run again,
 * so only a one-letter word between longer ones stands alone ("k.i.l.l. a. r.u.s.s.i.a.n").
 */
function wordBreaks(s: string, letters: readonly number[]): Uint8Array {
  const n = letters.length;
  const breaks = new Uint8Array(n);
  const seps: string[] = [""];
  const counts = new Map<string, number>();
  for (let k = 1; k < n; k++) {
    const sep = s.slice((letters[k - 1] as number) + 1, letters[k]);
    seps.push(sep);
    counts.set(sep, (counts.get(sep) ?? 0) + 1);
  }
  if (counts.size < 2) return breaks;
  // The commonest separator; on a tie the shortest, then the first met.
  let within = "";
  let best = 0;
  for (const [sep, c] of counts) if (c > best || (c === best && sep.length < within.length)) [within, best] = [sep, c];
  let any = false;
  for (let k = 1; k < n; k++)
    if (widerThan(seps[k] as string, within)) {
      breaks[k] = 1;
      any = true;
    }
  if (!any) return breaks;
  // A word of one letter is the stretch between two breaks (or a break and the run's edge) one letter long.
  const single = (k: number) => (k === 0 || breaks[k] === 1) && (k + 1 === n || breaks[k + 1] === 1);
  const singles = Array.from({ length: n }, (_, k) => single(k));
  for (let k = 1; k < n; k++) if (breaks[k] === 1 && singles[k - 1] && singles[k]) breaks[k] = 0;
  return breaks;
}

/**
 * Letters spelled out one at a time ("K i l l", "С.м.е.р.т.ь", "d-i-e"): join a run of three or more
 * single letters. Runs made only of real one-letter words with plain spaces are left alone. A run of
 * several words spelled out keeps a space between them where the writer left a wider gap
 * ("k.i.l.l. t.h.e.m" → "kill them", see {@link wordBreaks}).
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
        const breaks = wordBreaks(input, letters);
        b.keep(last, i + 1);
        for (let n = 1; n < letters.length; n++) {
          const p = letters[n] as number;
          if (breaks[n] === 1) b.replace((letters[n - 1] as number) + 1, p, " ");
          else b.drop((letters[n - 1] as number) + 1, p);
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
