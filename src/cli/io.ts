import type { Readable } from "node:stream";

/**
 * What the commands use of an output stream: a Writable (process.stdout, a PassThrough in tests)
 * has it all, and so has bin/modpol.js's {@link LazyStdio} (see stdio.ts), which is no stream.
 */
export interface OutStream {
  write(chunk: string | Uint8Array): boolean;
  on(event: "error" | "drain" | "close", listener: (...args: unknown[]) => void): unknown;
  off(event: "error" | "drain" | "close", listener: (...args: unknown[]) => void): unknown;
  /** True once the stream can take no more (closed, or its reader went away). */
  readonly destroyed: boolean;
  /** True for a terminal. */
  readonly isTTY?: boolean | undefined;
}

/** What a command may touch: everything the process would give it, passed in so tests can run in-process. */
export interface Io {
  readonly stdin: Readable | AsyncIterable<Buffer | string>;
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly env: Record<string, string | undefined>;
  readonly cwd: string;
}

/** A mistake in how the command was called: reported in one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
