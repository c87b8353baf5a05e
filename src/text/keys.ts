/**
 * Alternative keys under which a word is looked up, besides its normalised form. Each key is a
 * "view" that both lexicon terms and text words are reduced to, so matching stays one table lookup.
 */

import { C_CYRILLIC, C_LETTER, codePointAt, codePointClass, type Script, scriptOf } from "./char-class.js";

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

/**
 * What the `censored` transformer (evasion.ts) writes for a symbol standing for a hidden letter
 * inside a word ("r*ssian", "уб@ть"): U+A788 MODIFIER LETTER LOW CIRCUMFLEX ACCENT, a letter (so the
 * word stays one word for the tokeniser and the other transformers) of no script (so it tips no
 * word's script) that real text does not write. A word holding it is matched by {@link wildMatch}.
 */
export const WILDCARD = "\uA788";

/** How many {@link WILDCARD}s `word` holds (0 for nearly every word: one indexOf). */
export function wildcards(word: string): number {
  let n = 0;
  for (let i = word.indexOf(WILDCARD); i >= 0; i = word.indexOf(WILDCARD, i + 1)) n++;
  return n;
}

/**
 * True when `word`, read with each {@link WILDCARD} as one letter of the word's script (see
 * {@link forEachFill}), is `key` (or, for a stem, begins with it): "rꞈssian" is *russian*, "убꞈть"
 * is *убить*. A wildcard never stands for an apostrophe, a digit or a letter of another script.
 */
export function wildMatch(word: string, key: string, stem: boolean): boolean {
  if (stem ? word.length < key.length : word.length !== key.length) return false;
  let abc: string | undefined;
  for (let i = 0; i < key.length; i++) {
    const w = word[i] as string;
    const k = key[i] as string;
    if (w === k) continue;
    if (w !== WILDCARD) return false;
    abc ??= alphabetOf(word) ?? "";
    if (!abc.includes(k)) return false;
  }
  return true;
}

/** The letters a hidden letter may be, by the script of the word's other letters (after normalisation: no Latin diacritics, ё as е). */
const ALPHABETS: Readonly<Record<Script, string>> = {
  latin: "abcdefghijklmnopqrstuvwxyz",
  cyrillic: "абвгдежзийклмнопрстуфхцчшщъыьэюяіїєґўј",
  georgian: "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
  armenian: "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
};

/**
 * The alphabet of the script of the first letter of `word` that has one of the four (char-class.ts
 * {@link scriptOf}, the classifier the normaliser uses): a word holding {@link WILDCARD}s is read in
 * the script its shown letters are written in.
 */
function alphabetOf(word: string): string | undefined {
  for (let i = 0; i < word.length; ) {
    const cp = codePointAt(word, i);
    const script = scriptOf(cp);
    if (script !== undefined) return ALPHABETS[script];
    i += cp > 0xffff ? 2 : 1;
  }
  return undefined;
}

/** Most hidden letters a word may hold and still be read: more is a word too far gone to guess. */
const MAX_WILDCARDS = 2;

/**
 * True when the {@link WILDCARD}s of `word` may be read as letters: one or two of them, with at
 * least three letters shown and two for each hidden one ("f**k" and "п***ц" are guessed at by no
 * one), in a script whose letters are known, and the word is none of the swear words people star
 * out ({@link isStarredSwear}).
 */
export function readsWildcards(word: string): boolean {
  const n = wildcards(word);
  return n > 0 && n <= MAX_WILDCARDS && word.length - n >= Math.max(3, 2 * n) && alphabetOf(word) !== undefined;
}

/**
 * Every word `word` may be with each {@link WILDCARD} read as a letter of its script, when it
 * {@link readsWildcards}: `visit` is called for each, at most 40² of them. A word that may be a
 * swear word starred out ({@link isStarredSwear}) is read as one only: "sh*t" is *shit*, never
 * *shot*, and "ху*ло" is *хуйло*, which a lexicon may name.
 */
