import { createRequire } from "node:module";
import { FuzzyIndex } from "./fuzzy.js";
import type { TermPart, WordPattern } from "./terms.js";
import { WordCandidates } from "./word-candidates.js";

/** A compiled term, indexed under the keys of its anchor word. */
export interface TermEntry {
  /** Index into {@link LexiconIndex.lexicons}. */
  readonly lexicon: number;
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

/** The part a term is looked up by: its longest word (a whole word beats a stem of equal length). */
export function anchorOf(parts: readonly TermPart[]): number {
  let best = 0;
  let score = -1;
  parts.forEach((p, i) => {
    if (p.kind !== "word") return;
    const s = p.key.length * 2 + (p.stem ? 0 : 1);
    if (s > score) {
      score = s;
      best = i;
    }
  });
  return best;
}

/** A compiled RE2 pattern (linear-time: no backtracking). */
export interface PatternEntry {
  readonly lexicon: number;
  readonly lang: string;
  readonly source: string;
  /** Finds matches in normalised text: [start, end) pairs. */
  readonly find: (text: string) => Array<[number, number]>;
}

/** A character trie of stems: walking a word yields every stem that is a prefix of it. */
export class StemTrie {
  private readonly root: TrieNode = { next: new Map(), terms: [] };

  add(key: string, t: IndexedTerm): void {
    let n = this.root;
    for (let i = 0; i < key.length; i++) {
      const ch = key.charCodeAt(i);
      let c = n.next.get(ch);
      if (!c) {
        c = { next: new Map(), terms: [] };
        n.next.set(ch, c);
      }
      n = c;
    }
    n.terms.push(t);
  }

  /** Calls `visit` for each term whose stem is a prefix of `word` (including `word` itself). */
  prefixesOf(word: string, visit: (t: IndexedTerm) => void): void {
    // Code units, not characters: no one-character strings to allocate on the hot path.
    let n: TrieNode | undefined = this.root;
    for (let i = 0; i < word.length; i++) {
      n = n.next.get(word.charCodeAt(i));
      if (!n) return;
      for (const t of n.terms) visit(t);
    }
  }
}

interface TrieNode {
  readonly next: Map<number, TrieNode>;
  readonly terms: IndexedTerm[];
}

/** One lookup table per view: exact words and stems. */
export class ViewIndex {
  readonly words = new Map<string, IndexedTerm[]>();
  readonly stems = new StemTrie();

  add(key: string, stem: boolean, t: IndexedTerm): void {
    if (stem) this.stems.add(key, t);
    else {
      const l = this.words.get(key);
      if (l) l.push(t);
      else this.words.set(key, [t]);
    }
  }

  /** Every term whose first word matches `key` in this view. */
  lookup(key: string, visit: (t: IndexedTerm) => void): void {
    const l = this.words.get(key);
    if (l) for (const t of l) visit(t);
    this.stems.prefixesOf(key, visit);
  }
}

/**
 * All lexicons of a policy in one structure, so a post is matched in a single pass over its words
 * whatever the number of terms: each word costs a hash lookup and a walk down a trie per view.
 */
export class LexiconIndex {
  /** Exact normalised forms: built as terms are added, since every word is looked up here. */
  readonly exact = new ViewIndex();
  readonly patterns: PatternEntry[] = [];
  readonly terms: IndexedTerm[] = [];
  /**
   * The other views are built on first use and then kept: a one-post run that never meets a
   * stretched, transliterated, misspelt or run-together word never pays for them. This memo is the
   * only state that changes after compilation, and it never changes a result.
   */
  private views: LazyViews | undefined;

  /** @param fuzzyLexicons indices of the lexicons whose terms also match with one typo */
  constructor(readonly lexicons: readonly string[], readonly fuzzyLexicons: ReadonlySet<number> = new Set()) {}

  addTerm(term: TermEntry): void {
    const t = term as IndexedTerm;
    (t as { anchor: number }).anchor = anchorOf(term.parts);
    this.terms.push(t);
    const a = t.parts[t.anchor];
    if (a?.kind === "word") this.exact.add(a.key, a.stem, t);
    this.views = undefined;
  }

