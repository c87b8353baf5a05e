import type { CaseSpec } from "../compile/compile-cases.js";
import type { CaseOutcome, PolicyTestRun, TestTotals } from "../evaluate/run-tests.js";
import type { CondTrace } from "../evaluate/explain.js";
import { decisionColour, PLAIN, type Style } from "./style.js";
import { printable } from "../base/safe-text.js";
import { showValue } from "./eval-format.js";
import type { Diagnostic } from "../base/diagnostics.js";

/** A rule file that could not be loaded, and why: its cases (if any) could not run. */
export interface LoadError {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Groups error diagnostics by file, in file order: one {@link LoadError} per file. */
export function loadErrors(ds: readonly Diagnostic[]): LoadError[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of ds) if (d.severity === "error") byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  return [...byFile].sort(([a], [b]) => a.localeCompare(b)).map(([file, diagnostics]) => ({ file, diagnostics }));
}

/** Everything `modpol test` found, as the formatters take it. */
export interface TestReport {
  readonly runs: readonly PolicyTestRun[];
  /** Cases for policies that were not loaded. */
  readonly skipped: readonly { readonly policy: string; readonly spec: CaseSpec }[];
  readonly totals: TestTotals;
  /** Rule files that could not be loaded: each is an error of the run (JUnit `<error>`). */
  readonly errors?: readonly LoadError[];
  /** `--min-coverage`: policies below it fail the run. */
  readonly minCoverage?: number | undefined;
  /** `--set`: the settings the policies were tested with instead of their own. */
  readonly settings?: Readonly<Record<string, number | boolean | string>> | undefined;
}

