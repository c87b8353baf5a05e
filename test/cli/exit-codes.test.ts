import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { run, type RunResult } from "./run.js";

// The exit code reflects what was decided, not what could be written: a reader that goes away
// (`| head -1`) leaves a --fail-on hit or an error record its code; an I/O error (a full disk, an
// input that fails partway) is exit 74 with a clear message, the records decided so far, and a
// document closed properly where the output still works.

const MINI = "test/fixtures/mini/policy.yaml";
const tmp = mkdtempSync(join(tmpdir(), "modpol-exit-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** 6,000 posts (more output than a pipe holds); the one that matters last. */
function file(name: string, last: string, lead = "hello"): string {
  const path = join(tmp, name);
  writeFileSync(path, `${Array.from({ length: 6000 }, () => lead).join("\n")}\n${last}\n`);
  return path;
}

/** Runs bin/modpol.js with stdout to a pipe whose reader goes away after the first line (`| head -1`). */
function headOne(args: readonly string[]): Promise<{ code: number | null; first: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/modpol.js", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let first = "";
    let stderr = "";
    child.stdout.on("data", (b: Buffer) => {
      if (first === "") first = b.toString("utf8").split("\n")[0] as string;
      child.stdout.destroy();
    });
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, first, stderr }));
  });
}

/** Runs bin/modpol.js with stdout on /dev/full: every write fails with ENOSPC. */
function toFullDisk(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const full = openSync("/dev/full", "w");
    const child = spawn(process.execPath, ["bin/modpol.js", ...args], { stdio: ["ignore", full, "pipe"] });
    closeSync(full);
    let stderr = "";
    child.stderr?.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("through a closed pipe, the exit code is what was decided", () => {
  it("eval --fail-on: a violating post after the reader went away still exits 1 (was 0)", async () => {
    const r = await headOne(["eval", "-p", MINI, "-i", file("late-violation.txt", "kill them"), "--fail-on", "violating"]);
    expect(r.first).toMatch(/^1 clear /);
    expect(r).toMatchObject({ code: 1, stderr: "" });
  });

  it("eval: an error record among those decided exits 3 (was 0)", async () => {
    const path = join(tmp, "error-first.jsonl");
    writeFileSync(path, `{"text":5}\n${Array.from({ length: 6000 }, () => '{"text":"hello"}').join("\n")}\n`);
    const r = await headOne(["eval", "-p", MINI, "-i", path, "-f", "jsonl"]);
    expect(JSON.parse(r.first)).toMatchObject({ error: { code: "invalid-text" } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^modpol: 1 of \d+ records could not be evaluated/);
  });

  it("diff --fail-on-change: a change after the reader went away still exits 1 (was 0)", async () => {
    const r = await headOne(["diff", "--from", "meta-baseline", "--to", "meta-2022-03-10", "-c", "UA", "-i", file("late-change.txt", "Death to the Russian invaders"), "--fail-on-change", "--all"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("modpol: 1 post change decision from meta-baseline to meta-2022-03-10 (--fail-on-change)\n");
  });

  it("without --fail-on, the run still stops when the reader goes away", async () => {
    const r = await headOne(["eval", "-p", MINI, "-i", file("plain.txt", "hello")]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
  });
});

describe("I/O errors: exit 74, a clear message, never 'a bug in modpol'", () => {
  it.each([
    ["eval, text", ["eval", "-p", MINI, "kill them", "hello"], /^modpol: error writing the output: no space left on device \(ENOSPC\); 2 records were decided, but the output is incomplete\n$/],
    ["eval, json", ["eval", "-p", MINI, "kill them", "-f", "json"], /^modpol: error writing the output: no space left on device \(ENOSPC\); 1 record were decided/],
    ["diff", ["diff", "--from", MINI, "--to", "meta-baseline", "kill them"], /^modpol: error writing the output: no space left on device \(ENOSPC\)/],
    // check, test and schema write through the same emit(); help through commander.
    ["check", ["check", MINI], /^modpol: error writing the output: no space left on device \(ENOSPC\)\n$/],
    ["help", ["--help"], /^modpol: error writing the output: no space left on device \(ENOSPC\)\n$/],
  ])("stdout on a full disk: %s", async (_, args, message) => {
    const r = await toFullDisk(args as string[]);
    expect(r.code, r.stderr).toBe(74);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/internal error|bug in modpol/);
  });

  it("-o on a full disk is an I/O error too (was 2); a path that cannot be opened stays a usage error", async () => {
    const full = await toFullDisk(["check", MINI, "-o", "/dev/full"]);
    expect(full).toEqual({ code: 74, stderr: "modpol: error writing /dev/full: no space left on device (ENOSPC)\n" });
    const missing = await toFullDisk(["check", MINI, "-o", join(tmp, "no/such/folder/out.txt")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--output: cannot write .*ENOENT/);
  });

  /** Runs the CLI in-process on stdin that yields `lines` and then fails with EIO. */
  async function failingInput(args: readonly string[], lines: readonly string[]): Promise<RunResult> {
    async function* chunks(): AsyncGenerator<Buffer> {
      yield Buffer.from(`${lines.join("\n")}\n`);
      await new Promise((r) => setTimeout(r, 5));
      throw Object.assign(new Error("EIO: i/o error, read"), { code: "EIO", errno: -5, syscall: "read" });
    }
    return run(args, Readable.from(chunks()));
  }

  it("an input that fails partway: the records before it decided and written, the document closed, exit 74", async () => {
    const r = await failingInput(["eval", "-p", MINI, "-f", "json", "--summary"], ["kill them", "hello", "death to putin"]);
    expect(r.code).toBe(74);
    const doc = JSON.parse(r.stdout) as { results: { id: string }[]; summary: { total: number } };
    expect(doc.results.map((x) => x.id)).toEqual(["1", "2", "3"]);
    expect(doc.summary.total).toBe(3);
    expect(r.stderr).toBe("modpol: error reading <stdin>: i/o error (EIO); the 3 records read before it were decided and written, the rest of the input was not read\n");
  });

  it("the same with --jobs 2: the batches already sent to workers are written first", async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `kill them ${i}` : `hello ${i}`));
    const r = await failingInput(["eval", "-p", MINI, "-f", "jsonl", "--jobs", "2"], lines);
    expect(r.code, r.stderr).toBe(74);
    const ids = r.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual(lines.map((_, i) => String(i + 1)));
    expect(r.stderr).toMatch(/the 3000 records read before it were decided and written/);
  });

  it("diff: the same", async () => {
    const r = await failingInput(["diff", "--from", MINI, "--to", "meta-baseline", "-f", "json", "--all"], ["kill them", "hello"]);
    expect(r.code).toBe(74);
    expect((JSON.parse(r.stdout) as { summary: { total: number } }).summary.total).toBe(2);
  });
});
