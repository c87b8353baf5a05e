/**
 * modpol's language identifier: eld's detector (language-id.ts, which gives exactly eld's answer)
 * with four steps around it, chosen on the measurements of the language-id research (eld alone
 * mislabels Kazakh as Russian and calls nearly everything reliable):
 *
 * 1. a script pre-step: text written mostly in a script only one language of interest uses is that
 *    language without asking the model (Georgian → ka, Armenian → hy), and text mostly in a script
 *    of no covered language is labelled by it (Han → zh, Kana → ja, Hangul → ko, Arabic → ar,
 *    Devanagari → hi, Greek → el, Hebrew → he, Thai → th);
 * 2. eld's n-gram detector;
 * 3. a letter veto: Cyrillic text with a letter of Kazakh (әғқңөұүһ) or of Serbian/Macedonian
 *    (јљњџђћѓќѕ) is not Ukrainian, Russian or Belarusian, whatever the n-grams say (eld has no
 *    Kazakh or Macedonian); Latin text with ə is Azerbaijani;
 * 3b. a transliteration test: Latin text that reads as Russian, Ukrainian or Belarusian written in
 *    Latin letters (translit-id.ts: "shch", "kh", "zh", "ŭ", "-tsya", "chto", "shcho", "kab"…) is
 *    labelled ru/uk/be rather than the Slovenian, Croatian or Polish eld sees in it;
 * 3c. a look-alike test: Latin text eld calls Slovak, Czech, Slovenian, Croatian, Serbian or Bosnian
 *    that reads as Polish written without its diacritics (bare-id.ts: "sz", "cz", "w", "-ego", "juz",
 *    "tylko"…) is labelled pl, and text eld calls Turkish that reads as Azerbaijani without its
 *    diacritics ("q", "x", "hamisi", "yox") az;
 * 3d. the transliteration test at a lower bar where eld's guess is one of those Slavic look-alikes
 *    (other than Polish) and the text bears more marks of a transliteration than of bare Polish;
 * 4. its own reliability test, since eld 2.1.0's isReliable() compares the best score with the
 *    runner-up's index and so almost never fails on that count: a guess is unsure when the
 *    runner-up is within 2 % of the best, or the text gave fewer than 3 n-grams, or (the half of
 *    eld's test that works) the best score is under 0.75 of eld's average for that language.
 *
 * On the research's hand-written posts (560 in the 14 covered languages, 455 in others) and 2,700
 * Multilingual HateCheck posts: of the covered-language posts it calls sure, 98.5 % are right (eld's
 * own flag: 96.9 %); other-language posts given a covered language and called sure fall from 4.0 %
 * to 0.2 %, and HateCheck posts from 0.6 % to 0.5 % (scripts/bench/language-reliability.js).
 */

import type { LanguageDetector, LanguageGuess } from "./language.js";
import type { LanguageModel } from "./language-id.js";
import { bareScore, readsAzerbaijani, readsPolish } from "./bare-id.js";
import { readsTranslit, translitScore } from "./translit-id.js";

/** A guess is unsure when (best − second) / best is below this. */
export const UNSURE_MARGIN = 0.02;
/** A guess from fewer n-grams than this is unsure. */
export const MIN_NGRAMS = 3;
/** A best score under this share of eld's average for its language is unsure (eld's own test). */
export const TYPICAL_SHARE = 0.75;
/** eld looks at the first 1000 UTF-16 units; so does the pre-step. */
const WINDOW = 1000;

/** What {@link LanguageIdentifier.detect} found, and which step decided it. */
export interface IdentifiedLanguage extends LanguageGuess {
  /** "script": the pre-step; "model": eld; "letters": eld's answer overruled by the letter veto. */
  readonly by: "script" | "model" | "letters" | "translit" | "bare" | "none";
}

// Script classes of a code unit; 0 = not a letter of interest.
const LATIN = 1;
const CYRILLIC = 2;
const DECIDED = ["", "", "", "ka", "hy", "zh", "ja", "ko", "ar", "hi", "el", "he", "th"] as const;
const GEORGIAN = 3;
const ARMENIAN = 4;
const HAN = 5;
const KANA = 6;
const HANGUL = 7;
const ARABIC = 8;
const DEVANAGARI = 9;
const GREEK = 10;
const HEBREW = 11;
const THAI = 12;
const CLASSES = 13;

