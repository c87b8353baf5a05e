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
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`;
}

/** Orders diagnostics by file, then position, then code, so output is stable. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
}
