import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { crc32 } from "./crc32.js";
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
 * True when every file a precompiled policy was built from still holds what it held then, byte for
 * byte (size, then CRC-32 of the content), and this modpol's compiler wrote it. Modification times
 * are never consulted: installing a package resets them, and they say nothing of content.
 */
function fresh(compiler: string, sources: readonly SourceStamp[]): boolean {
  if (compiler !== COMPILER_VERSION) return false;
  // The bundled policies stand on ~3 MB of rule files. Read whole (readFileSync), each file was a new
  // buffer: about 16 ms and a garbage collection in every one-post run. One reused buffer, fed to the
  // hash a piece at a time, costs about 6 ms for the same bytes; a small one, because on this kind of
  // virtual machine the first touch of each fresh page of memory costs more than a read call.
  const chunk = Buffer.allocUnsafe(64 * 1024);
  return sources.every((s) => {
    let fd: number | undefined;
    try {
      const abs = resolve(BUNDLED_DIR, s.path);
      // Size first, by path: a file that is not the one stamped (a FIFO, say) is never opened.
      const st = statSync(abs);
      if (!st.isFile() || st.size !== s.size) return false;
      fd = openSync(abs, "r");
      let crc = 0;
      for (let n: number; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) crc = crc32(chunk.subarray(0, n), crc);
      return crc === s.crc32;
    } catch {
      return false;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  });
}

/** The precompiled bundled policy `id`, if it exists and its sources have not changed since. */
export function loadPrecompiled(id: string, dir = PRECOMPILED_DIR): PolicyLoadResult | undefined {
  return precompiledPolicy(id, dir, fresh);
}

/** A source stamp as one string, to compare stamps without reading their files again. */
const stampKey = (s: SourceStamp): string => `${s.path}\u0000${s.size}\u0000${s.crc32}`;

/**
 * The precompiled policy `id` of `dir`, if it exists, this build's format wrote it and `isFresh`
 * accepts its compiler and sources: {@link fresh} reads every source file; a timeline that has just
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
    if (ir.version !== TIMELINE_IR_VERSION || !fresh(ir.compiler, ir.sources)) return undefined;
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
