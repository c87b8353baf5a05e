import { esc } from "./page.js";

/**
 * Charts as HTML tables: a heat map is a table whose cells are shaded by their count, a bar chart a
 * table with a bar beside each figure. A screen reader reads the table (the bars are hidden from it,
 * the numbers are text), a printer prints it, and no drawing library is needed.
 */

type Rgb = readonly [number, number, number];

const WHITE: Rgb = [255, 255, 255];
/** Diagonal (agreement) cells shade towards blue, the others towards red. */
const BLUE: Rgb = [31, 95, 168];
const RED: Rgb = [179, 38, 30];

function luminance([r, g, b]: Rgb): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The colour `t` (0..1) of the way from white to `to`, with the text colour (black or white) that contrasts most with it. */
export function shade(t: number, to: Rgb): { readonly background: string; readonly color: string } {
  const c = WHITE.map((w, i) => Math.round(w + (((to[i] as number) - w) * Math.max(0, Math.min(1, t))))) as unknown as Rgb;
  const l = luminance(c);
  // Contrast with black is (l + .05) / .05, with white 1.05 / (l + .05): the larger one is at least 4.58.
  const color = (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000" : "#fff";
  return { background: `rgb(${c.join(",")})`, color };
}

/** A heat map's cells: a count per row and column, with the data attributes tests and tools read. */
export interface HeatMap {
  readonly caption: string;
  /** What the rows and columns are, for the corner cell and for screen readers: "label \ decided". */
  readonly corner: string;
  readonly rows: readonly string[];
  readonly cols: readonly string[];
  readonly counts: readonly (readonly number[])[];
  /** `data-figure` of the cell at row i, column j (undefined: none). */
  readonly figure?: (i: number, j: number) => string | undefined;
  /** The policy the figures belong to, for `data-policy`. */
  readonly policy?: string;
}

/**
 * A heat map as a table, diagonal cells outlined. The diagonal (agreement) and the other cells
 * (errors, changes) are shaded each against their own largest count: errors are usually few beside
 * the agreement, and on one scale they would all look alike and pale.
 */
export function heatTable(h: HeatMap): string {
  let maxDiag = 1;
  let maxOff = 1;
  h.counts.forEach((row, i) => row.forEach((n, j) => (h.rows[i] === h.cols[j] ? (maxDiag = Math.max(maxDiag, n)) : (maxOff = Math.max(maxOff, n)))));
  const head = `<tr><th scope="col">${esc(h.corner)}</th>${h.cols.map((c) => `<th scope="col">${esc(c)}</th>`).join("")}<th scope="col">total</th></tr>`;
  const body = h.rows
    .map((r, i) => {
      const row = h.counts[i] ?? [];
      const cells = h.cols
        .map((_, j) => {
          const n = row[j] ?? 0;
          const diag = h.rows[i] === h.cols[j];
          const { background, color } = shade(n === 0 ? 0 : 0.15 + (0.85 * n) / (diag ? maxDiag : maxOff), diag ? BLUE : RED);
          const fig = h.figure?.(i, j);
          const data = fig ? ` data-figure="${esc(fig)}" data-value="${n}"${h.policy ? ` data-policy="${esc(h.policy)}"` : ""}` : "";
          return `<td${diag ? ' class="diag"' : ""} style="background:${background};color:${color}"${data}>${n}</td>`;
        })
        .join("");
      return `<tr><th scope="row">${esc(r)}</th>${cells}<td>${row.reduce((a, b) => a + b, 0)}</td></tr>`;
    })
    .join("\n");
  const totals = h.cols.map((_, j) => h.counts.reduce((a, row) => a + (row[j] ?? 0), 0));
  const foot = `<tr><th scope="row">total</th>${totals.map((t) => `<td>${t}</td>`).join("")}<td>${totals.reduce((a, b) => a + b, 0)}</td></tr>`;
  return `<table class="heat"><caption>${esc(h.caption)}</caption>\n<thead>${head}</thead>\n<tbody>${body}\n${foot}</tbody></table>`;
}

/** One row of a bar chart: its label, the parts of its bar (shares of the widest row), and its cells of figures (HTML). */
export interface BarRow {
  readonly label: string;
  readonly parts: readonly { readonly value: number; readonly kind: "ok" | "wrong" }[];
  /** Figure cells after the bar, already HTML (`<td>` elements). */
  readonly cells: string;
}

/** A bar chart as a table: a header, and per row its label, its bar (hidden from screen readers: the figures say it) and its figures. */
export function barTable(caption: string, header: readonly string[], rows: readonly BarRow[], scale: number): string {
  const head = `<tr><th scope="col">${esc(header[0] ?? "")}</th><td class="bar-head"></td>${header.slice(1).map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr>`;
  const body = rows
    .map((r) => {
      const parts = r.parts.map((p) => `<span class="${p.kind}" style="width:${scale > 0 ? ((100 * p.value) / scale).toFixed(2) : 0}%"></span>`).join("");
      return `<tr><th scope="row">${esc(r.label)}</th><td class="bar-cell"><div class="bar" aria-hidden="true">${parts}</div></td>${r.cells}</tr>`;
    })
    .join("\n");
  return `<table class="bars"><caption>${esc(caption)}</caption>\n<thead>${head}</thead>\n<tbody>${body}</tbody></table>`;
}
