import { printable } from "./safe-text.js";

/** Severity of a diagnostic: errors stop a policy from loading, warnings do not. */
export type Severity = "error" | "warning" | "info";

/**
 * A problem found in a file, as plain data. Lines and columns are 1-based; `endColumn` is exclusive,
 * so `[column, endColumn)` underlines exactly the offending text.
 */
export interface Diagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

/** A position range in a file, without the file. */
export type Span = Pick<Diagnostic, "line" | "column" | "endLine" | "endColumn">;

/** Thrown only to carry diagnostics out of a phase that cannot go on; never shown as a stack. */
export class DiagnosticsError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnosticLine).join("\n"));
    this.name = "DiagnosticsError";
  }
}

/** `file:line:col: severity code message`, the one-line form every tool can parse. */
export function formatDiagnosticLine(d: Diagnostic): string {
  // Keys and paths in messages come from rule files: a newline or an escape sequence in one must not
  // start a line of its own (a CI log would read "::error…" as a command) or restyle the terminal.
  return printable(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`);
}

/** Orders diagnostics by file, then position, then code, so output is stable. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}

/** Drops exact repeats (a library file shared by several policies reports its problems once). */
export function dedupeDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.file}\u0000${d.line}:${d.column}:${d.endLine}:${d.endColumn}\u0000${d.severity}\u0000${d.code}\u0000${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const IGNORE = /#\s*modpol-ignore\b([^#\n]*)/;

/**
 * Drops warnings the author has acknowledged with a comment at the end of the line, or on a comment
 * line of its own just above it:
 * `# modpol-ignore unused-lexicon` (one or more codes) or `# modpol-ignore` (every warning there).
 * Errors cannot be ignored. `sources` maps each file (as shown) to its text.
 */
export function applyIgnoreComments(ds: readonly Diagnostic[], sources: ReadonlyMap<string, string>): Diagnostic[] {
  const lines = new Map<string, string[]>();
  const ignored = (d: Diagnostic, lineNo: number, commentOnly: boolean): boolean => {
    let ls = lines.get(d.file);
    if (!ls) {
      ls = (sources.get(d.file) ?? "").split("\n");
      lines.set(d.file, ls);
    }
    const text = ls[lineNo - 1] ?? "";
    // The line above counts only when it is a comment line of its own, not another line's trailing comment.
    if (commentOnly && !/^\s*#/.test(text)) return false;
    const m = IGNORE.exec(text);
    if (!m) return false;
    const codes = (m[1] ?? "").split(/[\s,]+/).filter(Boolean);
    return codes.length === 0 || codes.includes(d.code);
  };
  return ds.filter((d) => d.severity === "error" || !(ignored(d, d.line, false) || ignored(d, d.line - 1, true)));
}

/**
 * Appends `items` to `into`. `into.push(...items)` passes every item as an argument, and a hostile
 * file can produce more diagnostics than a call may take arguments (a stack overflow past ~100k).
 */
export function appendAll<T>(into: T[], items: readonly T[]): void {
  for (const x of items) into.push(x);
}
