import type { PolicyOrTimeline } from "../evaluate/timeline.js";
import { chunkBytesOf, joinChunks, type InputRecord, type LineChunk, type RawRecord } from "../input/records.js";
import { renderChunk, renderRecord, type Rendered, type RenderedBatch, type RenderOptions } from "./eval-render.js";
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

/**
 * Bytes of line-delimited input per chunk sent to a worker, about (whole lines, so one line more at
 * most): a few hundred posts' worth per message makes the cost of a message (a copy into the
 * transferred buffer, a post, an answer) small beside theirs, while two chunks in flight per
 * worker still hold little. A test or a measurement may set it (MODPOL_CHUNK_BYTES).
 */
export const CHUNK_BYTES = 256 * 1024;
/** Records per chunk, at most (and one piece read more): what a chunk's output holds stays bounded when the posts are short. */
export const CHUNK_RECORDS = 2048;

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
  /** A batch decided by a worker, or a chunk decided here (in input order, after every record before it). */
  readonly onBatch: (b: RenderedBatch) => void;
  /** {@link CHUNK_BYTES}, unless a test or a measurement asks for other chunks. */
  readonly chunkBytes?: number | undefined;
  /**
   * Go on deciding when the output closes (`| head`): the exit code is a verdict on every record
   * (`--fail-on`), so the reader going away must not cut it short. Otherwise a closed output ends
   * the run.
   */
  readonly keepDeciding?: boolean;
}

/**
 * Decides every record of every source, in input order. Small inputs run in this thread (a worker
 * costs tens of milliseconds to start); past {@link INLINE_RECORDS}, with `jobs` > 1, the work goes
 * to worker threads and comes back in order, at most two batches per worker in flight: what the run
 * holds does not grow with the posts' size. A line-delimited input (a source with `chunks`) goes as
 * chunks of its bytes ({@link CHUNK_BYTES}), which the workers split, parse, decide and render, so
 * that this thread only cuts the input at line ends and writes the bytes that come back: its cost
 * per post is what limits how many workers help. Other inputs (CSV, the arguments) go as batches of
 * records (of {@link BATCH} records or {@link BATCH_CHARS} characters). Output is queued
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
  // Chunks of the current input read but not sent yet: consecutive, so they go as one.
  let pending: LineChunk[] = [];
  let pendingBytes = 0;
  let pendingRecords = 0;
  const chunkBytes = o.chunkBytes ?? CHUNK_BYTES;
  const drain = async (keep: number): Promise<void> => {
    while (inFlight.length > keep) {
      o.onBatch(await (inFlight.shift() as Promise<RenderedBatch>));
      await o.out.flushIfFull();
    }
  };
  const sendBatch = (): void => {
    if (pool && batch.length > 0) inFlight.push(pool.run(batch));
    batch = [];
    batchChars = 0;
  };
  const sendChunk = (): void => {
    // Blank lines alone hold no record and make no output: nothing to send.
    if (pool && pendingRecords > 0) inFlight.push(pool.runChunk(joinChunks(pending)));
    pending = [];
    pendingBytes = 0;
    pendingRecords = 0;
  };
  const stopped = (): boolean => o.out.closed && o.keepDeciding !== true;
  let seen = 0;
  let n = 1;
  try {
    try {
      outer: for (const src of srcs) {
        const it = o.interrupt.guard<(InputRecord | RawRecord | LineChunk)[]>(o.jobs > 1 && src.chunks ? src.chunks(n) : src.records(n));
        for await (const items of it) {
          for (const item of items) {
            if (item.kind === "chunk") {
              n = item.n + item.records;
              const inline = seen < INLINE_RECORDS;
              seen += item.records;
              if (inline) {
                // The first records run here, as the one-thread run reads them (a chunk at a time).
                if (item.records > 0) o.onBatch(renderChunk(chunkBytesOf(item), o.policy, o.render));
              } else {
                pool ??= await o.makePool();
                sendBatch();
                pending.push(item);
                pendingBytes += item.bytes;
                pendingRecords += item.records;
                if (pendingBytes >= chunkBytes || pendingRecords >= CHUNK_RECORDS) {
                  sendChunk();
                  await drain(o.jobs * 2);
                }
              }
            } else {
              n = item.n + 1;
              seen++;
              if (o.jobs > 1 && seen > INLINE_RECORDS) {
                pool ??= await o.makePool();
                // A record between chunks (a line over the limit) goes after them: the output stays in input order.
                sendChunk();
                batch.push(item);
                batchChars += charsOf(item);
                if (batch.length >= BATCH || batchChars >= BATCH_CHARS) {
                  sendBatch();
                  await drain(o.jobs * 2);
                }
              } else o.onRecord(renderRecord(item, o.policy, o.render));
            }
            // After a signal, what was read (this batch) is still decided; a closed output ends it all.
            if (stopped()) break;
          }
          await o.out.flushIfFull();
          if (stopped() || o.interrupt.signal) {
            await it.return(undefined);
            break outer;
          }
        }
        // Chunks of two inputs are never joined: each numbers its lines from 1.
        sendChunk();
      }
    } finally {
      // Whatever ended the reading (the end, a signal, an input that failed), what was read is decided.
      if (!stopped()) {
        sendChunk();
        sendBatch();
        await drain(0);
      }
    }
  } finally {
    await pool?.close();
  }
}
