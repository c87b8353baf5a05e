import { WordTable } from "./word-table.js";
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
  /** The points of the words that bear a mark, without those counted against. */
  readonly marks: number;
  readonly words: number;
}

const RU = 0;
const UK = 1;
const BE = 2;
const LANGS: readonly EastSlavic[] = ["ru", "uk", "be"];

/** Word lists, each word with the language it is most telling of (see word-table.ts). */
const LISTED = new WordTable<number>();
/** The language a listed word is telling of; FOREIGN for the look-alike languages' words. */
const FOREIGN = -1;
const list = (lang: number, words: string): void => LISTED.add(lang, words);
// Function words in Latin letters, with the language they are most telling of.
list(RU, "čto čtoby čtob očen uže tebja menja sebja segodnja vsë vsjo chto shto chtoby chtob shtob shtoby czto szto cztoby eto etot eti etikh etih etu nado nuzhno nuzhna ochen oczen tolko tolka uzhe seychas sejchas sejczas vseh vsekh wsiech vsyo vsio wsio ikh ego yego emu yemu tebya tebia menya menia sebya sebia khorosho horosho charaszo budet dolzhny dolzhen dolzhna puskai puskay puskaj davai davay davayte davaite spasibo privet segodnya segodnia sevodnya zavtra vchera tozhe nichego nikogda kotoryy kotorye kotorykh yeshche eshche eshchyo escho kogda pochemu zachem nyet blyat blya vot moya moyu moye moyi 4to 4tob 4toby 4tobi xoro6o");
list(UK, "ščo ščob ščos jakyj jaki bilja pislja shcho shchob shcob szczo szczob shchos shob sho tse tsey tsia tsya tsi yak yaka yaki yakyi yakshcho vin vona vony voni yikh yiyi yoho yomu nekhai nekhay nechaj khai khay duzhe dyakuyu diakuiu vsikh vsih usikh usih vsim usim wsich usi zhoden zhodnyi teper mozhna tilky tilki lyshe pislya pislia bilya bilia chy abo sohodni syohodni zavzhdy odnoho zhodnoho maiut mayut 6o 6ob sho6");
list(BE, "kab jany yany janu hety hetaja hetyja hetyya heta hetaha usie usich usio niachaj niachay nachaj niama vielmi velmi zaŭsiody zausiody dziakuj dziakuy siońnia sionnia ciapier tolki adnaho");
// The commonest function words of languages eld may prefer on short or mixed text (English, German,
// French, Spanish), and of romanised Hindi, Georgian and Arabic, which share the digraphs (kh, sh,
// zh, ts) and "-ya": each counts against a transliteration.
list(FOREIGN, "the and you your is are was of to that this it for with have not be on at by from " + "und der die das ist nicht ein eine mit auf " + "le les des est une pas que et pour dans " + "el los las del por para con una es muy " + "hai hain hi ke ki ka ko se mai main bhi nahi nahin aur ye yeh kya hote hota sabse liye wo woh " + "unda aris ara rom magram ar tu isini mere chven " + "ana enta inta mesh msh law");

// Classes of the code units up to U+024F (Latin letters and digits), and their lower case.
const LETTER = 1;
const NATIVE = 2; // letters no transliteration system writes: real Czech, Polish, Slovak, Croatian, Baltic, Romance, German…
const HACEK = 4; // š č ž
const POLISH = 8; // ł ś ź ń
const VOWEL = 16; // a e i o u y
const DIGIT = 32; // 2-9 inside a word
const TABLE_END = 0x250;
const CLASS = new Uint8Array(TABLE_END);
const LOWER = new Uint16Array(TABLE_END);
for (let c = 0; c < TABLE_END; c++) {
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7)) CLASS[c] = LETTER;
  if (c >= 0x32 && c <= 0x39) CLASS[c] = DIGIT;
}
// Words are read lower-cased; only the háček and Polish letters are also looked at as written.
const mark = (letters: string, cls: number, upper = false): void => {
  for (const ch of letters) {
    CLASS[ch.charCodeAt(0)]! |= cls;
    if (upper) CLASS[ch.toUpperCase().charCodeAt(0)]! |= cls;
  }
};
mark("ěřůąęóôäľĺŕđőűüößõāēīūėįųșşțăâîğıñçèàéáíúýòìùêœæøå", NATIVE);
mark("ščž", HACEK, true);
mark("łśźń", POLISH, true);
mark("aeiouy", VOWEL);

