import { PassThrough, Readable } from "node:stream";
import { main } from "../../src/cli/main.js";

/** What a CLI run produced. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI in-process with the given arguments and stdin (text, bytes, or a stream, e.g. one that
 * fails partway); colour off unless env says otherwise.
 */
export async function run(argv: readonly string[], stdin: string | Buffer | Readable = "", env: Record<string, string> = {}, cwd = process.cwd()): Promise<RunResult> {
  const out = new PassThrough();
  const err = new PassThrough();
  const o: Buffer[] = [];
  const e: Buffer[] = [];
  out.on("data", (b: Buffer) => o.push(b));
  err.on("data", (b: Buffer) => e.push(b));
  const code = await main({ argv, stdin: stdin instanceof Readable ? stdin : Readable.from([Buffer.isBuffer(stdin) ? stdin : Buffer.from(stdin)]), stdout: out, stderr: err, env: { NO_COLOR: "1", ...env }, cwd });
  return { code, stdout: Buffer.concat(o).toString("utf8"), stderr: Buffer.concat(e).toString("utf8") };
}

/** One row of a CLI scenario table: the command line, its stdin, and what it must produce. */
export interface Scenario {
  readonly name: string;
  readonly args: readonly string[];
  readonly stdin?: string;
  readonly exitCode: number;
  /** A pattern stdout must match, or a function that asserts on it. */
  readonly stdout?: RegExp | ((s: string) => void);
  readonly stderr?: RegExp | ((s: string) => void);
}

/** Runs one scenario and checks exit code, stdout, stderr, and that no stack trace reached the user. */
export async function checkScenario(sc: Scenario, expect: (v: unknown, msg?: string) => { toBe(v: unknown): void; toMatch(r: RegExp): void; not: { toMatch(r: RegExp): void } }): Promise<void> {
  const r = await run(sc.args, sc.stdin ?? "");
  expect(r.code, r.stderr).toBe(sc.exitCode);
  for (const [got, want] of [[r.stdout, sc.stdout], [r.stderr, sc.stderr]] as const) {
    if (want instanceof RegExp) expect(got).toMatch(want);
    else if (want) want(got);
  }
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
}
