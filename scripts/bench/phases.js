#!/usr/bin/env node
// Where the time of one post goes: runs the engine's phases in-process over a JSONL corpus and
// prints the total per phase (normalise, tokenise, match, signals, rules) in µs per post, plus the
// policy's load time and the heap it holds. A development aid beside `npm run bench`, which times
// the whole CLI; this one says which phase to work on.
//   node scripts/bench/phases.js [FILE.jsonl] [--policy ID] [--posts N] [--repeat N]
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { policy: { type: "string", default: "meta-2022-03-10" }, posts: { type: "string" }, repeat: { type: "string", default: "3" } },
});
const file = positionals[0] ?? "bench/out/corpus-v1-n200000-s20220310-b200.jsonl";
const heap0 = process.memoryUsage().heapUsed;
const t0 = performance.now();
const { loadPolicy } = await import("../../dist/index.js");
const t1 = performance.now();
const res = await loadPolicy(values.policy);
const t2 = performance.now();
if (!res.policy) throw new Error(`cannot load ${values.policy}`);
const policy = res.policy;
const { normalise } = await import("../../dist/text/normalise.js");
const { tokenise } = await import("../../dist/text/tokenise.js");
const { matchLexicons } = await import("../../dist/match/match.js");
const { computeSignals } = await import("../../dist/evaluate/signals.js");
const { evaluate } = await import("../../dist/evaluate/evaluate.js");

let posts = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
if (values.posts) posts = posts.slice(0, Number(values.posts));
const n = posts.length;
const phases = { normalise: 0, tokenise: 0, match: 0, signals: 0, evaluate: 0 };
for (let r = 0; r < Number(values.repeat); r++) {
  for (const k of Object.keys(phases)) phases[k] = 0;
  for (const p of posts) {
    const a = performance.now();
    const norm = normalise(p.text);
    const b = performance.now();
    const tokens = tokenise(norm.text);
    const c = performance.now();
    const lex = matchLexicons(policy.index, tokens, norm.text);
    const d = performance.now();
    computeSignals(policy, tokens, lex, norm.text);
    const e = performance.now();
    evaluate(p, policy);
    const f = performance.now();
    phases.normalise += b - a;
    phases.tokenise += c - b;
    phases.match += d - c;
    phases.signals += e - d;
    phases.evaluate += f - e;
  }
}
const us = (ms) => ((ms * 1000) / n).toFixed(2).padStart(8);
console.log(`${n} posts, last of ${values.repeat} passes, µs per post:`);
for (const [k, v] of Object.entries(phases)) console.log(`  ${k.padEnd(10)} ${us(v)}${k === "evaluate" ? "   (the whole of evaluate(), all phases plus rules and evidence)" : ""}`);
globalThis.gc?.();
console.log(`import ${(t1 - t0).toFixed(1)} ms, loadPolicy ${(t2 - t1).toFixed(1)} ms, heap held ${((process.memoryUsage().heapUsed - heap0) / 1048576).toFixed(1)} MB${globalThis.gc ? "" : " (run with --expose-gc for an exact figure)"}`);
