import { existsSync, readFileSync, statSync } from "node:fs";
import { nodeFileAccess, sourcesHold } from "./source-freshness.js";
import { fileBytes } from "./file-bytes.js";
import { dirname, join, resolve } from "node:path";
import { COMPILER_VERSION, deserialisePolicy, deserialiseTimeline, IR_VERSION, parsePolicyIR, TIMELINE_IR_VERSION, type PolicyIR, type SourceStamp, type TimelineIR } from "../precompiled/serialise.js";
import type { Diagnostic } from "../base/diagnostics.js";
import type { PolicyOrTimeline } from "../evaluate/timeline.js";
import { ruleFileKind } from "../load/discover.js";
import { BUNDLED_DIR, BUNDLED_IDS, CODE_DIR, BUNDLED_TIMELINES, bundledTimelinePath, readText, refuseRuleFile, resolvePolicyPath } from "../load/files.js";
import { resolveLimits } from "../load/limits.js";
import { languageIdentifier } from "./load-language-model.js";
import type { LoadOptions, PolicyLoadResult } from "./load-types.js";

/**
 * Where the precompiled bundled policies are read from: what `npm run build` writes beside the
 * compiled code. The tests point MODPOL_PRECOMPILED_DIR at policies precompiled once from the
 * sources they run (see vitest's global setup), instead of compiling the YAML in every test file.
 */
export const PRECOMPILED_DIR = process.env.MODPOL_PRECOMPILED_DIR ?? join(CODE_DIR, "bundled");

/**
 * True when this modpol's compiler wrote the precompiled policy and every file it was built from
 * still holds what it held then, byte for byte (size, then CRC-32 of the content). Files already
 * checked and not written since are not read again: see source-freshness.ts. `dir` is the folder of
 * the precompiled policies, where that record is kept.
 */
function freshIn(dir: string): (compiler: string, sources: readonly SourceStamp[]) => boolean {
  return (compiler, sources) => compiler === COMPILER_VERSION && sourcesHold(BUNDLED_DIR, sources, nodeFileAccess(dir));
}

/** The precompiled bundled policy `id`, if it exists and its sources have not changed since. */
export function loadPrecompiled(id: string, dir = PRECOMPILED_DIR): PolicyLoadResult | undefined {
  return precompiledPolicy(id, dir, freshIn(dir));
}

/** A source stamp as one string, to compare stamps without reading their files again. */
const stampKey = (s: SourceStamp): string => `${s.path}\u0000${s.size}\u0000${s.crc32}`;

/**
 * The precompiled policy `id` of `dir`, if it exists, this build's format wrote it and `isFresh`
 * accepts its compiler and sources: {@link freshIn} checks every source file; a timeline that has just
 * read them all passes a check against the stamps it verified, so a timeline run reads each rule
 * file once, not once for the timeline and again for its version.
 */
function precompiledPolicy(id: string, dir: string, isFresh: (compiler: string, sources: readonly SourceStamp[]) => boolean): PolicyLoadResult | undefined {
  const file = join(dir, `${id}.ir`);
  if (!existsSync(file)) return undefined;
  let ir: PolicyIR;
  try {
    ir = parsePolicyIR(fileBytes(file));
    if (ir.version !== IR_VERSION || !isFresh(ir.compiler, ir.sources)) return undefined;
  } catch {
    return undefined;
  }
  // A fresh policy whose folder lacks the language model is a broken build, not a stale one: the
  // identifier throws, saying to build, rather than the policy loading without language scoping.
  return { policy: deserialisePolicy(ir, languageIdentifier(dir)), diagnostics: [], files: [] };
}

/**
 * Loads a policy by bundled id or path. A bundled policy comes from its precompiled form when that
 * is up to date (no YAML parsing, no schema library: fast start-up); anything else goes through the
 * full load → validate → compile pipeline, imported only then.
 */
export async function loadPolicy(ref: string, opts: LoadOptions = {}): Promise<PolicyLoadResult> {
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
    if (ir.version !== TIMELINE_IR_VERSION || !freshIn(dir)(ir.compiler, ir.sources)) return undefined;
    // Every file of every version is stamped in the timeline, and was just found unchanged: a
    // version is fresh when its own stamps are among those.
    const verified = new Set(ir.sources.map(stampKey));
    const verifiedHere = (compiler: string, sources: readonly SourceStamp[]): boolean => compiler === COMPILER_VERSION && sources.every((s) => verified.has(stampKey(s)));
    return deserialiseTimeline(ir, (v) => {
      const p = precompiledPolicy(v, dir, verifiedHere)?.policy;
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
    // Only to tell a timeline from a policy: a file that is refused or over the limit is neither,
    // and the policy loader reports why.
    const text = refuseRuleFile(asPath, dirname(asPath), ref) ? undefined : readText(asPath, ref, resolveLimits(opts.limits).maxFileBytes).text;
    if (/\.ya?ml$/i.test(asPath) && text !== undefined && ruleFileKind(asPath, text) === "timeline") timelineFile = asPath;
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
