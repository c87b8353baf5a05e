#!/usr/bin/env node
// Build step: compiles each bundled policy once and writes dist/bundled/<id>.json, so that
// `modpol eval` with a bundled policy starts without parsing YAML or loading the schema library.
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { serialisePolicy } from "../dist/compile/serialise.js";
import { BUNDLED_DIR, BUNDLED_IDS } from "../dist/load/files.js";
import { loadPolicy } from "../dist/pipeline.js";
import { PRECOMPILED_DIR } from "../dist/policy-loader.js";

mkdirSync(PRECOMPILED_DIR, { recursive: true });
let failed = false;
for (const id of BUNDLED_IDS) {
  const r = loadPolicy(id);
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (!r.policy || errors.length) {
    for (const d of errors) console.error(`${d.file}:${d.line}:${d.column}: error ${d.code} ${d.message}`);
    failed = true;
    continue;
  }
  const sources = r.files.map((f) => {
    const st = statSync(f.absPath);
    return { path: relative(BUNDLED_DIR, f.absPath), size: st.size, mtimeMs: st.mtimeMs };
  });
  writeFileSync(join(PRECOMPILED_DIR, `${id}.json`), serialisePolicy(r.policy, sources));
}
if (failed) process.exit(1);
