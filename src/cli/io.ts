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

/**
 * Exit code of an I/O error: an input that cannot be read partway through, an output that cannot be
 * written (a full disk). EX_IOERR of BSD sysexits: the user's environment, not a bug in modpol.
 */
export const EXIT_IO = 74;

/**
 * Reading an input or writing the output failed in the operating system (EIO, ENOSPC…): reported in
 * one line that says what could not be read or written and why, exit code {@link EXIT_IO}.
 */
export class IoError extends Error {
  override readonly name = "IoError";

  /** `what` names the input or output ("reading posts.jsonl", "writing the output"). */
  constructor(
    readonly what: string,
    override readonly cause: unknown,
  ) {
    super(`error ${what}: ${describeIoError(cause)}`);
  }
}

/** An I/O error as a person reads it: the system's message, and its code for searching. */
export function describeIoError(e: unknown): string {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === "string" ? err.code : undefined;
  const raw = typeof err?.message === "string" ? err.message : String(e);
  // Node's messages start with the code and end with the call ("EIO: i/o error, read"): keep the words.
  const words = code ? raw.replace(new RegExp(`^${code}: `), "").replace(/, \w+( '.*')?$/, "") : raw;
  return code ? `${words} (${code})` : words;
}

/** Whether `e` is an error of the operating system (it has an errno code such as EIO or ENOSPC). */
export function isSystemError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^E[A-Z0-9]+$/.test(code);
}
