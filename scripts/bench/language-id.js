#!/usr/bin/env node
// Measures the language identifier (src/text/language-id.ts, run from dist/) against eld itself,
// which it mirrors: µs per post on the benchmark corpus's posts cut to 50-300 characters, the model
// file's size, and the start-up of a whole process that loads the model and detects one post,
// beside `node -e 0` and beside a process that imports eld/medium and does the same.
//   npm run build && node scripts/bench/language-id.js [--posts N] [--rounds N] [--runs N]
// Medians throughout, of wall time and of CPU time (user + system, all threads): on a shared,
// loaded machine the wall time mostly says how long the process waited for a core, the CPU time
// what it cost. The load shows in `node -e 0`'s figures, printed for scale.
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { makeRecord, mulberry32 } from "./corpus.js";

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const POSTS = arg("posts", 4000);
const ROUNDS = arg("rounds", 15);
const RUNS = arg("runs", 21);
const MODEL = "dist/bundled/language-model.bin";
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

// Posts of 50-300 characters: the benchmark corpus's posts (en, uk, ru, pl), made long, then cut.
const posts = [];
const rng = mulberry32(5);
for (let i = 0; i < POSTS; i++) {
  const text = JSON.parse(makeRecord(rng, i, 800).line).text;
  posts.push(text.slice(0, 50 + ((i * 37) % 251)));
}

/** µs per post of each detector: medians of ROUNDS rounds, the detectors taking turns each round. */
function perPost(detectors) {
  const rounds = Object.fromEntries(Object.keys(detectors).map((k) => [k, []]));
  for (const f of Object.values(detectors)) for (const p of posts) f(p); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, f] of Object.entries(detectors)) {
      const t0 = process.hrtime.bigint();
      const c0 = process.cpuUsage();
      for (const p of posts) f(p);
      const c = process.cpuUsage(c0);
      rounds[name].push({ wall: Number(process.hrtime.bigint() - t0) / 1000 / posts.length, cpu: (c.user + c.system) / posts.length });
    }
  }
  return Object.fromEntries(Object.entries(rounds).map(([k, v]) => [k, { wall: median(v.map((r) => r.wall)), cpu: median(v.map((r) => r.cpu)) }]));
}

const { LanguageModel } = await import("../../dist/text/language-id.js");
const model = LanguageModel.fromBytes(readFileSync(MODEL));
const { eld } = await import("eld/medium");
const lengths = posts.map((p) => p.length);
const mean = lengths.reduce((n, l) => n + l, 0) / posts.length;
console.log(`${posts.length} posts of ${Math.min(...lengths)}-${Math.max(...lengths)} characters (mean ${mean.toFixed(0)}); µs per post, medians of ${ROUNDS} rounds`);
const speeds = perPost({
  "LanguageModel.detect": (t) => model.detect(t),
  "eld.detect": (t) => eld.detect(t),
  "eld.detect + getScores + isReliable": (t) => {
    const r = eld.detect(t);
    r.getScores();
    r.isReliable();
  },
});
for (const [name, { wall, cpu }] of Object.entries(speeds)) console.log(`  ${name.padEnd(36)} ${wall.toFixed(2)} µs/post wall, ${cpu.toFixed(2)} µs CPU`);

const bytes = readFileSync(MODEL);
console.log(`model: ${statSync(MODEL).size} bytes (${(gzipSync(bytes).length / 1024).toFixed(0)} KiB gzipped)`);

// Start-up: whole processes, one after another, interleaved so that the load hits all alike.
const post = JSON.stringify(posts[1]);
const scripts = {
  "node --input-type=module -e 0": "0",
  "import language-id.js, read the model, detect one post": `const { readFileSync } = await import("node:fs"); const { LanguageModel } = await import("./dist/text/language-id.js"); const m = LanguageModel.fromBytes(readFileSync(${JSON.stringify(MODEL)})); if (!m.detect(${post}).best) process.exit(1);`,
  "loadLanguageModel() (load-policy.js and its imports), detect one post": `const { loadLanguageModel } = await import("./dist/use-cases/load-language-model.js"); if (!loadLanguageModel().detect(${post}).best) process.exit(1);`,
  "import eld/medium, detect one post": `const { eld } = await import("eld/medium"); if (!eld.detect(${post}).language) process.exit(1);`,
};
// Each process reports its own CPU time (getrusage: every thread, from its start) as it ends.
const REPORT = ";process.stdout.write(JSON.stringify(process.cpuUsage()));";
const times = Object.fromEntries(Object.keys(scripts).map((k) => [k, { wall: [], cpu: [] }]));
for (let r = 0; r < RUNS; r++) {
  for (const [name, code] of Object.entries(scripts)) {
    const t0 = process.hrtime.bigint();
    const p = spawnSync(process.execPath, ["--input-type=module", "-e", code + REPORT], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    if (p.status !== 0) throw new Error(`${name}: exit ${p.status}`);
    const { user, system } = JSON.parse(p.stdout);
    times[name].wall.push(wall);
    times[name].cpu.push((user + system) / 1000);
  }
}
const base = times["node --input-type=module -e 0"];
const [floorWall, floorCpu] = [median(base.wall), median(base.cpu)];
console.log(`start-up, medians of ${RUNS} processes (wall; CPU):`);
for (const [name, t] of Object.entries(times)) {
  const [w, c] = [median(t.wall), median(t.cpu)];
  const extra = t === base ? "" : ` (+${(w - floorWall).toFixed(1)} ms; +${(c - floorCpu).toFixed(1)} ms)`;
  console.log(`  ${name.padEnd(72)} ${w.toFixed(1)} ms; ${c.toFixed(1)} ms${extra}`);
}
