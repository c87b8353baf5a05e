import { parentPort, workerData } from "node:worker_threads";
import type { ChunkBytes, InputRecord, RawRecord } from "../input/records.js";
import { loadPolicyOrTimeline } from "../use-cases/load-policy.js";
import type { OffsetUnit } from "../report/eval-format.js";
import { renderBatch, renderChunk, type RenderedBatch, type RenderOptions } from "./eval-render.js";
import { makeStyle } from "./style.js";
import { limitsFromEnv } from "../load/limits.js";
import { applyRunSettings } from "../use-cases/run-settings.js";

/** What the main thread tells each worker once. */
export interface WorkerSetup {
  readonly policy: string;
  /** `--set`: the same settings the main thread gave the policy. */
  readonly set?: readonly (readonly [string, string])[] | undefined;
  readonly cwd: string;
  readonly colour: boolean;
  readonly offsets: OffsetUnit;
  readonly render: Omit<RenderOptions, "fo">;
}

/**
 * A batch to evaluate, and its place in the output: records, or a chunk of line-delimited input
 * (its bytes transferred) whose records the worker reads itself.
 */
export type WorkerJob = { readonly seq: number; readonly records: readonly (InputRecord | RawRecord)[] } | { readonly seq: number; readonly chunk: ChunkBytes };

/** The batch rendered (its `count` says how many records it holds), or why it could not be. */
export interface WorkerResult {
  readonly seq: number;
  readonly batch?: RenderedBatch;
  readonly error?: string;
}

const setup = workerData as WorkerSetup;
// The main thread loaded the policy under the same environment's limits (MODPOL_MAX_*).
const loaded = await loadPolicyOrTimeline(setup.policy, { cwd: setup.cwd, limits: limitsFromEnv(process.env) });
// The main thread checked these settings against the same policy: they apply here as they did there.
const applied = loaded.value ? applyRunSettings(loaded.value, new Map(setup.set ?? [])) : undefined;
const style = await makeStyle(setup.colour);
const options: RenderOptions = { ...setup.render, fo: { offsets: setup.offsets, style } };

parentPort?.on("message", (job: WorkerJob) => {
  const policy = applied?.ok ? applied.value : undefined;
  if (!policy) {
    parentPort?.postMessage({ seq: job.seq, error: "the policy could not be loaded in a worker" } satisfies WorkerResult);
    return;
  }
  try {
    if ("records" in job) {
      parentPort?.postMessage({ seq: job.seq, batch: renderBatch(job.records, policy, options) } satisfies WorkerResult);
      return;
    }
    const batch = renderChunk(job.chunk, policy, options);
    // The output goes back transferred: the main thread writes these bytes without copying or encoding them.
    parentPort?.postMessage({ seq: job.seq, batch } satisfies WorkerResult, [(batch.out as Uint8Array).buffer as ArrayBuffer]);
  } catch (e) {
    parentPort?.postMessage({ seq: job.seq, error: e instanceof Error ? e.message : String(e) } satisfies WorkerResult);
  }
});
