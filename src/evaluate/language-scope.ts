import type { CompiledPolicy } from "../compile/types.js";
import { PackedSet, VIA_SHORT, VIA_TRANSLIT, VIA_TYPO, type LexMatch } from "../match/index.js";
import { closeTo, plausible, type LanguageGuess } from "../text/language.js";
import { lazyRegExp } from "../text/lazy.js";
import { toOriginal, type NormalisedText } from "../text/normalise.js";
import { isPictographWord, type Tokens } from "../text/tokenise.js";
import { SHARE, translitScore } from "../text/translit-id.js";

/**
 * Which lexicon matches a post's languages allow, and the post's language. Every lexicon term has a
 * language; a match counts only in text of that language (or a close one): the German article
 * "die" is not the English verb, "gin and tonic" holds no Polish "giń". A match counts when the
 * post's language allows it, or else the language of its sentence (when long enough to identify on
 * its own), of its run of Latin words among Cyrillic ones (or the reverse), or of its clause (14
 * characters or more): so a post that mixes languages keeps the terms of each. A post of three words
 * or fewer is too short to identify: every match counts and its language is unknown.
 */
export interface LanguageScope {
  /**
   * The post's language for rules (`lang in …`) and output: the record's own `lang` when it has one,
   * else the identifier's best guess when reliable; null when neither says.
   */
  readonly lang: string | null;
  /** The identifier's best guess for the whole post, reliable or not (shown in explanations). */
  readonly guess: LanguageGuess | null;
  /** True when match `m` counts in this post (its language and its `except` words allow it). */
  accepts(m: LexMatch): boolean;
  /**
   * False when no match through a short transliteration key (VIA_SHORT) can count in this post, so
   * that the matcher need not confirm one: a post neither identified nor marked as a transliteration.
   */
  shortKeys(): boolean;
}

/**
 * Characters a clause needs before its own reading counts beside its sentence's: "Putin must die"
 * in "Putin must die, serio, nikt nie będzie płakał", which reads as Polish as a whole.
 */
const CLAUSE_ON_ITS_OWN = 14;
/**
 * Posts of this many words or fewer are too short to identify (eld is right on under 90 % of
 * 1-3-word posts, and sure of some wrong ones): their language is unknown and every lexicon applies,
 * as it did before lexicons were scoped.
 */
const SHORT_POST_WORDS = 3;
/** The lead over the runner-up a guess needs to rule out transliterations (see clearLead). */
const CLEAR_LEAD = 0.05;
/** Characters a sentence needs before it is identified on its own rather than by the whole post. */
const SENTENCE_ON_ITS_OWN = 40;

/**
 * Latin-script languages the identifier knows well: a sentence reliably in one of them holds no
 * Cyrillic, Georgian or Armenian word written in Latin letters. In anything else (an unreliable
 * guess, a language the identifier mistakes transliterations for) a transliteration may count.
 */
const NO_TRANSLIT = new Set(["en", "de", "fr", "es", "it", "nl", "pt", "ro", "hu", "et", "lv", "lt", "fi", "sv", "da", "no", "is", "tr", "az", "ca", "eu"]);

/** Scripts of languages not written in Latin letters: a term of theirs in Latin letters is a transliteration. */
const NON_LATIN = new Set(["uk", "ru", "be", "bg", "sr", "mk", "kk", "ka", "hy", "el", "ar", "he", "hi", "zh", "ja", "ko"]);
/** Made on first use (see lazyRegExp): only a match of a language in another script asks. */
const LATIN_TERM = lazyRegExp(String.raw`^[\p{Script=Latin}\d\s'*~!-]+$`, "u");
/**
 * The languages whose Latin transliterations may match short Cyrillic keys (VIA_SHORT: "ubit",
 * "nado", "ih"): the identifier labels Latin text ru/uk/be only when it reads as a transliteration
 * (text/translit-id.ts), so a short key counts in such text and nowhere else.
 */
