/**
 * Russian, Ukrainian and Belarusian written in Latin letters ("rashistov nado vseh ubit", "shchob vin
 * zdokh", "Maskaloŭ treba tapić"): eld has no model of them and reads them as whichever Latin-script
 * Slavic language shares most of their letter n-grams (Slovenian, Croatian, Slovak, Czech, Polish),
 * or, unsure, as anything. This module spots them by what the transliteration systems write and
 * those languages do not, so that the identifier can label such text ru/uk/be (see
 * language-identify.ts, step 3b) and the Cyrillic lexicons apply to it.
 *
 * One pass over the text's first 1000 code units, word by word (no regex, no allocation but one
 * lower-cased copy of each word): each word earns points for the strongest mark it bears, and loses
 * points for a letter or word that only a real Latin-script language writes:
 *
 * - marks of the English-style systems: "shch" (щ), "kh" (х), "zh" (ж) and "sh" (ш) inside a word, a
 *   consonant before "ya/yu/ye/yo/yi" (тебя → tebya, люди → lyudi), the endings "-tsya/-tsa"
 *   (-ться), "-yy/-iy/-yi" (-ый/-ий) and "-ogo" (-ого); Czech writes "zh"/"sh" only where a prefix
 *   meets h ("zhruba", "shoda", "rozhodnout"), which scores less;
 * - Belarusian Łacinka: ŭ, and háček letters (š č ž) in the same text as Polish acute letters (ł ś ź
 *   ń), which no real language mixes;
 * - digits for letters inside a word ("4to", "sho6": 4 for ч, 6 for ш);
 * - function words of each language in their common spellings ("chto", "nado", "shcho", "tse",
 *   "kab", "jany"), none of which is a word of the look-alike languages (so not "treba", "tak",
 *   "vsech", "ich", "my", "ty", "sto", which Slovene, Croatian, Czech, Polish or German use).
 * - against: letters of real Latin-script languages that no transliteration uses (ě ř ů ą ę ó ô ä ľ
 *   đ ő ü ß á é í ú ý …) and the commonest function words of English, German, French and Spanish.
 *
 * A text is a transliteration when its points reach {@link MIN_POINTS} and {@link SHARE} per word.
 * Limits: a text of one or two short words carries too few marks to tell ("ubit", "nado vseh"); a
 * transliteration written in the Czech or Croatian manner with no function word of the lists ("ubiti
 * sve") is indistinguishable from those languages and stays theirs; Polish-style Russian without
 * a function word of the lists reads as Polish. The language is the one whose function words and
 * marks it has most of (Russian when none says), a rough choice: the lexicons of the three count in
 * one another's text anyway (language.ts, closeTo).
 */

/** Points a text needs, at least, to be taken for a transliteration. */
export const MIN_POINTS = 4;
/** ... and per word of Latin letters. */
export const SHARE = 0.45;
const WINDOW = 1000;

export type EastSlavic = "ru" | "uk" | "be";

/** What {@link translitReading} found: the language, its points and the words they came from. */
export interface TranslitReading {
  readonly lang: EastSlavic;
  readonly points: number;
  readonly words: number;
}

const RU = 0;
const UK = 1;
const BE = 2;
const LANGS: readonly EastSlavic[] = ["ru", "uk", "be"];

/** Function words in Latin letters, with the language they are most telling of. */
const FUNCTION_WORDS = new Map<string, number>();
const add = (lang: number, words: string): void => {
  for (const w of words.split(" ")) FUNCTION_WORDS.set(w, lang);
};
add(RU, "čto čtoby čtob očen uže tebja menja sebja segodnja vsë vsjo chto shto chtoby chtob shtob shtoby czto szto cztoby eto etot eti etikh etih etu nado nuzhno nuzhna ochen oczen tolko tolka uzhe seychas sejchas sejczas vseh vsekh wsiech vsyo vsio wsio ikh ego yego emu yemu tebya tebia menya menia sebya sebia khorosho horosho charaszo budet dolzhny dolzhen dolzhna puskai puskay puskaj davai davay davayte davaite spasibo privet segodnya segodnia sevodnya zavtra vchera tozhe nichego nikogda kotoryy kotorye kotorykh yeshche eshche eshchyo escho kogda pochemu zachem nyet blyat blya 4to 4tob 4toby 4tobi xoro6o");
add(UK, "ščo ščob ščos jakyj jaki nechaj bilja pislja shcho shchob shcob szczo szczob shchos shob sho tse tsey tsia tsya tsi yak yaka yaki yakyi yakshcho vin vona vony voni yikh yiyi yoho yomu nekhai nekhay nechaj khai khay duzhe dyakuyu diakuiu vsikh vsih usikh usih wsich usi zhoden zhodnyi teper mozhna tilky tilki lyshe pislya pislia bilya bilia chy abo sohodni syohodni zavzhdy 6o 6ob sho6");
add(BE, "kab jany yany janu hety hetaja hetyja hetyya heta hetaha usie usich usio niachaj niachay nachaj niama vielmi velmi zaŭsiody zausiody dziakuj dziakuy siońnia sionnia ciapier tolki adnaho");

