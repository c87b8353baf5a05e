import { createRequire } from "node:module";
import { FuzzyIndex, type PackedFuzzy } from "./fuzzy.js";
import { packMap, PackedMap, PackedSet, packSet, type IdMap, type PagedBytes } from "./packed-map.js";
import { hyphenEndings, type TermPart } from "./terms.js";

/** A compiled term, indexed under the keys of its anchor word. */
export interface TermEntry {
  /** Index into {@link LexiconIndex.lexicons}. */
  readonly lexicon: number;
  /** The term's language; "" for none (a word of such a term may be run together with a word of any language). */
  readonly lang: string;
  /** The term as the author wrote it. */
  readonly source: string;
  readonly parts: readonly TermPart[];
}

/** A term as the index holds it: with the position of the word it is looked up by. */
export interface IndexedTerm extends TermEntry {
  /** Index into `parts` of the anchor: the longest word, so "i will kill" is found by "kill", not "i". */
  readonly anchor: number;
}

/**
 * Words too frequent in posts to look terms up by, where a term has another word: "will" anchored
 * 324 generated terms ("you will die", "we will hunt them down"…), all walked for each "will" of a
 * post: a fifth of the candidates the benchmark's posts tried, and with the others here, 60 %.
 * For words as written, a term matches the same words whichever of its words it is found by; a
 * typo or two words run together are looked for around the anchor (matchForward, the secondary
 * look-ups), so there the choice can matter: outputs on the blind rounds, the dev set, HateCheck
 * and 10,000 benchmark posts were byte-identical with and without this list, and all rule cases pass.
 */
const FREQUENT = new Set(["will", "should", "would", "must", "anyone", "everyone", "someone", "the", "think", "you", "they", "them", "their", "this", "that", "with", "have", "going", "until", "нибудь", "нарешті", "наконец", "когда", "коли", "хтось", "кто", "что", "що", "wszystkich", "can't", "cant", "over", "down", "every", "and", "in", "about", "again", "people", "all", "out", "to", "of", "be", "is", "are", "not", "no", "on", "for", "it", "we", "he", "she", "his", "her", "looking", "running", "happy", "send"]);

/** The part a term is looked up by: its longest word (a whole word beats a stem of equal length), other than a frequent word. */
export function anchorOf(parts: readonly TermPart[]): number {
  let best = 0;
  let score = -1;
  // A loop, not forEach: V8 inlines forEach for the array shapes it has seen, and the parts of terms
  // decoded later in a run came in another one, which threw the optimised look-up code away.
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as TermPart;
    if (p.kind !== "word") continue;
    const s = p.key.length * 2 + (p.stem ? 0 : 1) + (FREQUENT.has(p.key) ? 0 : 1000);
    if (s > score) {
      score = s;
      best = i;
    }
  }
  return best;
}

/** A compiled RE2 pattern (linear-time: no backtracking). */
export interface PatternEntry {
  readonly lexicon: number;
  readonly lang: string;
  readonly source: string;
  /** The literal every match begins with, "" when there is none (see {@link compileRe2}). */
  readonly prefix: string;
  /** Finds matches in normalised text: [start, end) pairs. */
  readonly find: (text: string) => Array<[number, number]>;
}

/** One lookup table per view: exact words and stems, each key to the ids of the terms filed under it. */
export class ViewIndex {
  /** Length of the longest stem: no longer prefix of a word needs looking up. */
  private maxStem = 0;

  // Maps while the view is built from terms; packed maps (read in place) when it comes precompiled.
  constructor(
    private readonly words: IdMap = new Map<string, number[]>(),
    private readonly stems: IdMap = new Map<string, number[]>(),
    maxStem?: number,
  ) {
    if (maxStem !== undefined) this.maxStem = maxStem;
    else for (const k of stems.keys()) this.maxStem = Math.max(this.maxStem, k.length);
  }

