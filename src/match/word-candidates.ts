import { PackedMap } from "./packed-map.js";
import { oneTypo, oneTypoStem } from "./fuzzy.js";
import type { IndexedTerm, KnownWords, LexiconIndex } from "./lexicon-index.js";
import { SHORT_TRANSLIT, type WordPattern } from "./terms.js";
import { forEachFill, isStretched, readsWildcards, squeeze, translitSkeleton, translitSkeletonH, WILDCARD } from "../text/keys.js";

/** How a word was matched, beyond its plain normalised form. */
export const VIA_STRETCHED = 1;
export const VIA_TRANSLIT = 2;
export const VIA_TYPO = 4;
export const VIA_GLUED = 8;
/** A transliteration through a key shorter than SHORT_TRANSLIT (terms.ts): it counts only in a transliteration. */
export const VIA_SHORT = 16;

/** The VIA bits of a match of word part `p` through its transliteration key: VIA_SHORT too when the key is short. */
export function translitVia(p: WordPattern): number {
  return VIA_TRANSLIT | ((p.tr?.length ?? SHORT_TRANSLIT) < SHORT_TRANSLIT ? VIA_SHORT : 0);
}

/**
 * A term that may match with its anchor on this word; the matcher still has to confirm the rest of
 * the term in context. `pair`: the word is the term's first two words run together ("deathto"), so
 * matching resumes at the term's third part on the next word.
 */
export interface Candidate {
  readonly term: IndexedTerm;
  readonly via: number;
  readonly pair: boolean;
  /** True when the term's lexicon also matches words with a typo. */
  readonly fuzzy: boolean;
  /**
   * The word part the match is checked against first: the one after the anchor (or, for a pair,
   * after its two words) when it is a word, else the one before when that is; undefined when
   * neither is a word.
   * `adjDir` says on which side (+1 after, -1 before). A cheap test against it rules out most
   * candidates before the full walk.
   */
  readonly adj: WordPattern | undefined;
  readonly adjDir: 1 | -1;
}

function candidate(index: LexiconIndex, term: IndexedTerm, via: number, pair: boolean): Candidate {
  const after = term.parts[pair ? 2 : term.anchor + 1];
  const before = pair ? undefined : term.parts[term.anchor - 1];
  // The neighbour that is a word: after a gap ("why won't anyone ~1 kill") the word before the
  // anchor still has to be there, where the gap itself rules nothing out.
  const [adj, adjDir] = after?.kind === "word" ? [after, 1 as const] : before?.kind === "word" ? [before, -1 as const] : [undefined, 1 as const];
  if (via === VIA_TRANSLIT) via = translitVia(term.parts[term.anchor] as WordPattern);
  return { term, via, pair, fuzzy: index.fuzzyLexicons.has(term.lexicon), adj, adjDir };
}

/**
 * Everything the index can say about one word, whatever its context: its extra lookup keys and the
 * terms it may anchor. `secondary` (typos and run-together words) is consulted only when no primary
 * candidate was confirmed, so it is computed on first need.
 */
export interface WordInfo {
  /** The word with stretched letters squeezed ("kiiill" → "kil"), when it is stretched. */
  readonly sq: string | undefined;
  /** Transliteration skeleton, for Latin-script words only. */
  readonly tr: string | undefined;
  /** The skeleton with a lone "h" read as г (Ukrainian "voroham"), when the word has one: counts only in a transliteration (VIA_SHORT). */
  readonly trh: string | undefined;
  /**
   * True when the word hides letters behind symbols ("rꞈssian", from "r*ssian": see keys.ts
   * WILDCARD) that may be read as letters: it matches a word part with a letter for each.
   */
  readonly wild: boolean;
  /** Candidates from the exact, squeezed and transliterated views, in lookup order. */
  readonly primary: readonly Candidate[];
  /** False when the word is known or too short to be a typo or two words run together. */
  readonly mayBeMangled: boolean;
  secondary?: readonly Candidate[];
  /** {@link primary} and {@link secondary} split by {@link splitByLexicon}, memoised. */
  primarySplit?: Split;
  secondarySplit?: Split;
}

/** Candidates split in two by their lexicon, each part in the original order. */
export interface Split {
  /** The lexicon flags it was split by (an index serves one policy, so it is always the same). */
  readonly by: readonly boolean[];
  /** Candidates of lexicons not flagged, and of flagged ones. */
  readonly now: readonly Candidate[];
  readonly later: readonly Candidate[];
}