/** The script class of each BMP code unit, built once. */
const SCRIPT = (() => {
  const t = new Uint8Array(0x10000);
  const set = (from: number, to: number, c: number): void => {
    t.fill(c, from, to + 1);
  };
  set(0x41, 0x5a, LATIN);
  set(0x61, 0x7a, LATIN);
  set(0xc0, 0x24f, LATIN);
  t[0xd7] = 0;
  t[0xf7] = 0;
  set(0x1e00, 0x1eff, LATIN);
  set(0x0400, 0x052f, CYRILLIC);
  set(0x0370, 0x03ff, GREEK);
  set(0x1f00, 0x1fff, GREEK);
  set(0x0530, 0x058f, ARMENIAN);
  set(0xfb13, 0xfb17, ARMENIAN);
  set(0x0590, 0x05ff, HEBREW);
  set(0xfb1d, 0xfb4f, HEBREW);
  set(0x0600, 0x06ff, ARABIC);
  set(0x0750, 0x077f, ARABIC);
  set(0x08a0, 0x08ff, ARABIC);
  set(0xfb50, 0xfdff, ARABIC);
  set(0xfe70, 0xfeff, ARABIC);
  set(0x0900, 0x097f, DEVANAGARI);
  set(0x0e00, 0x0e7f, THAI);
  set(0x10a0, 0x10ff, GEORGIAN);
  set(0x1c90, 0x1cbf, GEORGIAN);
  set(0x2d00, 0x2d2f, GEORGIAN);
  set(0x1100, 0x11ff, HANGUL);
  set(0x3130, 0x318f, HANGUL);
  set(0xac00, 0xd7af, HANGUL);
  set(0x3040, 0x30ff, KANA);
  set(0x31f0, 0x31ff, KANA);
  set(0xff66, 0xff9f, KANA);
  set(0x3400, 0x4dbf, HAN);
  set(0x4e00, 0x9fff, HAN);
  set(0xf900, 0xfaff, HAN);
  return t;
})();

// Cyrillic letters Ukrainian, Russian and Belarusian lack, both cases, as flags over U+0400-U+04FF:
// Kazakh әғқңөұүһ, Serbian and Macedonian јљњџђћ, Macedonian only ѓќѕ.
const KAZAKH = 1;
const SERBIAN = 2;
const MACEDONIAN = 4;
// Letters that tell Ukrainian from Russian and Belarusian: ї є ґ only Ukrainian writes; і Ukrainian
// and Belarusian; ы э ъ ё Russian or Belarusian, ў Belarusian.
const UK_ONLY = 8;
const I_DOT = 16;
const NOT_UK = 32;
const CYRILLIC_FLAGS = (() => {
  const t = new Uint8Array(0x100);
  const mark = (letters: string, flag: number): void => {
    for (const ch of letters) t[ch.charCodeAt(0) - 0x400] = flag;
  };
  mark("әғқңөұүһӘҒҚҢӨҰҮҺ", KAZAKH);
  mark("јљњџђћЈЉЊЏЂЋ", SERBIAN);
  mark("ѓќѕЃЌЅ", MACEDONIAN);
  mark("\u0457\u0454\u0491\u0407\u0404\u0490", UK_ONLY);
  mark("\u0456\u0406", I_DOT);
  mark("\u044b\u044d\u044a\u0451\u045e\u042b\u042d\u042a\u0401\u040e", NOT_UK);
  return t;
})();

/**
 * True when Cyrillic text reads as Ukrainian by its letters: ї, є, ґ or і, and none of ы э ъ ё ў (an і
 * without them is Belarusian only in text too short to show its ы or ў, which this then calls
 * Ukrainian); or as surzhyk, the Ukrainian–Russian mix (a "шо", "шоб", "шось" beside an і, ї or є),
 * which is folded to Ukrainian.
 */
function ukrainianByLetters(flags: number, text: string, start: number, stop: number): boolean {
  if ((flags & (UK_ONLY | I_DOT)) === 0) return false;
  return (flags & NOT_UK) === 0 || surzhykWord(text, start, stop);
}

