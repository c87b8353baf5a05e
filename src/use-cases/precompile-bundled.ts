import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { formatDiagnosticLine, type Diagnostic } from "../base/diagnostics.js";
import { BUNDLED_DIR, BUNDLED_IDS, BUNDLED_TIMELINES, bundledTimelinePath } from "../load/files.js";
import { serialisePolicy, serialiseTimeline, type SourceStamp } from "../precompiled/serialise.js";
import type { TermMemo } from "../compile/compile-lexicons.js";
import { loadYamlPolicy, type LibraryCache, type LoadResult } from "./load-yaml-policy.js";
import { loadTimelineFile } from "./load-yaml-timeline.js";
import { crc32 } from "./crc32.js";

/** What {@link precompileBundled} did: the files written, and the problems that stopped others. */
export interface PrecompileResult {
  readonly written: readonly string[];
  /** One line each (`file:line:col: error code message`, or a sentence). */
  readonly problems: readonly string[];
}

/** What a file held when it was compiled: the loader compares content, never modification times. */
function stamp(abs: string): SourceStamp {
  const bytes = readFileSync(abs);
  return { path: relative(BUNDLED_DIR, abs), size: bytes.length, crc32: crc32(bytes) };
}

const errorsOf = (ds: readonly Diagnostic[]): string[] => ds.filter((d) => d.severity === "error").map(formatDiagnosticLine);

/**
 * Compiles each bundled policy and timeline once and writes it to `dir` (`<id>.ir`,
 * `<id>.timeline.json`), so that a run with a bundled policy starts without parsing YAML or loading
 * the schema library. The build does this for dist/; the tests do it once for the sources they run.
 */
export function precompileBundled(dir: string): PrecompileResult {
  mkdirSync(dir, { recursive: true });
  // Policies of an older build format (<id>.json) would only mislead someone reading the folder.
  for (const f of readdirSync(dir)) if (f.endsWith(".json") && !f.endsWith(".timeline.json")) rmSync(join(dir, f));
  const written: string[] = [];
  const problems: string[] = [];
  const loaded = new Map<string, LoadResult>();
  // The bundled policies include mostly the same files: each is parsed, and each term, once.
  const shared = { cache: new Map() as LibraryCache, terms: new Map() as TermMemo };
  for (const id of BUNDLED_IDS) {
    const r = loadYamlPolicy(id, shared);
    loaded.set(join(BUNDLED_DIR, `${id}.yaml`), r);
    const errors = errorsOf(r.diagnostics);
    if (!r.policy || errors.length > 0) {
      problems.push(...errors);
      continue;
    }
    const file = join(dir, `${id}.ir`);
    writeFileSync(file, serialisePolicy(r.policy, r.files.map((f) => stamp(f.absPath))));
    written.push(file);
  }
  // Bundled timelines: their periods, and which bundled policy each version is. Every file of every
  // version is stamped too, so editing any of them sends the timeline back to the YAML pipeline.
  for (const id of BUNDLED_TIMELINES) {
    const abs = bundledTimelinePath(id);
    const r = loadTimelineFile(abs, { loaded: (p) => loaded.get(p) });
    const errors = errorsOf(r.diagnostics);
    if (!r.timeline || errors.length > 0) {
      problems.push(...errors);
      continue;
    }
    const notBundled = r.timeline.versions.filter((v) => !(BUNDLED_IDS as readonly string[]).includes(v.id) || !r.members.some((m) => m.abs === join(BUNDLED_DIR, `${v.id}.yaml`)));
    if (notBundled.length > 0) {
      problems.push(`${abs}: versions ${notBundled.map((v) => v.id).join(", ")} are not bundled policies; the timeline is not precompiled`);
      continue;
    }
    const files = [abs, ...r.members.flatMap((m) => m.result.files.map((f) => f.absPath))];
    const file = join(dir, `${id}.timeline.json`);
    writeFileSync(file, serialiseTimeline(r.timeline, [...new Set(files)].map(stamp)));
    written.push(file);
  }
  return { written, problems };
}
