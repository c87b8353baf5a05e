#!/usr/bin/env node
// `npm run bench`: how much classifying costs over merely reading and writing the same posts.
//
//   throughput  an I/O floor (scripts/bench/io-floor.js: read JSONL, parse, write a small JSON line
//               per record) against `modpol eval --format jsonl`, alternately (A B A B …); median
//               wall times, posts/s, ratio b/a                                   target ≤ 2.0
//   start-up    `modpol eval "Death to Putin!" --country UA` against `node -e 0`, from the clone and
//               from the packed package installed with --omit=dev                target ≤ 1.6
//   series      the same, against a floor that writes as many bytes as modpol, on four corpora:
//               the generated one, wide vocabulary, real text each seen once, long posts
//               (scripts/bench/series.js)                                 targets ≤ 3 synthetic, ≤ 5 real
//   memory      peak RSS of both on a 1,000,000-post corpus                      target ≤ 1.5
//   --scale     posts/s with every bundled lexicon ×1, ×4, ×16 in size (policy given by path)
//
// Prints a table and writes the figures as JSON (bench/out/latest.json and a timestamped copy);
// `--compare PATH` prints the change against an earlier JSON. `--help` lists the options.
import { spawn, spawnSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync, accessSync, constants } from "node:fs";
import { createHash } from "node:crypto";
import { cpus, loadavg, tmpdir, totalmem, platform, release } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { ensureCorpus, DEFAULTS as CORPUS_DEFAULTS } from "./bench/corpus.js";
import { installPacked, LOAD_POLICY_PROBE } from "./bench/installed.js";
import { measureSeries } from "./bench/series.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT_DIR = join(ROOT, "bench", "out");
const MODPOL = join(ROOT, "bin", "modpol.js");
const FLOOR = join(ROOT, "scripts", "bench", "io-floor.js");
const RULES = join(ROOT, "rules");
const NODE = process.execPath;
const GNU_TIME = "/usr/bin/time";
const TARGETS = { throughput: 2.0, startup: 1.6, memory: 1.5 };
const DEFAULT_SCALE_FACTORS = [1, 4, 16];
const STARTUP_POST = ["Death to Putin!", "--country", "UA"];

