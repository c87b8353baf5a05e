import type { Readable, Writable } from "node:stream";

/** What a command may touch: everything the process would give it, passed in so tests can run in-process. */
export interface Io {
  readonly stdin: Readable | AsyncIterable<Buffer | string>;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Record<string, string | undefined>;
  readonly cwd: string;
}

/** A mistake in how the command was called: reported in one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