const EAST_SLAVIC = new Set(["ru", "uk", "be"]);
const eastSlavic = (lang: string | null): boolean => lang !== null && EAST_SLAVIC.has(lang);
/** Points of translit-id.ts a post too short to identify needs for its short keys to count ("ubey ih vseh"). */
const SHORT_POST_TRANSLIT_POINTS = 2;

/** The `except` words of each lexicon, as sets: built once per policy by the phase that reads them. */
const exceptSets = new WeakMap<CompiledPolicy, readonly (ReadonlySet<string> | undefined)[]>();

function exceptOf(policy: CompiledPolicy): readonly (ReadonlySet<string> | undefined)[] {
  let sets = exceptSets.get(policy);
  if (!sets) exceptSets.set(policy, (sets = policy.lexiconExcept.map((packed) => (packed.length > 0 ? new PackedSet(packed) : undefined))));
  return sets;
}

/** True when a word of `m` is one its lexicon must never match. */
function excepted(m: LexMatch, tokens: Tokens, sets: readonly (ReadonlySet<string> | undefined)[]): boolean {
  const set = sets[m.lexicon];
  if (!set) return false;
  for (let t = m.t0; t < m.t1; t++) if (set.has(`${m.lang}\u0000${tokens.words[t]}`)) return true;
  return false;
}

/**
 * The language scope of one post. `given` is the record's own `lang`; the identifier comes with the
 * policy (the use-case that loads a policy attaches it); without one, and without `given`, every
 * match counts as before language scoping existed.
 */