  add(key: string, stem: boolean, id: number): void {
    // Only a view being built from terms is added to, and its maps are plain Maps.
    const map = (stem ? this.stems : this.words) as Map<string, number[]>;
    const l = map.get(key);
    if (l) l.push(id);
    else map.set(key, [id]);
    if (stem) this.maxStem = Math.max(this.maxStem, key.length);
  }

  /** Every term whose anchor matches `key` in this view: whole words, then stems from the shortest. */
  lookup(key: string, visit: (id: number) => void): void {
    const l = this.words.get(key);
    if (l) for (const t of l) visit(t);
    const n = Math.min(key.length, this.maxStem);
    if (this.stems instanceof PackedMap) this.stems.forEachPrefixId(key, n, visit);
    else
      for (let k = 1; k <= n; k++) {
        const s = this.stems.get(key.slice(0, k));
        if (s) for (const t of s) visit(t);
      }
  }

  /** The terms filed under the whole word `key` (not its stems). */
  wordIds(key: string): readonly number[] | undefined {
    return this.words.get(key);
  }

  /** Number of distinct keys. */
  get size(): number {
    return this.words.size + this.stems.size;
  }

  pack(): PackedView {
    return { words: packMap(this.words as Map<string, number[]>), stems: packMap(this.stems as Map<string, number[]>), maxStem: this.maxStem };
  }

  static unpack(p: PackedView): ViewIndex {
    return new ViewIndex(new PackedMap(p.words), new PackedMap(p.stems), p.maxStem);
  }
}

/**
 * Packed text (see packed-map.ts): a string when just packed, its UTF-8 bytes when read from a file,
 * or those bytes read a block at a time as searches reach them.
 */
export type Packed = string | Uint8Array | PagedBytes;

/** A {@link ViewIndex} in precompiled form. */
export interface PackedView {
  readonly words: Packed;
  readonly stems: Packed;
  /** Length of the longest stem. */
  readonly maxStem: number;
}

/** Everything of a {@link LexiconIndex} but its patterns, as strings: what precompiled policies hold. */
export interface PackedIndex {
  /** How many terms there are (ids 0 … termCount - 1). */
  readonly termCount: number;
  /** The encoded term `id` (see serialise.ts), handed to the {@link TermDecoder} on its first use. */
  termText(id: number): string;
  readonly exact: PackedView;
  readonly squeezed: PackedView;
  readonly translit: PackedView;
  readonly gluedPairs: PackedView;
  /** A packed map: each known word to the ids of its languages in {@link wordLanguages}. */
  readonly knownWords: Packed;
  readonly wordLanguages: readonly string[];
  readonly fuzzyWords: Packed;
  readonly fuzzy: PackedFuzzy;
}

/**
 * Every whole word of some term (see {@link LexiconIndex.knownWords}), each with the languages of
 * the terms that hold it, as ids into {@link LexiconIndex.wordLanguages} (sorted, no repeats): a
 * Map while the index is built from terms, a {@link PackedMap} when it comes precompiled.
 */
export interface KnownWords {
  has(word: string): boolean;
  get(word: string): readonly number[] | undefined;
}

/** How a precompiled index turns an encoded term back into a term. */
export type TermDecoder = (line: string) => TermEntry;

/**
 * Where an index's terms and views come from. A policy compiled from YAML builds each view from its
 * terms ({@link BuiltTerms}); a precompiled one reads them from packed bytes ({@link PackedTerms}).
 * Each view is asked for once and then kept by {@link LexiconIndex}.
 */
interface IndexSource {
  readonly termCount: number;
  term(id: number): IndexedTerm;
  view(name: "exact" | "squeezed" | "translit" | "gluedPairs"): ViewIndex;
  knownWords(): KnownWords;
  wordLanguages(): readonly string[];
  fuzzyWords(): ReadonlySet<string>;
  fuzzy(): FuzzyIndex;
}

/** Terms added one by one at compile time; every view is built from them when first asked for. */
class BuiltTerms implements IndexSource {
  readonly terms: IndexedTerm[] = [];

  constructor(private readonly fuzzyLexicons: ReadonlySet<number>) {}

