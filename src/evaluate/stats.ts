/**
 * The statistics of scoring a policy against labels: proportions with Wilson score intervals,
 * precision, recall and F1 from a confusion matrix, and Cohen's κ. Pure functions of counts.
 */

/** z for a two-sided 95% interval: the 97.5th percentile of the standard normal distribution. */
export const Z95 = 1.959963984540054;

/** A share `k` of `n` with its confidence interval; `value`, `low` and `high` are null when n is 0. */
export interface Proportion {
  readonly k: number;
  readonly n: number;
  readonly value: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

/**
 * The Wilson score interval of k successes in n trials. Unlike the normal approximation
 * (p ± z·√(p(1−p)/n)), it stays inside [0, 1] and does not collapse to a point at 0 or n, which
 * matters here: small labelled sets where a policy gets everything right are the common case.
 */
export function wilson(k: number, n: number, z = Z95): { readonly low: number; readonly high: number } | null {
  if (n <= 0) return null;
  if (k < 0 || k > n) throw new RangeError(`wilson: ${k} successes of ${n} trials`);
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Rounding can push the bounds a hair past the exact values at k = 0 and k = n.
  return { low: k === 0 ? 0 : Math.max(0, centre - half), high: k === n ? 1 : Math.min(1, centre + half) };
}

/** `k` of `n` as a {@link Proportion} with its 95% Wilson interval. */
export function proportion(k: number, n: number): Proportion {
  const ci = wilson(k, n);
  return { k, n, value: n === 0 ? null : k / n, low: ci?.low ?? null, high: ci?.high ?? null };
}

/**
 * A confusion matrix: `matrix[i][j]` posts whose expected class is `classes[i]` and whose decided
 * class is `classes[j]`.
 */
export interface Confusion {
  readonly classes: readonly string[];
  readonly matrix: readonly (readonly number[])[];
}

/** Precision, recall and F1 of one class. */
export interface ClassFigures {
  readonly class: string;
  /** Posts whose expected class this is (the row total). */
  readonly support: number;
  /** Posts decided as this class (the column total). */
  readonly predicted: number;
  /** Posts both expected and decided as this class (the diagonal cell). */
  readonly hits: number;
  /** hits / predicted: of the posts given this class, the share that should have been. */
  readonly precision: Proportion;
  /** hits / support: of the posts that should have had this class, the share that got it. */
  readonly recall: Proportion;
  /** The harmonic mean of precision and recall, 2·hits / (support + predicted); null when both are 0. */
  readonly f1: number | null;
}

/** Precision, recall and F1 of every class of a confusion matrix, in its class order. */
export function classFigures(c: Confusion): ClassFigures[] {
  return c.classes.map((name, i) => {
    const row = c.matrix[i] ?? [];
    const hits = row[i] ?? 0;
    const support = row.reduce((a, b) => a + b, 0);
    const predicted = c.matrix.reduce((a, r) => a + (r[i] ?? 0), 0);
    // 2PR/(P+R) simplifies to 2·hits/(support+predicted), which is also defined when one of P and R is not.
    const f1 = support + predicted === 0 ? null : (2 * hits) / (support + predicted);
    return { class: name, support, predicted, hits, precision: proportion(hits, predicted), recall: proportion(hits, support), f1 };
  });
}

/** The share of posts on the diagonal: decided as expected. */
export function accuracy(c: Confusion): Proportion {
  let hits = 0;
  let n = 0;
  c.matrix.forEach((row, i) => {
    hits += row[i] ?? 0;
    n += row.reduce((a, b) => a + b, 0);
  });
  return proportion(hits, n);
}

/** Cohen's κ of two ratings of the same items, with the agreement it corrects for chance. */
export interface Kappa {
  /** Items rated by both. */
  readonly n: number;
  /** Observed agreement: the share of items both rated alike. */
  readonly observed: number | null;
  /** Agreement expected by chance from each rater's own distribution of categories. */
  readonly chance: number | null;
  /** (observed − chance) / (1 − chance); null when there are no items or chance agreement is 1 (one category only). */
  readonly kappa: number | null;
}

/**
 * Cohen's κ from a square matrix of counts (rows: one rater's category, columns: the other's, in
 * the same category order). κ is 1 for perfect agreement, 0 for what chance alone gives.
 */
export function cohenKappa(matrix: readonly (readonly number[])[]): Kappa {
  const k = matrix.length;
  let n = 0;
  let agree = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  matrix.forEach((row, i) => {
    if (row.length !== k) throw new RangeError("cohenKappa: the matrix must be square");
    row.forEach((x, j) => {
      n += x;
      rows[i] = (rows[i] ?? 0) + x;
      cols[j] = (cols[j] ?? 0) + x;
      if (i === j) agree += x;
    });
  });
  if (n === 0) return { n, observed: null, chance: null, kappa: null };
  const observed = agree / n;
  const chance = rows.reduce((a, r, i) => a + (r / n) * ((cols[i] ?? 0) / n), 0);
  return { n, observed, chance, kappa: chance >= 1 ? null : (observed - chance) / (1 - chance) };
}

/** Cohen's κ of paired categorical ratings (each pair: the first rater's category, the second's). */
export function kappaOfPairs(pairs: readonly (readonly [string, string])[]): Kappa & { readonly categories: readonly string[] } {
  const categories = [...new Set(pairs.flat())].sort();
  const at = new Map(categories.map((c, i) => [c, i]));
  const m = categories.map(() => new Array<number>(categories.length).fill(0));
  for (const [a, b] of pairs) {
    const row = m[at.get(a) as number] as number[];
    const col = at.get(b) as number;
    row[col] = (row[col] as number) + 1;
  }
  return { ...cohenKappa(m), categories };
}