const HELP = `usage: npm run bench -- [options]

  --posts N           posts in the generated corpus (default 200000)
  --runs N            timed runs of each of floor and modpol (default 5)
  --input PATH        use this JSONL file instead of generating a corpus
  --seed N            corpus seed (default ${CORPUS_DEFAULTS.seed})
  --memory-posts N    posts in the corpus for the peak-memory runs (default 1000000)
  --no-memory         skip the peak-memory runs
  --memory-method M   gnu-time or proc (default: gnu-time when /usr/bin/time is GNU time)
  --startup-runs N    runs of each start-up command (default 15)
  --no-startup        skip the start-up runs
  --no-series         skip the series (size-matched floor on wide, real and long-post corpora)
  --no-installed      start-up of the clone only (no npm pack / install of the package)
  --scale             also run the lexicon size curve (×1, ×4, ×16)
  --scale-only        run only the lexicon size curve
  --scale-runs N      timed runs per size in --scale (default 3)
  --scale-factors L   sizes for --scale, comma-separated (default 1,4,16)
  --jobs N            pass --jobs N to modpol (only when given)
  --out PATH          where to write the JSON results
                      (default bench/out/bench-<timestamp>.json and bench/out/latest.json)
  --compare PATH      print the change against an earlier results JSON ('last' = bench/out/latest.json)
  --quick             smoke test: 5000 posts, 2 runs, no memory, 3 start-up runs, 1 scale run
  --keep-temp         keep the enlarged rule folders of --scale
  -h, --help          this text`;

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        posts: { type: "string" },
        runs: { type: "string" },
        input: { type: "string" },
        seed: { type: "string" },
        "memory-posts": { type: "string" },
        "no-memory": { type: "boolean", default: false },
        "memory-method": { type: "string" },
        "startup-runs": { type: "string" },
        "no-startup": { type: "boolean", default: false },
        "no-series": { type: "boolean", default: false },
        "no-installed": { type: "boolean", default: false },
        scale: { type: "boolean", default: false },
        "scale-only": { type: "boolean", default: false },
        "scale-runs": { type: "string" },
        "scale-factors": { type: "string" },
        jobs: { type: "string" },
        out: { type: "string" },
        compare: { type: "string" },
        quick: { type: "boolean", default: false },
        "keep-temp": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (e) {
    fail(`${e.message}\n\n${HELP}`, 2);
  }
  if (parsed.help) {
    console.log(HELP);
    process.exit(0);
  }
  const q = parsed.quick;
  const num = (name, dflt, min = 1) => {
    const v = parsed[name];
    if (v === undefined) return dflt;
    const n = Number(v.replace(/[_,]/g, ""));
    if (!Number.isInteger(n) || n < min) fail(`--${name} must be an integer ≥ ${min}, not '${v}'`, 2);
    return n;
  };
  const o = {
    quick: q,
    posts: num("posts", q ? 5_000 : CORPUS_DEFAULTS.posts),
    runs: num("runs", q ? 2 : 5),
    input: parsed.input ? resolve(parsed.input) : undefined,
    seed: num("seed", CORPUS_DEFAULTS.seed, 0),
    memoryPosts: num("memory-posts", 1_000_000),
    memory: !(parsed["no-memory"] || (q && parsed["memory-posts"] === undefined)),
    memoryMethod: parsed["memory-method"],
    startupRuns: num("startup-runs", q ? 3 : 15),
    startup: !parsed["no-startup"],
    series: !parsed["no-series"],
    installed: !parsed["no-installed"],
    scale: parsed.scale || parsed["scale-only"],
    scaleOnly: parsed["scale-only"],
    scaleRuns: num("scale-runs", q ? 1 : 3),
    scaleFactors: parsed["scale-factors"] === undefined ? DEFAULT_SCALE_FACTORS : parsed["scale-factors"].split(",").map((x) => {
      const n = Number(x.trim());
      if (!Number.isInteger(n) || n < 1 || n > 64) fail(`--scale-factors: '${x}' is not an integer from 1 to 64`, 2);
      return n;
    }),
    jobs: parsed.jobs === undefined ? undefined : String(num("jobs", 1)),
    out: parsed.out ? resolve(parsed.out) : undefined,
    compare: parsed.compare === "last" ? join(OUT_DIR, "latest.json") : parsed.compare ? resolve(parsed.compare) : undefined,
    keepTemp: parsed["keep-temp"],
  };
  if (o.memoryMethod && !["gnu-time", "proc"].includes(o.memoryMethod)) fail(`--memory-method must be gnu-time or proc, not '${o.memoryMethod}'`, 2);
  if (o.input && !existsSync(o.input)) fail(`--input: no such file: ${o.input}`, 2);
  return o;
}

function fail(message, code = 1) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(code);
}

const progress = (s) => process.stderr.write(`${s}\n`);

// ---------------------------------------------------------------------------------------------
// Running children
// ---------------------------------------------------------------------------------------------

let memoryMethod;
/** How peak RSS is measured: GNU time's %M, or sampling VmHWM in /proc/<pid>/status. */
function detectMemoryMethod(forced) {
  if (forced === "proc") return "proc-vmhwm";
  try {
    accessSync(GNU_TIME, constants.X_OK);
    const r = spawnSync(GNU_TIME, ["--version"], { encoding: "utf8" });
    if (`${r.stdout}${r.stderr}`.includes("GNU")) return "gnu-time";
  } catch {
    /* not there */
  }
  if (existsSync(`/proc/${process.pid}/status`)) return "proc-vmhwm";
  return "none";
}

const DEV_NULL = openSync("/dev/null", "w");
let tmpSeq = 0;

/**
 * Runs `args` (argv[0] is the program) with stdout to `stdoutFd` (/dev/null by default) and
 * returns { ms, code, stderr, peakKB }. With memory: true, the peak RSS is measured too (GNU time
 * adds a wrapper process, so memory runs are kept apart from timed ones).
 */
