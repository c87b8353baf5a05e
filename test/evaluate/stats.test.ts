import { describe, expect, it } from "vitest";
import { accuracy, classFigures, cohenKappa, kappaOfPairs, proportion, wilson } from "../../src/evaluate/stats.js";

// Every expected value here was worked out by hand (and checked against published examples), not
// taken from the code: z = 1.959964, z² = 3.841459.

describe("wilson: the 95% Wilson score interval", () => {
  it.each([
    // k, n, low, high
    [8, 10, 0.4902, 0.9433], // centre 0.99207/1.38415 = 0.71674, half-width 1.41601 × √0.0256036 = 0.22658
    [0, 10, 0, 0.2775], //      z²/(n + z²) = 3.841459/13.841459
    [10, 10, 0.7225, 1], //     n/(n + z²) = 10/13.841459
    [1, 1, 0.2065, 1], //       1/(1 + z²)
    [50, 100, 0.4038, 0.5962], // symmetric about 1/2: 0.5 ± 1.959964 × √(0.0025 + 0.00009604)/1.0384146
  ])("%i of %i → [%f, %f]", (k, n, low, high) => {
    const ci = wilson(k, n);
    expect(ci?.low).toBeCloseTo(low, 4);
    expect(ci?.high).toBeCloseTo(high, 4);
  });

  it("has no interval for no trials, and refuses impossible counts", () => {
    expect(wilson(0, 0)).toBeNull();
    expect(() => wilson(3, 2)).toThrow(RangeError);
  });

  it("always stays inside [0, 1] and contains the observed share", () => {
    for (let n = 1; n <= 60; n++) {
      for (let k = 0; k <= n; k++) {
        const ci = wilson(k, n) as { low: number; high: number };
        expect(ci.low).toBeGreaterThanOrEqual(0);
        expect(ci.high).toBeLessThanOrEqual(1);
        expect(ci.low).toBeLessThanOrEqual(k / n + 1e-12);
        expect(ci.high).toBeGreaterThanOrEqual(k / n - 1e-12);
      }
    }
  });

  it("proportion() carries the share and the interval, all null for n = 0", () => {
    expect(proportion(8, 10)).toMatchObject({ k: 8, n: 10, value: 0.8 });
    expect(proportion(0, 0)).toEqual({ k: 0, n: 0, value: null, low: null, high: null });
  });
});

describe("precision, recall, F1 and accuracy from a confusion matrix", () => {
  // rows: expected A, B; columns: decided A, B
  const c = { classes: ["A", "B"], matrix: [[5, 1], [2, 2]] };

  it("per class: precision = hits/decided, recall = hits/expected, F1 their harmonic mean", () => {
    const [a, b] = classFigures(c);
    expect(a).toMatchObject({ class: "A", support: 6, predicted: 7, hits: 5 });
    expect(a?.precision.value).toBeCloseTo(5 / 7, 12); // 0.714
    expect(a?.recall.value).toBeCloseTo(5 / 6, 12); //    0.833
    expect(a?.f1).toBeCloseTo(10 / 13, 12); //            2·0.714·0.833/(0.714+0.833) = 0.769
    expect(b).toMatchObject({ class: "B", support: 4, predicted: 3, hits: 2 });
    expect(b?.f1).toBeCloseTo(4 / 7, 12); //              P 2/3, R 1/2: 2·(1/3)/(7/6) = 0.571
    expect(accuracy(c)).toMatchObject({ k: 7, n: 10, value: 0.7 });
  });

  it("a class never expected nor decided has no figures; one only decided has precision 0 and no recall", () => {
    const [, , none, onlyDecided] = classFigures({ classes: ["A", "B", "C", "D"], matrix: [[3, 0, 0, 1], [0, 2, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]] });
    expect(none).toMatchObject({ support: 0, predicted: 0, f1: null, precision: { value: null }, recall: { value: null } });
    expect(onlyDecided).toMatchObject({ support: 0, predicted: 1, f1: 0, precision: { value: 0 }, recall: { value: null } });
  });
});

describe("Cohen's κ", () => {
  it("the textbook example: po 0.70, pe 0.50, κ 0.40", () => {
    // 50 proposals; both yes 20, A yes/B no 5, A no/B yes 10, both no 15.
    const k = cohenKappa([[20, 5], [10, 15]]);
    expect(k.n).toBe(50);
    expect(k.observed).toBeCloseTo(0.7, 12);
    expect(k.chance).toBeCloseTo(0.5, 12); // 0.5·0.6 + 0.5·0.4
    expect(k.kappa).toBeCloseTo(0.4, 12);
  });

  it("a second example: po 0.60, pe 0.54, κ 0.1304", () => {
    const k = cohenKappa([[45, 15], [25, 15]]);
    expect(k.chance).toBeCloseTo(0.54, 12); // 0.6·0.7 + 0.4·0.3
    expect(k.kappa).toBeCloseTo(0.06 / 0.46, 12);
  });

  it("1 for perfect agreement, undefined with one category only or no items", () => {
    expect(cohenKappa([[3, 0], [0, 4]]).kappa).toBe(1);
    expect(cohenKappa([[5]]).kappa).toBeNull();
    expect(cohenKappa([[0, 0], [0, 0]])).toEqual({ n: 0, observed: null, chance: null, kappa: null });
  });

  it("from pairs of ratings, over the categories either rater used", () => {
    const pairs: [string, string][] = [...Array(20).fill(["yes", "yes"]), ...Array(5).fill(["yes", "no"]), ...Array(10).fill(["no", "yes"]), ...Array(15).fill(["no", "no"])];
    const k = kappaOfPairs(pairs);
    expect(k.categories).toEqual(["no", "yes"]);
    expect(k.kappa).toBeCloseTo(0.4, 12);
  });
});
