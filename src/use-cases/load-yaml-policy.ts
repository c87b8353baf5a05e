import { realpathSync } from "node:fs";
import { dirname } from "node:path";
import type { CompileInfo } from "../compile/compile-info.js";
import { checkConditions, checkLibraries, compilePolicy } from "../compile/compile.js";
import type { TermMemo } from "../compile/compile-lexicons.js";
import type { CompiledPolicy } from "../compile/types.js";
import { appendAll, dedupeDiagnostics, type Diagnostic } from "../base/diagnostics.js";
import { displayPath, readText, refuseRuleFile, resolveInclude, resolvePolicyPath, suggestPolicyRef } from "../load/files.js";
import { countTerms, LIMIT_ENV, resolveLimits, type ResourceLimits } from "../load/limits.js";
import { parseYaml, sourceRef, diagAt, locate, type SourceRef, type YamlLimits, type YamlFile } from "../load/yaml-file.js";
import type { LexiconFileDoc, PolicyDoc } from "../validate/schema.js";
import { validateLexiconFile, validatePolicy, validParts } from "../validate/validate.js";
import { salvageLibrary, salvagePolicy, type Salvaged } from "../validate/salvage.js";
import { languageIdentifier } from "./load-language-model.js";
import type { LoadOptions as PublicLoadOptions, PolicyLoadResult } from "./load-types.js";