  get termCount(): number {
    return this.terms.length;
  }

  term(id: number): IndexedTerm {
    return this.terms[id] as IndexedTerm;
  }

  view(name: "exact" | "squeezed" | "translit" | "gluedPairs"): ViewIndex {
    const v = new ViewIndex();
    this.terms.forEach((t, id) => {
      if (name === "gluedPairs") {
        const [p0, p1] = t.parts;
        if (p0?.kind === "word" && !p0.stem && p1?.kind === "word") v.add(p0.key + p1.key, p1.stem, id);
        return;
      }
      const a = t.parts[t.anchor];
      if (a?.kind !== "word") return;
      const key = name === "exact" ? a.key : name === "squeezed" ? a.sq : a.tr;
      if (key !== undefined) v.add(key, a.stem, id);
    });
    return v;
  }

  knownWords(): KnownWords {
    const languages = this.wordLanguages();
    const id = new Map(languages.map((l, i) => [l, i]));
    const words = new Map<string, number[]>();
    for (const t of this.terms) {
      // "ie" of "na OIOM-ie" is an ending, not a word (see hyphenEndings).
      const endings = hyphenEndings(t.source);
      const lang = id.get(t.lang) as number;
      for (const p of t.parts) {
        if (p.kind !== "word" || p.stem || endings?.has(p.key) === true) continue;
        const ids = words.get(p.key);
        if (ids === undefined) words.set(p.key, [lang]);
        else if (!ids.includes(lang)) ids.push(lang);
      }
    }
    for (const ids of words.values()) ids.sort((a, b) => a - b);
    return words;
  }

  /** The terms' languages, sorted: the same table whenever it is asked for. */
  wordLanguages(): readonly string[] {
    return [...new Set(this.terms.map((t) => t.lang))].sort();
  }

  fuzzyWords(): ReadonlySet<string> {
    const words = new Set<string>();
    for (const t of this.terms) {
      const a = t.parts[t.anchor];
      if (a?.kind === "word" && !a.stem && this.fuzzyLexicons.has(t.lexicon)) words.add(a.key);
    }
    return words;
  }

  fuzzy(): FuzzyIndex {
    const f = new FuzzyIndex();
    this.terms.forEach((t, id) => {
      const a = t.parts[t.anchor];
      if (a?.kind === "word" && this.fuzzyLexicons.has(t.lexicon)) f.add(a.key, a.stem, id);
    });
    return f;
  }
}

/**
 * Terms and views of a precompiled policy, read in place: a view is opened on first use (no
 * decoding), and a term is decoded only when a look-up returns it, so a one-post run pays for the
 * few terms and views it meets, not for 30,000 terms.
 */
class PackedTerms implements IndexSource {
  /** The terms decoded so far, in the order they were first asked for. */
  private readonly decoded: IndexedTerm[] = [];
  /**
   * For each term id, 1 + its place in {@link decoded}; 0 while it has not been decoded. Ids reach
   * 266,000 while a one-post run decodes a few hundred terms: an array of terms indexed by id had to
   * be grown by push up to the highest id asked for (a store far beyond its end turns an array into a
   * dictionary, a hash look-up for every candidate of every new word), 266,000 pushes, the
   * reallocations and the collections they caused, about a tenth of a one-post run. A zero-filled
   * typed array costs nothing for the pages never written (the system maps them on first write).
   */
  private slots: Int32Array | undefined;

  constructor(
    private readonly p: PackedIndex,
    private readonly decode: TermDecoder,
  ) {}

  get termCount(): number {
    return this.p.termCount;
  }

  term(id: number): IndexedTerm {
    const slots = (this.slots ??= new Int32Array(this.p.termCount));
    // Undefined for an id out of range, which is then decoded (and fails) as it always was.
    const slot = slots[id];
    if (slot) return this.decoded[slot - 1] as IndexedTerm;
    const e = this.decode(this.p.termText(id));
    // A new object with every field, rather than `anchor` added to the decoded one: an added
    // field went to a separate property array (one more object per term for every collection to
    // mark, and an indirection on each `t.anchor` of the matcher).
    const t: IndexedTerm = { lexicon: e.lexicon, lang: e.lang, source: e.source, parts: e.parts, anchor: anchorOf(e.parts) };
    slots[id] = this.decoded.push(t);
    return t;
  }

