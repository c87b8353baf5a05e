#!/usr/bin/env node
// Build step: compiles each bundled policy once and writes dist/bundled/<id>.ir, so that
// `modpol eval` with a bundled policy starts without parsing YAML or loading the schema library.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { serialisePolicy, serialiseTimeline } from "../dist/precompiled/serialise.js";
import { BUNDLED_DIR, BUNDLED_IDS, BUNDLED_TIMELINES, bundledTimelinePath } from "../dist/load/files.js";
import { loadYamlPolicy } from "../dist/use-cases/load-yaml-policy.js";
import { PRECOMPILED_DIR } from "../dist/use-cases/load-policy.js";
import { loadTimelineFile } from "../dist/use-cases/load-yaml-timeline.js";

mkdirSync(PRECOMPILED_DIR, { recursive: true });
// Policies of an older build format (<id>.json) would only mislead someone reading dist/.
for (const f of readdirSync(PRECOMPILED_DIR)) if (f.endsWith(".json") && !f.endsWith(".timeline.json")) rmSync(join(PRECOMPILED_DIR, f));
let failed = false;
const loaded = new Map();
for (const id of BUNDLED_IDS) {
  const r = loadYamlPolicy(id);
  loaded.set(join(BUNDLED_DIR, `${id}.yaml`), r);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (!r.policy || errors.length) {
    for (const d of errors) console.error(`${d.file}:${d.line}:${d.column}: error ${d.code} ${d.message}`);
    failed = true;
    continue;
  }
  writeFileSync(join(PRECOMPILED_DIR, `${id}.ir`), serialisePolicy(r.policy, r.files.map((f) => stamp(f.absPath))));
}

// Bundled timelines: their periods, and which bundled policy each version is. Every file of every
// version is stamped too, so editing any of them sends the timeline back to the YAML pipeline.
for (const id of BUNDLED_TIMELINES) {
  const abs = bundledTimelinePath(id);
  const r = loadTimelineFile(abs, { loaded: (p) => loaded.get(p) });
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (!r.timeline || errors.length) {
    for (const d of errors) console.error(`${d.file}:${d.line}:${d.column}: error ${d.code} ${d.message}`);
    failed = true;
    continue;
  }
  const notBundled = r.timeline.versions.filter((v) => !BUNDLED_IDS.includes(v.id) || !r.members.some((m) => m.abs === join(BUNDLED_DIR, `${v.id}.yaml`)));
  if (notBundled.length) {
    console.error(`${abs}: versions ${notBundled.map((v) => v.id).join(", ")} are not bundled policies; the timeline is not precompiled`);
    continue;
  }
  const files = [abs, ...r.members.flatMap((m) => m.result.files.map((f) => f.absPath))];
  writeFileSync(join(PRECOMPILED_DIR, `${id}.timeline.json`), serialiseTimeline(r.timeline, [...new Set(files)].map(stamp)));
}
if (failed) process.exit(1);

function stamp(abs) {
  const st = statSync(abs);
  return { path: relative(BUNDLED_DIR, abs), size: st.size, mtimeMs: st.mtimeMs };
}
