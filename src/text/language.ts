/**
 * What a language identifier says about a stretch of text: the best language (an ISO 639-1 code,
 * or null when the text has no letters to go by), every candidate with its score, best first, and
 * whether the best is reliable (enough text, a clear lead).
 */
export interface LanguageGuess {
  readonly best: string | null;
  readonly scores: readonly (readonly [string, number])[];
  readonly reliable: boolean;
}

/** A language identifier: see text/language-id.ts for the one modpol ships. */
export interface LanguageDetector {
  /** The languages it can tell apart. */
  readonly languages: readonly string[];
  /** Identifies the language of `text` from `start` to `end` (UTF-16 offsets). */
  detect(text: string, start?: number, end?: number): LanguageGuess;
}

/**
 * Languages close enough that a post in one routinely carries words of the other (Ukrainian posts
 * with Russian words, and the reverse; Slovak and Czech): a term of one counts in a sentence of the
 * other. Only languages that share a script are close.
 */
const CLOSE: Readonly<Record<string, readonly string[]>> = {
  uk: ["ru", "be"],
  ru: ["uk", "be", "bg", "sr", "kk"],
  be: ["uk", "ru"],
  sk: ["cs"],
  cs: ["sk"],
  az: ["tr"],
  tr: ["az"],
};

/** The languages close to `lang` (not including it). */
export function closeTo(lang: string): readonly string[] {
  return CLOSE[lang] ?? [];
}

/**
 * The languages a guess leaves open: the best, every candidate scoring within `margin` of it, and
 * the languages close to those. On short text (an unreliable guess) the margin is wider: "Kill
 * them!" may score German a shade above English.
 */
export function plausible(g: LanguageGuess, margin = g.reliable ? 0.9 : 0.75): Set<string> {
  const out = new Set<string>();
  const top = g.scores[0]?.[1] ?? 0;
  for (const [lang, score] of g.scores) {
    if (score < top * margin) break;
    out.add(lang);
    for (const c of closeTo(lang)) out.add(c);
  }
  return out;
}