function run(args, { memory = false, stdoutFd = DEV_NULL, okCodes = [0] } = {}) {
  return new Promise((resolvePromise, reject) => {
    let argv = args;
    let timeFile;
    if (memory && memoryMethod === "gnu-time") {
      timeFile = join(tmpdir(), `modpol-bench-${process.pid}-${tmpSeq++}.time`);
      argv = [GNU_TIME, "-f", "%M", "-o", timeFile, ...args];
    }
    const t0 = process.hrtime.bigint();
    const child = spawn(argv[0], argv.slice(1), { stdio: ["ignore", stdoutFd, "pipe"], cwd: ROOT });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d) => {
      if (stderr.length < 20000) stderr += d;
    });
    let hwm = 0;
    let timer;
    if (memory && memoryMethod === "proc-vmhwm") {
      const sample = () => {
        try {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
          if (m) hwm = Math.max(hwm, Number(m[1]));
        } catch {
          /* exited */
        }
      };
      timer = setInterval(sample, 3);
    }
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (timer) clearInterval(timer);
      let peakKB;
      if (timeFile) {
        try {
          const lines = readFileSync(timeFile, "utf8").trim().split("\n");
          peakKB = Number(lines[lines.length - 1]);
        } catch {
          peakKB = undefined;
        }
        rmSync(timeFile, { force: true });
      } else if (memory && memoryMethod === "proc-vmhwm") peakKB = hwm || undefined;
      if (signal || !okCodes.includes(code)) {
        reject(new Error(`${args.map((a) => relative(ROOT, a) || a).join(" ")} exited with ${signal ?? code}\n${stderr.trim()}`));
        return;
      }
      resolvePromise({ ms, code, stderr, peakKB });
    });
  });
}

const floorCmd = (input) => [NODE, FLOOR, input];
const modpolCmd = (input, o, policy) => [
  NODE, MODPOL, "eval", "--input", input, "--input-format", "jsonl", "--format", "jsonl",
  ...(policy ? ["--policy", policy] : []),
  ...(o.jobs ? ["--jobs", o.jobs] : []),
];
// Exit 3 = some records could not be evaluated (possible with --input); they are still output.
const MODPOL_OK = [0, 3];

// ---------------------------------------------------------------------------------------------
// Statistics and formatting
// ---------------------------------------------------------------------------------------------

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const round = (x, d = 3) => (x === undefined || x === null || Number.isNaN(x) ? null : Number(x.toFixed(d)));
const fmtS = (ms) => `${(ms / 1000).toFixed(2)} s`;
const fmtMs = (ms) => `${ms.toFixed(1)} ms`;
const fmtInt = (n) => Math.round(n).toLocaleString("en-US");
const fmtMB = (kb) => (kb ? `${(kb / 1024).toFixed(1)} MB` : "n/a");
const fmtRatio = (r) => (r === null || r === undefined ? "n/a" : `${r.toFixed(2)}×`);
const verdict = (r, target) => (r === null || r === undefined ? "not measured" : r <= target ? "MET" : "NOT MET");

