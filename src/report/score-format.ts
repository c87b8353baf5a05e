import { printable } from "../base/safe-text.js";
import type { Judged, PolicyScore, ScoreRun } from "../evaluate/score.js";
import { highlightSpans } from "./eval-format.js";
import { alignRows, groupingTitle, groupValue, percent, proportionText, ratio } from "./score-figures.js";
import { decisionColour, type Style } from "./style.js";
import { whyNotLines } from "./why-not-format.js";

/** Options of the text report. */
export interface ScoreTextOptions {
  readonly style: Style;
  /** Misclassified posts listed per policy (Infinity: all; 0: none). */
  readonly show: number;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Classes worth a row: those with a labelled or a decided post under some policy. */
function activeClasses(run: ScoreRun): string[] {
  return run.classes.filter((c) => run.policies.some((p) => p.classes.some((f) => f.class === c && f.support + f.predicted > 0)));
}

/** The headline figures, one column per policy. */
function figureLines(run: ScoreRun, s: Style): string[] {
  const ps = run.policies;
  const rows: string[][] = [["", "", ...ps.map((p) => p.policy)]];
  rows.push(["posts labelled", "", ...ps.map((p) => String(p.labelled))]);
  if (ps.some((p) => p.unlabelled > 0)) rows.push(["not labelled", "", ...ps.map((p) => String(p.unlabelled))]);
  rows.push(["accuracy", "", ...ps.map((p) => proportionText(p.accuracy))]);
  rows.push(["κ against labels", "", ...ps.map((p) => ratio(p.kappa.kappa))]);
  for (const c of activeClasses(run)) {
    const f = (p: PolicyScore) => p.classes.find((x) => x.class === c);
    rows.push([c, "precision", ...ps.map((p) => proportionText((f(p) as NonNullable<ReturnType<typeof f>>).precision))]);
    rows.push(["", "recall", ...ps.map((p) => proportionText((f(p) as NonNullable<ReturnType<typeof f>>).recall))]);
    rows.push(["", "F1", ...ps.map((p) => ratio(f(p)?.f1 ?? null))]);
  }
  if (ps.some((p) => p.agreement)) {
    rows.push([`κ labels vs ${run.secondField ?? "second"}`, "", ...ps.map((p) => (p.agreement ? `${ratio(p.agreement.kappa)} (${p.agreement.n} posts, ${percent(p.agreement.observed)} alike)` : "–"))]);
  }
  const lines = alignRows(rows, 2);
  return [s.bold(lines[0] as string), ...lines.slice(1)];
}

/** Accuracy per value of one grouping, one column per policy. */
function groupLines(run: ScoreRun, g: string, s: Style): string[] {
  const values = new Map<string, string | null>();
  for (const p of run.policies) for (const x of p.groups.get(g) ?? []) values.set(groupValue(x.value), x.value);
  const rows: string[][] = [[groupingTitle(g), ...run.policies.map((p) => p.policy)]];
  for (const [shown, value] of values) {
    rows.push([shown, ...run.policies.map((p) => {
      const x = (p.groups.get(g) ?? []).find((y) => y.value === value);
      return x ? proportionText(x.accuracy) : "";
    })]);
  }
  const lines = alignRows(rows);
  return [s.dim(`accuracy by ${groupingTitle(g)}`), s.bold(lines[0] as string), ...lines.slice(1)];
}

function ruleLines(p: PolicyScore, s: Style): string[] {
  const rows: string[][] = [["rule", "decided", "wrong", "right", "wrong posts should have been"]];
  for (const r of p.rules) {
    const should = Object.entries(r.wrongExpected).map(([c, n]) => `${c} ${n}`).join(", ");
    rows.push([r.rule, String(r.decided), String(r.wrong), proportionText(r.precision), should]);
  }
  const lines = alignRows(rows, 1, [4]);
  return [s.dim(`${p.policy}: posts each rule decided, and how many of them wrongly`), s.bold(lines[0] as string), ...lines.slice(1)];
}

function confusionLines(p: PolicyScore, s: Style): string[] {
  const { classes, matrix } = p.confusion;
  const rows: string[][] = [["label \\ decided", ...classes, "total"]];
  classes.forEach((c, i) => {
    const row = matrix[i] ?? [];
    rows.push([c, ...row.map(String), String(row.reduce((a, b) => a + b, 0))]);
  });
  rows.push(["total", ...classes.map((_, j) => String(matrix.reduce((a, r) => a + (r[j] ?? 0), 0))), String(p.labelled)]);
  const lines = alignRows(rows);
  return [s.dim(`${p.policy}: confusion matrix (rows: the label; columns: the decision)`), s.bold(lines[0] as string), ...lines.slice(1, -1), s.bold(lines[lines.length - 1] as string)];
}

/** One post decided wrongly: the post with its evidence marked, what was expected and decided, and why not. */
export function missBlock(j: Judged, s: Style): string {
  const d = j.decision;
  const where = s.dim(`[${d.country ?? "no country"}${d.lang ? `, ${d.lang}` : ""}]`);
  // Control characters are shown, not obeyed; the length is kept, so the evidence spans still fit.
  const text = highlightSpans(printable(j.item.text, true), d.matches, s).replace(/\r?\n/g, " ⏎ ");
  const lines = [`${s.dim(j.item.id)} ${where} ${text}`];
  const expected = j.item.expected.join(" or ");
  lines.push(`  expected ${s.bold(expected)}, decided ${s.bold(decisionColour(s, d.decision)(d.decision))} by ${d.rule === null ? "the default" : `rule ${d.rule}`}: ${d.reason}`);
  if (d.matches.length > 0) lines.push(`  ${s.dim("evidence:")} ${d.matches.map((m) => `${s.bold(`"${printable(m.text)}"`)} ${s.dim(`(${m.signal})`)}`).join(", ")}`);
  if (j.expectedRule) {
    const r = j.expectedRule.rule === null ? "the default" : `rule ${j.expectedRule.rule}`;
    lines.push(`  ${s.dim("expected rule:")} ${r}${j.expectedRule.source === "nearest" ? s.dim(` (the nearest that gives ${j.whyNot?.wanted ?? j.truth})`) : ""}`);
  }
  if (j.whyNot) lines.push(...whyNotLines(j.whyNot, s));
  return `${lines.join("\n")}\n`;
}

/** The text report: the figures side by side, the groups, then per policy its rules, confusion matrix and misclassified posts. */
export function scoreText(run: ScoreRun, o: ScoreTextOptions): string {
  const s = o.style;
  const out: string[] = [];
  const labelled = Math.max(0, ...run.policies.map((p) => p.labelled));
  const scheme = run.positive ? `; yes/no, positive: ${run.positive.join("|")}` : "";
  out.push(`${s.bold("modpol score")}: ${plural(run.records, "record")} from ${run.files.join(", ")} (label: ${run.labelField}${scheme})`);
  if (labelled === 0) out.push(s.yellow("no post is labelled for the policies scored: fill in the label column (see --label-field)"));
  if (run.errors > 0) {
    out.push(s.red(`${plural(run.errors, "record")} could not be scored:`));
    // Each message starts with the file and line it is about.
    for (const e of run.errorList) out.push(`  ${e.code}: ${printable(e.message)}`);
    if (run.errors > run.errorList.length) out.push(`  … and ${run.errors - run.errorList.length} more`);
  }
  out.push("", ...figureLines(run, s));
  for (const g of run.groupings) out.push("", ...groupLines(run, g, s));
  for (const p of run.policies) {
    out.push("", ...ruleLines(p, s), "", ...confusionLines(p, s));
    if (o.show <= 0) continue;
    const shown = p.misses.slice(0, o.show);
    const more = p.missCount - shown.length;
    out.push("", s.bold(`${p.policy}: ${plural(p.missCount, "post")} decided wrongly${more > 0 ? ` (the first ${shown.length}; --show all for every one)` : ""}`));
    for (const j of shown) out.push("", missBlock(j, s).trimEnd());
  }
  if (run.gates.length > 0) {
    out.push("");
    for (const g of run.gates) out.push(`${g.passed ? s.green("✓") : s.red("✗")} ${g.policy}: ${gateText(g)}`);
  }
  return `${out.join("\n")}\n`;
}

/** A gate's outcome in words: `recall of violating 95.7% (22/23), at least 99.0% (--min-recall violating=0.99)`. */
export function gateText(g: ScoreRun["gates"][number]): string {
  const what = g.gate.measure === "accuracy" ? "accuracy" : `${g.gate.measure} of ${g.gate.class}`;
  const got = g.value === null ? `cannot be measured (${g.gate.measure === "precision" ? "no post decided" : "no post labelled"} ${g.gate.class ?? ""})`.replace(/ \)$/, ")") : `${percent(g.value)} (${g.k}/${g.n})`;
  return `${what} ${got}, ${g.passed ? "at least" : "below"} ${percent(g.gate.min)} (${g.gate.option})`;
}
