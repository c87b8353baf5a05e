import { formatDiagnosticLine, type Diagnostic } from "../base/diagnostics.js";
import { printable } from "../base/safe-text.js";
import { PLAIN, type Style } from "./style.js";

/** Counts of diagnostics by severity, and how many files were checked. */
export interface DiagnosticSummary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** Counts `ds` by severity. */
export function summariseDiagnostics(ds: readonly Diagnostic[], files: number): DiagnosticSummary {
  return {
    files,
    errors: ds.filter((d) => d.severity === "error").length,
    warnings: ds.filter((d) => d.severity === "warning").length,
    infos: ds.filter((d) => d.severity === "info").length,
  };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Replaces every character but tabs with a space, so a caret lines up under the same text. */
function blank(s: string): string {
  return Array.from(s, (c) => (c === "\t" ? "\t" : " ")).join("");
}

/**
 * The offending line with a caret under the span, rustc/ESLint style:
 *
 * ```
 *    12 |     decison: violating
 *       |     ^^^^^^^
 * ```
 * Empty when the line is not known (no source, or the position is past the end).
 */
export function sourceExcerpt(d: Diagnostic, source: string | undefined, style: Style = PLAIN, lines?: readonly string[]): string {
  if (source === undefined) return "";
  const raw = (lines ?? source.split("\n"))[d.line - 1];
  if (raw === undefined) return "";
  let line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
  let start = Math.min(d.column - 1, line.length);
  let end = d.endLine === d.line ? Math.max(Math.min(d.endColumn - 1, line.length), start + 1) : Math.max(line.length, start + 1);
  // A very long line (a minified file, a hostile one) is shown as a window around the span.
  if (line.length > MAX_SHOWN) {
    const from = Math.max(0, Math.min(start - CONTEXT, line.length - MAX_SHOWN));
    const to = Math.min(line.length, from + MAX_SHOWN);
    const head = from > 0 ? "…" : "";
    line = `${head}${line.slice(from, to)}${to < line.length ? "…" : ""}`;
    start = start - from + head.length;
    end = Math.min(end, to) - from + head.length;
  }
  line = printable(line);
  const width = Math.max(1, Array.from(line.slice(start, end)).length);
  const gutter = String(d.line);
  const pad = " ".repeat(gutter.length);
  const colour = d.severity === "error" ? style.red : d.severity === "warning" ? style.yellow : style.cyan;
  return `  ${style.dim(`${gutter} |`)} ${line}\n  ${style.dim(`${pad} |`)} ${blank(line.slice(0, start))}${colour("^".repeat(width))}\n`;
}

/** Source lines longer than this are cut to a window around the span. */
const MAX_SHOWN = 160;
/** Characters kept before the span in such a window. */
const CONTEXT = 40;

/**
 * Text output of `check`: each diagnostic as `file:line:col: severity code message` followed by the
 * offending line and a caret, then a summary line.
 */
export function formatDiagnosticsText(ds: readonly Diagnostic[], sources: ReadonlyMap<string, string>, summary: DiagnosticSummary, style: Style = PLAIN): string {
  const out: string[] = [];
  // Each file is split into lines once, not once per diagnostic (thousands of them in a big file).
  const split = new Map<string, string[]>();
  for (const d of ds) {
    const sev = d.severity === "error" ? style.red(style.bold("error")) : d.severity === "warning" ? style.yellow(style.bold("warning")) : style.cyan("info");
    out.push(`${style.bold(printable(`${d.file}:${d.line}:${d.column}:`))} ${sev} ${style.dim(d.code)} ${printable(d.message)}\n`);
    const source = sources.get(d.file);
    let lines = split.get(d.file);
    if (source !== undefined && !lines) split.set(d.file, (lines = source.split("\n")));
    out.push(sourceExcerpt(d, source, style, lines));
  }
  out.push(summaryLine(summary, style));
  return out.join("");
}

/** "✖ 3 problems (2 errors, 1 warning) in 4 files" or "✓ no problems in 4 files". */
export function summaryLine(s: DiagnosticSummary, style: Style = PLAIN): string {
  const n = s.errors + s.warnings + s.infos;
  const files = plural(s.files, "file");
  if (n === 0) return `${style.green("✓")} no problems in ${files}\n`;
  const parts = [plural(s.errors, "error"), plural(s.warnings, "warning"), ...(s.infos ? [plural(s.infos, "note")] : [])];
  const mark = s.errors > 0 ? style.red("✖") : style.yellow("⚠");
  return `${mark} ${plural(n, "problem")} (${parts.join(", ")}) in ${files}\n`;
}

/** The one-line form only, one a line: for `--format text` piped into tools that want exactly that. */
export function formatDiagnosticLines(ds: readonly Diagnostic[]): string {
  return ds.map((d) => `${formatDiagnosticLine(d)}\n`).join("");
}

/** JSON output of `check`: a summary and every diagnostic as plain data. */
export function formatDiagnosticsJson(ds: readonly Diagnostic[], summary: DiagnosticSummary): string {
  const diagnostics = ds.map((d) => ({ file: d.file, line: d.line, column: d.column, endLine: d.endLine, endColumn: d.endColumn, severity: d.severity, code: d.code, message: d.message }));
  return `${JSON.stringify({ version: 1, summary, diagnostics }, null, 2)}\n`;
}

/**
 * Escapes the message part of a GitHub workflow command: control characters shown through
 * {@link printable} (the log renders escape sequences), then the runner's own escapes.
 */
function ghData(s: string): string {
  return printable(s, true).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a property value of a GitHub workflow command (also `:` and `,`, which delimit properties). */
function ghProp(s: string): string {
  return ghData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * GitHub Actions workflow commands, one a line: the runner turns each into an annotation on the
 * pull request's diff (`::error file=…,line=…,col=…::…`).
 */
export function formatGithub(ds: readonly Diagnostic[]): string {
  return ds
    .map((d) => {
      const cmd = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
      const props = [`file=${ghProp(d.file.replace(/\\/g, "/"))}`, `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`, `title=${ghProp(`modpol ${d.code}`)}`];
      return `::${cmd} ${props.join(",")}::${ghData(`${d.code}: ${d.message}`)}\n`;
    })
    .join("");
}
