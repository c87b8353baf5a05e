import { WordTable } from "./word-table.js";
/**
 * Polish and Azerbaijani written without their diacritics ("zajebac kazdego ruska ktory wlazl na
 * ukraine", "ermenilerin hamisini gullelemek lazimdi"): eld reads the first as Slovak, Czech,
 * Slovenian or Croatian, whose letter n-grams bare Polish shares, and the second as Turkish. This
 * module spots them by what each spelling writes and its look-alikes do not, so that the identifier
 * can label such text pl or az (language-identify.ts, step 3c) and the right lexicons apply to it.
 *
 * One pass over the text's first 1000 code units, word by word, each word lower-cased into a
 * reused buffer (no regex, no string made per word). Each
 * word earns the points of its strongest mark, or loses points for a mark of the look-alikes:
 *
 * - Polish: the digraphs "sz", "cz" (2) and "rz" (1), the letter "w" (1; the word "w" 2), which
 *   Slovak, Czech, Slovenian and Croatian do not write; the endings "-ego" (-ego, Slovak -eho,
 *   Slovenian -ega) and a vowel before a final "c" (the infinitive -ać, -ić, -yć, -eć); Polish letters
 *   left in (ą ę ł ś ź ż ć ń, 2); Polish function words that are no word of the look-alikes ("jest",
 *   "sie", "juz", "tylko", "niech", "tego"…, 2). Against: letters Polish never writes (ě ř ů ľ ĺ ŕ
 *   ô ä ť ď ň š č ž á é í ú ý…) and function words of Slovak, Czech, Slovenian, Croatian, Serbian
 *   ("som", "sa", "je", "jsem", "aby", "treba", "kako", "se"…), and of English and German.
 * - Azerbaijani: the letters "q" and "x" (2), which Turkish does not write, and Azerbaijani words
 *   whose Turkish counterparts differ ("hamisi", "indi", "yox", "cox", "deyil", "ucun", "dene"…,
 *   2); the converb ending "-ib/-ub" (Turkish -ip/-up, 1). Against: Turkish words whose
 *   Azerbaijani counterparts differ ("ben", "icin", "cok", "yok", "simdi", "hepsi", "degil"…).
 *
 * A text reads as bare Polish when its points reach {@link MIN_POINTS} and {@link SHARE} per word,
 * and as bare Azerbaijani when its points reach {@link MIN_AZ_POINTS}. The identifier asks only when
 * eld's answer is a look-alike (see language-identify.ts), so a German or English text never gets
 * here. Limits: a post of two or three words may carry no mark ("zabic ich" reads as Slovak still,
 * though its lexicons then apply anyway, the post being too short to identify); Azerbaijani with
 * no mark of the lists stays Turkish, whose lexicons count in it (language.ts, closeTo).
 */

/** Points a text needs to be taken for Polish without diacritics. */
export const MIN_POINTS = 3;
/** ... and per word. */
export const SHARE = 0.3;
/** Points (Azerbaijani marks less Turkish ones) a text needs to be taken for Azerbaijani. */
export const MIN_AZ_POINTS = 2;
const WINDOW = 1000;
/** Words longer than this are never listed words: no string is made for them. */
const MAX_LISTED = 16;
const MAX_WORD = 64;

const PL = 1;
const NOT_PL = 2;
const AZ = 3;
const TR = 4;
/** The listed words, each with its kind (PL, NOT_PL, AZ, TR). */
const LISTED = new WordTable<number>();
const list = (kind: number, words: string): void => LISTED.add(kind, words);
// Polish function words, spelt without diacritics, that are no word of Slovak, Czech, Slovenian,
// Croatian or Serbian written without theirs (so not "nie", "co", "ze", "tej", "teraz", "kazdy",
// "ktory", "moze", "ich", "sa", "mam", "chce", "tez", "zeby", which one of them writes too).
list(PL, "jest jestem jestes jestesmy jestescie sie juz tylko niech gdzie kiedy dlaczego poniewaz bedzie beda bedziemy byc mnie tego temu ktorzy ktorego ktoremu kazdego kazdemu kazda sobie ktos cos dla albo oraz lub moj twoj swoj moja twoja swoja wiec bardzo jeszcze mozna trzeba wszystko wszyscy wszystkich wszystkie przez przy");
// Function words of Slovak, Czech, Slovenian, Croatian and Serbian that Polish spells otherwise, and
// the commonest of English and German.
list(NOT_PL, "som si sme ste sa je jsem jsi jsme jste jsou aby alebo ako kde kedy preto pre lebo len iba uz este tiez mozno treba vsetkych vsetci vsetko vsechny vsichni vsechno nebo toho tohto ktery ktera ktere jeho jej kako kaj ali sve svi samo smo su bi se da the and you is are of that this it for with und der die das ist nicht ein eine mit auf");
// Azerbaijani words, spelt without diacritics, whose Turkish counterparts are spelt otherwise.
list(AZ, "hamisi hamisini hamisina hamiya hamimiz hamisiz indi yox cox deyil deyiller menim meni mene bele ele nece dene ucun hec artiq ancaq qoy olmaq yaxsi hele gedek edek gelek neynek nolub burda orda onda");
// Turkish words whose Azerbaijani counterparts are spelt otherwise.
list(TR, "ben bana beni benim icin cok yok simdi hepsi hepsini hepimiz degil gibi tane nasil evet hayir bugun gerekiyor yapmak boyle soyle oyle");

