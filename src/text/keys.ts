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
  const full = latin.replace(LATIN_CANON, canon);
  const squeezed = squeeze(full);
  // A word squeezed to one or two letters keeps a final double i, which is й after и, і or ы: the
  // imperative "бий" (bii) is not the conditional particle "by" (би, бы), nor "ній" the "ni" of
  // "no": in transliterated text these particles are everywhere. "byj", "bij", "biy" still key as
  // "бий", and "yikh" as "їх" (ii inside the word is squeezed).
  return squeezed.length <= 2 && full.endsWith("ii") ? full : squeezed;
}

/** Letters before which an "h" belongs to a digraph (sh, ch, zh, kh: ш, ч, ж, х), not to г. */
const DIGRAPH_HEAD = new Set(["s", "c", "z", "k"]);

/**
 * The skeleton of a Latin word with each lone "h" read as Ukrainian and Belarusian write г
 * ("voroham" → ворогам, "Bilhorod" → Білгород, "horily" → горіли), where {@link translitSkeleton}
 * reads it as х, the Russian habit ("vseh", "horosho"). Undefined when the word is not Latin or
 * has no lone "h" (one outside sh, ch, zh, kh), so that the alternative costs nothing elsewhere.
 * The reading is a guess about the writer's system, so the matcher counts it only in text
 * identified as a transliteration (VIA_SHORT).
 */
export function translitSkeletonH(word: string): string | undefined {
  let at = word.indexOf("h");
  if (at < 0 || !ONLY_LATIN.test(word)) return undefined;
  let out = "";
  let from = 0;
  for (; at >= 0; at = word.indexOf("h", at + 1)) {
    if (at > 0 && DIGRAPH_HEAD.has(word[at - 1] as string)) continue;
    out += word.slice(from, at) + "g";
    from = at + 1;
  }
  if (from === 0) return undefined;
  return translitSkeleton(out + word.slice(from));
}
