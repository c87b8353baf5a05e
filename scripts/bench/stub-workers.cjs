// Preloaded into a modpol run (`node -r scripts/bench/stub-workers.cjs bin/modpol.js eval --jobs N …`,
// as scripts/bench/jobs.js --stub does): every worker thread the run starts is a stub that decides
// nothing and answers each batch at once with output of a realistic size (206 bytes a record, what
// modpol's JSONL lines average on the benchmark corpus) and every record tallied. What is left is
// the main thread's own work per post (reading, cutting or splitting, sending, receiving, writing),
// measured without the workers' evaluation competing for the same cores. It speaks both protocols:
// records (before chunks) and chunks of bytes.
"use strict";
const wt = require("node:worker_threads");
const { syncBuiltinESMExports } = require("node:module");

const STUB = `
const { parentPort } = require("node:worker_threads");
const OUT = 206;
parentPort.on("message", (m) => {
  if (m.chunk) {
    const n = m.chunk.records;
    const out = new Uint8Array(n * OUT).fill(120);
    parentPort.postMessage({ seq: m.seq, count: n, batch: { out, count: n, tallies: [[["UA", "clear"], n]] } }, [out.buffer]);
  } else {
    const n = m.records.length;
    const out = "x".repeat(n * OUT);
    parentPort.postMessage({ seq: m.seq, count: n, batch: { out, count: n, tallies: m.records.map(() => ["UA", "clear"]) } });
  }
});
`;

const Real = wt.Worker;
wt.Worker = class StubWorker extends Real {
  constructor(_url, options) {
    super(STUB, { ...options, eval: true, workerData: undefined });
  }
};
syncBuiltinESMExports();