// Classes of the code units up to U+024F.
const LETTER = 1;
const PL_LETTER = 2; // ą ę ł ś ź ż ć ń
const NEIGHBOUR = 4; // letters Polish never writes
const VOWEL = 8;
const TABLE_END = 0x250;
const CLASS = new Uint8Array(TABLE_END);
const LOWER = new Uint16Array(TABLE_END);
for (let c = 0; c < TABLE_END; c++) {
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  LOWER[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7)) CLASS[c] = LETTER;
}
const mark = (letters: string, cls: number): void => {
  for (const ch of letters) {
    CLASS[ch.charCodeAt(0)]! |= cls;
    CLASS[ch.toUpperCase().charCodeAt(0)]! |= cls;
  }
};
mark("ąęłśźżćń", PL_LETTER);
mark("ěřůľĺŕôäťďňščžáéíúýđőűüößõ", NEIGHBOUR);
mark("aeiouy", VOWEL);

const C = (ch: string): number => ch.charCodeAt(0);
const a_ = C("a"), b_ = C("b"), c_ = C("c"), e_ = C("e"), g_ = C("g"), i_ = C("i"), o_ = C("o"), q_ = C("q"), r_ = C("r"), s_ = C("s"), u_ = C("u"), w_ = C("w"), x_ = C("x"), y_ = C("y"), z_ = C("z");
const classOf = (c: number): number => (c < TABLE_END ? CLASS[c]! : 0);

/** A word's lower-cased code units, reused by every scan. */
const word = new Uint16Array(MAX_WORD);

/** What {@link bareScore} found: Polish points, Azerbaijani points (less Turkish ones), and the words read. */
export interface BareScore {
  readonly pl: number;
  readonly az: number;
  readonly words: number;
}

/** The listed kind of the lower-cased word `w[0, n)`, or 0. */
function listedKind(n: number): number {
  return n > MAX_LISTED ? 0 : (LISTED.get(word, n) ?? 0);
}

/** Polish points of the lower-cased word `w[0, n)`: at most 2, or -2. */
function polishPoints(n: number, kind: number): number {
  if (kind === PL) return 2;
  if (kind === NOT_PL) return -2;
  if (n === 1) return word[0] === w_ ? 2 : 0;
  let best = 0;
  for (let i = 0; i < n; i++) {
    const ch = word[i]!;
    const cls = classOf(ch);
    if (cls & NEIGHBOUR) return -2;
    if (cls & PL_LETTER) best = 2;
    else if (ch === w_) best = Math.max(best, 1);
    else if (ch === z_ && i > 0) {
      const prev = word[i - 1]!;
      if (prev === s_ || prev === c_) best = 2;
      else if (prev === r_) best = Math.max(best, 1);
    }
  }
  if (n >= 4 && word[n - 3] === e_ && word[n - 2] === g_ && word[n - 1] === o_) best = Math.max(best, 1);
  else if (n >= 3 && word[n - 1] === c_ && (classOf(word[n - 2]!) & VOWEL) !== 0 && word[n - 2] !== o_ && word[n - 2] !== u_) best = Math.max(best, 1);
  return best;
}

/** Azerbaijani points of the lower-cased word `w[0, n)` (less for a Turkish word). */
function azPoints(n: number, kind: number): number {
  if (kind === AZ) return 2;
  if (kind === TR) return -2;
  if (n < 3) return 0;
  let vowels = false;
  let marked = false;
  for (let i = 0; i < n; i++) {
    const ch = word[i]!;
    if (ch === q_ || ch === x_) marked = true;
    else if (classOf(ch) & VOWEL) vowels = true;
  }
  // "xd", "xxx" and the like are no words.
  if (marked && vowels) return 2;
  if (n >= 4 && word[n - 1] === b_ && (word[n - 2] === i_ || word[n - 2] === u_)) return 1;
  return 0;
}

/**
 * The Polish and Azerbaijani points of `text.slice(start, end)` (see the module's comment). Linear in
 * the text (its first 1000 code units).
 */
export function bareScore(text: string, start = 0, end: number = text.length): BareScore {
  const stop = Math.min(end, start + WINDOW);
  let pl = 0;
  let az = 0;
  let words = 0;
  let i = start;
  while (i < stop) {
    if (!(classOf(text.charCodeAt(i)) & LETTER)) {
      i++;
      continue;
    }
    let n = 0;
    for (; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (!(classOf(c) & LETTER)) break;
      if (n < MAX_WORD) word[n++] = LOWER[c]!;
    }
    words++;
    const kind = listedKind(n);
    pl += polishPoints(n, kind);
    az += azPoints(n, kind);
  }
  return { pl, az, words };
}

/** True when the score reads as Polish written without its diacritics. */
export function readsPolish(s: BareScore): boolean {
  return s.pl >= MIN_POINTS && s.pl >= SHARE * s.words;
}

/** True when the score reads as Azerbaijani written without its diacritics. */
export function readsAzerbaijani(s: BareScore): boolean {
  return s.az >= MIN_AZ_POINTS;
}