/** Whether the text holds "шо", "шоб", "шоби", "шось" or "шос" as a word (surzhyk for що, щоб, щось). */
function surzhykWord(text: string, start: number, stop: number): boolean {
  const isLetter = (i: number): boolean => i >= start && i < stop && SCRIPT[text.charCodeAt(i)] !== 0;
  for (let i = text.indexOf("\u0448\u043e", start); i >= 0 && i + 1 < stop; i = text.indexOf("\u0448\u043e", i + 2)) {
    if (isLetter(i - 1)) continue;
    let j = i + 2;
    const c = text.charCodeAt(j);
    if (c === 0x0431) j += text.charCodeAt(j + 1) === 0x0438 ? 2 : 1; // шоб, шоби
    else if (c === 0x0441) j += text.charCodeAt(j + 1) === 0x044c ? 2 : 1; // шос, шось
    if (!isLetter(j)) return true;
  }
  return false;
}
/** eld's guesses for Polish written without its diacritics (step 3c). */
const BARE_POLISH_LOOKALIKES = new Set(["sk", "cs", "sl", "hr", "sr", "bs"]);
/**
 * eld's guesses for Russian, Ukrainian and Belarusian in Latin letters with few marks (step 3d). Not
 * Polish: a Polish-style transliteration eld calls Polish keeps Polish, whose typos are forgiven
 * ("ubiej ich wsiech"), and the transliterations count in Polish text anyway (language-scope.ts).
 */
const TRANSLIT_LOOKALIKES = new Set(["sk", "cs", "sl", "hr", "sr", "bs"]);
/** The points of translit-id.ts a text needs at the lower bar of step 3d, and per word. */
export const LOOKALIKE_POINTS = 2;
export const LOOKALIKE_SHARE = 0.3;

/** eld's guess `g` with `lang` put first, at the best's score. */
function relabel(g: { scores: readonly (readonly [string, number])[] }, lang: string, reliable: boolean, by: "translit" | "bare"): IdentifiedLanguage {
  const scores: [string, number][] = [[lang, g.scores[0]?.[1] ?? 0]];
  for (const sc of g.scores) if (sc[0] !== lang) scores.push(sc as [string, number]);
  return { best: lang, scores, reliable, by };
}

/** The labels the Cyrillic veto takes away. */
const EAST_SLAVIC = new Set(["uk", "ru", "be"]);

/**
 * eld's detector with the script pre-step, the letter veto and the margin test (see the module's
 * comment). The model is read on the first detection, so a run that identifies nothing never reads
 * it; `model` is called at most once.
 */
export class LanguageIdentifier implements LanguageDetector {
  readonly #load: () => LanguageModel;
  #model: LanguageModel | undefined;
  readonly #counts = new Int32Array(CLASSES);

  constructor(model: LanguageModel | (() => LanguageModel)) {
    if (typeof model === "function") this.#load = model;
    else {
      this.#model = model;
      this.#load = () => model;
    }
  }

  /** The model, read now if it has not been. */
  get model(): LanguageModel {
    this.#model ??= this.#load();
    return this.#model;
  }

  /** The languages it can name: eld's, and those the pre-step and the veto add. */
  get languages(): readonly string[] {
    const out = new Set(this.model.languages);
    for (const l of [...DECIDED.slice(GEORGIAN), "kk", "sr", "mk", "az"]) out.add(l);
    return [...out];
  }

