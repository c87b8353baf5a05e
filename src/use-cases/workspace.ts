import { realpathSync } from "node:fs";
import { loadCaseFile, type CaseFile } from "./load-case-file.js";
import { compileCases, type CompiledCases } from "../compile/compile-cases.js";
import type { TermMemo } from "../compile/compile-lexicons.js";
import { lintPolicy, mergeLintResults } from "../checks/lint.js";
import { applyIgnoreComments, dedupeDiagnostics, sortDiagnostics, type Diagnostic, appendAll } from "../base/diagnostics.js";
import { findRuleFiles, ruleFileKind, type FoundFile } from "../load/discover.js";
import { BUNDLED_IDS, displayPath, readText, suggestPolicyRef } from "../load/files.js";
import { resolveLimits } from "../load/limits.js";
import { sourceRef, type YamlLimits } from "../load/yaml-file.js";
import { loadLibraryFile, loadYamlPolicyFile, type LibraryCache, type LoadResult } from "./load-yaml-policy.js";
import { loadTimelineFile, type TimelineLoadResult } from "./load-yaml-timeline.js";

/**
 * A set of rule files loaded together, as `check` and `test` see them: every policy under the given
 * paths, every library file (those no policy includes are still validated on their own), every
 * case file and every timeline. Shared library files are parsed once, and a policy that is also a
 * timeline's version is loaded once.
 */
export interface Workspace {
  readonly policies: readonly { readonly file: string; readonly result: LoadResult }[];
  readonly timelines: readonly { readonly file: string; readonly result: TimelineLoadResult }[];
  readonly caseFiles: readonly CaseFile[];
  /** Problems found while loading, validating and compiling (not lint), without repeats. */
  readonly diagnostics: readonly Diagnostic[];
  /** Text of every file read, by the path shown to the user: for source lines under diagnostics. */
  readonly sources: ReadonlyMap<string, string>;
  /** How many rule files were checked: those found under the paths and those they include. */
  readonly fileCount: number;
  /** The files found under the paths given (as shown), as opposed to files only reached by an include. */
  readonly found: ReadonlySet<string>;
}

/** Options for {@link loadWorkspace}. */
export interface WorkspaceOptions {
  readonly cwd: string;
  readonly limits?: YamlLimits;
}

/** Paths that name nothing: the caller turns them into a usage error. */
export class MissingPathsError extends Error {
  constructor(readonly paths: readonly string[], cwd?: string) {
    super(`no such file or folder: ${paths.map((p) => `${p}${cwd === undefined ? "" : suggestPolicyRef(p, cwd)}`).join(", ")}`);
  }
}

function real(abs: string): string {
  try {
    return realpathSync(abs);
  } catch {
    return abs;
  }
}

