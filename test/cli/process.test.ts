import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { internalErrorMessage, internalRecordMessage } from "../../src/cli/bug-report.js";
import { renderRecord } from "../../src/cli/eval-render.js";
import type { CompiledPolicy } from "../../src/compile/types.js";
import { PLAIN } from "../../src/report/style.js";

// How modpol behaves as a process: readers that go away, and its own bugs.

/** Runs bin/modpol.js; the reader of stdout (or stderr) goes away after its first chunk. */
function closedEarly(args: readonly string[], stdin: string, which: "stdout" | "stderr"): Promise<{ code: number | null; other: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/modpol.js", ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let other = "";
    child[which].once("data", () => child[which].destroy());
    child[which === "stdout" ? "stderr" : "stdout"].on("data", (b: Buffer) => (other += b.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, other }));
    child.stdin.on("error", () => undefined); // the child may stop reading first
    child.stdin.end(stdin);
  });
}

describe("modpol as a process", () => {
  it("`modpol eval | head`: a closed stdout ends the run quietly, exit 0", async () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `kill them ${i}`).join("\n");
    const r = await closedEarly(["eval", "-p", "test/fixtures/mini/policy.yaml"], lines, "stdout");
    expect(r).toEqual({ code: 0, other: "" });
  });

  // check of a folder whose report has several lines (warnings, then the summary), all written to
  // the closed pipe: not of rules/, whose three policies this child compiled from YAML for ~20 s.
  it.each([["--help"], ["check", "test/fixtures/mini"], ["eval", "-p", "test/fixtures/mini/policy.yaml", "kill them"]])("`modpol %s | true`: output closed before anything is written, no internal error", async (...args) => {
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ["bin/modpol.js", ...args], { stdio: ["ignore", "pipe", "pipe"] });
      child.stdout.destroy();
      let stderr = "";
      child.stderr.on("data", (b: Buffer) => (stderr += b.toString("utf8")));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stderr }));
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("a closed stderr is no reason to crash", async () => {
    // A policy that cannot be loaded: its problems go to stderr one line at a time.
    const r = await closedEarly(["eval", "-p", "test/fixtures/hostile/rules/unsafe-patterns.yaml", "x"], "", "stderr");
    expect(r).toEqual({ code: 2, other: "" });
  });
});

describe("internal errors", () => {
  it("say they are a bug and how to report it, without a stack unless MODPOL_DEBUG is set", () => {
    const e = new TypeError("x is not a function");
    const plain = internalErrorMessage(e, {});
    expect(plain).toMatch(/^modpol: internal error: x is not a function\nThis is a bug in modpol, not in your input or policy: please report it to the modpol maintainers \(see "Reporting bugs" in the README\) with the command you ran, modpol \S+, and what MODPOL_DEBUG=1 prints\.\n$/);
    expect(plain).not.toMatch(/\n\s+at /);
    expect(internalErrorMessage(e, { MODPOL_DEBUG: "1" })).toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it("in one record's evaluation, become an error record in its place; the run goes on", () => {
    const broken = new Proxy({}, { get: () => { throw new Error("broken policy"); } }) as CompiledPolicy;
    const r = renderRecord({ kind: "post", n: 4, line: 9, id: "p4", text: "kill", country: undefined, date: undefined }, broken, { format: "jsonl", fo: { offsets: "codepoint", style: PLAIN }, explain: false, quiet: false, showId: false, defaultCountry: undefined });
    expect(r.tally).toBeNull();
    expect(JSON.parse(r.out)).toEqual({ id: "p4", line: 9, error: { code: "internal-error", message: internalRecordMessage(new Error("broken policy")) } });
    expect(internalRecordMessage(new Error("broken policy"))).toMatch(/^internal error while evaluating this record \(broken policy\); this is a bug in modpol: please report it/);
  });
});
