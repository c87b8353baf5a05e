import { packMap, PackedMap, type IdMap, type PagedBytes } from "./packed-map.js";

/** Shortest whole word that is matched with a typo; shorter words have too many neighbours. */
export const FUZZY_MIN_WORD = 4;
/** Shortest stem that is matched with a typo. */
export const FUZZY_MIN_STEM = 5;

const NO_IDS: readonly number[] = [];

const VOWELS = /[aeiouy\u0430\u0435\u0438\u043E\u0443\u044B\u044D\u044E\u044F\u0456\u0457\u0454\u0451]/u;

/** Every string obtained by deleting one character of `s` (not the first: typos rarely hit it). */
export function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 1; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

/**
 * True when `typed` is one typo away from `key`: two neighbouring letters swapped (`klil` for
 * kill), one letter missing (`deth`, `murdr`), and for longer words one letter extra. The first
 * letter must be right, nothing may be added or dropped at the very end (that is how words inflect),
 * and a replaced letter never counts: it turns too many real words into one
 * another ("will"/"kill", "zacznijmy"/"zarżnijmy"). A five-letter word may only lose a vowel
 * ("deth"), since losing a consonant too often makes another word ("tapke" → "take").
 */
export function oneTypo(typed: string, key: string): boolean {
  const n = key.length;
  // Most calls compare unrelated words: reject on length and first letter before anything costlier.
  if (typed.length < n - 1 || typed.length > n + 1 || typed.charCodeAt(0) !== key.charCodeAt(0) || typed === key) return false;
  if (typed.length === n) {
    let i = 0;
    while (i < n && typed[i] === key[i]) i++;
    return i + 1 < n && typed[i] === key[i + 1] && typed[i + 1] === key[i] && typed.slice(i + 2) === key.slice(i + 2) && n >= FUZZY_MIN_WORD;
  }
  // Letters missing or added at the very end are how words inflect ("umieraj" → "umierają"), not typos.
  if (typed.length === n - 1) {
    if (n < 5) return false;
    for (let i = 1; i < n - 1; i++) {
      if (key.slice(0, i) + key.slice(i + 1) === typed) return n >= 6 || VOWELS.test(key[i] as string);
    }
    return false;
  }
  if (typed.length === n + 1) {
    if (n < 7) return false;
    for (let i = 1; i < n; i++) if (typed.slice(0, i) + typed.slice(i + 1) === key) return true;
    return false;
  }
  return false;
}

/** True when `typed` begins with `stem` written with exactly one typo (an exact prefix is not a typo). */
export function oneTypoStem(typed: string, stem: string): boolean {
  const n = stem.length;
  if (typed.length < n - 1 || typed.charCodeAt(0) !== stem.charCodeAt(0)) return false;
  return typoHead(typed, stem, n) || typoHead(typed, stem, n - 1) || typoHead(typed, stem, n + 1);
}

/** True when the first `len` letters of `typed` are `stem` with one typo. */
function typoHead(typed: string, stem: string, len: number): boolean {
  if (len < 1 || typed.length < len) return false;
  // The stem's last letter must survive, or "zamor" would pass for "zamord*".
  if (typed.charCodeAt(len - 1) !== stem.charCodeAt(stem.length - 1)) return false;
  return oneTypo(typed.slice(0, len), stem);
}

/** Every string obtained by swapping two neighbouring characters of `s` (not the first). */
export function swaps(s: string): string[] {
  const out: string[] = [];
  for (let i = 1; i + 1 < s.length; i++) if (s[i] !== s[i + 1]) out.push(s.slice(0, i) + (s[i + 1] as string) + (s[i] as string) + s.slice(i + 2));
  return out;
}

/**
 * Candidate lookup for typos. Each fuzzy term's anchor word is filed under its one-letter
 * deletions and its neighbour swaps, so a typed word finds a term with a swap or a missing letter in
 * one lookup of itself (and, for long words, of its own deletions, for an extra letter). A stem is
 * filed the same way and met by the typed word's first n or n-1 letters. Candidates are confirmed
 * with {@link oneTypo}, which is stricter. Terms are held by id (their index in the policy's terms).
 */
export class FuzzyIndex {
  // Maps while the index is built from terms; packed maps (read in place) when it comes precompiled.
  constructor(
    private readonly words: IdMap = new Map<string, number[]>(),
    /** Whole words of 7+ letters, met by the deletions of a typed word (one letter extra). */
    private readonly longWords: IdMap = new Map<string, number[]>(),
    private readonly stems: IdMap = new Map<string, number[]>(),
  ) {}

  /** Lengths of the fuzzy stems, to know which prefixes of a word to try. */
  private readonly stemLengths = new Set<number>();
  /** First two letters of every filed stem variant: a word starting otherwise needs no stem look-up. */
  private readonly stemHeads = new Set<string>();

