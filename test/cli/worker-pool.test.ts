import { describe, expect, it } from "vitest";
import { joinRendered, renderChunk, renderRecord, type RenderOptions } from "../../src/cli/eval-render.js";
import type { WorkerSetup } from "../../src/cli/eval-worker.js";
import { EvalPool } from "../../src/cli/worker-pool.js";
import type { InputRecord, LineChunk } from "../../src/input/records.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";
import { PLAIN } from "../../src/report/style.js";
import { run } from "./run.js";

// A worker thread that dies or fails must neither hang the run nor lose a record: its batches are
// evaluated in the main thread instead, with the same output.

const MINI = "test/fixtures/mini/policy.yaml";
const setup: WorkerSetup = { policy: MINI, cwd: process.cwd(), colour: false, offsets: "codepoint", render: { format: "jsonl", explain: false, quiet: false, showId: false, defaultCountry: "UA" } };
const options: RenderOptions = { ...setup.render, fo: { offsets: "codepoint", style: PLAIN } };
const policy = loadYamlPolicy(MINI).policy;
const texts = ["Death to the invaders!", "hello", "kill them", "Смерть окупантам", "not a word", "death to putin"];
const batch = (from: number, n: number): InputRecord[] => Array.from({ length: n }, (_, i) => ({ kind: "post", n: from + i, line: from + i, id: `r${from + i}`, text: texts[(from + i) % texts.length] as string, country: undefined, date: undefined }));

describe("EvalPool when workers fail", () => {
  it.each(["exit-worker", "throw-worker", "refuse-worker", "startup-worker"])("%s: every batch still comes back, complete and in order", async (name) => {
    if (!policy) throw new Error("the mini policy did not load");
    const lost: string[] = [];
    const pool = new EvalPool(2, setup, { workerUrl: new URL(`../fixtures/hostile/workers/${name}.mjs`, import.meta.url), onWorkerLost: (m) => lost.push(m) });
    try {
      const batches = [batch(1, 7), batch(8, 5), batch(13, 9), batch(22, 3)];
      const results = await Promise.all(batches.map((b) => pool.run(b)));
      const expected = (b: InputRecord[]) => joinRendered(b.map((r) => renderRecord(r, policy, options)), "jsonl");
      batches.forEach((b, i) => expect(results[i]).toEqual(expected(b)));
      // A batch sent after every worker is gone runs here too.
      expect(await pool.run(batch(30, 2))).toEqual(expected(batch(30, 2)));
    } finally {
      await pool.close();
    }
    if (name !== "refuse-worker") {
      expect(lost.length).toBeGreaterThan(0);
      expect(lost[0]).toMatch(/^a worker thread stopped \(.+\); its records are evaluated in the main thread instead\. This is a bug in modpol/);
    }
  });

  it.each(["eval-worker", "exit-worker", "throw-worker", "refuse-worker", "startup-worker"])("%s: every chunk of input comes back as the bytes this thread makes of it", async (name) => {
    if (!policy) throw new Error("the mini policy did not load");
    const lost: string[] = [];
    const workerUrl = name === "eval-worker" ? undefined : new URL(`../fixtures/hostile/workers/${name}.mjs`, import.meta.url);
    const pool = new EvalPool(2, setup, { ...(workerUrl ? { workerUrl } : {}), onWorkerLost: (m) => lost.push(m), policy });
    // Lines cut into parts anywhere (here inside a multi-byte character), a blank line, CRLF.
    const chunk = (from: number, n: number): LineChunk => {
      const text = Buffer.from(Array.from({ length: n }, (_, i) => `${texts[(from + i) % texts.length]} #${from + i}😀${i === 1 ? "\r\n  \n" : "\n"}`).join(""));
      return { kind: "chunk", parts: [text.subarray(0, 5), text.subarray(5)], bytes: text.length, line: from, n: from, records: n, format: "lines", name: "in" };
    };
    try {
      const chunks = [chunk(1, 7), chunk(20, 5), chunk(40, 9), chunk(60, 3)];
      const results = await Promise.all(chunks.map((c) => pool.runChunk(c)));
      chunks.forEach((c, i) => {
        const want = renderChunk({ ...c, bytes: Buffer.concat(c.parts) }, policy, options);
        const got = results[i];
        expect(got?.out).toBeInstanceOf(Uint8Array);
        expect(Buffer.from(got?.out as Uint8Array).toString()).toBe(Buffer.from(want.out as Uint8Array).toString());
        expect([got?.count, got?.tallies]).toEqual([want.count, want.tallies]);
      });
    } finally {
      await pool.close();
    }
    if (name !== "refuse-worker" && name !== "eval-worker") expect(lost.length).toBeGreaterThan(0);
    if (name === "eval-worker") expect(lost).toEqual([]);
  });

  it("runs a lost worker's batches with the policy this thread holds, not a second copy loaded again", async () => {
    if (!policy) throw new Error("the mini policy did not load");
    // The setup names a policy that cannot be loaded: a batch run here would be internal errors.
    const pool = new EvalPool(1, { ...setup, policy: "test/fixtures/no-such-policy.yaml" }, { workerUrl: new URL("../fixtures/hostile/workers/exit-worker.mjs", import.meta.url), policy });
    try {
      const b = batch(1, 6);
      expect(await pool.run(b)).toEqual(joinRendered(b.map((r) => renderRecord(r, policy, options)), "jsonl"));
    } finally {
      await pool.close();
    }
  });

  it("adds no listeners to the process's stdout or stderr, however many workers (counted: listeners)", async () => {
    // Each worker's stdio was piped into the process's: at eight workers and a slow reader, Node
    // warned of a leak (MaxListenersExceededWarning).
    const before = [process.stdout, process.stderr].map((s) => s.eventNames().reduce((n, e) => n + s.listenerCount(e), 0));
    const pool = new EvalPool(3, setup);
    try {
      await Promise.all(Array.from({ length: 3 }, (_, i) => pool.run(batch(i * 3 + 1, 3))));
      const after = [process.stdout, process.stderr].map((s) => s.eventNames().reduce((n, e) => n + s.listenerCount(e), 0));
      expect(after).toEqual(before);
    } finally {
      await pool.close();
    }
  });

  it("modpol eval --jobs 2 over more records than run inline writes every one, in order", async () => {
    const n = 2600;
    const r = await run(["eval", "-p", MINI, "-f", "jsonl", "--jobs", "2", "-c", "UA"], Array.from({ length: n }, (_, i) => `${texts[i % texts.length]} #${i}`).join("\n"));
    expect(r.code, r.stderr).toBe(0);
    const ids = r.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(Array.from({ length: n }, (_, i) => String(i + 1)));
  });
});