  detect(text: string, start = 0, end: number = text.length): IdentifiedLanguage {
    const model = this.model;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start > end || end > text.length) return { ...model.detect(text, start, end), by: "none" };
    const stop = Math.min(end, start + WINDOW);
    const counts = this.#counts;
    counts.fill(0);
    let flags = 0;
    let schwa = false;
    for (let i = start; i < stop; i++) {
      const c = text.charCodeAt(i);
      const s = SCRIPT[c]!;
      if (s === 0) continue;
      counts[s]!++;
      if (s === CYRILLIC) {
        if (c < 0x500) flags |= CYRILLIC_FLAGS[c - 0x400]!;
      } else if (c === 0x0259 || c === 0x018f) schwa = true;
    }
    // 1. The pre-step: a script of one language holding most of the letters.
    let letters = 0;
    let top = 0;
    for (let s = 1; s < CLASSES; s++) {
      letters += counts[s]!;
      if (counts[s]! > counts[top]!) top = s;
    }
    if (top === HAN && counts[KANA]! > 0) top = KANA;
    const inTop = top === KANA ? counts[KANA]! + counts[HAN]! : counts[top]!;
    if (top >= GEORGIAN && 2 * inTop > letters) {
      const lang = DECIDED[top]!;
      return { best: lang, scores: [[lang, 1]], reliable: true, by: "script" };
    }
    // 2. eld.
    const g = model.detect(text, start, end);
    if (g.best === null) {
      // eld finds nothing it knows in some transliterations ("kab jany ŭsie zdochli"): step 3b still reads them.
      const t = top === LATIN ? translitScore(text, start, end) : null;
      if (t !== null && readsTranslit(t)) return relabel(g, t.lang, g.ngrams >= MIN_NGRAMS, "translit");
      return { best: null, scores: g.scores, reliable: false, by: "none" };
    }
    const enough = g.ngrams >= MIN_NGRAMS;
    // 3. The letter veto.
    const veto = top === CYRILLIC && EAST_SLAVIC.has(g.best) ? (flags & KAZAKH ? "kk" : flags & MACEDONIAN ? "mk" : flags & SERBIAN ? "sr" : null) : top === LATIN && schwa && g.best !== "az" ? "az" : null;
    if (veto !== null) {
      const drop = veto === "az" ? new Set(["az"]) : EAST_SLAVIC;
      const scores: [string, number][] = [[veto, g.scores[0]![1]]];
      for (const sc of g.scores) if (!drop.has(sc[0]) && sc[0] !== veto) scores.push(sc as [string, number]);
      return { best: veto, scores, reliable: enough, by: "letters" };
    }
    // 3a. Ukrainian told by its letters, and surzhyk folded to Ukrainian: eld's n-grams leave short
    // Ukrainian unsure between uk, ru and bg, or read surzhyk as Russian.
    if (top === CYRILLIC && (EAST_SLAVIC.has(g.best) || g.best === "bg") && ukrainianByLetters(flags, text, start, stop)) {
      const scores: [string, number][] = [["uk", g.scores[0]![1]]];
      for (const sc of g.scores) if (sc[0] !== "uk") scores.push(sc as [string, number]);
      return { best: "uk", scores, reliable: enough, by: "letters" };
    }
    // 3b. Russian, Ukrainian or Belarusian in Latin letters (translit-id.ts): eld reads them as
    // Slovenian, Croatian, Polish… A reliable English guess is left alone (English words carry the
    // marks: "she", "khaki"), as is text with no Latin majority.
    // 3c. Polish and Azerbaijani written without their diacritics (bare-id.ts): eld reads the first
    // as Slovak, Czech, Slovenian or Croatian, the second as Turkish. Only those guesses are asked.
    // 3d. A transliteration with fewer marks (translit-id.ts at a lower bar) where eld's guess is a
    // language transliterations are mistaken for ("vsekh moskaley na vily": Slovenian), and the text
    // bears more marks of a transliteration than of bare Polish.
    if (top === LATIN && (g.best !== "en" || !g.reliable)) {
      const t = translitScore(text, start, end);
      if (readsTranslit(t)) return relabel(g, t.lang, enough, "translit");
      const lookalike = TRANSLIT_LOOKALIKES.has(g.best);
      const bare = BARE_POLISH_LOOKALIKES.has(g.best) || g.best === "tr" || (lookalike && t.points >= LOOKALIKE_POINTS) ? bareScore(text, start, end) : null;
      if (bare !== null && BARE_POLISH_LOOKALIKES.has(g.best) && readsPolish(bare) && bare.pl > t.points) return relabel(g, "pl", enough, "bare");
      if (bare !== null && g.best === "tr" && readsAzerbaijani(bare)) return relabel(g, "az", enough, "bare");
      if (lookalike && t.points >= LOOKALIKE_POINTS && t.points >= LOOKALIKE_SHARE * t.words && bare !== null && t.points > bare.pl) return relabel(g, t.lang, enough, "translit");
    }
    // 4. The margin test.
    const best = g.scores[0]![1];
    const second = g.scores[1]?.[1] ?? 0;
    const typical = !(best < TYPICAL_SHARE * model.averageScore(g.best));
    return { best: g.best, scores: g.scores, reliable: enough && typical && (best - second) / best >= UNSURE_MARGIN, by: "model" };
  }
}