/** A library file read, parsed and validated once, whichever policy includes it. */
export interface LibraryFile {
  readonly yaml?: YamlFile;
  readonly doc?: LexiconFileDoc;
  /** For a file that parsed but failed validation: what can still be checked (see salvage.ts). */
  readonly salvaged?: Salvaged<LexiconFileDoc>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Library files already read in this run, by real path: policies sharing libraries parse them once. */
export type LibraryCache = Map<string, LibraryFile>;

/** Options for loading a policy from its YAML: the public ones, and a cache for whole folders. */
export interface LoadOptions extends PublicLoadOptions {
  /** Share parsed library files between several loads (`check` and `test` over a folder). */
  readonly cache?: LibraryCache;
  /** Share parsed lexicon terms between the policies compiled in one run (see {@link TermMemo}). */
  readonly terms?: TermMemo;
}

/** A policy loaded from its YAML, or every diagnostic that stopped it from loading. */
export interface LoadResult extends PolicyLoadResult {
  /** Every file read (the policy and its includes), for `check`. */
  readonly files: readonly YamlFile[];
  /** Definitions, usage and terms, for semantic lint (present when the policy compiled). */
  readonly info?: CompileInfo;
}

/** Include nesting deeper than this is refused, whatever the files say. */
const MAX_INCLUDE_DEPTH = 32;

interface IncludeContext {
  readonly cwd: string;
  readonly limits: YamlLimits;
  /** The folder includes are confined to. */
  readonly root: string;
  readonly cache: LibraryCache;
  readonly memo: TermMemo;
  readonly files: YamlFile[];
  readonly diagnostics: Diagnostic[];
  readonly libraries: { doc: LexiconFileDoc; ref: SourceRef }[];
  /** The libraries again, with those that failed validation rebuilt: to check names in an invalid policy. */
  readonly checkable: { doc: LexiconFileDoc; ref: SourceRef }[];
  /** True once some included file's definitions could not be read: no name can then be called unknown. */
  incomplete: boolean;
  /** Real paths already pulled in (a file included twice through different paths is read once). */
  readonly loaded: Set<string>;
  /** Terms and patterns so far, against `limits.maxTerms`; past it, no further include is read. */
  terms: number;
}

/**
 * Loads a policy by bundled id or path: parse → validate → resolve includes → compile. Never throws
 * for a user error; problems come back as diagnostics with file, line and column.
 */
export function loadYamlPolicy(ref: string, opts: LoadOptions = {}): LoadResult {
  const cwd = opts.cwd ?? process.cwd();
  const abs = resolvePolicyPath(ref, cwd);
  if (!abs) {
    return { files: [], diagnostics: [{ file: ref, line: 1, column: 1, endLine: 1, endColumn: 1, severity: "error", code: "policy-not-found", message: `no policy file or bundled policy named '${ref}'${suggestPolicyRef(ref, cwd)}` }] };
  }
  return loadYamlPolicyFile(abs, opts);
}

/** Loads the policy file at an absolute path (see {@link loadYamlPolicy}). */
export function loadYamlPolicyFile(abs: string, opts: LoadOptions = {}): LoadResult {
  const cwd = opts.cwd ?? process.cwd();
  const limits = resolveLimits(opts.limits);
  const file = displayPath(abs, cwd);
  const files: YamlFile[] = [];
  // A policy file that is a link out of its own folder is not read: as for includes.
  const refused = refuseRuleFile(abs, dirname(abs), file);
  if (refused) return { files, diagnostics: [refused] };
  const { text, diagnostic } = readText(abs, file, limits.maxFileBytes);
  if (text === undefined) return { files, diagnostics: diagnostic ? [diagnostic] : [] };
  const parsed = parseYaml(file, abs, text, limits);
  if (diagnostic) parsed.diagnostics.unshift(diagnostic); // invalid UTF-8: a warning
  if (!parsed.yaml) return { files, diagnostics: parsed.diagnostics };
  files.push(parsed.yaml);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  if (parsed.diagnostics.some((d) => d.severity === "error")) return { files, diagnostics };
  const v = validatePolicy(parsed.yaml, limits);
  appendAll(diagnostics, v.diagnostics);
  if (!v.doc) appendAll(diagnostics, checkValidParts(parsed.yaml, limits, true));
  // An invalid policy is still compiled as far as it is valid (below), so its terms count too.
  const salvaged: Salvaged<PolicyDoc> | undefined = v.doc ? { doc: v.doc, complete: true, stubbedSettings: new Set() } : salvagePolicy(parsed.yaml, limits);

  const ctx: IncludeContext = { cwd, limits, root: dirname(abs), cache: opts.cache ?? new Map(), memo: opts.terms ?? new Map(), files, diagnostics, libraries: [], checkable: [], incomplete: false, loaded: new Set(), terms: salvaged ? countTerms(salvaged.doc) : 0 };
  if (ctx.terms > limits.maxTerms) {
    const [s, e] = locate(parsed.yaml, ["lexicons"], "key");
    diagnostics.push(diagAt(parsed.yaml, s, e, "too-many-terms", tooManyTerms(limits)));
  }
  // Includes are followed even when the policy itself is invalid, so their problems are reported too.
  const includes = v.doc ? v.doc.include ?? [] : rawIncludes(parsed.yaml);
  followIncludes(ctx, parsed.yaml, includes, [{ real: realPath(abs), file }]);
  const ref = sourceRef(parsed.yaml);
  if (!v.doc || diagnostics.some((d) => d.severity === "error")) {
    // No policy comes of it, but every independent problem is still reported in this one run: the
    // files are compiled as far as they are valid, invalid definitions standing in by name, so that
    // a misspelt key in one rule does not hide an unknown signal in another.
    if (salvaged?.complete && !ctx.incomplete && ctx.terms <= limits.maxTerms) {
      const c = compilePolicy({ policy: { doc: salvaged.doc, ref }, lexiconFiles: ctx.checkable, maxDepth: limits.maxDepth, maxPatternSize: limits.maxPatternSize, stubbedSettings: salvaged.stubbedSettings, terms: ctx.memo });
      appendAll(diagnostics, c.diagnostics);
      return { files, diagnostics: dedupeDiagnostics(diagnostics) };
    }
    // Some definitions could not be read at all (a file with a YAML error, a missing include): names
    // cannot be resolved without reporting false "unknown" errors. Check what can be checked file by
    // file instead (terms, patterns, codes, condition syntax).
    const own = v.doc ? [{ doc: { lexicons: v.doc.lexicons, countries: v.doc.countries }, ref }] : [];
    appendAll(diagnostics, checkLibraries([...own, ...ctx.libraries], ctx.memo));
    if (v.doc) appendAll(diagnostics, checkConditions(ref, v.doc.rules.map((r, index) => ({ index, when: r.when })), limits.maxDepth));
    return { files, diagnostics: dedupeDiagnostics(diagnostics) };
  }
  const c = compilePolicy({ policy: { doc: v.doc, ref }, lexiconFiles: ctx.libraries, maxDepth: limits.maxDepth, maxPatternSize: limits.maxPatternSize, maxPatternCost: limits.maxPatternCost, languageModel: languageIdentifier(), terms: ctx.memo });
  appendAll(diagnostics, c.diagnostics);
  return c.policy ? { policy: c.policy, files, diagnostics, info: c.info } : { files, diagnostics };
}

/**
 * Loads a library file on its own (one that no policy of the run includes): parse, validate, follow
 * its includes (confined to `root`), and check its terms, patterns and country codes.
 */
export function loadLibraryFile(abs: string, root: string, opts: LoadOptions = {}): { diagnostics: Diagnostic[]; files: YamlFile[] } {
  const cwd = opts.cwd ?? process.cwd();
  const ctx: IncludeContext = { cwd, limits: resolveLimits(opts.limits), root, cache: opts.cache ?? new Map(), memo: opts.terms ?? new Map(), files: [], diagnostics: [], libraries: [], checkable: [], incomplete: false, loaded: new Set(), terms: 0 };
  const real = realPath(abs);
  ctx.loaded.add(real);
  const lib = readLibrary(abs, real, ctx);
  appendAll(ctx.diagnostics, lib.diagnostics);
  if (!lib.yaml) return { diagnostics: ctx.diagnostics, files: ctx.files };
  ctx.files.push(lib.yaml);
  ctx.terms = lib.doc ? countTerms(lib.doc) : 0;
  if (ctx.terms > ctx.limits.maxTerms) {
    const [s, e] = locate(lib.yaml, ["lexicons"], "key");
    ctx.diagnostics.push(diagAt(lib.yaml, s, e, "too-many-terms", tooManyTerms(ctx.limits)));
    return { diagnostics: ctx.diagnostics, files: ctx.files };
  }
  if (lib.doc) ctx.libraries.push({ doc: lib.doc, ref: sourceRef(lib.yaml) });
  followIncludes(ctx, lib.yaml, includesOf(lib), [{ real, file: lib.yaml.file }]);
  appendAll(ctx.diagnostics, checkLibraries(ctx.libraries, ctx.memo));
  return { diagnostics: ctx.diagnostics, files: ctx.files };
}

/** Local checks (terms, patterns, country codes, condition syntax) of an invalid file's valid parts. */
function checkValidParts(f: YamlFile, limits: YamlLimits, policy: boolean): Diagnostic[] {
  const parts = validParts(f, limits);
  if (!parts) return [];
  const ref = sourceRef(f);
  return [...checkLibraries([{ doc: parts.library, ref }]), ...(policy ? checkConditions(ref, parts.conditions, limits.maxDepth) : [])];
}

function realPath(abs: string): string {
  try {
    return realpathSync(abs);
  } catch {
    return abs;
  }
}

/** The `include` list as written, for a file whose validation failed elsewhere. */
function rawIncludes(f: YamlFile): unknown[] {
  const v = f.doc.get("include");
  if (v === undefined || v === null) return [];
  const js = (v as { toJSON?: () => unknown }).toJSON?.();
  return Array.isArray(js) ? js : [];
}

function includesOf(lib: LibraryFile): readonly unknown[] {
  if (lib.doc) return lib.doc.include ?? [];
  return lib.yaml && !lib.diagnostics.some((d) => d.code.startsWith("yaml-")) ? rawIncludes(lib.yaml) : [];
}

function readLibrary(abs: string, real: string, ctx: IncludeContext): LibraryFile {
  const hit = ctx.cache.get(real);
  if (hit) return hit;
  const file = displayPath(abs, ctx.cwd);
  const t = readText(abs, file, ctx.limits.maxFileBytes);
  let out: LibraryFile;
  if (t.text === undefined) out = { diagnostics: t.diagnostic ? [t.diagnostic] : [] };
  else {
    const p = parseYaml(file, abs, t.text, ctx.limits);
    if (t.diagnostic) p.diagnostics.unshift(t.diagnostic); // invalid UTF-8: a warning
    if (!p.yaml || p.diagnostics.some((d) => d.severity === "error")) out = { yaml: p.yaml, diagnostics: p.diagnostics };
    else {
      const lv = validateLexiconFile(p.yaml, ctx.limits);
      const local = lv.doc ? [] : checkValidParts(p.yaml, ctx.limits, false);
      const salvaged = lv.doc ? undefined : salvageLibrary(p.yaml, ctx.limits);
      out = { yaml: p.yaml, doc: lv.doc, ...(salvaged ? { salvaged } : {}), diagnostics: [...p.diagnostics, ...lv.diagnostics, ...local] };
    }
  }
  ctx.cache.set(real, out);
  return out;
}

/**
 * Follows the includes written in `from`, depth first: each library's own definitions come before
 * those of the files it includes. `stack` is the chain of files that led here, to report cycles.
 */
function followIncludes(ctx: IncludeContext, from: YamlFile, includes: readonly unknown[], stack: readonly { real: string; file: string }[]): void {
  const seen = new Set<string>();
  includes.forEach((inc, i) => {
    if (typeof inc !== "string" || inc === "") return; // the schema has reported it
    const at = locate(from, ["include", i]);
    const r = resolveInclude(inc, from.absPath, ctx.root);
    if (!r.path) {
      ctx.incomplete = true;
      ctx.diagnostics.push(diagAt(from, at[0], at[1], r.code ?? "include-not-found", r.message ?? "bad include"));
      return;
    }
    const real = r.real ?? r.path;
    if (seen.has(real)) {
      ctx.diagnostics.push(diagAt(from, at[0], at[1], "duplicate-include", `'${inc}' is already included`, "warning"));
      return;
    }
    seen.add(real);
    const cycle = stack.findIndex((s) => s.real === real);
    if (cycle >= 0) {
      const chain = [...stack.slice(cycle).map((s) => s.file), stack[cycle]?.file].join(" → ");
      ctx.diagnostics.push(diagAt(from, at[0], at[1], "include-cycle", `include cycle: ${chain}`));
      return;
    }
    if (stack.length >= MAX_INCLUDE_DEPTH) {
      ctx.diagnostics.push(diagAt(from, at[0], at[1], "include-cycle", `includes are nested more than ${MAX_INCLUDE_DEPTH} deep`));
      return;
    }
    // Reached before through another include (a diamond): its definitions are already in.
    if (ctx.loaded.has(real)) return;
    ctx.loaded.add(real);
    if (ctx.terms > ctx.limits.maxTerms) return; // reported once, where the limit was passed
    const lib = readLibrary(r.path, real, ctx);
    appendAll(ctx.diagnostics, lib.diagnostics);
    const usable = lib.doc ?? lib.salvaged?.doc;
    if (!usable || (lib.salvaged && !lib.salvaged.complete)) ctx.incomplete = true;
    if (!lib.yaml) return;
    ctx.files.push(lib.yaml);
    if (usable) ctx.terms += countTerms(usable);
    if (ctx.terms > ctx.limits.maxTerms) {
      // Stop here, before the compiler builds an index of it all: the limit bounds memory.
      ctx.diagnostics.push(diagAt(from, at[0], at[1], "too-many-terms", tooManyTerms(ctx.limits)));
      return;
    }
    if (lib.doc) ctx.libraries.push({ doc: lib.doc, ref: sourceRef(lib.yaml) });
    if (usable) ctx.checkable.push({ doc: usable, ref: sourceRef(lib.yaml) });
    followIncludes(ctx, lib.yaml, includesOf(lib), [...stack, { real, file: lib.yaml.file }]);
  });
}

function tooManyTerms(limits: ResourceLimits): string {
  return `more than ${limits.maxTerms} terms and patterns in the policy and its includes (${LIMIT_ENV.maxTerms.name}); files after this one are not read`;
}
