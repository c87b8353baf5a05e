import type { Proportion } from "../evaluate/stats.js";

/**
 * How score figures are written, the same in every format a person reads (text and HTML), so that
 * a figure in a report can be checked against the JSON output by formatting the JSON's number.
 */

/** A share as a percentage with one decimal (`97.0%`), or `–` when it cannot be measured. */
export function percent(v: number | null): string {
  return v === null ? "–" : `${(v * 100).toFixed(1)}%`;
}

/** A confidence interval in percent without the sign (`[91.2–99.1]`), or "" when there is none. */
export function interval(p: Proportion): string {
  return p.low === null || p.high === null ? "" : `[${(p.low * 100).toFixed(1)}–${(p.high * 100).toFixed(1)}]`;
}

/** A share with its interval and counts: `97.0% [91.2–99.1] 97/100`. */
export function proportionText(p: Proportion): string {
  if (p.n === 0) return "– 0/0";
  return `${percent(p.value)} ${interval(p)} ${p.k}/${p.n}`;
}

/** A ratio such as κ or F1 with two decimals, or `–`. */
export function ratio(v: number | null): string {
  return v === null ? "–" : v.toFixed(2);
}

/** A group's value as shown: `(none)` for posts without one. */
export function groupValue(v: string | null): string {
  return v === null ? "(none)" : v;
}

/** How a grouping is titled: `lang` → "language", a `--by` field by its name. */
export function groupingTitle(g: string): string {
  return g === "lang" ? "language" : g;
}

/** Aligns rows of cells into text columns: the first `leftColumns` (and any in `leftAlso`) left-aligned, the others right-aligned. */
export function alignRows(rows: readonly (readonly string[])[], leftColumns = 1, leftAlso: readonly number[] = []): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((r) =>
    r
      .map((c, i) => {
        const pad = " ".repeat((widths[i] as number) - [...c].length);
        return i < leftColumns || leftAlso.includes(i) ? c + pad : pad + c;
      })
      .join("  ")
      .trimEnd(),
  );
}