const C = (ch: string): number => ch.charCodeAt(0);
const a_ = C("a"), c_ = C("c"), e_ = C("e"), g_ = C("g"), h_ = C("h"), i_ = C("i"), j_ = C("j"), k_ = C("k"), l_ = C("l"), n_ = C("n"), o_ = C("o"), r_ = C("r"), s_ = C("s"), t_ = C("t"), u_ = C("u"), v_ = C("v"), w_ = C("w"), y_ = C("y"), z_ = C("z");
const U_BREVE = C("ŭ");
const E_UMLAUT = C("ë");
const S_HACEK = C("š");
const C_HACEK = C("č");
/** Apostrophes and primes people write the soft sign with. */
const SOFT_SIGN = new Set([..."'’ʹʼ`"].map(C));
/** Prefixes that meet j in Czech, Slovak, Polish and Croatian ("objasnit", "podjąć", "izjava"). */
const J_PREFIXES = ["ob", "od", "pod", "nad", "roz", "raz", "vz", "iz", "bez"].map((p) => [...p].map(C));
/** Words longer than this are read only for their first letters (and never as listed words). */
const MAX_WORD = 64;

/** A word's lower-cased code units, reused by every scan. */
const word = new Uint16Array(MAX_WORD);
/** The votes of a scan for each language, reused by every scan (a typed array made per call cost more than a short text's reading). */
const VOTES = new Int32Array(3);

const isVowel = (c: number | undefined): boolean => c !== undefined && c < TABLE_END && (CLASS[c]! & VOWEL) !== 0;
function startsWith(w: Uint16Array, n: number, at: number, codes: readonly number[]): boolean {
  if (at < 0 || at + codes.length > n) return false;
  for (let k = 0; k < codes.length; k++) if (w[at + k] !== codes[k]) return false;
  return true;
}


/**
 * Points of the lower-cased word `w[0, n)` (at most 4, or negative); `votes` gets the language it is
 * telling of, if any.
 */
function wordPoints(w: Uint16Array, n: number, votes: Int32Array): number {
  const lang = LISTED.get(w, n);
  if (lang !== undefined) {
    if (lang === FOREIGN) return -2;
    votes[lang]!++;
    return 2;
  }
  let best = 0;
  let digits = false;
  let letters = false;
  for (let i = 0; i < n; i++) {
    const ch = w[i]!;
    const cls = ch < TABLE_END ? CLASS[ch]! : 0;
    if (cls & NATIVE) return -2;
    if (ch === U_BREVE) {
      // Belarusian Łacinka's letter (Esperanto's too, which no covered language is written in).
      votes[BE]!++;
      best = 4;
      continue;
    }
    if (ch === E_UMLAUT) {
      // ё in the scientific systems (Albanian writes it too: a weak mark).
      best = Math.max(best, 1);
      continue;
    }
    if (cls & DIGIT) {
      // 4 for ч and 6 for ш ("4to", "sho6"); 3 for з is rare beside Arabizi's 3 for ع: neutral; Arabizi
      // writes letters with 2, 5, 7, 8 and 9 ("7abibi"), which no Slavic transliteration does.
      if (ch === 0x34 || ch === 0x36) digits = true;
      else if (ch !== 0x33) return -2;
      continue;
    }
    letters = true;
    const next = i + 1 < n ? w[i + 1] : undefined;
    const prev = i > 0 ? w[i - 1] : undefined;
    if (ch === s_ && next === h_) {
      if (i + 2 < n && w[i + 2] === c_) best = Math.max(best, 3);
      // "shoda", "shora" (Czech s-h), "she": a weaker mark at the start of a word.
      else best = Math.max(best, i === 0 ? 1 : 2);
    } else if (ch === k_ && next === h_) best = Math.max(best, 2);
    else if (ch === t_ && next === s_ && i > 0) best = Math.max(best, 1);
    else if (ch === z_ && next === h_) {
      // Czech prefixes meet h: "zhruba", "rozhodnout", "vzhledem", "nezhasne".
      const prefixed = i === 0 || prev === v_ || (i >= 2 && ((w[i - 2] === r_ && prev === o_) || (w[i - 2] === n_ && prev === e_) || (w[i - 2] === e_ && prev === z_)));
      best = Math.max(best, prefixed ? 1 : 2);
    } else if (ch === y_ && prev !== undefined && !isVowel(prev) && prev !== w_ && prev !== h_ && (next === a_ || next === u_ || next === e_ || next === o_ || next === i_)) best = Math.max(best, 2);
    // я, ю, ё after a consonant in the scientific and Polish-style systems ("tebja", "vsjo", "pjat");
    // not after l, n, j or r (Croatian "zemlja", "knjiga"), nor where a prefix meets j ("objasnit",
    // "podjąć").
    else if (ch === j_ && prev !== undefined && (next === a_ || next === u_ || next === o_) && !isVowel(prev) && prev !== l_ && prev !== n_ && prev !== j_ && prev !== r_ && !J_PREFIXES.some((p) => p.length === i && startsWith(w, n, 0, p))) best = Math.max(best, 2);
    else if (ch === S_HACEK && next === C_HACEK) best = Math.max(best, 1);
    // й before a vowel: word-initial ї ("yikh", "yidemo"), and between vowels ("dumayu", "chekayemo"),
    // which Spanish and English also write ("mayo", "player"): a weak mark there.
    else if (ch === y_ && next === i_ && i === 0) best = Math.max(best, 2);
    else if (ch === y_ && prev !== undefined && isVowel(prev) && isVowel(next)) best = Math.max(best, 1);
  }
  if (digits && letters) best = Math.max(best, 1);
  // The endings, each tested on words longer than it, from the last four letters (c4 c3 c2 c1)
  // read once: a loop over each ending's letters in turn cost more than the rest of the word's
  // reading, and compiled to a large function (test/text/translit-id.test.ts holds this to that).
  if (n < 4) return best;
  const c1 = w[n - 1]!;
  const c2 = w[n - 2]!;
  const c3 = w[n - 3]!;
  const c4 = w[n - 4]!;
  const ty = c2 === t_ && c1 === y_;
  if (n >= 6 && ty && c3 === a_ && c4 === v_ && (w[n - 5] === y_ || w[n - 5] === u_)) best = Math.max(best, 2); // -yvaty, -uvaty
  else if (n >= 5 && c1 === a_ && ((c3 === t_ && c2 === s_) || (c4 === t_ && c3 === s_ && (c2 === y_ || c2 === i_)))) best = Math.max(best, 2); // -tsya, -tsia, -tsa
  else if ((c2 === y_ && (c1 === y_ || c1 === i_)) || (c2 === i_ && c1 === y_)) best = Math.max(best, 2); // -yy, -iy, -yi
  else if (c2 === y_ && c1 === j_) best = Math.max(best, 1); // -yj
  else if (n >= 5 && c3 === o_ && c2 === g_ && c1 === o_) best = Math.max(best, 1); // -ogo
  // Ukrainian genitive plurals in -ків/-ців ("orkiv", "vyniatkiv", "Kadyrivtsiv") and infinitives in
  // -ати/-ити/-ути ("rizaty", "zdokhnuty"): weak marks, since casual Czech and Polish write "bohaty".
  else if (n >= 5 && c2 === i_ && c1 === v_ && (c3 === k_ || (c4 === t_ && c3 === s_))) best = Math.max(best, c3 === s_ ? 2 : 1); // -tsiv, -kiv
  else if (n >= 6 && ty && (c3 === a_ || c3 === y_ || c3 === u_)) best = Math.max(best, 1); // -aty, -yty, -uty
  return best;
}

