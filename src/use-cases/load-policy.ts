import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { deserialisePolicy, deserialiseTimeline, IR_VERSION, parsePolicyIR, TIMELINE_IR_VERSION, type PolicyIR, type SourceStamp, type TimelineIR } from "../precompiled/serialise.js";
import type { Diagnostic } from "../base/diagnostics.js";
import type { PolicyOrTimeline } from "../evaluate/timeline.js";
import { ruleFileKind } from "../load/discover.js";
import { BUNDLED_DIR, BUNDLED_IDS, CODE_DIR, BUNDLED_TIMELINES, bundledTimelinePath, resolvePolicyPath } from "../load/files.js";
import type { LoadOptions, LoadResult } from "./load-yaml-policy.js";

/** Where `npm run build` writes the precompiled bundled policies. */
export const PRECOMPILED_DIR = join(CODE_DIR, "bundled");

function fresh(ir: PolicyIR): boolean {
  return ir.version === IR_VERSION && unchanged(ir.sources);
}

/**
 * The folders whose compiled modules decide what a precompiled policy holds (term keys, views,
 * normalisation): all of them, not a list to keep up by hand, which once missed new modules.
 */
const ENGINE_DIRS = ["compile", "match", "precompiled", "text"];

/** A precompiled policy built before the engine was last rebuilt may hold stale keys: recompile. */
function newerThanEngine(file: string): boolean {
  try {
    const built = statSync(file).mtimeMs;
    return ENGINE_DIRS.every((d) => {
      const dir = join(CODE_DIR, d);
      // Under the tests CODE_DIR is src/, which holds no compiled modules.
      const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(".js")) : [];
      return names.every((n) => statSync(join(dir, n)).mtimeMs <= built);
    });
  } catch {
    return false;
  }
}

function unchanged(sources: readonly SourceStamp[]): boolean {
  // A bundled rule file edited after the build makes the precompiled copy stale: fall back to YAML.
  return sources.every((s) => {
    try {
      const st = statSync(resolve(BUNDLED_DIR, s.path));
      return st.size === s.size && st.mtimeMs === s.mtimeMs;
    } catch {
      return false;
    }
  });
}

/** The precompiled bundled policy `id`, if it exists and its sources have not changed since. */
export function loadPrecompiled(id: string, dir = PRECOMPILED_DIR): LoadResult | undefined {
  const file = join(dir, `${id}.ir`);
  if (!existsSync(file) || !newerThanEngine(file)) return undefined;
  try {
    const ir = parsePolicyIR(readFileSync(file));
    return fresh(ir) ? { policy: deserialisePolicy(ir), diagnostics: [], files: [] } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads a policy by bundled id or path. A bundled policy comes from its precompiled form when that
 * is up to date (no YAML parsing, no schema library: fast start-up); anything else goes through the
 * full load → validate → compile pipeline, imported only then.
 */
export async function loadPolicy(ref: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const cwd = opts.cwd ?? process.cwd();
  if ((BUNDLED_IDS as readonly string[]).includes(ref) && !existsSync(resolve(cwd, ref))) {
    const pre = loadPrecompiled(ref);
    if (pre) return pre;
  }
  const pipeline = await import("./load-yaml-policy.js");
  const abs = resolvePolicyPath(ref, cwd);
  return abs ? pipeline.loadYamlPolicyFile(abs, opts) : pipeline.loadYamlPolicy(ref, opts);
}

/**
 * The precompiled bundled timeline `id`, if it exists and none of its files (the timeline's and
 * every version's) has changed since. Versions are loaded from their own precompiled form when a
 * post first needs them.
 */
export function loadPrecompiledTimeline(id: string, dir = PRECOMPILED_DIR): PolicyOrTimeline | undefined {
  const file = join(dir, `${id}.timeline.json`);
  if (!existsSync(file)) return undefined;
  try {
    const ir = JSON.parse(readFileSync(file, "utf8")) as TimelineIR;
    if (ir.version !== TIMELINE_IR_VERSION || !unchanged(ir.sources)) return undefined;
    return deserialiseTimeline(ir, (v) => {
      const p = loadPrecompiled(v, dir)?.policy;
      // The stamps above cover this version's files too, so only a damaged build gets here.
      if (!p) throw new Error(`the precompiled policy '${v}' of timeline '${id}' cannot be read; run 'npm run build'`);
      return p;
    });
  } catch {
    return undefined;
  }
}

/** A policy or a timeline, loaded; or every diagnostic that stopped it from loading. */
export interface PolicyOrTimelineResult {
  readonly value?: PolicyOrTimeline;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Loads what `--policy ID|PATH` names: a policy (see {@link loadPolicy}) or a timeline, which is a
 * timeline file (`*.timeline.yaml` or a top-level `timeline:` key) or a bundled timeline id. A
 * bundled timeline comes from its precompiled form when that is up to date, like bundled policies.
 */
export async function loadPolicyOrTimeline(ref: string, opts: LoadOptions = {}): Promise<PolicyOrTimelineResult> {
  const cwd = opts.cwd ?? process.cwd();
  let timelineFile: string | undefined;
  const asPath = resolve(cwd, ref);
  if (existsSync(asPath) && statSync(asPath).isFile()) {
    if (/\.ya?ml$/i.test(asPath) && ruleFileKind(asPath, readFileSync(asPath, "utf8")) === "timeline") timelineFile = asPath;
  } else if ((BUNDLED_TIMELINES as readonly string[]).includes(ref)) {
    const pre = loadPrecompiledTimeline(ref);
    if (pre) return { value: pre, diagnostics: [] };
    timelineFile = bundledTimelinePath(ref);
  }
  if (timelineFile === undefined) {
    const r = await loadPolicy(ref, opts);
    return { ...(r.policy ? { value: r.policy } : {}), diagnostics: r.diagnostics };
  }
  const t = (await import("./load-yaml-timeline.js")).loadTimelineFile(timelineFile, opts);
  return { ...(t.timeline ? { value: t.timeline } : {}), diagnostics: t.diagnostics };
}
