/**
 * A reproducible stratified sample of decided posts, for people to label: `eval --sample N
 * --stratify decision,country --seed S`. Each post gets a pseudo-random key from the seed and the
 * post itself (its id and text), not from its position, so the same seed picks the same posts from
 * the same export in any order, and a post added to the export does not reshuffle the others.
 */

/** 53 bits of a string's hash (cyrb53): well spread, fast, and the same on every platform. */
export function hash53(s: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** How many posts to take from each stratum. */
export interface Allocation {
  readonly stratum: string;
  /** Posts in the stratum. */
  readonly posts: number;
  /** Posts sampled from it. */
  readonly sampled: number;
}

/**
 * Splits `size` among strata as evenly as their sizes allow: a stratum smaller than its share is
 * taken whole and what it leaves goes to the others. An even split, not one proportional to size,
 * because a review sample is for finding errors: the rare decisions (an exemption, a review) are
 * where a policy's errors hide, and a proportional sample would hold almost none of them.
 */
export function allocate(counts: ReadonlyMap<string, number>, size: number): Allocation[] {
  const strata = [...counts.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const take = new Map<string, number>();
  let left = size;
  strata.forEach(([s, n], i) => {
    const share = Math.min(n, Math.floor(left / (strata.length - i)));
    take.set(s, share);
    left -= share;
  });
  // What rounding down left over goes one by one to the largest strata that still have posts.
  for (const [s, n] of [...strata].reverse()) {
    if (left <= 0) break;
    if ((take.get(s) as number) < n) {
      take.set(s, (take.get(s) as number) + 1);
      left--;
    }
  }
  return [...counts.keys()].sort().map((s) => ({ stratum: s, posts: counts.get(s) as number, sampled: take.get(s) as number }));
}

interface Entry<T> {
  readonly key: number;
  readonly n: number;
  readonly item: T;
}

/** Orders entries by key, then by record number (equal keys: identical posts). */
const before = <T>(a: Entry<T>, b: Entry<T>): boolean => a.key < b.key || (a.key === b.key && a.n < b.n);

/** The `size` entries with the smallest keys, kept in a max-heap so each new entry costs O(log size). */
class Smallest<T> {
  readonly heap: Entry<T>[] = [];
  constructor(private readonly size: number) {}

  add(e: Entry<T>): void {
    const h = this.heap;
    if (h.length < this.size) {
      h.push(e);
      let i = h.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!before(h[p] as Entry<T>, h[i] as Entry<T>)) break;
        [h[p], h[i]] = [h[i] as Entry<T>, h[p] as Entry<T>];
        i = p;
      }
      return;
    }
    if (this.size === 0 || !before(e, h[0] as Entry<T>)) return;
    h[0] = e;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[m] as Entry<T>, h[l] as Entry<T>)) m = l;
      if (r < h.length && before(h[m] as Entry<T>, h[r] as Entry<T>)) m = r;
      if (m === i) break;
      [h[m], h[i]] = [h[i] as Entry<T>, h[m] as Entry<T>];
      i = m;
    }
  }
}

/**
 * Draws the sample as posts stream past. Each stratum keeps its `size` posts of smallest key (at
 * most the whole sample can come from one stratum), so memory is bounded by strata × size, not by
 * the export; at the end each stratum gives its allocation's worth of them.
 */
export class StratifiedSample<T> {
  private readonly strata = new Map<string, { count: number; kept: Smallest<T> }>();
  private readonly seed: number;

  constructor(private readonly size: number, seed: string) {
    this.seed = hash53(seed) % 4294967296;
  }

  /** Offers one post: its stratum, its identity (what its key is drawn from), its record number and what to keep. */
  add(stratum: string, identity: string, n: number, item: T): void {
    let s = this.strata.get(stratum);
    if (!s) this.strata.set(stratum, (s = { count: 0, kept: new Smallest<T>(this.size) }));
    s.count++;
    s.kept.add({ key: hash53(identity, this.seed), n, item });
  }

  /** The sample in input order, and how many posts each stratum had and gave. */
  result(): { readonly picked: readonly T[]; readonly allocation: readonly Allocation[] } {
    const allocation = allocate(new Map([...this.strata].map(([k, v]) => [k, v.count])), this.size);
    const picked: Entry<T>[] = [];
    for (const a of allocation) {
      const kept = [...(this.strata.get(a.stratum)?.kept.heap ?? [])].sort((x, y) => (before(x, y) ? -1 : 1));
      picked.push(...kept.slice(0, a.sampled));
    }
    return { picked: picked.sort((a, b) => a.n - b.n).map((e) => e.item), allocation };
  }
}