/**
 * The East Slavic language `text.slice(start, end)` is a Latin transliteration of, or null when it
 * does not read as one (see the module's comment). Linear in the text (its first 1000 code units).
 */
export function translitReading(text: string, start = 0, end: number = text.length): TranslitReading | null {
  const r = translitScore(text, start, end);
  return readsTranslit(r) ? r : null;
}

/** True when the points of {@link translitScore} reach the bar of a transliteration (see above). */
export function readsTranslit(r: TranslitReading): boolean {
  return r.points >= MIN_POINTS && r.points >= SHARE * r.words;
}

const classOf = (c: number): number => (c < TABLE_END ? CLASS[c]! : 0);

/**
 * The points of {@link translitReading} whatever they come to, and the language they lean to: a
 * post too short to identify (three words or fewer) is given the benefit of a lower bar by the
 * language scope.
 */
export function translitScore(text: string, start = 0, end: number = text.length): TranslitReading {
  const stop = Math.min(end, start + WINDOW);
  const votes = VOTES;
  votes.fill(0);
  let points = 0;
  let marks = 0;
  let words = 0;
  let seen = 0;
  let i = start;
  while (i < stop) {
    const c0 = text.charCodeAt(i);
    const k0 = classOf(c0);
    // A word starts with a letter, or a digit before a letter ("4to").
    if (!(k0 & LETTER) && !(k0 & DIGIT && i + 1 < stop && classOf(text.charCodeAt(i + 1)) & LETTER)) {
      i++;
      continue;
    }
    let n = 0;
    for (; i < stop; i++) {
      const c = text.charCodeAt(i);
      const k = classOf(c);
      if (!(k & (LETTER | DIGIT))) break;
      seen |= k;
      if (n < MAX_WORD) word[n++] = LOWER[c]!;
    }
    words++;
    let p = wordPoints(word, n, votes);
    // The soft sign written as an apostrophe after a final consonant ("ubit'", "skazat'", "vin'"):
    // English writes the apostrophe before its consonant ("don't"), French and Italian after a vowel.
    if (p >= 0 && p < 2 && i < stop && SOFT_SIGN.has(text.charCodeAt(i)) && !isVowel(word[n - 1]) && !(i + 1 < stop && classOf(text.charCodeAt(i + 1)) & LETTER)) p = 2;
    points += p;
    if (p > 0) marks += p;
  }
  // Háček and Polish acute letters together: Belarusian Łacinka ("Łukašenka", "płoščy").
  if (seen & HACEK && seen & POLISH) {
    points += 4;
    marks += 4;
    votes[BE]! += 2;
  }
  let lang = RU;
  if (votes[UK]! > votes[lang]!) lang = UK;
  if (votes[BE]! > votes[lang]!) lang = BE;
  return { lang: LANGS[lang]!, points, marks, words };
}
