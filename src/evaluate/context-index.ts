import type { Scope } from "../compile/types.js";
import type { LexMatch } from "../match/index.js";
import type { Tokens } from "../text/tokenise.js";

/**
 * Counts the steps context checks take (and the units normalisation handles one at a time), for the
 * tests that prove their cost linear in the post. evaluate() passes none; the tests pass their own
 * (nothing global is written).
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
  private readonly prevOpen = new Map<readonly number[], OpenBefore>();
  /** Per long list, its start words and where the last search in it ended: the next one gallops from there. */
  private readonly long = new Map<readonly LexMatch[], { readonly starts: Int32Array; cursor: number }>();
  /** Per scope, the first and end word of every word's unit, once enough look-ups ask (see unitRange). */
  private readonly bounds: { clause?: UnitBounds; sentence?: UnitBounds } = {};
  /** Per scope, the look-ups made by binary search before the table is built. */
  private readonly searches = { clause: 0, sentence: 0 };

  constructor(
    private readonly tokens: Tokens,
    private readonly meter: WorkMeter | undefined,
  ) {}

  /** Counts `n` steps of work (for the tests). */
  step(n = 1): void {
    if (this.meter) this.meter.steps += n;
  }

  /**
   * The index of the first match of `list` that starts at or after word `t`. A short list is
   * searched whole; a long one (a long post's) from where the last search in it ended (see
   * {@link gallop}) over its start words, taken once: the candidates of a post are checked in text
   * order, so each search costs the log of how far it moved, not of the list's length (a long post
   * is not dearer a byte).
   */
  firstFrom(list: readonly LexMatch[], t: number): number {
    // A step for the look-up itself, a step for each match it reads.
    this.step();
    const n = list.length;
    if (n > GALLOP_FROM) {
      let long = this.long.get(list);
      if (long === undefined) {
        const t0s = new Int32Array(n);
        for (let i = 0; i < n; i++) t0s[i] = (list[i] as LexMatch).t0;
        this.step(n);
        this.long.set(list, (long = { starts: t0s, cursor: 0 }));
      }
      return (long.cursor = this.gallop(long.starts, t, Math.min(long.cursor, n)));
    }
    return this.halve(0, n, t, (i) => (list[i] as LexMatch).t0);
  }

  /**
   * The first index of `keys` (ascending) whose key is at least `t` (their length if none),
   * searched from index `c`, where the caller's last search ended: galloping away from it (probes
   * c + 1, c + 2, c + 4, … or c - 1, c - 2, c - 4, …) until a probe passes t, then halving the gap
   * left (by {@link halve}). The one search of {@link firstFrom} and {@link openBefore}, which once
   * each had their own.
   */
  private gallop(keys: Int32Array, t: number, c: number): number {
    const n = keys.length;
    let lo: number;
    let hi: number;
    if (c < n && (keys[c] as number) < t) {
      // The answer lies after c.
      lo = c + 1;
      hi = n;
      for (let step = 1; c + step < n; step *= 2) {
        this.step();
        if ((keys[c + step] as number) >= t) {
          hi = c + step;
          break;
        }
        lo = c + step + 1;
      }
    } else {
      // The answer is c or before.
      lo = 0;
      hi = c;
      for (let step = 1; c - step >= 0; step *= 2) {
        this.step();
        if ((keys[c - step] as number) < t) {
          lo = c - step + 1;
          break;
        }
        hi = c - step;
      }
    }
    return this.halve(lo, hi, t, (i) => keys[i] as number);
  }

  /**
   * The first index in [lo, hi) whose key (`keyAt`, ascending) is at least `t` (hi if none), by
   * halving the range: the binary search of a short list in {@link firstFrom}, and what is left of
   * a long one's after {@link gallop} has bracketed the answer. A step a probe.
   */
  private halve(lo: number, hi: number, t: number, keyAt: (i: number) => number): number {
    while (lo < hi) {
      this.step();
      const mid = (lo + hi) >> 1;
      if (keyAt(mid) < t) lo = mid + 1;
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

  /**
   * The first and last word (exclusive) of the unit (`scope`) that word `t` is in. By two binary
   * searches, until they would have cost as much as a table of every word's unit: then (in a long
   * post, or one with many candidates) by a look-up in that table, built once, so that a long post
   * pays no log of its length a look-up.
   */
  unitRange(t: number, scope: Scope): [number, number] {
    const n = this.tokens.words.length;
    this.step();
    if (scope === "post") return [0, n];
    const built = this.bounds[scope];
    if (built) return [built.first[t] as number, built.end[t] as number];
    const unit = scope === "clause" ? this.tokens.clause : this.tokens.sentence;
    // Two searches cost about 2·log2(n) steps; the table n steps, once.
    if (++this.searches[scope] * 2 * (32 - Math.clz32(n)) >= n) {
      const b = unitBounds(unit, n);
      this.step(n);
      this.bounds[scope] = b;
      return [b.first[t] as number, b.end[t] as number];
    }
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
   * The nearest word at or before word `t` that no match of the `skip` lexicons (indices into
   * `lex`) covers (-1 if none): whether a candidate opens its clause, skipping opener words, is then
   * one look-up. The covered stretches are found once per post for each list of skip lexicons, from
   * the matches alone, so that they cost the matches and not the post's words; a look-up gallops
   * from the last one.
   */
  openBefore(skip: readonly number[], lex: readonly (readonly LexMatch[] | undefined)[], t: number): number {
    this.step();
    // By the skip list itself (one compiled array per context), not by a key made of it: the key and
    // the lists cost two arrays and a string for every candidate checked.
    let open = this.prevOpen.get(skip);
    if (!open) {
      open = coveredRuns(skip.map((l) => lex[l] ?? NO_MATCHES));
      this.step(open.steps);
      this.prevOpen.set(skip, open);
    }
    const { starts, ends } = open;
    const n = starts.length;
    if (n === 0) return t;
    // The last run that starts at or before t (-1 if none): the one before the first that starts
    // after it (word numbers are whole, so "after t" is "at or after t + 1").
    const lo = this.gallop(starts, t + 1, Math.min(open.cursor, n - 1)) - 1;
    if (lo < 0) return t;
    open.cursor = lo;
    return t < (ends[lo] as number) ? (starts[lo] as number) - 1 : t;
  }
}

const NO_MATCHES: readonly LexMatch[] = Object.freeze([]);

/** Above this many matches a list is searched from where the last search ended. */
const GALLOP_FROM = 16;

/** The first and end word of each word's unit. */
interface UnitBounds {
  readonly first: Int32Array;
  readonly end: Int32Array;
}

/** Unit bounds of every word, from the unit number of each word (numbers in text order). */
function unitBounds(unit: Uint32Array, n: number): UnitBounds {
  const first = new Int32Array(n);
  const end = new Int32Array(n);
  for (let a = 0; a < n; ) {
    let b = a + 1;
    while (b < n && unit[b] === unit[a]) b++;
    first.fill(a, a, b);
    end.fill(b, a, b);
    a = b;
  }
  return { first, end };
}

/** The stretches of words that matches cover, merged (touching ones too), in text order. */
interface OpenBefore {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** The steps finding them took. */
  readonly steps: number;
  /** The run the last look-up ended on. */
  cursor: number;
}

function coveredRuns(lists: readonly (readonly LexMatch[])[]): OpenBefore {
  let total = 0;
  for (let i = 0; i < lists.length; i++) total += (lists[i] as readonly LexMatch[]).length;
  const spans: Array<[number, number]> = [];
  // Index loops: the lists include the shared frozen empty one, over which `for…of` is not inlined.
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i] as readonly LexMatch[];
    for (let j = 0; j < list.length; j++) {
      const x = list[j] as LexMatch;
      if (x.t1 > x.t0) spans.push([x.t0, x.t1]);
    }
  }
  // In text order (each list is; several are merged by one sort).
  spans.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [a, b] of spans) {
    const k = ends.length - 1;
    if (k >= 0 && a <= (ends[k] as number)) ends[k] = Math.max(ends[k] as number, b);
    else {
      starts.push(a);
      ends.push(b);
    }
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends), steps: total + 1, cursor: 0 };
}