  view(name: "exact" | "squeezed" | "translit" | "gluedPairs"): ViewIndex {
    return ViewIndex.unpack(this.p[name]);
  }

  knownWords(): KnownWords {
    return new PackedMap(this.p.knownWords);
  }

  wordLanguages(): readonly string[] {
    return this.p.wordLanguages;
  }

  fuzzyWords(): ReadonlySet<string> {
    return new PackedSet(this.p.fuzzyWords);
  }

  fuzzy(): FuzzyIndex {
    return FuzzyIndex.unpack(this.p.fuzzy);
  }
}

/**
 * All lexicons of a policy in one structure, so a post is matched in a single pass over its words
 * whatever the number of terms: each word costs a hash lookup per view and per stem length.
 *
 * Views hold term ids; they come from an {@link IndexSource} (built from terms, or precompiled) on
 * first use and are then kept: a run that never meets a stretched, transliterated, misspelt or
 * run-together word never pays for them. That lazy opening is the only state that changes after
 * compilation, and it never changes a result.
 */
export class LexiconIndex {
  readonly patterns: PatternEntry[] = [];
  private source: IndexSource;
  private views: LazyViews = {};

  /** @param fuzzyLexicons indices of the lexicons whose terms also match with one typo */
  constructor(readonly lexicons: readonly string[], readonly fuzzyLexicons: ReadonlySet<number> = new Set()) {
    this.source = new BuiltTerms(fuzzyLexicons);
  }

  /** An index over precompiled terms and views (see {@link pack}). */
  static fromPacked(lexicons: readonly string[], fuzzyLexicons: ReadonlySet<number>, p: PackedIndex, decode: TermDecoder): LexiconIndex {
    const ix = new LexiconIndex(lexicons, fuzzyLexicons);
    ix.source = new PackedTerms(p, decode);
    return ix;
  }

  addTerm(term: TermEntry): void {
    if (!(this.source instanceof BuiltTerms)) throw new Error("a precompiled index is complete");
    const t = term as IndexedTerm;
    (t as { anchor: number }).anchor = anchorOf(term.parts);
    this.source.terms.push(t);
    this.views = {};
  }

  /** The term with id `id` (its position in {@link terms}). */
  term(id: number): IndexedTerm {
    return this.source.term(id);
  }

  /** Every term, in id order (a precompiled index decodes them all). */
  get terms(): readonly IndexedTerm[] {
    const s = this.source;
    return s instanceof BuiltTerms ? s.terms : Array.from({ length: s.termCount }, (_, i) => s.term(i));
  }

  /** Exact normalised forms: every word is looked up here. */
  get exact(): ViewIndex {
    return (this.views.exact ??= this.source.view("exact"));
  }
  /** Forms with repeated letters collapsed, consulted only for stretched words. */
  get squeezed(): ViewIndex {
    return (this.views.squeezed ??= this.source.view("squeezed"));
  }
  /** Transliteration skeletons of Cyrillic terms, consulted only for Latin-script words. */
  get translit(): ViewIndex {
    return (this.views.translit ??= this.source.view("translit"));
  }
  /** Phrases by their first two words written as one ("deathto", "naśmierć"), for run-together text. */
  get gluedPairs(): ViewIndex {
    return (this.views.gluedPairs ??= this.source.view("gluedPairs"));
  }
  /**
   * Every whole word that appears in any term, with the languages of the terms it appears in: what a
   * word may be glued to ("stab"+"those"), by a word of a term of one of those languages; not an
   * ending written after a hyphen ("OIOM-ie", see hyphenEndings in terms.ts).
   */
  get knownWords(): KnownWords {
    return (this.views.knownWords ??= this.source.knownWords());
  }
  /** The languages {@link knownWords} names by id: the terms' languages, sorted ("" for none). */
  get wordLanguages(): readonly string[] {
    return (this.views.wordLanguages ??= this.source.wordLanguages());
  }
  /** Whole anchor words of fuzzy lexicons: the call words that may be run into any next word. */
  get fuzzyWords(): ReadonlySet<string> {
    return (this.views.fuzzyWords ??= this.source.fuzzyWords());
  }
  /** Terms of lexicons marked `fuzzy`, looked up for words that may carry a typo. */
  get fuzzy(): FuzzyIndex {
    return (this.views.fuzzy ??= this.source.fuzzy());
  }

