import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { InputRecord } from "../input/records.js";
import type { Rendered } from "./eval-render.js";
import type { WorkerResult, WorkerSetup } from "./eval-worker.js";

/** The compiled worker script (tests run the TypeScript sources, whose workers must still be JS). */
function workerUrl(): URL {
  const here = new URL("./eval-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  return new URL("../../dist/cli/eval-worker.js", import.meta.url);
}

/**
 * Worker threads that evaluate batches of records. Batches go out round-robin and come back
 * whenever they are done; {@link EvalPool.run} resolves with each batch's own results, so the caller
 * can write them in input order.
 */
export class EvalPool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, { resolve: (r: readonly Rendered[]) => void; reject: (e: Error) => void }>();
  private seq = 0;

  constructor(jobs: number, setup: WorkerSetup) {
    this.workers = Array.from({ length: jobs }, () => {
      const w = new Worker(workerUrl(), { workerData: setup });
      w.on("message", (m: WorkerResult) => {
        const p = this.pending.get(m.seq);
        if (!p) return;
        this.pending.delete(m.seq);
        if (m.results) p.resolve(m.results);
        else p.reject(new Error(m.error ?? "worker failed"));
      });
      w.on("error", (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      return w;
    });
  }

  /** Evaluates a batch on the next worker. */
  run(records: readonly InputRecord[]): Promise<readonly Rendered[]> {
    const seq = this.seq++;
    const worker = this.workers[seq % this.workers.length] as Worker;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      worker.postMessage({ seq, records });
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