/** Finds and loads the rule files under `paths`. Throws {@link MissingPathsError} for paths that do not exist. */
export function loadWorkspace(paths: readonly string[], opts: WorkspaceOptions): Workspace {
  const { files, missing, refused } = findRuleFiles(paths, opts.cwd);
  if (missing.length > 0) throw new MissingPathsError(missing, opts.cwd);
  const cache: LibraryCache = new Map();
  const lo = { cwd: opts.cwd, limits: opts.limits, cache, terms: new Map() as TermMemo };
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [...refused];
  const kinds = new Map<FoundFile, ReturnType<typeof ruleFileKind>>();
  const maxBytes = resolveLimits(opts.limits).maxFileBytes;
  for (const f of files) {
    // Within the size limit only; a file over it, or unreadable, is reported when it is loaded.
    const { text } = readText(f.abs, f.abs, maxBytes);
    kinds.set(f, ruleFileKind(f.abs, text ?? ""));
  }

  const policies: { file: string; result: LoadResult }[] = [];
  const byPath = new Map<string, LoadResult>();
  const included = new Set<string>();
  for (const f of files.filter((x) => kinds.get(x) === "policy")) {
    const result = loadYamlPolicyFile(f.abs, lo);
    policies.push({ file: displayPath(f.abs, opts.cwd), result });
    byPath.set(real(f.abs), result);
    appendAll(diagnostics, result.diagnostics);
    for (const y of result.files) {
      sources.set(y.file, y.text);
      if (y.absPath !== f.abs) included.add(real(y.absPath));
    }
  }
  for (const f of files.filter((x) => kinds.get(x) === "library" && !included.has(real(x.abs)))) {
    const r = loadLibraryFile(f.abs, f.root, lo);
    appendAll(diagnostics, r.diagnostics);
    for (const y of r.files) sources.set(y.file, y.text);
  }
  // A timeline's versions that are among the policies above are not loaded again.
  const timelines: { file: string; result: TimelineLoadResult }[] = [];
  for (const f of files.filter((x) => kinds.get(x) === "timeline")) {
    const result = loadTimelineFile(f.abs, { ...lo, loaded: (abs) => byPath.get(real(abs)) });
    timelines.push({ file: displayPath(f.abs, opts.cwd), result });
    appendAll(diagnostics, result.diagnostics);
    for (const y of result.files) sources.set(y.file, y.text);
  }
  const caseFiles = files.filter((x) => kinds.get(x) === "cases").map((f) => loadCaseFile(f.abs, lo));
  for (const c of caseFiles) {
    appendAll(diagnostics, c.diagnostics);
    if (c.text !== undefined) sources.set(c.file, c.text);
  }
  // Files refused unread (links out, FIFOs) were found all the same: they are reported, not "no files".
  const found = new Set([...files.map((f) => displayPath(f.abs, opts.cwd)), ...refused.map((d) => d.file)]);
  return { policies, timelines, caseFiles, diagnostics: dedupeDiagnostics(diagnostics), sources, fileCount: new Set([...found, ...sources.keys()]).size, found };
}

/** The policies of a workspace that loaded, by id, with their rule ids (what cases can name). */
export function loadedRules(ws: Workspace): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const p of ws.policies) if (p.result.policy && !out.has(p.result.policy.id)) out.set(p.result.policy.id, p.result.policy.rules.map((r) => r.id));
  return out;
}

/** Resolves the workspace's case files against its policies. */
export function workspaceCases(ws: Workspace): CompiledCases {
  return compileCases(ws.caseFiles.flatMap((c) => c.entries), loadedRules(ws), BUNDLED_IDS);
}

/** Two policy files with the same id: cases and `--policy` could not tell them apart. */
function duplicateIds(ws: Workspace): Diagnostic[] {
  const first = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const p of ws.policies) {
    const { policy, info } = p.result;
    if (!policy || !info) continue;
    const prev = first.get(policy.id);
    if (prev === undefined) first.set(policy.id, p.file);
    else out.push({ file: p.file, ...info.policyRef.span(["id"]), severity: "error", code: "duplicate-policy-id", message: `policy id '${policy.id}' is already used by ${prev}` });
  }
  // A timeline's id names it wherever a policy id can (--policy), so it must not be one.
  for (const t of ws.timelines) {
    const { timeline, files } = t.result;
    const yaml = files[0];
    if (!timeline || !yaml) continue;
    const prev = first.get(timeline.id);
    if (prev === undefined) first.set(timeline.id, t.file);
    else out.push({ file: t.file, ...sourceRef(yaml).span(["timeline", "id"]), severity: "error", code: "duplicate-policy-id", message: `timeline id '${timeline.id}' is already used by ${prev}` });
  }
  return out;
}

/**
 * Everything `check` reports for a workspace: load, validation and compile problems, semantic lint
 * of every policy (shared definitions judged over all policies that include them), problems in case
 * files, without repeats, minus acknowledged warnings, in file and position order.
 */
export function checkWorkspace(ws: Workspace): Diagnostic[] {
  // A library reached only through an include may be shared with policies outside the paths given
  // (`check rules/one-policy.yaml`): whether its definitions are used elsewhere cannot be known.
  const results = ws.policies.flatMap((p) => (p.result.policy && p.result.info ? [lintPolicy(p.result.policy, p.result.info)] : []));
  const lint = mergeLintResults(results, (file) => ws.found.has(file));
  const all = [...ws.diagnostics, ...duplicateIds(ws), ...lint, ...workspaceCases(ws).diagnostics];
  return sortDiagnostics(applyIgnoreComments(dedupeDiagnostics(all), ws.sources));
}