  /** Every view as strings, for a precompiled policy (which stores the terms its own way). */
  pack(): Omit<PackedIndex, "termCount" | "termText"> {
    return {
      exact: this.exact.pack(),
      squeezed: this.squeezed.pack(),
      translit: this.translit.pack(),
      gluedPairs: this.gluedPairs.pack(),
      // A precompiled index's known words are a PackedMap, which packMap reads like a Map.
      knownWords: packMap(this.knownWords as ReadonlyMap<string, readonly number[]>),
      wordLanguages: this.wordLanguages,
      fuzzyWords: packSet(this.fuzzyWords),
      fuzzy: this.fuzzy.pack(),
    };
  }
}

interface LazyViews {
  exact?: ViewIndex;
  squeezed?: ViewIndex;
  translit?: ViewIndex;
  gluedPairs?: ViewIndex;
  knownWords?: KnownWords;
  wordLanguages?: readonly string[];
  fuzzyWords?: ReadonlySet<string>;
  fuzzy?: FuzzyIndex;
}

type Re2Program = { matcher(s: string): { find(): boolean; start(): number; end(): number }; re2Input: { prefix: string } };
type Re2 = { RE2JS: { compile(p: string, flags?: number): Re2Program } };
let re2: Re2 | undefined;
/**
 * The programs compiled so far, by source: a run-time cache of the match phase, so that a pattern
 * shared by many languages (the years of the history look-alikes are one pattern in fourteen) is
 * compiled once, and only when a post may hold a match.
 */
const programs = new Map<string, Re2Program>();

/** re2js, loaded on first use: a policy without patterns, or a post without their prefix, never loads it. */
function re2js(): Re2 {
  return (re2 ??= createRequire(import.meta.url)("re2js") as Re2);
}

function programOf(source: string): Re2Program {
  let p = programs.get(source);
  if (p === undefined) programs.set(source, (p = re2js().RE2JS.compile(source)));
  return p;
}

/**
 * Compiles an RE2 pattern and returns the literal its matches begin with; throws with RE2's message
 * when the pattern is invalid or uses a feature (backreferences, lookaround) that has no linear-time
 * implementation. The compiler calls it to check a pattern; a precompiled policy stores the prefix.
 */
export function compileRe2(source: string): { prefix: string } {
  return { prefix: programOf(source).re2Input.prefix };
}

/**
 * The search of a pattern checked by {@link compileRe2}. Loading re2js and compiling cost a policy's
 * start-up 15-35 ms, so neither happens until a post holds the pattern's prefix (for a pattern
 * without one, until the first post): a policy whose patterns need digits pays nothing for posts
 * without them.
 */
export function patternFinder(source: string, prefix: string): (text: string) => Array<[number, number]> {
  return (text) => {
    if (prefix !== "" && !text.includes(prefix)) return [];
    const out: Array<[number, number]> = [];
    const m = programOf(source).matcher(text);
    while (m.find()) {
      const s = m.start();
      const e = m.end();
      if (e > s) out.push([s, e]);
    }
    return out;
  };
}

/** True when the pattern matches the empty string, which would put a match between every letter. */
export function re2MatchesEmpty(source: string): boolean {
  return re2js().RE2JS.compile(`^(?:${source})$`).matcher("").find();
}
