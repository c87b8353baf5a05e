import { DECISIONS } from "../base/decisions.js";
import { matrixTotals, transitions, type DiffSummary, type Matrix, type PostDiff } from "../evaluate/diff.js";
import type { Decision, Evidence } from "../evaluate/evaluate.js";
import { printable } from "../base/safe-text.js";
import { csvField, csvMatchesCell, offsetsFor, postLine, type EvalFormatOptions, type OffsetUnit, type Offsets, type ResultItem } from "./eval-format.js";
import { decisionColour, type Style } from "./style.js";
import { guardFormula } from "./csv-guard.js";

/** One output record of `diff`: a post with its two decisions, or a record that could not be evaluated. */
export type DiffItem = { readonly kind: "diff"; readonly id: string; readonly line: number; readonly text: string; readonly diff: PostDiff } | Extract<ResultItem, { kind: "error" }>;

function sideObject(d: Decision, at: Offsets): Record<string, unknown> {
  return { decision: d.decision, rule: d.rule, reason: d.reason, policy: d.policy, matches: d.matches.map((m) => ({ signal: m.signal, term: m.term, text: m.text, start: at(m.start), end: at(m.end) })) };
}

/** The JSON object of one diff record: `{id, country, changed, from, to}`, or an error record as eval writes it. */
export function diffObject(item: DiffItem, unit: OffsetUnit): Record<string, unknown> {
  if (item.kind === "error") return { id: item.id, line: item.line, error: { code: item.code, message: item.message } };
  const { from, to, changed } = item.diff;
  // One conversion for both sides: the text is scanned once.
  const at = offsetsFor(item.text, unit);
  return { id: item.id, country: from.country, changed, from: sideObject(from, at), to: sideObject(to, at) };
}

/** CSV columns of diff output. */
export const DIFF_CSV_COLUMNS = ["id", "country", "changed", "from_decision", "from_rule", "from_policy", "to_decision", "to_rule", "to_policy", "from_reason", "to_reason", "from_matches", "to_matches", "error_code", "error_message"] as const;


/** One CSV row of diff output (with its newline). */
export function diffCsvLine(item: DiffItem, o: EvalFormatOptions): string {
  let cells: string[];
  if (item.kind === "error") cells = [item.id, "", "", "", "", "", "", "", "", "", "", "", "", item.code, item.message];
  else {
    const { from: f, to: t, changed } = item.diff;
    const at = offsetsFor(item.text, o.offsets, o.meter);
    cells = [item.id, f.country ?? "", changed ? "true" : "false", f.decision, f.rule ?? "", f.policy, t.decision, t.rule ?? "", t.policy, f.reason, t.reason, csvMatchesCell(f.matches, at), csvMatchesCell(t.matches, at), "", ""];
  }
  return `${cells.map((c) => csvField(guardFormula(c))).join(",")}\n`;
}

const evidenceText = (ms: readonly Evidence[], s: Style): string => ms.map((m) => `${s.bold(`"${printable(m.text)}"`)} ${s.dim(`(${printable(m.signal)})`)}`).join(", ");
const sameEvidence = (a: readonly Evidence[], b: readonly Evidence[]): boolean => a.length === b.length && a.every((m, i) => m.signal === b[i]?.signal && m.start === b[i]?.start && m.end === b[i]?.end);

/**
 * The human-readable block of one diff record: both decisions, both deciding rules, the evidence.
 * Strings from posts and rule files are shown through {@link printable}, as in eval's text output.
 */
