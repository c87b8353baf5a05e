import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { run, type RunResult } from "./run.js";

// `eval --jobs N` sends line-delimited input to its workers as chunks of bytes cut at line ends;
// the workers split, decode, parse, decide and render, and send back bytes. Whatever the input's
// line ends, encoding troubles and the places where reads and chunks are cut, the output (and
// stderr, and the exit code) must be byte for byte that of one thread.

const MINI = "test/fixtures/mini/policy.yaml";
const RECORDS = 2600; // past the 2,000 records decided in the main thread before workers start

/** A small deterministic generator, so the same input is made on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TEXTS = ["Death to the invaders!", "hello there", "kill them all 😀", "Смерть окупантам", "Тільки спокій, 🇺🇦 слава", "death to putin ✊🏽", "日本語のテキスト", "ok"];
const ENDS = ["\n", "\r\n", "\n", "\r", "\n"];

/** JSONL with everything the readers handle: ids or none, bad JSON, a non-object, a missing text, blank and empty lines, mixed line ends, invalid UTF-8, a line over the limit, a BOM first. */
function jsonlInput(): Buffer {
  const r = lcg(16);
  const parts: Buffer[] = [Buffer.from("\u{feff}")];
  for (let i = 0; i < RECORDS; i++) {
    const text = `${TEXTS[Math.floor(r() * TEXTS.length)]} #${i}`;
    const k = r();
    const line =
      k < 0.03 ? `{"text": "broken ${i}"` : k < 0.05 ? `[1, 2]` : k < 0.07 ? `{"id": "m${i}"}` : k < 0.1 ? "" : k < 0.12 ? " \t " : k < 0.13 ? `{"text":"${"x".repeat(3000)}"}` : k < 0.5 ? JSON.stringify({ text, country: k < 0.3 ? "UA" : "DE" }) : JSON.stringify({ id: `p${i}`, text, lang: k < 0.7 ? "uk" : undefined });
    parts.push(Buffer.from(line));
    if (k > 0.95) parts.push(Buffer.from([0xff, 0xc3])); // invalid UTF-8 at the end of a line
    parts.push(Buffer.from(ENDS[Math.floor(r() * ENDS.length)] as string));
  }
  parts.push(Buffer.from('{"text":"the last line has no line end 😀"}'));
  return Buffer.concat(parts);
}

/** Plain text, one post a line, with the same troubles. */
function linesInput(): Buffer {
  const r = lcg(61);
  const parts: Buffer[] = [Buffer.from("\u{feff}")];
  for (let i = 0; i < RECORDS; i++) {
    const k = r();
    parts.push(Buffer.from(k < 0.05 ? "" : k < 0.08 ? "  " : k < 0.09 ? "y".repeat(3000) : `${TEXTS[Math.floor(r() * TEXTS.length)]} ${i}`));
    parts.push(Buffer.from(ENDS[Math.floor(r() * ENDS.length)] as string));
  }
  return Buffer.concat(parts);
}

/** The input as a stream of reads of 1 to 97 bytes: UTF-8 sequences, CRLFs and the BOM cut everywhere. */
function trickle(b: Buffer, seed: number): Readable {
  const r = lcg(seed);
  const reads: Buffer[] = [];
  for (let at = 0; at < b.length; ) {
    const n = 1 + Math.floor(r() * 97);
    reads.push(b.subarray(at, at + n));
    at += n;
  }
  return Readable.from(reads);
}

async function runs(args: readonly string[], input: Buffer, env: Record<string, string>): Promise<RunResult> {
  return run(["eval", "-p", MINI, "--max-record-size", "2k", ...args], trickle(input, 7), env);
}

describe("eval --jobs gives the bytes one thread gives", () => {
  const cases: [string, readonly string[], () => Buffer][] = [
    ["jsonl", ["--input-format", "jsonl", "-f", "jsonl", "-c", "PL"], jsonlInput],
    ["jsonl, utf16 offsets, --summary", ["--input-format", "jsonl", "-f", "jsonl", "--offsets", "utf16", "--summary"], jsonlInput],
    ["json --explain --summary", ["--input-format", "jsonl", "-f", "json", "--explain", "--summary"], jsonlInput],
    ["text", ["--input-format", "jsonl", "-f", "text", "--summary"], jsonlInput],
    ["csv", ["--input-format", "jsonl", "-f", "csv"], jsonlInput],
    ["lines in, jsonl out", ["-f", "jsonl", "--why-not", "clear"], linesInput],
    ["lines in, text out, quiet, --fail-on", ["-f", "text", "--quiet", "--summary", "--fail-on", "violating"], linesInput],
  ];
  it.each(cases)("%s", async (_name, args, make) => {
    const input = make();
    const one = await runs([...args, "--jobs", "1"], input, {});
    expect(one.code).toBe(3); // some records could not be evaluated
    expect(one.stdout.length).toBeGreaterThan(0);
    // Chunks of one line each (every chunk edge), of a few lines, and the default.
    for (const [jobs, chunk] of [["2", "1"], ["3", "700"], ["2", ""]] as const) {
      const many = await runs([...args, "--jobs", jobs], input, chunk ? { MODPOL_CHUNK_BYTES: chunk } : {});
      // On a machine with fewer cores, --jobs 3 says it uses fewer threads: the one line allowed to differ.
      const stderr = many.stderr.replace(/^modpol: --jobs \d+: using \d+ worker threads? \(.*\)\n/, "");
      expect({ code: many.code, stderr }).toEqual({ code: one.code, stderr: one.stderr });
      expect(Buffer.from(many.stdout).equals(Buffer.from(one.stdout)), `--jobs ${jobs}, chunks of ${chunk || "default"} bytes`).toBe(true);
    }
  }, 120000);
});

describe("eval --jobs over several inputs", () => {
  it("numbers records across inputs, lines within each, CSV as records between chunked inputs: as one thread", async () => {
    const dir = mkdtempSync(join(tmpdir(), "modpol-jobs-"));
    const csv = `id,text,country\nc1,"kill them\nall",UA\n${Array.from({ length: 900 }, (_, i) => `c${i + 2},death to putin ${i},PL`).join("\r\n")}\n`;
    const files = { "a.jsonl": jsonlInput(), "b.csv": Buffer.from(csv), "c.txt": linesInput() };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const args = ["eval", "-p", MINI, "--max-record-size", "2k", "-f", "jsonl", "--summary", ...["a.jsonl", "b.csv", "c.txt", "a.jsonl"].flatMap((f) => ["-i", join(dir, f)])];
    const one = await run([...args, "--jobs", "1"]);
    const two = await run([...args, "--jobs", "2"], "", { MODPOL_CHUNK_BYTES: "300" });
    expect(one.stdout.split("\n").length).toBeGreaterThan(6000);
    expect({ code: two.code, stderr: two.stderr }).toEqual({ code: one.code, stderr: one.stderr });
    expect(two.stdout === one.stdout).toBe(true);
  }, 120000);
});
