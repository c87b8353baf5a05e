#!/usr/bin/env node
// The long fuzz run: every property of test/property/ with FUZZ_FACTOR times its quick number of
// cases (npm test runs the quick number). Prints, per property, the cases tried and whether it
// failed (with fast-check's seed and counterexample, to replay with FAST_CHECK_SEED).
//
//   npm run fuzz                     # factor 100
//   npm run fuzz -- --factor 20      # shorter
//   npm run fuzz -- --seed 42        # one fixed seed for every property
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { factor: { type: "string", default: "100" }, seed: { type: "string" }, help: { type: "boolean", default: false } } });
if (values.help) {
  console.log("usage: npm run fuzz [-- --factor N] [--seed N]");
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), "modpol-fuzz-"));
const log = join(dir, "fuzz.jsonl");
const env = { ...process.env, FUZZ_FACTOR: values.factor, FUZZ_LOG: log, ...(values.seed ? { FAST_CHECK_SEED: values.seed } : {}) };
const started = Date.now();
const r = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "test/property"], { env, stdio: "inherit" });
const seconds = ((Date.now() - started) / 1000).toFixed(0);

let rows = [];
try {
  rows = readFileSync(log, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
} catch {
  // vitest failed before any property ran
}
rmSync(dir, { recursive: true, force: true });
const total = rows.reduce((n, x) => n + x.runs, 0);
const failed = rows.filter((x) => x.failed);
console.log(`\nfuzz: factor ${values.factor}, ${seconds} s`);
for (const x of rows) console.log(`  ${x.failed ? "FAIL" : "ok  "} ${String(x.runs).padStart(7)} cases  ${x.name}${x.failed ? `  (seed ${x.seed}: ${x.counterexample})` : ""}`);
console.log(`  ${total} cases in ${rows.length} properties; ${failed.length} failed`);
process.exit(r.status === 0 && failed.length === 0 ? 0 : 1);