export function diffTextBlock(item: DiffItem, o: EvalFormatOptions, showId: boolean, labels?: { readonly from: string; readonly to: string }, notes: { readonly from?: string | undefined; readonly to?: string | undefined } = {}): string {
  const s = o.style;
  const prefix = showId ? `${s.dim(printable(item.id))} ` : "";
  if (item.kind === "error") return `${prefix}${s.red("error")} ${item.code}: ${printable(item.message)}\n`;
  const { from: f, to: t, changed } = item.diff;
  const dec = (d: Decision) => s.bold(decisionColour(s, d.decision)(d.decision));
  const country = s.dim(f.country ? `[${f.country}]` : "[no country]");
  const lines = [`${prefix}${dec(f)} → ${dec(t)}${changed ? "" : s.dim(" (unchanged)")} ${country} ${postLine(item.text)}`];
  // Two policies with one id (two versions of a file) are told apart by the labels given: their
  // paths; a policy compared with itself under other settings, by the note of its --set values.
  const fromName = printable(`${labels?.from ?? f.policy}${notes.from ? ` ${notes.from}` : ""}`);
  const toName = printable(`${labels?.to ?? t.policy}${notes.to ? ` ${notes.to}` : ""}`);
  const width = Math.max(fromName.length, toName.length);
  const side = (d: Decision, name: string) => `  ${s.dim(`${name.padEnd(width)}`)} ${d.decision}, ${d.rule ? `rule ${printable(d.rule)}` : "default"}: ${printable(d.reason)}`;
  lines.push(side(f, fromName), side(t, toName));
  if (sameEvidence(f.matches, t.matches)) {
    if (f.matches.length) lines.push(`  ${s.dim("evidence:")} ${evidenceText(f.matches, s)}`);
  } else {
    lines.push(`  ${s.dim(`evidence (${fromName}):`)} ${f.matches.length ? evidenceText(f.matches, s) : "none"}`);
    lines.push(`  ${s.dim(`evidence (${toName}):`)} ${t.matches.length ? evidenceText(t.matches, s) : "none"}`);
  }
  return `${lines.join("\n")}\n`;
}

function table(header: string[], rows: string[][], s: Style, boldLast: boolean): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join("  ");
  return [s.bold(fmt(header)), ...rows.map((r, i) => (boldLast && i === rows.length - 1 ? s.bold(fmt(r)) : fmt(r)))];
}

/**
 * The summary of a diff as text: a headline, the transition matrix (rows: decision under the first
 * policy, columns: under the second), then one row per country with the count of each change.
 */
export function diffSummaryText(sum: DiffSummary, names: { readonly from: string; readonly to: string }, s: Style): string {
  const posts = sum.total - sum.errors;
  const out: string[] = [];
  const from = printable(names.from);
  const to = printable(names.to);
  const head = `${sum.changed} of ${posts} post${posts === 1 ? "" : "s"} change decision from ${from} to ${to}`;
  const notes = [`${posts - sum.changed} unchanged`, ...(sum.ruleChanged ? [`${sum.ruleChanged} of them decided by another rule`] : []), ...(sum.errors ? [s.red(`${sum.errors} record${sum.errors === 1 ? "" : "s"} could not be evaluated`)] : [])];
  out.push(`${sum.changed > 0 ? s.yellow(head) : head} (${notes.join(", ")})`, "");
  const m = sum.matrix;
  const rows = DECISIONS.map((f) => [f, ...DECISIONS.map((t) => String(m[f][t])), String(DECISIONS.reduce((a, t) => a + m[f][t], 0))]);
  rows.push(["total", ...DECISIONS.map((t) => String(DECISIONS.reduce((a, f) => a + m[f][t], 0))), String(posts)]);
  out.push(s.dim(`rows: decision under ${from}; columns: under ${to}`));
  out.push(...table(["from \\ to", ...DECISIONS, "total"], rows, s, true), "");

  const changes = transitions(m).map((x) => `${x.from}→${x.to}`);
  const countries = [...sum.byCountry.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  const cRows = countries.map((c) => {
    const cm = sum.byCountry.get(c) as Matrix;
    const t = matrixTotals(cm);
    return [c ?? "(none)", ...changes.map((k) => { const [f, to] = k.split("→") as [keyof Matrix, keyof Matrix]; return String(cm[f][to]); }), String(t.unchanged), String(t.posts)];
  });
  cRows.push(["all", ...transitions(m).map((x) => String(x.count)), String(matrixTotals(m).unchanged), String(posts)]);
  out.push(s.dim("by country: posts per change of decision"));
  out.push(...table(["country", ...changes, "unchanged", "total"], cRows, s, true));
  return `${out.join("\n")}\n`;
}

function matrixObject(m: Matrix): Record<string, unknown> {
  const t = matrixTotals(m);
  return { posts: t.posts, changed: t.posts - t.unchanged, matrix: m, transitions: transitions(m) };
}

/** The summary of a diff as plain data: totals, the matrix and its changes, and the same per country ("none": no country). */
export function diffSummaryObject(sum: DiffSummary): Record<string, unknown> {
  const byCountry: Record<string, unknown> = {};
  const keys = [...sum.byCountry.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  for (const c of keys) byCountry[c ?? "none"] = matrixObject(sum.byCountry.get(c) as Matrix);
  return { total: sum.total, errors: sum.errors, changed: sum.changed, unchanged: sum.total - sum.errors - sum.changed, ruleChanged: sum.ruleChanged, ...matrixObject(sum.matrix), byCountry };
}
