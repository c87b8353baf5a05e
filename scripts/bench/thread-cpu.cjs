// Preloaded into a modpol run (`node -r scripts/bench/thread-cpu.cjs bin/modpol.js …`): at exit,
// writes to stderr the CPU time of the main thread alone and of the whole process (every thread),
// from /proc (Linux), as one JSON line. Why: under --jobs the question is what the reading and
// writing thread costs per post, which the process's total (what /usr/bin/time gives) hides.
"use strict";
const { readFileSync } = require("node:fs");
const { isMainThread } = require("node:worker_threads");
const TICK_MS = 10; // CLK_TCK is 100 on Linux

/** utime + stime of a /proc stat line, in milliseconds. */
function cpuMs(path) {
  const s = readFileSync(path, "utf8");
  const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) * TICK_MS;
}

if (isMainThread) {
  process.on("exit", () => {
    try {
      const main = cpuMs(`/proc/self/task/${process.pid}/stat`);
      const all = cpuMs("/proc/self/stat");
      process.stderr.write(`${JSON.stringify({ mainThreadCpuMs: main, processCpuMs: all })}\n`);
    } catch {
      // Not Linux: nothing to say.
    }
  });
}