/**
 * The commonest function words of languages eld may prefer on short or mixed text (English, German,
 * French, Spanish): each counts against a transliteration.
 */
const FOREIGN_WORDS = new Set(("the and you your is are was of to that this it for with have not be on at by from " + "und der die das ist nicht ein eine mit auf " + "le les des est une pas que et pour dans " + "el los las del por para con una es muy " +
  // Romanised Hindi, Georgian and Arabic share the digraphs (kh, sh, zh, ts) and "-ya".
  "hai hain hi ke ki ka ko se mai main bhi nahi nahin aur ye yeh kya hote hota sabse liye wo woh " + "unda aris ara rom magram ar tu isini mere chven " + "el ana enta inta mesh msh law").split(" "));

/** Letters no transliteration system writes: real Czech, Polish, Slovak, Croatian, Baltic, Romance, German… */
const NATIVE = new Set([..."ěřůąęóôäľĺŕđőűüößõāēīūėįųșşțăâîğıñçèàéáíúýòìùêœæøå"]);
const HACEK = new Set([..."ščž"]);
const POLISH_ACUTE = new Set([..."łśźń"]);

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isDigitForLetter(c: number): boolean {
  return c >= 0x32 && c <= 0x39; // 3 (з), 4 (ч), 6 (ш); the others, Arabizi's, count against
}

const VOWELS = "aeiouy";
/** Apostrophes and primes people write the soft sign with. */
const SOFT_SIGN = new Set([..."'’ʹʼ`"]);
const isVowel = (ch: string | undefined): boolean => ch !== undefined && VOWELS.includes(ch);

/**
 * Points of one lower-cased word (at most 3, or negative); `votes` gets the language it is telling
 * of, if any.
 */
