import type { Scope } from "../compile/types.js";
import type { LexMatch } from "../match/index.js";
import type { Tokens } from "../text/tokenise.js";

/**
 * Counts the steps context checks take, for the tests that prove their cost linear in the post.
 * evaluate() passes none; the tests pass their own (nothing global is written).
 */
export interface WorkMeter {
  steps: number;
}

/**
 * Range look-ups over one post's matches, so that checking a context costs a binary search plus
 * the few matches inside the window, not a pass over every match of the post: with thousands of
 * cue words in a post ("and so" × 300) a pass per candidate made evaluation quadratic. Every list of
 * lexicon matches is sorted by start word (the matcher leaves them so); the widest match of each
 * list bounds how far before a window a match that ends inside it can start.
 */
export class ContextIndex {
  private readonly widest = new Map<readonly LexMatch[], number>();
  private readonly prevOpen = new Map<string, Int32Array>();

  constructor(
    private readonly tokens: Tokens,
    private readonly meter: WorkMeter | undefined,
  ) {}

  /** Counts `n` steps of work (for the tests). */
  step(n = 1): void {
    if (this.meter) this.meter.steps += n;
  }

  /** The index of the first match of `list` that starts at or after word `t`. */
  firstFrom(list: readonly LexMatch[], t: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      this.step();
      const mid = (lo + hi) >> 1;
      if ((list[mid] as LexMatch).t0 < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The most words any match of `list` covers. */
  widestOf(list: readonly LexMatch[]): number {
    let w = this.widest.get(list);
    if (w === undefined) {
      w = 1;
      for (const x of list) w = Math.max(w, x.t1 - x.t0);
      this.step(list.length);
      this.widest.set(list, w);
    }
    return w;
  }

  /** The first and last word (exclusive) of the unit (`scope`) that word `t` is in. */
  unitRange(t: number, scope: Scope): [number, number] {
    const n = this.tokens.words.length;
    if (scope === "post") return [0, n];
    const unit = scope === "clause" ? this.tokens.clause : this.tokens.sentence;
    const u = unit[t] as number;
    // Units are numbered in text order: binary searches find the unit's first and last word.
    let lo = 0;
    let hi = t;
    while (lo < hi) {
      this.step();
      const mid = (lo + hi) >> 1;
      if ((unit[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    const start = lo;
    lo = t;
    hi = n;
    while (lo < hi) {
      this.step();
      const mid = (lo + hi) >> 1;
      if ((unit[mid] as number) <= u) lo = mid + 1;
      else hi = mid;
    }
    return [start, lo];
  }

  /**
   * For each word, the nearest word at or before it that no match of `lists` covers (-1 if none):
   * whether a candidate opens its clause, skipping opener words, is then one look-up. Built once
   * per post for each set of skip lexicons.
   */
  openBefore(key: string, lists: readonly (readonly LexMatch[])[]): Int32Array {
    let prev = this.prevOpen.get(key);
    if (prev) return prev;
    const n = this.tokens.words.length;
    const covered = new Uint8Array(n);
    // Index loops: the lists include the shared frozen empty one, over which `for…of` is not inlined.
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i] as readonly LexMatch[];
      for (let j = 0; j < list.length; j++) {
        const x = list[j] as LexMatch;
        for (let t = x.t0; t < x.t1; t++) covered[t] = 1;
        this.step(x.t1 - x.t0);
      }
    }
    prev = new Int32Array(n);
    let last = -1;
    for (let t = 0; t < n; t++) {
      if (!covered[t]) last = t;
      prev[t] = last;
    }
    this.step(n);
    this.prevOpen.set(key, prev);
    return prev;
  }
}
