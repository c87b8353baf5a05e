import { dirname } from "node:path";
import { compilePolicy } from "./compile/compile.js";
import type { CompiledPolicy } from "./compile/types.js";
import type { Diagnostic } from "./diagnostics.js";
import { displayPath, readText, resolveInclude, resolvePolicyPath } from "./load/files.js";
import { parseYaml, sourceRef, diagAt, locate, DEFAULT_YAML_LIMITS, type YamlLimits, type YamlFile } from "./load/yaml-file.js";
import type { LexiconFileDoc } from "./validate/schema.js";
import { validateLexiconFile, validatePolicy } from "./validate/validate.js";

/** Options for loading a policy. */
export interface LoadOptions {
  /** Folder relative paths are resolved against and shown relative to (default: process.cwd()). */
  readonly cwd?: string;
  readonly limits?: YamlLimits;
}

/** A loaded policy, or every diagnostic that stopped it from loading. */
export interface LoadResult {
  readonly policy?: CompiledPolicy;
  readonly diagnostics: readonly Diagnostic[];
  /** Every file read (the policy and its includes), for `check`. */
  readonly files: readonly YamlFile[];
}

/**
 * Loads a policy by bundled id or path: parse → validate → resolve includes → compile. Never throws
 * for a user error; problems come back as diagnostics with file, line and column.
 */
export function loadPolicy(ref: string, opts: LoadOptions = {}): LoadResult {
  const cwd = opts.cwd ?? process.cwd();
  const abs = resolvePolicyPath(ref, cwd);
  if (!abs) {
    return { files: [], diagnostics: [{ file: ref, line: 1, column: 1, endLine: 1, endColumn: 1, severity: "error", code: "policy-not-found", message: `no policy file or bundled policy named '${ref}'` }] };
  }
  return loadPolicyFile(abs, opts);
}

/** Loads the policy file at an absolute path (see {@link loadPolicy}). */
export function loadPolicyFile(abs: string, opts: LoadOptions = {}): LoadResult {
  const cwd = opts.cwd ?? process.cwd();
  const limits = opts.limits ?? DEFAULT_YAML_LIMITS;
  const file = displayPath(abs, cwd);
  const files: YamlFile[] = [];
  const { text, diagnostic } = readText(abs, file);
  if (text === undefined) return { files, diagnostics: diagnostic ? [diagnostic] : [] };
  const parsed = parseYaml(file, abs, text, limits);
  if (!parsed.yaml) return { files, diagnostics: parsed.diagnostics };
  files.push(parsed.yaml);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  if (parsed.diagnostics.some((d) => d.severity === "error")) return { files, diagnostics };
  const v = validatePolicy(parsed.yaml, limits.maxAliasCount);
  diagnostics.push(...v.diagnostics);
  if (!v.doc) return { files, diagnostics };

  const root = dirname(abs);
  const lexiconFiles: { doc: LexiconFileDoc; ref: ReturnType<typeof sourceRef> }[] = [];
  const seen = new Set<string>();
  (v.doc.include ?? []).forEach((inc, i) => {
    const at = locate(parsed.yaml as YamlFile, ["include", i]);
    const r = resolveInclude(inc, abs, root);
    if (!r.path) {
      diagnostics.push(diagAt(parsed.yaml as YamlFile, at[0], at[1], r.code ?? "include-not-found", r.message ?? "bad include"));
      return;
    }
    if (seen.has(r.path)) {
      diagnostics.push(diagAt(parsed.yaml as YamlFile, at[0], at[1], "duplicate-include", `'${inc}' is already included`, "warning"));
      return;
    }
    seen.add(r.path);
    const incFile = displayPath(r.path, cwd);
    const t = readText(r.path, incFile);
    if (t.text === undefined) {
      if (t.diagnostic) diagnostics.push(t.diagnostic);
      return;
    }
    const p = parseYaml(incFile, r.path, t.text, limits);
    diagnostics.push(...p.diagnostics);
    if (!p.yaml || p.diagnostics.some((d) => d.severity === "error")) return;
    files.push(p.yaml);
    const lv = validateLexiconFile(p.yaml, limits.maxAliasCount);
    diagnostics.push(...lv.diagnostics);
    if (lv.doc) lexiconFiles.push({ doc: lv.doc, ref: sourceRef(p.yaml) });
  });
  if (diagnostics.some((d) => d.severity === "error")) return { files, diagnostics };
  const c = compilePolicy({ policy: { doc: v.doc, ref: sourceRef(parsed.yaml) }, lexiconFiles });
  diagnostics.push(...c.diagnostics);
  return c.policy ? { policy: c.policy, files, diagnostics } : { files, diagnostics };
}
