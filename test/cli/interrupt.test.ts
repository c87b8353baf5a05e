import { execFileSync, spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { watchInterrupts } from "../../src/cli/interrupt.js";

// SIGINT and SIGTERM stop `modpol eval` cleanly: reading stops, what was read is decided and
// written, the output is complete (a JSON document stays valid), and stderr says how far it got.

describe("watchInterrupts", () => {
  it("ends a read that would never finish, stops the input, and says how far the run got", async () => {
    const source = new EventEmitter();
    let stopped = 0;
    const it = watchInterrupts({ source, onStop: () => stopped++ });
    async function* records(): AsyncGenerator<number> {
      yield 1;
      yield 2;
      await new Promise(() => undefined); // a terminal nobody types into
    }
    const seen: number[] = [];
    const reading = (async () => {
      for await (const r of it.guard(records())) seen.push(r);
    })();
    await new Promise((r) => setTimeout(r, 20));
    source.emit("SIGTERM");
    await reading;
    expect(seen).toEqual([1, 2]);
    expect(stopped).toBe(1);
    expect(it.signal).toBe("SIGTERM");
    expect(it.exitCode()).toBe(143);
    expect(it.note(2)).toBe("modpol: interrupted by SIGTERM after 2 records: their results were written; the rest of the input was not read\n");
    it.dispose();
    expect(source.listenerCount("SIGINT") + source.listenerCount("SIGTERM")).toBe(0);
  });

  it("passes everything through when no signal comes, and exits at once on a second signal", async () => {
    const source = new EventEmitter();
    const forced: number[] = [];
    const it = watchInterrupts({ source, onForce: (c) => forced.push(c) });
    async function* records(): AsyncGenerator<number> {
      yield* [1, 2, 3];
    }
    const seen: number[] = [];
    for await (const r of it.guard(records())) seen.push(r);
    expect(seen).toEqual([1, 2, 3]);
    expect(it.signal).toBeUndefined();
    source.emit("SIGINT");
    source.emit("SIGINT");
    expect(forced).toEqual([130]);
    it.dispose();
  });

  it("gives the signals' default action back after the first one, so a second ends the process even while it is busy", async () => {
    // A handler runs only when the thread is free; the system's default action does not wait for it.
    const source = new EventEmitter();
    const it = watchInterrupts({ source, onForce: () => undefined });
    source.emit("SIGTERM");
    expect(source.listenerCount("SIGINT") + source.listenerCount("SIGTERM")).toBe(2);
    await new Promise((r) => setImmediate(r));
    expect(source.listenerCount("SIGINT") + source.listenerCount("SIGTERM")).toBe(0);
    it.dispose();
  });
});

/** Runs bin/modpol.js, writes `lines` to its stdin (keeping it open), then sends `signal` once `ready` output lines are out. */
function interrupted(args: readonly string[], lines: readonly string[], ready: number, signal: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/modpol.js", ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let sent = false;
    child.stdout.on("data", (b: Buffer) => {
      stdout += b.toString("utf8");
      if (!sent && stdout.split("\n").length > ready) {
        sent = true;
        child.kill(signal);
      }
    });
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.on("error", () => undefined);
    child.stdin.write(`${lines.join("\n")}\n`);
    // stdin stays open: modpol is waiting for more when the signal comes.
    setTimeout(() => {
      if (!sent) {
        sent = true;
        child.kill(signal);
      }
    }, 8000);
  });
}

describe("modpol eval under SIGINT and SIGTERM (a real process)", () => {
  it("SIGINT: the records read are written, stderr says how many, exit 130", async () => {
    const r = await interrupted(["eval", "-p", "test/fixtures/mini/policy.yaml", "-f", "jsonl"], ["kill them", "hello", "death to putin"], 3, "SIGINT");
    expect(r.code).toBe(130);
    expect(r.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(["1", "2", "3"]);
    expect(r.stderr).toBe("modpol: interrupted by SIGINT after 3 records: their results were written; the rest of the input was not read\n");
  });

  it("SIGTERM with --format json: the document is still complete and valid, exit 143", async () => {
    const r = await interrupted(["eval", "-p", "test/fixtures/mini/policy.yaml", "-f", "json", "--summary"], ["kill them", "hello"], 0, "SIGTERM");
    expect(r.code).toBe(143);
    const doc = JSON.parse(r.stdout) as { results: unknown[]; summary: { total: number } };
    expect(doc.results.length).toBe(doc.summary.total);
    expect(r.stderr).toMatch(/^modpol: interrupted by SIGTERM after \d+ records?/);
  });
});

/**
 * Runs `modpol eval -f json` with no stdin, sends `signal` once the run is under way (the head of
 * the JSON document is written after the signal handlers are set), and waits for it to end.
 */
function signalledWhileReading(args: readonly string[], signal: NodeJS.Signals): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/modpol.js", ...args, "-f", "json"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => {
      if (stdout === "") child.kill(signal);
      stdout += b.toString("utf8");
    });
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("a signal ends a run whose input never ends or never starts (a real process)", () => {
  const tmp = mkdtempSync(join(tmpdir(), "modpol-signal-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("a named pipe nobody writes to: 'interrupted after 0 records', and the process ends (it kept running)", async () => {
    const fifo = join(tmp, "posts.fifo");
    execFileSync("mkfifo", [fifo]);
    const r = await signalledWhileReading(["eval", "-p", "test/fixtures/mini/policy.yaml", "-i", fifo], "SIGTERM");
    expect(r.code).toBe(143);
    expect(JSON.parse(r.stdout)).toMatchObject({ results: [] });
    expect(r.stderr).toBe("modpol: interrupted by SIGTERM after 0 records: their results were written; the rest of the input was not read\n");
  }, 20_000);

  it("/dev/zero, one line that never ends: the process ends (it never did)", async () => {
    const r = await signalledWhileReading(["eval", "-p", "test/fixtures/mini/policy.yaml", "-i", "/dev/zero"], "SIGINT");
    expect(r.code).toBe(130);
    expect(JSON.parse(r.stdout)).toMatchObject({ results: [] });
    expect(r.stderr).toMatch(/^modpol: interrupted by SIGINT after 0 records/);
  }, 20_000);

  it("diff under SIGTERM: the records read are compared, the JSON document closed, stderr says how many (diff had no signal handling)", async () => {
    const r = await interrupted(["diff", "--from", "test/fixtures/mini/policy.yaml", "--to", "meta-baseline", "-f", "json", "--all"], ["kill them", "hello"], 0, "SIGTERM");
    expect(r.code).toBe(143);
    const doc = JSON.parse(r.stdout) as { results: unknown[]; summary: { total: number } };
    expect(doc.results.length).toBe(doc.summary.total);
    expect(r.stderr).toMatch(/^modpol: interrupted by SIGTERM after \d+ records?: their results were written/);
  }, 20_000);
});