function wordPoints(w: string, votes: Int32Array): number {
  const fw = FUNCTION_WORDS.get(w);
  if (fw !== undefined) {
    votes[fw]!++;
    return 2;
  }
  if (FOREIGN_WORDS.has(w)) return -2;
  let best = 0;
  let digits = false;
  let letters = false;
  for (let i = 0; i < w.length; i++) {
    const ch = w[i]!;
    if (NATIVE.has(ch)) return -2;
    if (ch === "ŭ") {
      // Belarusian Łacinka's letter (Esperanto's too, which no covered language is written in).
      votes[BE]!++;
      best = 4;
      continue;
    }
    if (ch === "ë") {
      // ё in the scientific systems (Albanian writes it too: a weak mark).
      best = Math.max(best, 1);
      continue;
    }
    // Arabizi writes letters with 2, 5, 7, 8 and 9 ("7abibi"), which no Slavic transliteration does.
    if (ch === "2" || ch === "5" || ch === "7" || ch === "8" || ch === "9") return -2;
    // 3 for з is rare beside Arabizi's 3 for ع: neutral.
    if (ch === "3") continue;
    if (ch === "4" || ch === "6") {
      digits = true;
      continue;
    }
    letters = true;
    const next = w[i + 1];
    if (ch === "s" && next === "h") {
      if (w.startsWith("shch", i) || w.startsWith("shc", i)) best = Math.max(best, 3);
      // "shoda", "shora" (Czech s-h), "she": a weaker mark at the start of a word.
      else best = Math.max(best, i === 0 ? 1 : 2);
    } else if (ch === "k" && next === "h") best = Math.max(best, 2);
    else if (ch === "t" && next === "s" && i > 0) best = Math.max(best, 1);
    else if (ch === "z" && next === "h") {
      // Czech prefixes meet h: "zhruba", "rozhodnout", "vzhledem", "nezhasne".
      const prefixed = i === 0 || (i >= 2 && (w.startsWith("ro", i - 2) || w.startsWith("ne", i - 2) || w.startsWith("ez", i - 2))) || (i >= 1 && w[i - 1] === "v");
      best = Math.max(best, prefixed ? 1 : 2);
    } else if (ch === "y" && i > 0 && !isVowel(w[i - 1]) && w[i - 1] !== "w" && w[i - 1] !== "h" && (next === "a" || next === "u" || next === "e" || next === "o" || next === "i")) best = Math.max(best, 2);
    // й before a vowel: word-initial ї ("yikh", "yidemo"), and between vowels ("dumayu", "chekayemo"),
    // which Spanish and English also write ("mayo", "player"): a weak mark there.
    // я, ю, ё after a consonant in the scientific and Polish-style systems ("tebja", "vsjo", "pjat");
    // not after l or n (Croatian "zemlja", "knjiga"), nor where a prefix meets j ("objasnit", "podjąć").
    else if (ch === "j" && i > 0 && (next === "a" || next === "u" || next === "o") && !isVowel(w[i - 1]) && !"lnjr".includes(w[i - 1]!) && !/^(ob|od|pod|nad|roz|raz|vz|iz|bez)j/.test(w.slice(0, i + 1))) best = Math.max(best, 2);
    else if (ch === "š" && next === "č") best = Math.max(best, 1);
    else if (ch === "y" && next === "i" && i === 0) best = Math.max(best, 2);
    else if (ch === "y" && i > 0 && isVowel(w[i - 1]) && isVowel(next)) best = Math.max(best, 1);
  }
  if (digits && letters) best = Math.max(best, 1);
  const n = w.length;
  if (n >= 6 && (w.endsWith("yvaty") || w.endsWith("uvaty"))) best = Math.max(best, 2);
  else if (n >= 5 && (w.endsWith("tsya") || w.endsWith("tsia") || w.endsWith("tsa"))) best = Math.max(best, 2);
  else if (n >= 4 && (w.endsWith("yy") || w.endsWith("iy") || w.endsWith("yi") || w.endsWith("yj"))) best = Math.max(best, w.endsWith("yj") ? 1 : 2);
  else if (n >= 5 && w.endsWith("ogo")) best = Math.max(best, 1);
  return best;
}

/**
 * The East Slavic language `text.slice(start, end)` is a Latin transliteration of, or null when it
 * does not read as one (see the module's comment). Linear in the text (its first 1000 code units).
 */
export function translitReading(text: string, start = 0, end: number = text.length): TranslitReading | null {
  const r = translitScore(text, start, end);
  return r.points < MIN_POINTS || r.points < SHARE * r.words ? null : r;
}

/**
 * The points of {@link translitReading} whatever they come to, and the language they lean to: a
 * post too short to identify (three words or fewer) is given the benefit of a lower bar by the
 * language scope.
 */
export function translitScore(text: string, start = 0, end: number = text.length): TranslitReading {
  const stop = Math.min(end, start + WINDOW);
  const votes = new Int32Array(3);
  let points = 0;
  let words = 0;
  let hacek = false;
  let polish = false;
  let i = start;
  while (i < stop) {
    let c = text.charCodeAt(i);
    if (!isLetter(c) && !(isDigitForLetter(c) && i + 1 < stop && isLetter(text.charCodeAt(i + 1)))) {
      i++;
      continue;
    }
    const a = i;
    while (i < stop && (isLetter((c = text.charCodeAt(i))) || isDigitForLetter(c))) i++;
    const w = text.slice(a, i).toLowerCase();
    words++;
    for (const ch of w) {
      if (HACEK.has(ch)) hacek = true;
      else if (POLISH_ACUTE.has(ch)) polish = true;
    }
    let p = wordPoints(w, votes);
    // The soft sign written as an apostrophe after a final consonant ("ubit'", "skazat'", "vin'"):
    // English writes the apostrophe before its consonant ("don't"), French and Italian after a vowel.
    if (p >= 0 && p < 2 && i < stop && SOFT_SIGN.has(text[i]!) && !isVowel(w[w.length - 1]) && !(i + 1 < stop && isLetter(text.charCodeAt(i + 1)))) p = 2;
    points += p;
  }
  // Háček and Polish acute letters together: Belarusian Łacinka ("Łukašenka", "płoščy").
  if (hacek && polish) {
    points += 4;
    votes[BE]! += 2;
  }
  let lang = RU;
  if (votes[UK]! > votes[lang]!) lang = UK;
  if (votes[BE]! > votes[lang]!) lang = BE;
  return { lang: LANGS[lang]!, points, words };
}
