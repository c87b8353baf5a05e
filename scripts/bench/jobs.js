#!/usr/bin/env node
// What `eval --jobs` costs and gives, measured by CPU time rather than the wall clock alone (this
// development machine is shared and its two vCPUs are one core's two hardware threads):
//
//   node scripts/bench/jobs.js CORPUS.jsonl [--small N] [--jobs 1,2] [--runs N] [--modpol PATH] [--stub]
//
// For each --jobs value it runs `modpol eval --input CORPUS --input-format jsonl --format jsonl`
// on the whole corpus and on its first --small posts (default 20,000), --runs times each (default
// 1), and prints the wall time, the process's CPU time and the main thread's own CPU time (from
// /proc, by scripts/bench/thread-cpu.cjs preloaded). The main thread's cost per post is the
// difference between the two sizes divided by the posts between them: start-up, loading the
// policy and the first 2,000 posts (decided in the main thread before workers start) cancel out.
// That cost bounds what more workers can give: the main thread can feed at most
// (worker's CPU per post) / (main thread's CPU per post) workers. With --stub the workers decide
// nothing (scripts/bench/stub-workers.cjs): the main thread's cost alone, without the workers'
// evaluation competing for the cores (on this machine, one core's two hardware threads).
import { spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const corpus = args[0];
if (!corpus || corpus.startsWith("--")) {
  process.stderr.write("usage: node scripts/bench/jobs.js CORPUS.jsonl [--small N] [--jobs 1,2] [--runs N] [--modpol PATH]\n");
  process.exit(2);
}
const small = Number(opt("--small", "20000"));
const jobsList = opt("--jobs", "1,2").split(",");
const runs = Number(opt("--runs", "1"));
const modpol = resolve(opt("--modpol", join(HERE, "../../bin/modpol.js")));
const stub = args.includes("--stub") ? ["-r", join(HERE, "stub-workers.cjs")] : [];

/** The first `n` lines of `path`, in a temporary file. */
async function head(path, n, dir) {
  const out = join(dir, `first-${n}.jsonl`);
  const w = createWriteStream(out);
  let i = 0;
  for await (const line of createInterface({ input: createReadStream(path) })) {
    if (i++ >= n) break;
    w.write(`${line}\n`);
  }
  await new Promise((r) => w.end(r));
  return { path: out, posts: Math.min(i, n) };
}

async function countLines(path) {
  let n = 0;
  for await (const _ of createInterface({ input: createReadStream(path) })) n++;
  return n;
}

function once(input, jobs) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-r", join(HERE, "thread-cpu.cjs"), ...stub, modpol, "eval", "--input", input, "--input-format", "jsonl", "--format", "jsonl", "--jobs", jobs], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 1 << 26 });
  const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && r.status !== 3) throw new Error(`modpol exited with ${r.status}: ${r.stderr}`);
  const line = r.stderr.trim().split("\n").pop() ?? "";
  const { mainThreadCpuMs, processCpuMs } = JSON.parse(line);
  return { wallMs, mainThreadCpuMs, processCpuMs };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dir = mkdtempSync(join(tmpdir(), "modpol-jobs-"));
try {
  const big = { path: resolve(corpus), posts: await countLines(corpus) };
  const little = await head(corpus, small, dir);
  once(big.path, "1"); // the file into the page cache, the code cache warm
  const rows = [];
  for (const jobs of jobsList) {
    const m = { big: [], little: [] };
    for (let i = 0; i < runs; i++) {
      m.big.push(once(big.path, jobs));
      m.little.push(once(little.path, jobs));
    }
    const med = (which, k) => median(m[which].map((x) => x[k]));
    const perPost = (k) => ((med("big", k) - med("little", k)) * 1000) / (big.posts - little.posts);
    rows.push({ jobs, posts: big.posts, wallS: med("big", "wallMs") / 1000, cpuS: med("big", "processCpuMs") / 1000, mainCpuS: med("big", "mainThreadCpuMs") / 1000, mainUsPerPost: perPost("mainThreadCpuMs"), processUsPerPost: perPost("processCpuMs"), wallUsPerPost: perPost("wallMs") });
  }
  console.log(`modpol eval --jobs N${stub.length ? " (stub workers: no evaluation)" : ""} on ${big.posts} posts (${corpus}); per post: (${big.posts} posts - first ${little.posts}) / ${big.posts - little.posts}; median of ${runs}`);
  console.log("jobs | wall s | CPU s (process) | CPU s (main thread) | µs/post wall | µs/post CPU | µs/post main thread");
  for (const r of rows) console.log(`${r.jobs} | ${r.wallS.toFixed(2)} | ${r.cpuS.toFixed(2)} | ${r.mainCpuS.toFixed(2)} | ${r.wallUsPerPost.toFixed(1)} | ${r.processUsPerPost.toFixed(1)} | ${r.mainUsPerPost.toFixed(2)}`);
  console.log(JSON.stringify(rows));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
