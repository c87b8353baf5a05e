import { DECISIONS, type DecisionName } from "../base/decisions.js";
import type { Style } from "./style.js";

/** Counts of decisions by country (null: no country), plus records that could not be evaluated. */
export interface Summary {
  readonly byCountry: ReadonlyMap<string | null, Readonly<Record<DecisionName, number>>>;
  readonly errors: number;
  readonly total: number;
}

/** Accumulates a {@link Summary} as results stream past, at constant cost per record. */
export class SummaryCounter {
  private readonly counts = new Map<string | null, Record<DecisionName, number>>();
  private errors = 0;
  private total = 0;

  add(country: string | null, decision: DecisionName): void {
    let row = this.counts.get(country);
    if (!row) {
      row = { violating: 0, exempt: 0, clear: 0, review: 0 };
      this.counts.set(country, row);
    }
    row[decision]++;
    this.total++;
  }

  addError(): void {
    this.errors++;
    this.total++;
  }

  get summary(): Summary {
    return { byCountry: this.counts, errors: this.errors, total: this.total };
  }
}

function sortedCountries(s: Summary): (string | null)[] {
  return [...s.byCountry.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
}

/** The summary as plain data for JSON output. */
export function summaryObject(s: Summary): Record<string, unknown> {
  const byCountry: Record<string, Record<DecisionName, number>> = {};
  const totals: Record<DecisionName, number> = { violating: 0, exempt: 0, clear: 0, review: 0 };
  for (const c of sortedCountries(s)) {
    const row = s.byCountry.get(c) as Record<DecisionName, number>;
    byCountry[c ?? "none"] = { ...row };
    for (const d of DECISIONS) totals[d] += row[d];
  }
  return { total: s.total, errors: s.errors, decisions: totals, byCountry };
}

/** The summary as an aligned table: one row per country, one column per decision. */
export function summaryTable(s: Summary, style: Style): string {
  const header = ["country", ...DECISIONS, "total"];
  const rows: string[][] = [];
  const totals = [0, 0, 0, 0];
  for (const c of sortedCountries(s)) {
    const row = s.byCountry.get(c) as Record<DecisionName, number>;
    const nums = DECISIONS.map((d) => row[d]);
    nums.forEach((v, i) => (totals[i] = (totals[i] as number) + v));
    rows.push([c ?? "(none)", ...nums.map(String), String(nums.reduce((a, b) => a + b, 0))]);
  }
  rows.push(["all", ...totals.map(String), String(totals.reduce((a, b) => a + b, 0))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join("  ");
  const lines = [style.bold(fmt(header)), ...rows.slice(0, -1).map(fmt), style.bold(fmt(rows[rows.length - 1] as string[]))];
  if (s.errors > 0) lines.push(style.red(`${s.errors} record${s.errors === 1 ? "" : "s"} could not be evaluated`));
  return `${lines.join("\n")}\n`;
}