export function forEachFill(word: string, visit: (fill: string) => void): void {
  if (!readsWildcards(word)) return;
  const swear = isStarredSwear(word);
  fill(word, alphabetOf(word) as string, swear ? (f) => isSwear(f) && visit(f) : visit);
}

function fill(word: string, abc: string, visit: (fill: string) => void): void {
  const at = word.indexOf(WILDCARD);
  if (at < 0) {
    visit(word);
    return;
  }
  const head = word.slice(0, at);
  const tail = word.slice(at + 1);
  for (const ch of abc) fill(head + ch + tail, abc, visit);
}

/**
 * True when word part `key` (a stem when `stem`) is one of the words `word` may be read as
 * ({@link forEachFill}): the matcher's test of a word with hidden letters beside an anchor.
 */
export function readsAs(word: string, key: string, stem: boolean): boolean {
  if (!readsWildcards(word) || !wildMatch(word, key, stem)) return false;
  if (!isStarredSwear(word)) return true;
  let found = false;
  forEachFill(word, (f) => {
    if (stem ? f.startsWith(key) : f === key) found = true;
  });
  return found;
}

/**
 * Swear words people star out ("sh*t", "f*cking", "бл@ть", "k*rwa"): a starred word that may be one
 * of them is taken for it, never for a lexicon word of the same shape ("sh*t" is no *shot*). `*`
 * ends a stem. Lower case, diacritics folded, as normalised text writes them.
 */
const STARRED_SWEARS: readonly string[] = [
  // English
  "fuck*", "shit*", "bitch*", "cunt*", "dick", "dicks", "cock", "cocks", "piss*", "damn*", "hell", "crap*", "slut*", "whore*",
  "bastard*", "ass", "asses", "arse", "asshole*", "twat*", "wank*", "prick*", "nigg*", "fag", "fags", "faggot*", "retard*",
  "motherf*", "bullshit*", "goddam*", "dammit", "bloody", "bugger*", "tits",
  // German, Dutch
  "scheiss*", "scheis*", "fick*", "arsch*", "kacke", "hure*", "kut", "kanker*",
  // Polish
  "kurw*", "chuj*", "huj*", "pierdol*", "jeba*", "jebi*", "pizd*", "dupa", "dupy", "cholera", "skurw*", "spierdal*", "wypierdal*",
  // Russian, Ukrainian, Belarusian
  "хуй*", "хуе*", "хуя*", "хую", "хуи", "хер", "хера", "херня", "пизд*", "блят*", "бляд*", "ебат*", "ебан*", "ебал*", "ебу*",
  "ёб*", "еб*", "сука", "суки", "сук", "суку", "мудак*", "мудил*", "нахуй", "нахер", "говн*", "жоп*", "залуп*", "пидор*", "пидар*",
  "гандон*", "курва", "курви",
  // Czech, Slovak
  "kurv*", "pic*", "hovn*", "prdel*", "jeb*",
];
const SWEAR_WORDS = new Set(STARRED_SWEARS.filter((s) => !s.endsWith("*")));
const SWEAR_STEMS = STARRED_SWEARS.filter((s) => s.endsWith("*")).map((s) => s.slice(0, -1));

/** True when `word` (plain letters) is a swear word of {@link STARRED_SWEARS}. */
export function isSwear(word: string): boolean {
  if (SWEAR_WORDS.has(word)) return true;
  for (const s of SWEAR_STEMS) if (word.startsWith(s)) return true;
  return false;
}

/** True when `word` (holding {@link WILDCARD}s) may be a starred swear word ({@link STARRED_SWEARS}). */
export function isStarredSwear(word: string): boolean {
  for (const s of SWEAR_WORDS) if (wildMatch(word, s, false)) return true;
  for (const s of SWEAR_STEMS) if (wildMatch(word, s, true)) return true;
  return false;
}