export function scopeLanguages(policy: CompiledPolicy, norm: NormalisedText, tokens: Tokens, given: string | null | undefined): LanguageScope {
  const sets = exceptOf(policy);
  const model = policy.languageModel;
  if (given) {
    const lang = given.toLowerCase();
    const ok = new Set([lang, ...closeTo(lang)]);
    const short = eastSlavic(lang);
    return { lang, guess: null, accepts: (m) => !excepted(m, tokens, sets) && (!(m.via & VIA_SHORT) || short) && (ok.has(m.lang) || pictographic(m, tokens) || (!NO_TRANSLIT.has(lang) && translitAllowed(m, { best: null, scores: [], reliable: false }))), shortKeys: () => short };
  }
  if (!model) return { lang: null, guess: null, accepts: (m) => !excepted(m, tokens, sets) && !(m.via & VIA_SHORT), shortKeys: () => false };

  const text = norm.original;
  // Pictographs are no words of any language: "Kill Putin! 🔥🔥" is as short as "Kill Putin!".
  if (tokens.words.length - tokens.pictographs <= SHORT_POST_WORDS) {
    // Too short to tell: "Kill Putin!" reads as Romanian, and English scores nothing at all.
    const g = model.detect(text);
    // Short keys only when the few words bear a mark of a transliteration ("ubey ih vseh": "vseh").
    let short: boolean | undefined;
    const shortOk = (): boolean => {
      if (short === undefined) {
        const t = eastSlavic(g.best) ? null : translitScore(text);
        short = t === null || (t.points >= SHORT_POST_TRANSLIT_POINTS && t.points >= SHARE * t.words);
      }
      return short;
    };
    return { lang: null, guess: { ...g, reliable: false }, accepts: (m) => !excepted(m, tokens, sets) && (!(m.via & VIA_SHORT) || shortOk()), shortKeys: shortOk };
  }
  const guess = model.detect(text);
  const postOpen = plausible(guess);
  const bySentence = new Map<number, { guess: LanguageGuess; open: Set<string> } | null>();
  /** The sentence's own reading when it is long enough and the post has more than one. */
  const sentenceOf = (t: number): { guess: LanguageGuess; open: Set<string> } | null => {
    const s = tokens.sentence[t] as number;
    let r = bySentence.get(s);
    if (r !== undefined) return r;
    r = null;
    const last = tokens.words.length - 1;
    if ((tokens.sentence[0] as number) !== (tokens.sentence[last] as number)) {
      const [a, b] = wordsAround(tokens.sentence, t);
      const [start, end] = toOriginal(norm, tokens.starts[a] as number, tokens.ends[b] as number);
      if (end - start >= SENTENCE_ON_ITS_OWN) {
        const g = model.detect(text, start, end);
        if (g.reliable) r = { guess: g, open: plausible(g) };
      }
    }
    bySentence.set(s, r);
    return r;
  };
  const byRun = new Map<number, { guess: LanguageGuess; open: Set<string> } | null>();
  /**
   * The reading of the run of words around `t` written in its script, when its sentence mixes
   * Latin and Cyrillic words ("kill all ukry, Z 💪 за наших пацанов"): each run is read on its own,
   * since the identifier gives a mixed text the language of whichever part has more n-grams.
   */
  const runOf = (t: number): { guess: LanguageGuess; open: Set<string> } | null => {
    const sc = scriptOfWord(tokens.words[t] as string);
    if (sc === 0) return null;
    const s = tokens.sentence[t] as number;
    let a = t;
    let b = t;
    const last = tokens.words.length - 1;
    const joins = (u: number): boolean => tokens.sentence[u] === s && scriptOfWord(tokens.words[u] as string) !== 3 - sc;
    while (a > 0 && joins(a - 1)) a--;
    while (b < last && joins(b + 1)) b++;
    const mixed = (a > 0 && tokens.sentence[a - 1] === s) || (b < last && tokens.sentence[b + 1] === s);
    if (!mixed) return null;
    const key = a * 65536 + b;
    let r = byRun.get(key);
    if (r !== undefined) return r;
    const [start, end] = toOriginal(norm, tokens.starts[a] as number, tokens.ends[b] as number);
    const g = model.detect(text, start, end);
    r = g.best === null ? null : { guess: g, open: plausible(g) };
    byRun.set(key, r);
    return r;
  };
  const byClause = new Map<number, { guess: LanguageGuess; open: Set<string> } | null>();
  /** The clause's own reading, when its sentence has other clauses and it is long enough. */
  const clauseOf = (t: number): { guess: LanguageGuess; open: Set<string> } | null => {
    const c = tokens.clause[t] as number;
    let r = byClause.get(c);
    if (r !== undefined) return r;
    r = null;
    const s = tokens.sentence[t] as number;
    const last = tokens.words.length - 1;
    const [a, b] = wordsAround(tokens.clause, t);
    const whole = !((a > 0 && tokens.sentence[a - 1] === s) || (b < last && tokens.sentence[b + 1] === s));
    if (!whole) {
      const [start, end] = toOriginal(norm, tokens.starts[a] as number, tokens.ends[b] as number);
      if (end - start >= CLAUSE_ON_ITS_OWN) {
        const g = model.detect(text, start, end);
        if (g.best !== null) r = { guess: g, open: plausible(g) };
      }
    }
    byClause.set(c, r);
    return r;
  };
  /** True when `r` allows `m`'s language. A typo is forgiven only in the text's own language: elsewhere it is another word. */
  const allows = (r: { guess: LanguageGuess; open: Set<string> }, m: LexMatch): boolean => {
    const g = r.guess;
    if (m.via & VIA_TYPO) return g.best !== null && (g.best === m.lang || closeTo(g.best).includes(m.lang));
    if (m.via & VIA_SHORT && !eastSlavic(g.best)) return false;
    return r.open.has(m.lang) || translitAllowed(m, g);
  };
  const whole = { guess, open: postOpen };
  const markedSentences = new Map<number, boolean>();
  /** Whether the sentence of word `t` bears any mark of a transliteration (translit-id.ts), computed once per sentence. */
  const marked = (t: number): boolean => {
    const s = tokens.sentence[t] as number;
    let r = markedSentences.get(s);
    if (r === undefined) {
      const [a, b] = wordsAround(tokens.sentence, t);
      const [start, end] = toOriginal(norm, tokens.starts[a] as number, tokens.ends[b] as number);
      r = translitScore(text, start, end).marks >= SHORT_POST_TRANSLIT_POINTS;
      markedSentences.set(s, r);
    }
    return r;
  };
  let anyMark: boolean | undefined;
  return {
    lang: guess.reliable ? guess.best : null,
    guess,
    shortKeys: () => (anyMark ??= eastSlavic(guess.best) || translitScore(text).marks >= SHORT_POST_TRANSLIT_POINTS),
    /**
     * A match counts when the post's reading allows its language, or else its sentence's, its
     * script run's or its clause's: each only looks closer at a part of the post, so a mixed post
     * keeps the terms of each of its languages, while a post wholly in another language keeps none.
     * The closer readings are made only for a match the wider ones refuse (most are allowed by the
     * post's: one identification per post).
     */
    accepts(m) {
      if (excepted(m, tokens, sets)) return false;
      if (allows(whole, m) || pictographic(m, tokens)) return true;
      // A short key refused by the post's reading counts only where a part of the post reads as a
      // transliteration, which a sentence without a single mark of one is not: no closer reading
      // (each an identification) for the English "by" or Polish "na" that meet a short Cyrillic term.
      if (m.via & VIA_SHORT && !marked(m.t0)) return false;
      const sentence = sentenceOf(m.t0);
      if (sentence && allows(sentence, m)) return true;
      const run = runOf(m.t0);
      if (run && allows(run, m)) return true;
      const clause = clauseOf(m.t0);
      return clause !== null && allows(clause, m);
    },
  };
}

