import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { compileTimeline, type Timeline } from "../compile/timeline.js";
import type { CompiledPolicy } from "../compile/types.js";
import type { Diagnostic } from "../base/diagnostics.js";
import { BUNDLED_DIR, BUNDLED_IDS, displayPath, readText, resolveInclude } from "../load/files.js";
import { DEFAULT_YAML_LIMITS, diagAt, locate, parseYaml, sourceRef, type YamlFile } from "../load/yaml-file.js";
import { loadYamlPolicyFile, type LoadOptions, type LoadResult } from "./load-yaml-policy.js";
import { validateTimelineFile } from "../validate/validate.js";

/** Options for loading a timeline: those of a policy, plus policies the caller has already loaded. */
export interface TimelineLoadOptions extends LoadOptions {
  /** A policy file already loaded in this run (by absolute path), so `check` loads each once. */
  readonly loaded?: (abs: string) => LoadResult | undefined;
}

/** A loaded timeline, or every diagnostic that stopped it from loading. */
export interface TimelineLoadResult {
  readonly timeline?: Timeline;
  readonly diagnostics: readonly Diagnostic[];
  /** The timeline file itself (its versions' files are not included: they are policies of their own). */
  readonly files: readonly YamlFile[];
  /** The policy file each version comes from, for the precompiled form of bundled timelines. */
  readonly members: readonly { readonly abs: string; readonly result: LoadResult }[];
}

/**
 * Where a timeline entry points: a policy file relative to the timeline, confined to its folder tree
 * like includes, or else a bundled policy id (an existing file wins, as with `--policy`).
 */
function resolveEntry(ref: string, timelineAbs: string): { abs?: string; code?: string; message?: string } {
  const local = resolve(dirname(timelineAbs), ref);
  if (!existsSync(local) && (BUNDLED_IDS as readonly string[]).includes(ref)) return { abs: join(BUNDLED_DIR, `${ref}.yaml`) };
  const r = resolveInclude(ref, timelineAbs, dirname(timelineAbs));
  if (r.path) return { abs: r.path };
  if (r.code === "include-not-found") return { code: "policy-not-found", message: `no policy file '${ref}' (looked for ${local}) and no bundled policy named '${ref}'` };
  return { code: r.code ?? "policy-not-found", message: (r.message ?? "").replace(/^include /, "policy ").replace("the policy's folder", "the timeline's folder") };
}

/**
 * Loads the timeline file at an absolute path: parse → validate → load each version's policy →
 * check the versions' dates (overlaps, gaps, dates outside every version). Never throws for a user
 * error; problems come back as positioned diagnostics.
 */
export function loadTimelineFile(abs: string, opts: TimelineLoadOptions = {}): TimelineLoadResult {
  const cwd = opts.cwd ?? process.cwd();
  const limits = opts.limits ?? DEFAULT_YAML_LIMITS;
  const file = displayPath(abs, cwd);
  const { text, diagnostic } = readText(abs, file);
  if (text === undefined) return { diagnostics: diagnostic ? [diagnostic] : [], files: [], members: [] };
  const parsed = parseYaml(file, abs, text, limits);
  if (!parsed.yaml) return { diagnostics: parsed.diagnostics, files: [], members: [] };
  const files = [parsed.yaml];
  if (parsed.diagnostics.some((d) => d.severity === "error")) return { diagnostics: parsed.diagnostics, files, members: [] };
  const v = validateTimelineFile(parsed.yaml, limits.maxAliasCount);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics, ...v.diagnostics];
  if (!v.doc) return { diagnostics, files, members: [] };

  const members: { abs: string; result: LoadResult }[] = [];
  const policies: (CompiledPolicy | undefined)[] = v.doc.timeline.policies.map((entry, i) => {
    const ref = typeof entry === "string" ? entry : entry.policy;
    const path = typeof entry === "string" ? ["timeline", "policies", i] : ["timeline", "policies", i, "policy"];
    const [s, e] = locate(parsed.yaml as YamlFile, path);
    const target = resolveEntry(ref, abs);
    if (!target.abs) {
      diagnostics.push(diagAt(parsed.yaml as YamlFile, s, e, target.code ?? "policy-not-found", target.message ?? `no policy '${ref}'`));
      return undefined;
    }
    const result = opts.loaded?.(target.abs) ?? loadYamlPolicyFile(target.abs, { cwd, limits, cache: opts.cache, terms: opts.terms });
    members.push({ abs: target.abs, result });
    if (result.policy) return result.policy;
    const n = result.diagnostics.filter((d) => d.severity === "error").length;
    diagnostics.push(diagAt(parsed.yaml as YamlFile, s, e, "timeline-policy-invalid", `policy '${ref}' cannot be loaded (${n} error${n === 1 ? "" : "s"}); run 'modpol check ${displayPath(target.abs, cwd)}' for details`));
    return undefined;
  });
  const c = compileTimeline({ doc: v.doc.timeline, ref: sourceRef(parsed.yaml), members: policies });
  diagnostics.push(...c.diagnostics);
  const failed = diagnostics.some((d) => d.severity === "error");
  return { ...(c.timeline && !failed ? { timeline: c.timeline } : {}), diagnostics, files, members };
}
