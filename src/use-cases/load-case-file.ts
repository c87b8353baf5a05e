import { dirname } from "node:path";
import { appendAll, type Diagnostic } from "../base/diagnostics.js";
import { displayPath, readText, refuseRuleFile } from "../load/files.js";
import { resolveLimits } from "../load/limits.js";
import { parseYaml, shiftedRef, sourceRef, type YamlLimits } from "../load/yaml-file.js";
import { validateCaseFile, validateCaseLine } from "../validate/validate.js";
import type { CaseEntry } from "../compile/compile-cases.js";

/** A case file read and validated: its cases, its problems, and its text (for caret display). */
export interface CaseFile {
  readonly file: string;
  readonly text: string | undefined;
  readonly entries: readonly CaseEntry[];
  readonly diagnostics: readonly Diagnostic[];
}

/** True for a path that names a JSONL case file. */
export function isJsonl(path: string): boolean {
  return /\.(jsonl|ndjson)$/i.test(path);
}

/**
 * Reads a case file: YAML (`cases: [...]`) or JSONL (one case a line, in the format of a labelled
 * data set). Every problem is a positioned diagnostic; a bad JSONL line does not stop the others.
 */
export function loadCaseFile(abs: string, opts: { cwd?: string; limits?: Partial<YamlLimits> } = {}): CaseFile {
  const cwd = opts.cwd ?? process.cwd();
  const limits = resolveLimits(opts.limits);
  const file = displayPath(abs, cwd);
  const refused = refuseRuleFile(abs, dirname(abs), file);
  if (refused) return { file, text: undefined, entries: [], diagnostics: [refused] };
  const { text, diagnostic } = readText(abs, file, limits.maxFileBytes);
  if (text === undefined) return { file, text, entries: [], diagnostics: diagnostic ? [diagnostic] : [] };
  if (isJsonl(abs)) {
    const c = loadJsonl(file, abs, text, limits);
    return diagnostic ? { ...c, diagnostics: [diagnostic, ...c.diagnostics] } : c;
  }
  const parsed = parseYaml(file, abs, text, limits);
  if (diagnostic) parsed.diagnostics.unshift(diagnostic); // invalid UTF-8: a warning
  if (!parsed.yaml || parsed.diagnostics.some((d) => d.severity === "error")) return { file, text, entries: [], diagnostics: parsed.diagnostics };
  const v = validateCaseFile(parsed.yaml, limits);
  if (!v.doc) return { file, text, entries: [], diagnostics: [...parsed.diagnostics, ...v.diagnostics] };
  const ref = sourceRef(parsed.yaml);
  const fp = v.doc.policy;
  const filePolicies = fp === undefined ? undefined : Array.isArray(fp) ? fp.map((id, i) => ({ id, path: ["policy", i] })) : [{ id: fp, path: ["policy"] }];
  const entries = v.doc.cases.map((doc, i) => ({ doc, ref, path: ["cases", i], filePolicies }));
  return { file, text, entries, diagnostics: [...parsed.diagnostics, ...v.diagnostics] };
}

function loadJsonl(file: string, abs: string, text: string, limits: YamlLimits): CaseFile {
  const entries: CaseEntry[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = text.split("\n");
  lines.forEach((raw, i) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "") return;
    const at = (column: number, endColumn: number, code: string, message: string): Diagnostic => ({ file, line: i + 1, column, endLine: i + 1, endColumn, severity: "error", code, message });
    try {
      JSON.parse(line);
    } catch (e) {
      // JSON first: YAML would accept lines that are not JSON ({a: 'b'}), which other tools reject.
      const msg = (e as Error).message;
      const pos = Number(/position (\d+)/.exec(msg)?.[1] ?? 0);
      diagnostics.push(at(pos + 1, Math.min(pos + 2, line.length + 1), "invalid-json", `not a JSON object: ${msg.replace(/ in JSON at position \d+.*$/, "")}`));
      return;
    }
    // Parsed again as YAML (JSON is a subset of it) only to know where each field is written.
    const p = parseYaml(file, abs, line, limits);
    const shift = (d: Diagnostic): Diagnostic => ({ ...d, line: d.line + i, endLine: d.endLine + i, message: d.message.replace(/ the file\b/, " this line") });
    if (!p.yaml || p.diagnostics.some((d) => d.severity === "error")) {
      appendAll(diagnostics, p.diagnostics.map(shift));
      return;
    }
    const v = validateCaseLine(p.yaml);
    appendAll(diagnostics, v.diagnostics.map(shift));
    if (v.doc) entries.push({ doc: v.doc, ref: shiftedRef(sourceRef(p.yaml), i), path: [], filePolicies: undefined });
  });
  return { file, text, entries, diagnostics };
}
