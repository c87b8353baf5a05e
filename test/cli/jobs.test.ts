import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { decideAll, BATCH_CHARS, INLINE_RECORDS } from "../../src/cli/eval-loop.js";
import type { RenderedBatch, RenderOptions } from "../../src/cli/eval-render.js";
import type { Interrupt } from "../../src/cli/interrupt.js";
import { planJobs, WORKER_BYTES } from "../../src/cli/jobs.js";
import { Output } from "../../src/cli/output.js";
import type { Source } from "../../src/cli/record-input.js";
import type { EvalPool } from "../../src/cli/worker-pool.js";
import type { InputRecord, RawRecord } from "../../src/input/records.js";
import { PLAIN } from "../../src/report/style.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";

const GB = 2 ** 30;

describe("--jobs", () => {
  const big = () => ({ cores: 64, freeBytes: 256 * GB });

  it("is one thread unless asked, and asks nothing of the machine then", () => {
    expect(planJobs(undefined, () => { throw new Error("not asked"); })).toEqual({ jobs: 1 });
    expect(planJobs("1", () => { throw new Error("not asked"); })).toEqual({ jobs: 1 });
  });

  it("caps a number by the cores, and says so (64 threads on 2 cores took over 4 GB)", () => {
    expect(planJobs("64", () => ({ cores: 2, freeBytes: 16 * GB }))).toEqual({ jobs: 2, note: "--jobs 64: using 2 worker threads (2 cores)" });
    expect(planJobs("8", big)).toEqual({ jobs: 8 });
  });

  it("caps it by the memory free for a heap each", () => {
    expect(planJobs("16", () => ({ cores: 32, freeBytes: 5 * WORKER_BYTES + 1 }))).toEqual({ jobs: 5, note: expect.stringMatching(/^--jobs 16: using 5 worker threads \(\d+ MB of free memory, about 192 MB a thread\)$/) });
    expect(planJobs("4", () => ({ cores: 32, freeBytes: 10 }))).toMatchObject({ jobs: 1 });
  });

  it("auto is one per core within the memory, without a note", () => {
    expect(planJobs("auto", () => ({ cores: 6, freeBytes: 64 * GB }))).toEqual({ jobs: 6 });
    expect(planJobs("auto", () => ({ cores: 64, freeBytes: 3 * WORKER_BYTES }))).toEqual({ jobs: 3 });
  });

  it.each(["0", "-2", "1.5", "x", "257"])("refuses %j", (v) => {
    expect(() => planJobs(v, big)).toThrow(/--jobs: .* is not 'auto' or a number of threads from 1 to 256/);
  });
});

describe("batches sent to workers are bounded by size, not only by count", () => {
  it("holds at most two batches of about a megabyte per worker, whatever the posts' size (counted: characters in flight)", async () => {
    // Posts of 50 KB: 512-record batches were 25 MB each, four in flight with two workers.
    const policy = loadYamlPolicy("test/fixtures/mini/policy.yaml").policy;
    if (!policy) throw new Error("no policy");
    // The first records are decided in this thread (short ones: that is not what is measured).
    const post = "kill them ".repeat(5000);
    const records: InputRecord[] = Array.from({ length: 3000 }, (_, i) => ({ kind: "post", n: i + 1, line: i + 1, id: String(i + 1), text: i < INLINE_RECORDS ? "hello" : post, country: undefined, date: undefined }));
    const src: Source = { name: "test", stop: () => undefined, records: async function* () { for (let i = 0; i < records.length; i += 100) yield records.slice(i, i + 100); } };
    let inFlight = 0;
    let most = 0;
    let biggest = 0;
    let sent = 0;
    const pool = {
      run(batch: readonly (InputRecord | RawRecord)[]): Promise<RenderedBatch> {
        const chars = batch.reduce((n, r) => n + (r.kind === "error" ? 0 : r.text.length), 0);
        biggest = Math.max(biggest, chars);
        inFlight += chars;
        most = Math.max(most, inFlight);
        sent += batch.length;
        return new Promise((resolve) => setImmediate(() => {
          inFlight -= chars;
          resolve({ out: "", count: batch.length, tallies: [[null, batch.length]] });
        }));
      },
      close: async () => undefined,
    } as unknown as EvalPool;
    const interrupt = { signal: undefined, guard: <T>(g: AsyncGenerator<T>) => g, exitCode: () => 0, note: () => "", dispose: () => undefined } as unknown as Interrupt;
    const render: RenderOptions = { format: "jsonl", fo: { offsets: "codepoint", style: PLAIN }, explain: false, quiet: true, showId: false, defaultCountry: undefined };
    let decided = 0;
    await decideAll([src], { policy, render, jobs: 2, makePool: async () => pool, out: new Output(new PassThrough()), interrupt, onRecord: () => decided++, onBatch: (b) => (decided += b.count) });
    expect(decided).toBe(3000);
    expect(sent).toBe(3000 - INLINE_RECORDS);
    expect(biggest).toBeLessThanOrEqual(BATCH_CHARS + post.length);
    expect(most).toBeLessThanOrEqual((2 * 2 + 1) * (BATCH_CHARS + post.length));
  });
});
