import { PassThrough, Readable } from "node:stream";
import { main } from "../../src/cli/main.js";

/** What a CLI run produced. */
export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with the given arguments and stdin; colour off unless env says otherwise. */
export async function run(argv: readonly string[], stdin: string | Buffer = "", env: Record<string, string> = {}, cwd = process.cwd()): Promise<RunResult> {
  const out = new PassThrough();
  const err = new PassThrough();
  const o: Buffer[] = [];
  const e: Buffer[] = [];
  out.on("data", (b: Buffer) => o.push(b));
  err.on("data", (b: Buffer) => e.push(b));
  const code = await main({ argv, stdin: Readable.from([Buffer.isBuffer(stdin) ? stdin : Buffer.from(stdin)]), stdout: out, stderr: err, env: { NO_COLOR: "1", ...env }, cwd });
  return { code, stdout: Buffer.concat(o).toString("utf8"), stderr: Buffer.concat(e).toString("utf8") };
}