/** The first and last word around word `t` whose number in `ids` (their sentences or clauses) is its own. */
function wordsAround(ids: Uint32Array, t: number): [number, number] {
  const id = ids[t];
  const last = ids.length - 1;
  let a = t;
  let b = t;
  while (a > 0 && ids[a - 1] === id) a--;
  while (b < last && ids[b + 1] === id) b++;
  return [a, b];
}

/**
 * True when `m` matched pictographs only ("⚽", "😂"): a sign that belongs to no language counts in
 * every one, whichever language's list names it.
 */
function pictographic(m: LexMatch, tokens: Tokens): boolean {
  return tokens.pictographs > 0 && isPictographWord(tokens.words[m.t0] as string) && isPictographWord(tokens.words[m.t1 - 1] as string);
}

/** 1 for a word in Latin letters, 2 in Cyrillic, 0 for anything else (digits, other scripts). */
function scriptOfWord(w: string): number {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c < 0x250) || (c >= 0x1e00 && c < 0x1f00)) return 1;
    if (c >= 0x400 && c < 0x530) return 2;
  }
  return 0;
}

/**
 * A transliteration (a Latin-script word matching a Cyrillic, Georgian or Armenian term, or a term
 * of such a language written in Latin letters) counts unless the text is reliably in a Latin-script
 * language the identifier knows well.
 */
function translitAllowed(m: LexMatch, g: LanguageGuess): boolean {
  const translit = (m.via & VIA_TRANSLIT) !== 0 || (NON_LATIN.has(m.lang) && LATIN_TERM().test(m.source));
  if (!translit) return false;
  return g.best === null || !NO_TRANSLIT.has(g.best) || !clearLead(g);
}

/**
 * A reliable guess with a lead of 5 % or more over the runner-up: romanised Armenian or Georgian
 * ("petq a spanel rusnerin") can read as English by a hair, and is not English for that.
 */
function clearLead(g: LanguageGuess): boolean {
  if (!g.reliable) return false;
  const top = g.scores[0]?.[1] ?? 0;
  const next = g.scores[1]?.[1] ?? 0;
  return top > 0 && (top - next) / top >= CLEAR_LEAD;
}
