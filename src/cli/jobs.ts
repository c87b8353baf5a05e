import { UsageError } from "./io.js";

/**
 * What a worker thread costs in memory: its own heap with its own copy of the compiled policy and
 * the batches it holds. Measured: about 45 MB with a bundled (precompiled) policy, about 120 MB with
 * one compiled from YAML; this leaves room over the larger.
 */
export const WORKER_BYTES = 192 * 1024 * 1024;

/** What the machine offers the worker threads of a run. */
export interface Machine {
  /** Cores this process may use (os.availableParallelism()). */
  readonly cores: number;
  /** Memory free for them, in bytes (os.freemem()). */
  readonly freeBytes: number;
}

/** The worker threads a run will use, and the note for stderr when fewer than asked. */
export interface Jobs {
  readonly jobs: number;
  readonly note?: string | undefined;
}

/**
 * `--jobs`: a number, or `auto` for one per core; without it, one thread. A number is capped by
 * the cores (a thread more than the cores only adds a heap: `--jobs 64` on two cores took over
 * 4 GB with a policy compiled from YAML and gained nothing) and by the memory free for a heap each
 * ({@link WORKER_BYTES}); a capped run says so on stderr.
 */
export function planJobs(v: string | undefined, machine: () => Machine): Jobs {
  // One thread by default, chosen by measurement (scripts/bench/jobs.js, 200,000 benchmark posts,
  // 6 December 2026). The reading thread no longer limits: it cuts the input into chunks and writes
  // the bytes that come back, 0.56 µs of CPU a post with workers that decide nothing (1.83 µs when
  // it parsed and cloned every record) and 1.4-3.1 µs while real workers share its core (5.7-5.9
  // before), against 50-70 µs a post for a worker: it could feed far more workers than a machine
  // has cores. But `auto` cannot be the default: os.availableParallelism() counts hardware threads,
  // and on the benchmark's machine, whose two vCPUs are one core's two, `--jobs 2` cost 42% more
  // CPU a post than one thread (74 against 52 µs) and was slower (46 s against 27 s on a machine
  // loaded by other work); each worker also holds its own heap (+63-146 MB) and compiles the hot
  // code again (about a second). A default that made runs slower on such machines is worse than
  // one that leaves real cores idle until asked (`--jobs auto`, which the README recommends for
  // large inputs on real cores).
  if (v === undefined) return { jobs: 1 };
  const auto = v === "auto";
  const n = auto ? Infinity : Number(v);
  if (!auto && (!Number.isInteger(n) || n < 1 || n > 256)) throw new UsageError(`--jobs: '${v}' is not 'auto' or a number of threads from 1 to 256`);
  if (n === 1) return { jobs: 1 };
  const m = machine();
  const byCores = Math.max(1, m.cores);
  const byMemory = Math.max(1, Math.floor(m.freeBytes / WORKER_BYTES));
  const jobs = Math.min(n, byCores, byMemory);
  if (auto || jobs === n) return { jobs };
  const why = jobs === byCores ? `${m.cores} core${m.cores === 1 ? "" : "s"}` : `${Math.round(m.freeBytes / 2 ** 20)} MB of free memory, about ${Math.round(WORKER_BYTES / 2 ** 20)} MB a thread`;
  return { jobs, note: `--jobs ${n}: using ${jobs} worker thread${jobs === 1 ? "" : "s"} (${why})` };
}

/** The machine, as node:os tells it (loaded only when --jobs asks for threads). */
export async function thisMachine(): Promise<() => Machine> {
  const os = await import("node:os");
  return () => ({ cores: os.availableParallelism(), freeBytes: os.freemem() });
}
