import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { chunkBytesOf, recordsOfChunk, type InputRecord, type LineChunk, type RawRecord } from "../input/records.js";
import { limitsFromEnv } from "../load/limits.js";
import type { PolicyOrTimeline } from "../evaluate/timeline.js";
import { loadPolicyOrTimeline } from "../use-cases/load-policy.js";
import { HOW_TO_REPORT, internalRecordMessage } from "./bug-report.js";
import { renderBatch, renderChunk, type RenderedBatch, type RenderOptions } from "./eval-render.js";
import type { WorkerJob, WorkerResult, WorkerSetup } from "./eval-worker.js";
import { makeStyle } from "./style.js";

/** The compiled worker script (tests run the TypeScript sources, whose workers must still be JS). */
function defaultWorkerUrl(): URL {
  const here = new URL("./eval-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL("../../dist/cli/eval-worker.js", import.meta.url);
}

/** Options of an {@link EvalPool} beyond its setup. */
export interface PoolOptions {
  /** The worker script (default: the compiled eval-worker; tests give one that fails on purpose). */
  readonly workerUrl?: URL;
  /** Told, once per worker, that it stopped unexpectedly and its batches run in this thread. */
  readonly onWorkerLost?: (message: string) => void;
  /** Given what a worker writes to its stderr. */
  readonly onStderr?: (text: string) => void;
  /**
   * The policy as this thread already loaded it, for batches that must run here: loading it again
   * doubled this thread's memory just when a worker had run out of its own.
   */
  readonly policy?: PolicyOrTimeline;
}

type Records = readonly (InputRecord | RawRecord)[];

/** What a batch is: records, or a chunk of line-delimited input whose records the worker reads. */
type Work = { readonly records: Records } | { readonly chunk: LineChunk };

interface Job {
  readonly work: Work;
  /** Records it holds: a worker's answer must account for each. */
  readonly count: number;
  readonly resolve: (r: RenderedBatch) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  alive: boolean;
  readonly jobs: Map<number, Job>;
}

/**
 * Worker threads that evaluate batches of records. Batches go out round-robin and come back
 * whenever they are done; {@link EvalPool.run} resolves with each batch's own results, so the caller
 * can write them in input order.
 *
 * A worker that dies (a crash, running out of memory, exiting) or fails a batch must neither hang
 * the run nor lose records: its unfinished batches are evaluated in this thread instead, record by
 * record (a record that fails there becomes an `internal-error` record), and it gets no more work.
 * With every worker gone, the pool works in this thread alone.
 */
export class EvalPool {
  private readonly slots: Slot[];
  private seq = 0;
  private closing = false;
  private local: Promise<(work: Work) => RenderedBatch> | undefined;

  constructor(jobs: number, private readonly setup: WorkerSetup, private readonly opts: PoolOptions = {}) {
    const url = opts.workerUrl ?? defaultWorkerUrl();
    this.slots = Array.from({ length: jobs }, () => {
      // A worker's stdout and stderr are its own streams, not piped into the process's: each pipe
      // adds its listeners to process.stdout, and eight workers with a slow reader passed Node's
      // limit of ten (MaxListenersExceededWarning). Workers write nothing to stdout; what one says
      // on stderr (a warning) is passed on.
      const worker = new Worker(url, { workerData: setup, stdout: true, stderr: true });
      worker.stdout.resume();
      worker.stderr.on("data", (b: Buffer) => opts.onStderr?.(b.toString("utf8")));
      const slot: Slot = { worker, alive: true, jobs: new Map() };
      slot.worker.on("message", (m: WorkerResult) => {
        const job = slot.jobs.get(m.seq);
        if (!job) return;
        slot.jobs.delete(m.seq);
        if (complete(m, job)) job.resolve(m.batch);
        else this.runHere(job); // the worker could not do this batch: do it here
      });
      slot.worker.on("error", (e) => this.lost(slot, e.message));
      slot.worker.on("exit", (code) => this.lost(slot, `it exited with code ${code}`));
      return slot;
    });
  }

  /** Evaluates a batch on the next live worker (or in this thread when none is left). */
  run(records: Records): Promise<RenderedBatch> {
    return this.send({ records }, records.length);
  }

  /**
   * Reads, evaluates and renders the records of a chunk of input on the next live worker. Its bytes
   * are copied once into a buffer that is transferred, not cloned; the chunk's own parts stay here,
   * for this thread to do it if the worker is lost.
   */
  runChunk(chunk: LineChunk): Promise<RenderedBatch> {
    return this.send({ chunk }, chunk.records);
  }

  private send(work: Work, count: number): Promise<RenderedBatch> {
    const seq = this.seq++;
    const live = this.slots.filter((s) => s.alive);
    const slot = live[seq % Math.max(1, live.length)];
    return new Promise((resolve, reject) => {
      const job: Job = { work, count, resolve, reject };
      if (!slot) return this.runHere(job);
      slot.jobs.set(seq, job);
      if ("records" in work) {
        slot.worker.postMessage({ seq, records: work.records } satisfies WorkerJob);
        return;
      }
      const chunk = chunkBytesOf(work.chunk);
      slot.worker.postMessage({ seq, chunk } satisfies WorkerJob, [chunk.bytes.buffer as ArrayBuffer]);
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private lost(slot: Slot, why: string): void {
    if (!slot.alive) return;
    slot.alive = false;
    const jobs = [...slot.jobs.values()];
    slot.jobs.clear();
    if (this.closing) return;
    this.opts.onWorkerLost?.(`a worker thread stopped (${why}); its records are evaluated in the main thread instead. This is a bug in modpol: ${HOW_TO_REPORT}`);
    for (const job of jobs) this.runHere(job);
  }

  private runHere(job: Job): void {
    this.local ??= this.loadHere();
    this.local.then((evaluate) => job.resolve(evaluate(job.work)), (e: unknown) => job.reject(e instanceof Error ? e : new Error(String(e))));
  }

  /** The workers' evaluation, in this thread: the same policy, options and rendering. */
  private async loadHere(): Promise<(work: Work) => RenderedBatch> {
    const policy = this.opts.policy ?? (await loadPolicyOrTimeline(this.setup.policy, { cwd: this.setup.cwd, limits: limitsFromEnv(process.env) })).value;
    const options: RenderOptions = { ...this.setup.render, fo: { offsets: this.setup.offsets, style: await makeStyle(this.setup.colour) } };
    if (!policy) {
      // Cannot happen after the main thread loaded it; still, every record gets its output. An
      // error record is rendered without looking at the policy.
      const message = internalRecordMessage(new Error("the policy could not be loaded again"));
      return (work) => {
        const records = "records" in work ? work.records : recordsOfChunk(Buffer.concat(work.chunk.parts), work.chunk);
        return renderBatch(records.map((r) => ({ kind: "error", n: r.n, line: r.line, id: "id" in r ? r.id : String(r.n), code: "internal-error", message })), undefined as never, options);
      };
    }
    return (work) => ("records" in work ? renderBatch(work.records, policy, options) : renderChunk(chunkBytesOf(work.chunk), policy, options));
  }
}

/** Whether a worker's answer is a whole batch: output of the kind asked for, and a tally for every record. */
function complete(m: WorkerResult, job: Job): m is WorkerResult & { batch: RenderedBatch } {
  const b = m.batch;
  if (!b || b.count !== job.count || !Array.isArray(b.tallies)) return false;
  if ("records" in job.work ? typeof b.out !== "string" : !(b.out instanceof Uint8Array)) return false;
  let n = 0;
  for (const t of b.tallies) n += t[1];
  return n === job.count;
}