  /** Forms with repeated letters collapsed, consulted only for stretched words. */
  get squeezed(): ViewIndex {
    return (this.lazy().squeezed ??= this.view((a, t, v) => v.add(a.sq, a.stem, t)));
  }
  /** Transliteration skeletons of Cyrillic terms, consulted only for Latin-script words. */
  get translit(): ViewIndex {
    return (this.lazy().translit ??= this.view((a, t, v) => a.tr !== undefined && v.add(a.tr, a.stem, t)));
  }
  /** Phrases by their first two words written as one ("deathto", "naśmierć"), for run-together text. */
  get gluedPairs(): ViewIndex {
    return (this.lazy().gluedPairs ??= (() => {
      const v = new ViewIndex();
      for (const t of this.terms) {
        const [p0, p1] = t.parts;
        if (p0?.kind === "word" && !p0.stem && p1?.kind === "word") v.add(p0.key + p1.key, p1.stem, t);
      }
      return v;
    })());
  }
  /** Every whole word that appears in any term: what a word may be glued to ("stab"+"those"). */
  get knownWords(): ReadonlySet<string> {
    return (this.lazy().knownWords ??= (() => {
      const set = new Set<string>();
      for (const t of this.terms) for (const p of t.parts) if (p.kind === "word" && !p.stem) set.add(p.key);
      return set;
    })());
  }
  /** Whole anchor words of fuzzy lexicons: the call words that may be run into any next word. */
  get fuzzyWords(): ReadonlySet<string> {
    void this.fuzzy;
    return this.lazy().fuzzyWords as Set<string>;
  }
  /** Per-word look-up results, memoised: what the matcher consults for every word of a post. */
  get candidates(): WordCandidates {
    return (this.lazy().candidates ??= new WordCandidates(this));
  }
  /** Terms of lexicons marked `fuzzy`, looked up for words that may carry a typo. */
  get fuzzy(): FuzzyIndex {
    const l = this.lazy();
    if (!l.fuzzy) {
      const f = new FuzzyIndex();
      const words = new Set<string>();
      for (const t of this.terms) {
        const a = t.parts[t.anchor];
        if (a?.kind !== "word" || !this.fuzzyLexicons.has(t.lexicon)) continue;
        f.add(a.key, a.stem, t);
        if (!a.stem) words.add(a.key);
      }
      l.fuzzy = f;
      l.fuzzyWords = words;
    }
    return l.fuzzy;
  }

  private lazy(): LazyViews {
    return (this.views ??= {});
  }

  private view(add: (a: WordPattern, t: IndexedTerm, v: ViewIndex) => unknown): ViewIndex {
    const v = new ViewIndex();
    for (const t of this.terms) {
      const a = t.parts[t.anchor];
      if (a?.kind === "word") add(a, t, v);
    }
    return v;
  }
}

interface LazyViews {
  squeezed?: ViewIndex;
  translit?: ViewIndex;
  gluedPairs?: ViewIndex;
  knownWords?: Set<string>;
  fuzzyWords?: Set<string>;
  fuzzy?: FuzzyIndex;
  candidates?: WordCandidates;
}

type Re2 = {
  RE2JS: {
    compile(p: string, flags?: number): { matcher(s: string): { find(): boolean; start(): number; end(): number } };
  };
};
let re2: Re2 | undefined;

/**
 * Compiles an RE2 pattern; throws with RE2's message when the pattern is invalid or uses a feature
 * (backreferences, lookaround) that has no linear-time implementation. Loaded only when a policy
 * has patterns, so the common case pays nothing for it at start-up.
 */
export function compileRe2(source: string): (text: string) => Array<[number, number]> {
  re2 ??= createRequire(import.meta.url)("re2js") as Re2;
  const p = re2.RE2JS.compile(source);
  return (text) => {
    const out: Array<[number, number]> = [];
    const m = p.matcher(text);
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
  re2 ??= createRequire(import.meta.url)("re2js") as Re2;
  return re2.RE2JS.compile(`^(?:${source})$`).matcher("").find();
}