function table(title, head, rows) {
  const all = [head, ...rows].map((r) => r.map((c) => String(c ?? "")));
  const widths = head.map((_, i) => Math.max(...all.map((r) => [...r[i]].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("   ");
  const out = [`\n${title}`, line(all[0]), widths.map((w) => "─".repeat(w)).join("   "), ...all.slice(1).map(line)];
  console.log(out.join("\n"));
}

async function countRecords(path) {
  let n = 0;
  let bytes = 0;
  let last = 10;
  for await (const chunk of createReadStream(path)) {
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
    last = chunk[chunk.length - 1];
  }
  if (last !== 10 && bytes > 0) n++;
  return { posts: n, bytes };
}

function corpusFor(o, posts) {
  const t = Date.now();
  const { path, cached } = ensureCorpus(OUT_DIR, { posts, seed: o.seed });
  progress(`corpus: ${relative(ROOT, path)} (${cached ? "cached" : `generated in ${((Date.now() - t) / 1000).toFixed(1)} s`})`);
  return path;
}

// ---------------------------------------------------------------------------------------------
// The measurements
// ---------------------------------------------------------------------------------------------

async function throughput(o, corpus, info) {
  progress(`throughput: ${o.runs} runs each of the I/O floor and modpol on ${fmtInt(info.posts)} posts, alternately`);
  await run(floorCmd(corpus)); // warm-up: the file into the page cache
  await run([NODE, MODPOL, "eval", ...STARTUP_POST], { okCodes: [0] }); // warm-up: modpol's files
  const a = [];
  const b = [];
  for (let i = 0; i < o.runs; i++) {
    a.push((await run(floorCmd(corpus))).ms);
    b.push((await run(modpolCmd(corpus, o), { okCodes: MODPOL_OK })).ms);
    progress(`  run ${i + 1}/${o.runs}: floor ${fmtS(a[i])}, modpol ${fmtS(b[i])}`);
  }
  const pairRatios = a.map((x, i) => b[i] / x);
  const ma = median(a);
  const mb = median(b);
  const ratio = median(pairRatios);
  return {
    posts: info.posts,
    floor: { runsMs: a.map((x) => round(x, 1)), medianMs: round(ma, 1), postsPerSec: round(info.posts / (ma / 1000), 0) },
    modpol: { runsMs: b.map((x) => round(x, 1)), medianMs: round(mb, 1), postsPerSec: round(info.posts / (mb / 1000), 0) },
    pairRatios: pairRatios.map((r) => round(r)),
    ratioOfMedians: round(mb / ma),
    ratio: round(ratio),
    target: TARGETS.throughput,
    met: o.jobs ? null : ratio <= TARGETS.throughput,
    jobs: o.jobs ? Number(o.jobs) : null,
  };
}

async function startup(o) {
  // The clone's CLI and, unless --no-installed, the packed package installed as a user installs it.
  let installed;
  if (o.installed) {
    progress("start-up: packing and installing the package (npm pack, npm install --omit=dev)");
    installed = installPacked(ROOT, join(OUT_DIR, "installed"));
  }
  progress(`start-up: ${o.startupRuns} runs each of node -e 0 and modpol eval "Death to Putin!" --country UA${installed ? " (clone and installed)" : ""}, alternately`);
  const nodeCmd = [NODE, "-e", "0"];
  const cmds = { clone: [NODE, MODPOL, "eval", ...STARTUP_POST], ...(installed ? { installed: [NODE, installed.bin, "eval", ...STARTUP_POST] } : {}) };
  for (const c of [nodeCmd, ...Object.values(cmds)]) await run(c);
  const a = [];
  const b = Object.fromEntries(Object.keys(cmds).map((k) => [k, []]));
  for (let i = 0; i < o.startupRuns; i++) {
    a.push((await run(nodeCmd)).ms);
    for (const [k, c] of Object.entries(cmds)) b[k].push((await run(c)).ms);
  }
  const ma = median(a);
  const figure = (runs) => {
    const mb = median(runs);
    return { runsMs: runs.map((x) => round(x, 2)), medianMs: round(mb, 2), ratio: round(mb / ma), medianPairRatio: round(median(a.map((x, i) => runs[i] / x))), met: mb / ma <= TARGETS.startup };
  };
  const clone = figure(b.clone);
  const out = {
    runs: o.startupRuns,
    node: { runsMs: a.map((x) => round(x, 2)), medianMs: round(ma, 2) },
    modpol: clone,
    ratio: clone.ratio,
    medianPairRatio: clone.medianPairRatio,
    target: TARGETS.startup,
    met: clone.met && (!b.installed || figure(b.installed).met),
  };
  if (installed) {
    out.installed = figure(b.installed);
    // loadPolicy of a bundled id in the installed package, timed inside fresh processes.
    const probes = [];
    for (let i = 0; i < o.startupRuns; i++) {
      const r = spawnSync(NODE, ["--input-type=module", "-e", LOAD_POLICY_PROBE, "meta-2022-03-10"], { cwd: installed.app, encoding: "utf8" });
      if (r.status !== 0) fail(`loadPolicy probe failed in the installed package: ${r.stderr}`);
      probes.push(JSON.parse(r.stdout));
    }
    out.installed.loadPolicyMs = round(median(probes.map((p) => p.loadPolicyMs)), 2);
    out.installed.importMs = round(median(probes.map((p) => p.importMs)), 2);
    out.installed.precompiled = probes.every((p) => p.precompiled);
  }
  return out;
}

async function memory(o) {
  if (memoryMethod === "none") {
    progress("memory: skipped (neither GNU time nor /proc available)");
    return { method: "none", met: null };
  }
  const corpus = corpusFor(o, o.memoryPosts);
  progress(`memory: peak RSS of the floor and modpol on ${fmtInt(o.memoryPosts)} posts (${memoryMethod === "gnu-time" ? "GNU time %M" : "/proc VmHWM sampled every 3 ms"})`);
  const a = await run(floorCmd(corpus), { memory: true });
  progress(`  floor: ${fmtMB(a.peakKB)} in ${fmtS(a.ms)}`);
  const b = await run(modpolCmd(corpus, o), { memory: true, okCodes: MODPOL_OK });
  progress(`  modpol: ${fmtMB(b.peakKB)} in ${fmtS(b.ms)}`);
  const ratio = a.peakKB && b.peakKB ? b.peakKB / a.peakKB : null;
  return {
    method: memoryMethod === "gnu-time" ? "GNU time %M (max RSS)" : "/proc/<pid>/status VmHWM, sampled every 3 ms",
    posts: o.memoryPosts,
    floor: { peakKB: a.peakKB ?? null, ms: round(a.ms, 1) },
    modpol: { peakKB: b.peakKB ?? null, ms: round(b.ms, 1), postsPerSec: round(o.memoryPosts / (b.ms / 1000), 0) },
    ratio: round(ratio),
    target: TARGETS.memory,
    met: ratio === null ? null : ratio <= TARGETS.memory,
  };
}

async function scale(o, corpus, info) {
  const tmp = mkdtempSync(join(tmpdir(), "modpol-bench-scale-"));
  const results = [];
  try {
    // A 1-post input: its run time is start-up plus loading (parsing) the policy.
    const one = join(tmp, "one.jsonl");
    writeFileSync(one, await headLines(corpus, 1));
    // A prefix of the corpus whose output is compared across sizes: synthetic terms must change nothing.
    const verifyPosts = Math.min(info.posts, 20_000);
    const verify = join(tmp, "verify.jsonl");
    writeFileSync(verify, await headLines(corpus, verifyPosts));
    let baseHash;
    for (const factor of o.scaleFactors) {
      try {
        results.push(await scaleOne(o, factor, { tmp, one, verify, verifyPosts, corpus, info }, (h) => (baseHash ??= h)));
      } catch (e) {
        progress(`  ×${factor} failed: ${e.message}`);
        results.push({ factor, error: e.message.split("\n").slice(0, 3).join(" | ") });
      }
    }
  } finally {
    if (o.keepTemp) progress(`scale: enlarged rules kept in ${tmp}`);
    else rmSync(tmp, { recursive: true, force: true });
  }
  const base = results.find((r) => r.factor === 1)?.postsPerSec;
  for (const r of results) if (!r.error) r.relative = base && r.postsPerSec ? round(r.postsPerSec / base) : null;
  return {
    posts: info.posts,
    policy: "meta-2022-03-10 (copy of rules/, by path)",
    runs: o.scaleRuns,
    factors: results,
    byFactor: Object.fromEntries(results.map((r) => [`x${r.factor}`, r])),
  };
}

/** One size of the curve: build the rules, check decisions, time 1-post and whole-corpus runs. */
async function scaleOne(o, factor, { tmp, one, verify, verifyPosts, corpus, info }, firstHash) {
  const { buildScaledRules } = await import("./bench/scale.js");
  const t = Date.now();
  const built = buildScaledRules(RULES, join(tmp, `x${factor}`), factor);
  const policy = join(built.dir, "meta-2022-03-10.yaml");
  progress(`scale ×${factor}: ${fmtInt(built.terms)} terms (built in ${((Date.now() - t) / 1000).toFixed(1)} s); decisions on ${fmtInt(verifyPosts)} posts, then ${o.scaleRuns} runs on 1 post and on ${fmtInt(info.posts)} posts`);
  // Same decisions as the first size? (Its peak RSS is measured on this untimed run.)
  const outFile = join(tmp, `verify-x${factor}.jsonl`);
  const fd = openSync(outFile, "w");
  let verifyRun;
  try {
    verifyRun = await run(modpolCmd(verify, o, policy), { stdoutFd: fd, okCodes: MODPOL_OK, memory: memoryMethod !== "none" });
  } finally {
    closeSync(fd);
  }
  const hash = createHash("sha256").update(readFileSync(outFile)).digest("hex");
  rmSync(outFile, { force: true });
  const sameDecisions = hash === firstHash(hash);
  progress(`  decisions ${sameDecisions ? "the same" : "DIFFERENT"}; peak RSS ${fmtMB(verifyRun.peakKB)}`);
  const t1 = [];
  const tn = [];
  for (let i = 0; i < o.scaleRuns; i++) {
    t1.push((await run(modpolCmd(one, o, policy), { okCodes: MODPOL_OK })).ms);
    tn.push((await run(modpolCmd(corpus, o, policy), { okCodes: MODPOL_OK })).ms);
    progress(`  run ${i + 1}/${o.scaleRuns}: 1 post ${fmtS(t1[i])}, all ${fmtS(tn[i])}`);
  }
  const m1 = median(t1);
  const mn = median(tn);
  const perPostMs = (mn - m1) / Math.max(1, info.posts - 1);
  return {
    factor,
    realTerms: built.realTerms,
    terms: built.terms,
    loadMs: round(m1, 1),
    totalMs: round(mn, 1),
    perPostUs: round(perPostMs * 1000, 2),
    postsPerSec: perPostMs > 0 ? round(1000 / perPostMs, 0) : null,
    peakKB: verifyRun.peakKB ?? null,
    sameDecisions,
    verifiedPosts: verifyPosts,
  };
}

async function headLines(path, n) {
  let out = "";
  let count = 0;
  let rest = "";
  for await (const chunk of createReadStream(path, { encoding: "utf8" })) {
    const text = rest + chunk;
    let start = 0;
    let nl;
    while (count < n && (nl = text.indexOf("\n", start)) !== -1) {
      out += text.slice(start, nl + 1);
      start = nl + 1;
      count++;
    }
    if (count >= n) return out;
    rest = text.slice(start);
  }
  return rest ? `${out}${rest}\n` : out;
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function report(r) {
  const env = r.environment;
  console.log(`\nmodpol ${env.modpolVersion} benchmark — ${r.date}`);
  console.log(`node ${env.node} on ${env.platform}, ${env.cpus}× ${env.cpuModel}, load ${env.loadavg.join(" ")}`);
  if (r.corpus) console.log(`corpus: ${r.corpus.path} — ${fmtInt(r.corpus.posts)} posts, ${fmtInt(r.corpus.bytes)} bytes (${r.corpus.bytesPerPost} bytes/post)`);
  const t = r.throughput;
  if (t) {
    table(`Throughput (${fmtInt(t.posts)} posts, median of ${t.floor.runsMs.length} alternating runs${t.jobs ? `, modpol --jobs ${t.jobs}` : ""})`, ["", "median", "posts/s", "runs"], [
      ["(a) I/O floor", fmtS(t.floor.medianMs), fmtInt(t.floor.postsPerSec), t.floor.runsMs.map((x) => (x / 1000).toFixed(2)).join(" ")],
      ["(b) modpol eval --format jsonl", fmtS(t.modpol.medianMs), fmtInt(t.modpol.postsPerSec), t.modpol.runsMs.map((x) => (x / 1000).toFixed(2)).join(" ")],
    ]);
    console.log(`ratio b/a: ${fmtRatio(t.ratio)} (median of per-pair ratios; ratio of medians ${fmtRatio(t.ratioOfMedians)})   target ≤ ${t.target.toFixed(1)}× in one process: ${t.jobs ? "n/a with --jobs" : verdict(t.ratio, t.target)}`);
  }
  if (r.series) {
    table(`Throughput by corpus: the floor writes as many bytes a record as modpol (median of ${r.options.runs} alternating runs)`, ["", "posts", "bytes/record", "floor", "modpol", "µs/post", "ratio", "target"], r.series.map((x) => {
      const target = x.name.startsWith("synthetic") ? 3 : x.name.startsWith("real") ? 5 : null;
      return [x.name, fmtInt(x.posts), fmtInt(x.bytesPerRecord), fmtS(x.floorMs), fmtS(x.modpolMs), x.usPerPost.toFixed(1), fmtRatio(x.ratio), target ? `≤ ${target}×: ${verdict(x.ratio, target)}` : ""];
    }));
    const real = r.series.find((x) => x.name.startsWith("real"));
    if (real?.sources) console.log(`real text from: ${real.sources.join(", ")}`);
  }
  const s = r.startup;
  if (s) {
    table(`Start-up (median of ${s.runs} alternating runs)`, ["", "median", "ratio", `target ≤ ${s.target.toFixed(1)}×`], [
      ["node -e 0", fmtMs(s.node.medianMs), "", ""],
      [`modpol eval "Death to Putin!" --country UA (clone)`, fmtMs(s.modpol.medianMs), fmtRatio(s.ratio), verdict(s.ratio, s.target)],
      ...(s.installed ? [[`the same, installed package (npm pack, --omit=dev)`, fmtMs(s.installed.medianMs), fmtRatio(s.installed.ratio), verdict(s.installed.ratio, s.target)]] : []),
    ]);
    if (s.installed) console.log(`installed package: loadPolicy("meta-2022-03-10") ${fmtMs(s.installed.loadPolicyMs)} (${s.installed.precompiled ? "precompiled" : "compiled from YAML!"}), import("modpol") ${fmtMs(s.installed.importMs)}; medians in ${s.runs} fresh processes`);
  }
  const m = r.memory;
  if (m && m.floor) {
    table(`Peak memory (RSS) on ${fmtInt(m.posts)} posts — ${m.method}`, ["", "peak RSS", "wall time"], [
      ["(a) I/O floor", fmtMB(m.floor.peakKB), fmtS(m.floor.ms)],
      ["(b) modpol eval --format jsonl", fmtMB(m.modpol.peakKB), fmtS(m.modpol.ms)],
    ]);
    console.log(`ratio b/a: ${fmtRatio(m.ratio)}   target ≤ ${m.target.toFixed(1)}×: ${verdict(m.ratio, m.target)}`);
  } else if (m) console.log(`\nPeak memory: not measured (${m.method})`);
  const c = r.scale;
  if (c) {
    table(`Lexicon size curve (${fmtInt(c.posts)} posts, policy meta-2022-03-10 from YAML by path, median of ${c.runs} runs)`,
      ["size", "terms", "load (1-post run)", "per post", "posts/s", "vs ×1", "peak RSS", "same decisions"],
      c.factors.map((f) => f.error
        ? [`×${f.factor}`, "", `failed: ${f.error.slice(0, 100)}`, "", "", "", "", ""]
        : [`×${f.factor}`, fmtInt(f.terms), fmtS(f.loadMs), `${f.perPostUs.toFixed(1)} µs`, f.postsPerSec ? fmtInt(f.postsPerSec) : "n/a", fmtRatio(f.relative), fmtMB(f.peakKB), f.sameDecisions ? `yes (${fmtInt(f.verifiedPosts)} posts)` : "NO"]));
    console.log(`per post = (median time on the corpus − median time on 1 post) / (posts − 1); load includes node start-up;
peak RSS is of the run on the first ${fmtInt(c.factors.find((f) => f.verifiedPosts)?.verifiedPosts ?? 0)} posts that checks the decisions.`);
  }
  const targets = [
    t && ["throughput b/a ≤ 2.0", t.jobs ? null : t.met],
    s && ["start-up ≤ 1.6 × node -e 0 (clone" + (s.installed ? " and installed package)" : ")"), s.met],
    m && ["peak RSS b/a ≤ 1.5", m.met],
  ].filter(Boolean);
  if (targets.length) {
    console.log("\nTargets");
    for (const [name, met] of targets) console.log(`  ${met === null ? "–" : met ? "✓" : "✗"} ${name}: ${met === null ? "not measured" : met ? "met" : "NOT met"}`);
  }
}

/** Key figures as [label, path, unit, higherIsBetter]. */
const COMPARED = [
  ["floor median", "throughput.floor.medianMs", "ms", false],
  ["modpol median", "throughput.modpol.medianMs", "ms", false],
  ["modpol posts/s", "throughput.modpol.postsPerSec", "", true],
  ["throughput ratio b/a", "throughput.ratio", "×", false],
  ["start-up node -e 0", "startup.node.medianMs", "ms", false],
  ["start-up modpol", "startup.modpol.medianMs", "ms", false],
  ["start-up ratio", "startup.ratio", "×", false],
  ["start-up installed", "startup.installed.medianMs", "ms", false],
  ["start-up installed ratio", "startup.installed.ratio", "×", false],
  ["loadPolicy installed", "startup.installed.loadPolicyMs", "ms", false],
  ["peak RSS floor", "memory.floor.peakKB", "kB", false],
  ["peak RSS modpol", "memory.modpol.peakKB", "kB", false],
  ["peak RSS ratio", "memory.ratio", "×", false],
  ...DEFAULT_SCALE_FACTORS.flatMap((f) => [
    [`scale ×${f} posts/s`, `scale.byFactor.x${f}.postsPerSec`, "", true],
    [`scale ×${f} load`, `scale.byFactor.x${f}.loadMs`, "ms", false],
    [`scale ×${f} peak RSS`, `scale.byFactor.x${f}.peakKB`, "kB", false],
  ]),
];
const getPath = (obj, path) => path.split(".").reduce((o, k) => (o == null ? undefined : o[k]), obj);

function compare(prev, cur, prevPath) {
  const rows = [];
  for (const [label, path, unit, higherBetter] of COMPARED) {
    const a = getPath(prev, path);
    const b = getPath(cur, path);
    if (typeof a !== "number" || typeof b !== "number") continue;
    const d = a === 0 ? 0 : (b - a) / a;
    const better = Math.abs(d) < 0.02 ? "≈" : (d > 0) === higherBetter ? "better" : "worse";
    const fmt = (x) => (unit === "×" ? x.toFixed(2) + "×" : `${fmtInt(x)}${unit ? ` ${unit}` : ""}`);
    rows.push([label, fmt(a), fmt(b), `${d >= 0 ? "+" : ""}${(d * 100).toFixed(1)}%`, better]);
  }
  table(`Change against ${prevPath} (${prev.date})`, ["", "before", "now", "change", ""], rows);
  if (prev.corpus && cur.corpus && (prev.corpus.posts !== cur.corpus.posts || prev.corpus.bytes !== cur.corpus.bytes)) {
    console.log(`note: the corpora differ (${fmtInt(prev.corpus.posts)} vs ${fmtInt(cur.corpus.posts)} posts): compare posts/s and ratios, not times`);
  }
  if (prev.environment?.cpuModel !== cur.environment?.cpuModel || prev.environment?.cpus !== cur.environment?.cpus) console.log("note: measured on a different machine");
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const o = options();
  if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) fail("dist/ is missing: run `npm run build` first");
  let prev;
  if (o.compare) {
    try {
      prev = JSON.parse(readFileSync(o.compare, "utf8"));
    } catch (e) {
      fail(`--compare: cannot read ${o.compare}: ${e.message}`, 2);
    }
  }
  memoryMethod = detectMemoryMethod(o.memoryMethod);
  if (o.memoryMethod === "gnu-time" && memoryMethod !== "gnu-time") fail(`--memory-method gnu-time: ${GNU_TIME} is missing or not GNU time (Debian package 'time')`, 2);
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  const result = {
    benchVersion: 1,
    date: new Date().toISOString(),
    environment: {
      modpolVersion: pkg.version,
      node: process.version,
      platform: `${platform()} ${release()}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model?.trim() ?? "unknown",
      totalMemMB: Math.round(totalmem() / 2 ** 20),
      loadavg: loadavg().map((x) => Number(x.toFixed(2))),
    },
    options: { ...o, input: o.input ?? null, out: undefined, compare: undefined },
  };
  const corpus = o.input ?? corpusFor(o, o.posts);
  const info = await countRecords(corpus);
  result.corpus = { path: relative(ROOT, corpus) || corpus, generated: !o.input, seed: o.input ? null : o.seed, posts: info.posts, bytes: info.bytes, bytesPerPost: round(info.bytes / info.posts, 1) };

  if (!o.scaleOnly) {
    result.throughput = await throughput(o, corpus, info);
    if (o.series) result.series = await measureSeries(o, corpus, { run, median, progress, floorCmd, modpolCmd, outDir: OUT_DIR, root: ROOT });
    if (o.startup) result.startup = await startup(o);
    if (o.memory) result.memory = await memory(o);
  }
  if (o.scale) result.scale = await scale(o, corpus, info);

  report(result);
  if (prev) compare(prev, result, relative(ROOT, o.compare) || o.compare);

  const json = `${JSON.stringify(result, null, 2)}\n`;
  const written = [];
  if (o.out) {
    mkdirSync(dirname(o.out), { recursive: true });
    writeFileSync(o.out, json);
    written.push(o.out);
  } else {
    mkdirSync(OUT_DIR, { recursive: true });
    const stamped = join(OUT_DIR, `bench-${result.date.replace(/[:.]/g, "-")}.json`);
    writeFileSync(stamped, json);
    writeFileSync(join(OUT_DIR, "latest.json"), json);
    written.push(stamped, join(OUT_DIR, "latest.json"));
  }
  console.log(`\nresults: ${written.map((p) => relative(ROOT, p) || p).join(", ")}`);
}

main().catch((e) => fail(e.message));