  get size(): number {
    return this.words.size + this.stems.size;
  }

  add(key: string, stem: boolean, id: number): void {
    if (key.length < (stem ? FUZZY_MIN_STEM : FUZZY_MIN_WORD) || !/^\p{L}+$/u.test(key)) return;
    const file = (into: IdMap, k: string) => {
      // Only an index being built from terms is added to, and its maps are plain Maps.
      const map = into as Map<string, number[]>;
      const l = map.get(k);
      if (!l) map.set(k, [id]);
      else if (!l.includes(id)) l.push(id);
    };
    const map = stem ? this.stems : this.words;
    if (stem) this.stemLengths.add(key.length);
    for (const k of [...deletions(key), ...swaps(key)]) {
      file(map, k);
      if (stem) this.stemHeads.add(k.slice(0, 2));
    }
    if (!stem && key.length >= 7) file(this.longWords, key);
  }

  /** Every term (id) whose anchor word may be a typo away from `word`. */
  lookup(word: string, visit: (id: number) => void): void {
    for (const t of this.words.get(word) ?? []) visit(t);
    const long = this.longWords;
    // Packed (precompiled): the deletions walked in one pass of hashes carried on, not each made and
    // hashed afresh (a word of 8-16 letters made 7-15 strings and look-ups; see LineTable.deletions).
    if (word.length >= 8 && long.size > 0 && !(long instanceof PackedMap && long.forEachDeletionId(word, visit))) for (const k of deletions(word)) for (const t of long.get(k) ?? []) visit(t);
    if (this.stems.size === 0 || !this.stemHeads.has(word.slice(0, 2))) return;
    if (this.stems instanceof PackedMap) {
      this.packedStems(word, this.stems, visit);
      return;
    }
    for (const n of this.stemLengths) {
      if (word.length < n - 1) continue;
      for (const t of this.stems.get(word.slice(0, n - 1)) ?? []) visit(t);
      if (word.length >= n) for (const t of this.stems.get(word.slice(0, n)) ?? []) visit(t);
    }
  }

  /**
   * The stem part of {@link lookup} on a packed map, visiting the same ids in the same order: every
   * prefix the stem lengths ask for found in one walk over the word (LineTable.prefixes: its hash
   * carried on from letter to letter) instead of a substring and a look-up for each of up to two
   * prefixes a stem length (13 lengths in the bundled policies, so up to 26 fresh substrings a new
   * word), then visited in the order of the lengths.
   */
  private packedStems(word: string, stems: PackedMap, visit: (id: number) => void): void {
    const found = this.prefixIds;
    found.fill(undefined);
    stems.forEachPrefix(word, this.minStemLength - 1, this.maxStemLength, (k, ids) => (found[k] = ids));
    for (const n of this.stemLengths) {
      if (word.length < n - 1) continue;
      for (const t of found[n - 1] ?? NO_IDS) visit(t);
      if (word.length >= n) for (const t of found[n] ?? NO_IDS) visit(t);
    }
  }

  private get minStemLength(): number {
    return (this.minStem ??= Math.min(...this.stemLengths));
  }

  private get maxStemLength(): number {
    return (this.maxStem ??= Math.max(...this.stemLengths));
  }

  private minStem: number | undefined;
  private maxStem: number | undefined;
  /** The ids found for each prefix length by the last {@link packedStems} (a scratch array, reused). */
  private readonly prefixIds: (readonly number[] | undefined)[] = [];

  /** The index as three packed strings (see {@link packMap}), for precompiled policies. */
  pack(): PackedFuzzy {
    return {
      words: packMap(this.words as Map<string, number[]>),
      longWords: packMap(this.longWords as Map<string, number[]>),
      stems: packMap(this.stems as Map<string, number[]>),
      stemLengths: [...this.stemLengths],
      stemHeads: [...this.stemHeads],
    };
  }

  /** Rebuilds an index from {@link pack}'s output. */
  static unpack(p: PackedFuzzy): FuzzyIndex {
    const f = new FuzzyIndex(new PackedMap(p.words), new PackedMap(p.longWords), new PackedMap(p.stems));
    for (const n of p.stemLengths) f.stemLengths.add(n);
    // Stored, not derived from the stems' keys: deriving them would decode the whole packed map on
    // the first typo look-up, which is what reading it in place is there to avoid.
    for (const h of p.stemHeads) f.stemHeads.add(h);
    return f;
  }
}

/** A {@link FuzzyIndex} in precompiled form. */
export interface PackedFuzzy {
  readonly words: string | Uint8Array | PagedBytes;
  readonly longWords: string | Uint8Array | PagedBytes;
  readonly stems: string | Uint8Array | PagedBytes;
  readonly stemLengths: readonly number[];
  /** The first two letters of every filed stem variant. */
  readonly stemHeads: readonly string[];
}
