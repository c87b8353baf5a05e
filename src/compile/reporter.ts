import type { Diagnostic, Severity } from "../base/diagnostics.js";
import type { SourceRef } from "../load/yaml-file.js";

/** Collects compile diagnostics, placing each at a path of the file it concerns. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  report(ref: SourceRef, path: readonly (string | number)[], severity: Severity, code: string, message: string, part: "key" | "value" = "value", sub?: readonly [number, number]): void {
    this.diagnostics.push({ file: ref.file, ...ref.span(path, part, sub), severity, code, message });
  }

  error(ref: SourceRef, path: readonly (string | number)[], code: string, message: string, part: "key" | "value" = "value", sub?: readonly [number, number]): void {
    this.report(ref, path, "error", code, message, part, sub);
  }

  warn(ref: SourceRef, path: readonly (string | number)[], code: string, message: string, part: "key" | "value" = "value"): void {
    this.report(ref, path, "warning", code, message, part);
  }

  get hasErrors(): boolean {
    return this.diagnostics.some((d) => d.severity === "error");
  }
}