/** Splits candidates into those of lexicons `flags` leaves unmarked and those it marks. */
export function splitByLexicon(cands: readonly Candidate[], flags: readonly boolean[]): Split {
  if (cands.length === 0) return { by: flags, now: NONE, later: NONE };
  const now = cands.filter((c) => flags[c.term.lexicon] !== true);
  const later = now.length === cands.length ? NONE : exact(cands.filter((c) => flags[c.term.lexicon] === true));
  return { by: flags, now: later.length === 0 ? cands : exact(now), later };
}

const LATIN_WORD = /^[a-z']+$/;
const LETTERS = /^\p{L}+$/u;
const NONE: readonly Candidate[] = Object.freeze([]);

/**
 * Word → {@link WordInfo}, computed once per distinct word. Text is Zipfian: most of a post's words
 * ("the", "і", "что") were seen in earlier posts, so a post costs about one hash look-up per word
 * instead of several views, a typo search and a run-together search per word. The cache is bounded,
 * in two generations: past `limit` distinct words the current one becomes the old one and a new one
 * starts; a word found only in the old one is carried over. Memory stays flat (at most twice
 * `limit` words) on any input, and the frequent words survive the turn, where starting afresh made
 * a long run of real text (more than `limit` distinct words) compute "the" again. It is a memo of a
 * pure function of the (immutable) index, so it never changes a result.
 */
export class WordCandidates {
  private cache = new Map<string, WordInfo>();
  private old: Map<string, WordInfo> | undefined;
  /** Language → its id in the index's {@link LexiconIndex.wordLanguages}, made at the first split tried. */
  private languageIds: Map<string, number> | undefined;

  constructor(
    private readonly index: LexiconIndex,
    private readonly limit = 50_000,
  ) {}

  /** What the index knows about `w` (a normalised word). */
  info(w: string): WordInfo {
    let e = this.cache.get(w);
    if (e === undefined) {
      e = this.old?.get(w) ?? this.compute(w);
      if (this.cache.size >= this.limit) {
        this.old = this.cache;
        this.cache = new Map();
      }
      this.cache.set(w, e);
    }
    return e;
  }

  /** Typo and run-together candidates of `w`, for when none of its primary ones was confirmed. */
  secondary(w: string, e: WordInfo): readonly Candidate[] {
    return (e.secondary ??= this.computeSecondary(w));
  }

  private compute(w: string): WordInfo {
    const index = this.index;
    const sq = isStretched(w) ? squeeze(w) : undefined;
    // Transliteration only bridges scripts: a Cyrillic word never needs it to match a Cyrillic term.
    const tr = LATIN_WORD.test(w) ? translitSkeleton(w) : undefined;
    let primary: Candidate[] | undefined;
    let via = 0;
    const add = (id: number) => (primary ??= []).push(candidate(index, index.term(id), via, false));
    index.exact.lookup(w, add);
    if (sq !== undefined) {
      via = VIA_STRETCHED;
      index.squeezed.lookup(sq, add);
    }
    if (tr !== undefined) {
      via = VIA_TRANSLIT;
      index.translit.lookup(tr, add);
    }
    const trh = tr !== undefined ? translitSkeletonH(w) : undefined;
    if (trh !== undefined) {
      via = VIA_TRANSLIT | VIA_SHORT;
      index.translit.lookup(trh, add);
    }
    // A letter hidden behind a symbol ("rꞈssian"): the terms anchored on each word it may be.
    const wild = w.indexOf(WILDCARD) >= 0 && readsWildcards(w);
    if (wild) {
      via = 0;
      const seen = new Set<number>();
      forEachFill(w, (fill) =>
        index.exact.lookup(fill, (id) => {
          if (seen.has(id)) return;
          seen.add(id);
          add(id);
        }),
      );
    }
    // A word the policy lists anywhere is a real word: not a typo, and not two words run together.
    // Nor is a word with hidden letters guessed at twice.
    const mayBeMangled = w.length >= 4 && !wild && !index.knownWords.has(w);
    // A copy of exactly the candidates (see {@link exact}): the memo keeps a word's for the rest of the run.
    return { sq, tr, trh, wild, primary: primary === undefined ? NONE : exact(primary), mayBeMangled, secondary: mayBeMangled ? undefined : NONE };
  }

  private computeSecondary(w: string): readonly Candidate[] {
    const index = this.index;
    const out: Candidate[] = [];
    if (index.fuzzyLexicons.size > 0 && w.length <= 16 && LETTERS.test(w)) {
      index.fuzzy.lookup(w, (id) => {
        const term = index.term(id);
        const a = term.parts[term.anchor] as WordPattern;
        if (a.stem ? oneTypoStem(w, a.key) : oneTypo(w, a.key)) out.push(candidate(index, term, VIA_TYPO, false));
      });
    }
    // "deathto", "naśmierć": the first two words of a phrase typed as one.
    index.gluedPairs.lookup(w, (id) => out.push(candidate(index, index.term(id), VIA_GLUED, true)));
    // "stabthose", "powiesićtych", "gaythroats": a word run into a neighbour the policy knows. Each
    // split whose one half is a word of some term has its other half looked up in this word's
    // place; endings that are no words ("shooting", "killers", "hanged") are never split off.
    // Both halves are words of one language, the language of the term found: "these tyrants" is no
    // Polish "ty" run into the English "rants" (a term of no language pairs with any: see oneLanguage).
    // Run-together words are a few words long; a longer "word" (a URL, a hash, junk) is never split,
    // which also keeps this loop from growing with the square of a huge token.
    if (w.length >= 7 && w.length <= 48) {
      const known = index.knownWords;
      // The languages of each head that is a known word, in one walk over the word (a look-up of each prefix otherwise).
      const headLanguages: (readonly number[] | undefined)[] = new Array<readonly number[] | undefined>(w.length + 1).fill(undefined);
      prefixesIn(known, w, w.length - 4, (k, langs) => (headLanguages[k] = langs));
      for (let k = 2; k <= w.length - 2; k++) {
        // (tail.length = w.length - k, head.length = k.) A long call word ("powiesić", 8 letters)
        // may be run into any following word ("powiesićtych"), of any language, known or not. (A
        // short unknown tail is more likely an inflection: "zamordowany"+"ch" is one word.) Tests in
        // order of cost: no look-up for a split whose lengths rule it out.
        if (k >= 4 && !AGENT_ENDINGS.has(w.slice(k))) {
          const tailLanguages = known.get(w.slice(k));
          const anyTail = k >= 7 && w.length - k >= 3 && index.fuzzyWords.has(w.slice(0, k));
          if (tailLanguages !== undefined || anyTail)
            index.exact.wordIds(w.slice(0, k))?.forEach((id) => {
              const term = index.term(id);
              if (anyTail || this.oneLanguage(tailLanguages as readonly number[], term)) out.push(candidate(index, term, VIA_GLUED, false));
            });
        }
        const head = headLanguages[k];
        if (w.length - k >= 4 && head !== undefined)
          index.exact.lookup(w.slice(k), (id) => {
            const term = index.term(id);
            if (this.oneLanguage(head, term)) out.push(candidate(index, term, VIA_GLUED, false));
          });
      }
    }
    return out.length > 0 ? exact(out) : NONE;
  }

  /**
   * True when a known word of languages `langs` (ids, see {@link LexiconIndex.knownWords}) may be
   * run together with a word of `term`: it is a word of the term's language, or either belongs to
   * no language ("").
   */
  private oneLanguage(langs: readonly number[], term: IndexedTerm): boolean {
    if (term.lang === "") return true;
    const ids = (this.languageIds ??= new Map(this.index.wordLanguages.map((l, i) => [l, i])));
    const id = ids.get(term.lang);
    const none = ids.get("");
    for (let i = 0; i < langs.length; i++) if (langs[i] === id || langs[i] === none) return true;
    return false;
  }
}

/**
 * `a` in an array of its own length. An array grown by push (or made by `filter`) keeps room for
 * at least 17 elements, and the memo keeps each word's candidates, split or not, for the rest of the
 * run: 5 MB of such arrays held ~1.5 MB of candidates after 18,000 real-text posts.
 */
function exact<T>(a: T[]): T[] {
  return a.slice();
}

/**
 * The endings of an agent noun, "shooter", "killers", "bomber": never a word run into the verb, even
 * where some term lists them as words (Armenian in Latin letters has "er", *uzum er*), since the
 * agent named is a person (a report: "why the shooter got five years"), not the act called for.
 */
const AGENT_ENDINGS: ReadonlySet<string> = new Set(["er", "ers"]);

/** `hit(k, languages)` for each k = 1…max for which `w.slice(0, k)` is a known word, shortest first. */
function prefixesIn(known: KnownWords, w: string, max: number, hit: (k: number, languages: readonly number[]) => void): void {
  if (known instanceof PackedMap) known.forEachPrefix(w, 1, max, hit);
  else
    for (let k = 1; k <= Math.min(w.length, max); k++) {
      const langs = known.get(w.slice(0, k));
      if (langs !== undefined) hit(k, langs);
    }
}
