/**
 * Alternative keys under which a word is looked up, besides its normalised form. Each key is a
 * "view" that both lexicon terms and text words are reduced to, so matching stays one table lookup.
 */

import { C_CYRILLIC, C_LETTER, codePointAt, codePointClass } from "./char-class.js";

/**
 * True when a word has a letter written three or more times in a row ("deeeath", "killll"): what
 * `/(\p{L})\1\1/u` matches. The class table answers for the letters, so a run does not compile that
 * Unicode regex (a few tenths of a millisecond) for its first word.
 */
export function isStretched(word: string): boolean {
  let prev = -1;
  let run = 0;
  for (let i = 0; i < word.length; ) {
    const cp = codePointAt(word, i);
    if (cp === prev) {
      if (++run === 3) return true;
    } else if ((codePointClass(cp) & C_LETTER) !== 0) {
      prev = cp;
      run = 1;
    } else prev = -1;
    i += cp > 0xffff ? 2 : 1;
  }
  return false;
}

/** Collapses every run of a repeated letter to one ("killll" → "kil", "kill" → "kil"). */
export function squeeze(word: string): string {
  let out = "";
  let prev = "";
  for (const ch of word) {
    if (ch !== prev) out += ch;
    prev = ch;
  }
  return out;
}

const CYRILLIC_ROMAN: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", е: "e", є: "ie", ж: "zh", з: "z", и: "i", і: "i",
  ї: "i", й: "i", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u",
  ў: "u", ф: "f", х: "h", ц: "c", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "i", ь: "", э: "e", ю: "iu",
  я: "ia", "'": "",
};

/** Latin spellings that several romanisation schemes use for one Cyrillic letter, in skeleton form. */
const LATIN_CANON = /shch|szcz|sch|kh|tch|cz|sz|ts|tz|[yji][euao]|[yj]|w|x|q|'/g;

function canon(m: string): string {
  switch (m) {
    case "shch":
    case "szcz":
    case "sch":
      return "shch";
    case "kh":
      return "h";
    case "tch":
    case "cz":
      return "ch";
    case "sz":
      return "sh";
    case "ts":
    case "tz":
      return "c";
    case "y":
    case "j":
      return "i";
    case "w":
      return "v";
    case "x":
      return "ks";
    case "q":
      return "k";
    case "'":
      return "";
    default:
      // [yji] before a vowel: one "i" and the vowel (ya, ja, ia → ia).
      return `i${m[1] as string}`;
  }
}

/** Whether `s` holds a Cyrillic character (`/\p{Script=Cyrillic}/u`), from the class table. */
function hasCyrillic(s: string): boolean {
  for (let i = 0; i < s.length; ) {
    const cp = codePointAt(s, i);
    if ((codePointClass(cp) & C_CYRILLIC) !== 0) return true;
    i += cp > 0xffff ? 2 : 1;
  }
  return false;
}

const ONLY_LATIN = /^[a-z']+$/;

/**
 * A script-neutral skeleton for matching Latin transliterations of Cyrillic words: "okupantam",
 * "okkupantam" and "окупантам" share one skeleton. Returns undefined for words of other scripts.
 */
export function translitSkeleton(word: string): string | undefined {
  let latin: string;
  if (hasCyrillic(word)) {
    latin = "";
    for (const ch of word) {
      const r = CYRILLIC_ROMAN[ch];
      if (r === undefined && hasCyrillic(ch)) return undefined;
      latin += r ?? ch;
    }
  } else if (ONLY_LATIN.test(word)) latin = word;
  else return undefined;
  // One pass with the alternatives in priority order; the same function keys terms and text alike.
  return squeeze(latin.replace(LATIN_CANON, canon));
}