/** Options of the text format. */
export interface TestTextOptions {
  readonly style?: Style;
  /** List passing cases too, not only failures and known gaps. */
  readonly verbose?: boolean;
  /** Only what fails the run: failing cases, coverage below --min-coverage, and the totals. */
  readonly quiet?: boolean;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
const pct = (x: number): string => `${Math.floor(x * 10) / 10}%`;

// Every string from a rule file (case texts, notes, reasons, terms, names, file names) is shown
// through printable(), as in eval's text output: shown, never obeyed.

/** "the text" [UA], shortened to one line. */
function postLabel(spec: CaseSpec, max = 100): string {
  const one = printable(spec.text.replace(/\s*\r?\n\s*/g, " ⏎ "));
  const text = [...one].length > max ? `${[...one].slice(0, max - 1).join("")}…` : one;
  return `"${text}" [${printable(spec.country ?? "no country")}]`;
}

function expected(spec: CaseSpec): string {
  const d = spec.expect.join(" or ");
  return spec.rule === undefined ? d : `${d} by ${spec.rule === null ? "the default" : `rule ${printable(spec.rule)}`}`;
}

function actual(o: CaseOutcome): string {
  return `${o.decision.decision} by ${o.decision.rule === null ? "the default" : `rule ${printable(o.decision.rule)}`}`;
}

/** The lines that show why a case came out as it did: what decided, the evidence, what was set aside. */
export function caseDetailLines(o: CaseOutcome, s: Style = PLAIN, indent = "      "): string[] {
  const out: string[] = [];
  const d = o.decision;
  if (o.recordProblem) out.push(`${indent}${s.red("the case's record cannot be evaluated:")} ${printable(o.recordProblem)}`);
  out.push(`${indent}${s.dim("expected")} ${expected(o.spec)}, ${s.dim("got")} ${s.bold(decisionColour(s, d.decision)(d.decision))} by ${d.rule === null ? "the default" : `rule ${printable(d.rule)}`}`);
  out.push(`${indent}${s.dim("reason:")} ${printable(d.reason)}`);
  out.push(`${indent}${s.dim("evidence:")} ${d.matches.length ? d.matches.map((m) => `"${printable(m.text)}" ${s.dim(`(${printable(m.signal)}: ${printable(m.term)})`)}`).join(", ") : "none"}`);
  const x = o.detail?.explanation;
  const aside = x ? x.signals.flatMap((g) => g.discounted.map((dd) => `"${printable(dd.evidence.text)}" ${s.dim(`(${printable(g.name)}: ${printable(dd.why)})`)}`)) : [];
  if (aside.length) out.push(`${indent}${s.dim("set aside:")} ${aside.join(", ")}`);
  for (const r of o.detail?.expectedRules ?? []) {
    const why = !r.holds
      ? `does not hold: ${missingParts(r.trace, s).join(", ")}`
      : r.id === d.rule
        ? // The expected rule did decide: the case expects a decision that rule never gives.
          `holds and decides, but gives ${r.decision}, not ${o.spec.expect.join(" or ")}: the case's rule and decision disagree`
        : `holds, but ${d.rule === null ? "…" : `rule ${printable(d.rule)}`} comes first`;
    out.push(`${indent}${s.dim(`rule ${printable(r.id)} (${r.decision})`)} ${why}`);
  }
  if (o.spec.note) out.push(`${indent}${s.dim("note:")} ${printable(o.spec.note)}`);
  return out;
}

/**
 * The parts of a false condition that made it false, as short as they can be said: inside a
 * conjunction only its false parts, an alternative (all parts false) as a whole, and the values a
 * comparison compared.
 */
export function missingParts(t: CondTrace, s: Style = PLAIN): string[] {
  const no = s.red("✗");
  if (t.value === true) return [];
  const kids = t.children ?? [];
  const shown = (k: CondTrace) => (k.operand ? showValue(k.value) : String(k.value));
  if (kids.length === 2 && kids.every((k) => typeof k.value === "number" || k.operand)) return [`${printable(t.text)} ${no} (${kids.filter((k) => k.text.trim() !== shown(k)).map((k) => `${printable(k.text)} = ${shown(k)}`).join(", ")})`];
  if (kids.length === 1 && kids[0]?.operand) return [`${printable(t.text)} ${no} (${printable(kids[0].text)} = ${shown(kids[0])})`];
  const bools = kids.filter((k) => typeof k.value === "boolean");
  // Some parts true yet the whole false: a conjunction, so its false parts are what is missing.
  if (bools.length >= 2 && bools.some((k) => k.value === true)) return bools.flatMap((k) => missingParts(k, s));
  return [`${printable(t.text)} ${no}`];
}

function where(spec: CaseSpec): string {
  return printable(`${spec.file}:${spec.line}:${spec.column}`);
}

/** Text output of `test`: per policy, failures with their explanation, known gaps, coverage; then totals. */
export function formatTestText(r: TestReport, o: TestTextOptions = {}): string {
  const s = o.style ?? PLAIN;
  const out: string[] = [];
  if (r.settings) out.push(s.yellow(`with --set ${Object.entries(r.settings).map(([k, v]) => `${k}=${String(v)}`).join(" ")} (not the policies' own settings)`));
  for (const run of r.runs) {
    const count = (st: CaseOutcome["status"]) => run.outcomes.filter((x) => x.status === st).length;
    const failed = count("fail");
    const cov = run.coverage;
    const low = r.minCoverage !== undefined && cov.percent < r.minCoverage;
    if (o.quiet && failed === 0 && !low) continue;
    const head = [`${count("pass")} passed`, failed ? s.red(`${failed} failed`) : "", count("todo") ? s.yellow(`${count("todo")} todo`) : "", count("fixed") ? s.yellow(`${count("fixed")} todo now passing`) : ""].filter(Boolean);
    out.push(`${failed ? s.red("✗") : s.green("✓")} ${s.bold(printable(run.policy.id))} ${s.dim(`(${printable(run.policy.file)})`)}: ${plural(run.outcomes.length, "case")}, ${head.join(", ")}`);
    for (const c of run.outcomes) {
      if (c.status === "fail") {
        out.push(`  ${s.red("✗")} ${where(c.spec)} ${postLabel(c.spec)}`);
        out.push(...caseDetailLines(c, s));
      } else if (o.quiet) {
        continue;
      } else if (c.status === "todo") {
        const why = typeof c.spec.todo === "string" ? ` (todo: ${printable(c.spec.todo)})` : " (todo)";
        out.push(`  ${s.yellow("…")} ${where(c.spec)} ${postLabel(c.spec)}${s.dim(why)}: expected ${expected(c.spec)}, got ${actual(c)}`);
      } else if (c.status === "fixed") {
        out.push(`  ${s.yellow("!")} ${where(c.spec)} ${postLabel(c.spec)}: marked todo but passes now; remove 'todo'`);
      } else if (o.verbose) {
        out.push(`  ${s.green("✓")} ${where(c.spec)} ${postLabel(c.spec)} → ${actual(c)}`);
      }
    }
    const hits = cov.rules.map((x) => `${printable(x.id)} ${x.hits}`).join(", ");
    out.push(`  ${s.dim("rule coverage:")} ${(low ? s.red : (x: string) => x)(`${cov.covered}/${cov.total} (${pct(cov.percent)})`)}${low ? s.red(` below --min-coverage ${r.minCoverage}%`) : ""} ${s.dim(`— cases per rule: ${hits}; default ${cov.defaultHits}`)}`);
    const untested = cov.rules.filter((x) => x.hits === 0).map((x) => x.id);
    if (untested.length && !o.quiet) out.push(`  ${s.yellow("untested rules:")} ${printable(untested.join(", "))}`);
  }
  const groups = new Map<string, number>();
  for (const k of r.skipped) groups.set(`${k.policy}\u0000${k.spec.file}`, (groups.get(`${k.policy}\u0000${k.spec.file}`) ?? 0) + 1);
  for (const [k, n] of o.quiet ? [] : groups) {
    const [policy, file] = k.split("\u0000");
    out.push(`${s.dim("-")} ${plural(n, "case")} in ${printable(file ?? "")} skipped: policy '${printable(policy ?? "")}' is not loaded`);
  }
  for (const e of r.errors ?? []) {
    const first = e.diagnostics[0];
    const more = e.diagnostics.length > 1 ? s.dim(` (and ${e.diagnostics.length - 1} more)`) : "";
    out.push(`${s.red("✗")} ${printable(e.file)} could not be loaded${first ? `: ${first.line}:${first.column} ${first.code} ${printable(first.message)}` : ""}${more}`);
  }
  out.push(totalsLine(r.totals, s));
  return `${out.join("\n")}\n`;
}

/** "1 file could not be loaded". */
function notLoaded(n: number): string {
  return `${n} file${n === 1 ? "" : "s"} could not be loaded`;
}

/** "3 policies: 120 cases, 118 passed, 1 failed, 1 todo, 0 skipped". */
export function totalsLine(t: TestTotals, s: Style = PLAIN): string {
  const parts = [`${t.passed} passed`, t.failed ? s.red(`${t.failed} failed`) : "0 failed", `${t.todo} todo`, ...(t.fixed ? [s.yellow(`${t.fixed} todo now passing`)] : []), `${t.skipped} skipped`];
  // A file that could not be loaded fails the run as a failing case does: its cases never ran.
  const bad = t.failed > 0 || t.errors > 0;
  return `${bad ? s.red("✗") : s.green("✓")} ${plural(t.total, "case")}: ${parts.join(", ")}${t.errors ? s.red(`; ${notLoaded(t.errors)}`) : ""}`;
}

/** JSON output of `test`: totals, and per policy every case with its outcome and coverage. */
export function formatTestJson(r: TestReport): string {
  const caseObj = (c: CaseOutcome) => ({
    id: c.spec.id,
    file: c.spec.file,
    line: c.spec.line,
    column: c.spec.column,
    origin: c.spec.origin,
    text: c.spec.text,
    country: c.spec.country ?? null,
    expect: c.spec.expect,
    ...(c.spec.rule !== undefined ? { expectRule: c.spec.rule } : {}),
    status: c.status,
    decision: c.decision.decision,
    rule: c.decision.rule,
    reason: c.decision.reason,
    ...(c.mismatch.length ? { mismatch: c.mismatch } : {}),
    ...(c.recordProblem ? { recordProblem: c.recordProblem } : {}),
    ...(c.spec.todo ? { todo: c.spec.todo } : {}),
    ...(c.spec.note ? { note: c.spec.note } : {}),
    matches: c.decision.matches.map((m) => ({ signal: m.signal, term: m.term, text: m.text, start: m.start, end: m.end })),
    ...(c.detail ? { expectedRules: c.detail.expectedRules.map((x) => ({ id: x.id, decision: x.decision, holds: x.holds, condition: x.trace })) } : {}),
  });
  const doc = {
    version: 1,
    totals: r.totals,
    ...(r.minCoverage !== undefined ? { minCoverage: r.minCoverage } : {}),
    ...(r.settings ? { settings: r.settings } : {}),
    policies: r.runs.map((run) => ({ id: run.policy.id, file: run.policy.file, coverage: run.coverage, cases: run.outcomes.map(caseObj) })),
    skipped: r.skipped.map((k) => ({ policy: k.policy, id: k.spec.id, file: k.spec.file, line: k.spec.line, reason: "policy not loaded" })),
    errors: (r.errors ?? []).map((e) => ({ file: e.file, diagnostics: e.diagnostics })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
