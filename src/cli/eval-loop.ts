import type { PolicyOrTimeline } from "../evaluate/timeline.js";
import type { InputRecord, RawRecord } from "../input/records.js";
import { renderRecord, type Rendered, type RenderedBatch, type RenderOptions } from "./eval-render.js";
import type { Interrupt } from "./interrupt.js";
import type { Output } from "./output.js";
import type { Source } from "./record-input.js";
import type { EvalPool } from "./worker-pool.js";

/** Records evaluated in the main thread before worker threads are worth starting. */
export const INLINE_RECORDS = 2000;
/** Records per batch sent to a worker, at most. */
export const BATCH = 512;
/**
 * Characters of posts per batch, at most (and one record more): 512 posts of 50 KB made 25 MB
 * batches, four of them in flight with two workers, more than a small heap holds (a worker ran out
 * of memory, then the main thread, and 1,000 of 3,000 records were lost).
 */
export const BATCH_CHARS = 1 << 20;

/** A record's size for {@link BATCH_CHARS}: what it holds of the input. */
function charsOf(r: InputRecord | RawRecord): number {
  return r.kind === "error" ? r.message.length : r.text.length;
}

/** What the loop needs beyond the records: where results go, and how to make workers. */
export interface LoopOptions {
  readonly policy: PolicyOrTimeline;
  readonly render: RenderOptions;
  /** Worker threads (1: everything in this thread). */
  readonly jobs: number;
  /** Makes the pool on first need; loaded lazily, since a small run never needs one. */
  readonly makePool: () => Promise<EvalPool>;
  readonly out: Output;
  readonly interrupt: Interrupt;
  /** One record decided here (in input order). */
  readonly onRecord: (r: Rendered) => void;
  /** A batch decided by a worker (in input order, after every record before it). */
  readonly onBatch: (b: RenderedBatch) => void;
  /**
   * Go on deciding when the output closes (`| head`): the exit code is a verdict on every record
   * (`--fail-on`), so the reader going away must not cut it short. Otherwise a closed output ends
   * the run.
   */
  readonly keepDeciding?: boolean;
}

/**
 * Decides every record of every source, in input order. Small inputs run in this thread (a worker
 * costs tens of milliseconds to start); past {@link INLINE_RECORDS}, with `jobs` > 1, batches (of
 * {@link BATCH} records or {@link BATCH_CHARS} characters) go to worker threads and come back in
 * order, at most two per worker in flight: what the run holds does not grow with the posts' size. Output is queued
 * synchronously and flushed (with backpressure) between batches. Stops early when the output is
 * closed (`| head`; unless `keepDeciding`) or a signal arrives; what was read is still decided. An
 * input that fails to read ends the run too: the batches already sent are decided first, then its
 * error is thrown.
 */
export async function decideAll(srcs: readonly Source[], o: LoopOptions): Promise<void> {
  let pool: EvalPool | undefined;
  const inFlight: Promise<RenderedBatch>[] = [];
  let batch: (InputRecord | RawRecord)[] = [];
  let batchChars = 0;
  const drain = async (keep: number): Promise<void> => {
    while (inFlight.length > keep) {
      o.onBatch(await (inFlight.shift() as Promise<RenderedBatch>));
      await o.out.flushIfFull();
    }
  };
  const stopped = (): boolean => o.out.closed && o.keepDeciding !== true;
  let seen = 0;
  let n = 1;
  try {
    try {
      outer: for (const src of srcs) {
        const it = o.interrupt.guard(src.records(n));
        for await (const recs of it) {
          for (const rec of recs) {
            n = rec.n + 1;
            seen++;
            if (o.jobs > 1 && seen > INLINE_RECORDS) {
              pool ??= await o.makePool();
              batch.push(rec);
              batchChars += charsOf(rec);
              if (batch.length >= BATCH || batchChars >= BATCH_CHARS) {
                inFlight.push(pool.run(batch));
                batch = [];
                batchChars = 0;
                await drain(o.jobs * 2);
              }
            } else o.onRecord(renderRecord(rec, o.policy, o.render));
            // After a signal, what was read (this batch) is still decided; a closed output ends it all.
            if (stopped()) break;
          }
          await o.out.flushIfFull();
          if (stopped() || o.interrupt.signal) {
            await it.return(undefined);
            break outer;
          }
        }
      }
    } finally {
      // Whatever ended the reading (the end, a signal, an input that failed), what was read is decided.
      if (pool && batch.length > 0 && !stopped()) inFlight.push(pool.run(batch));
      if (!stopped()) await drain(0);
    }
  } finally {
    await pool?.close();
  }
}
