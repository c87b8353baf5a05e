import { closeSync, createWriteStream, openSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError, type Io, type OutStream } from "./io.js";

/** Where a command writes its results: stdout, or the file `-o/--output` names. */
export interface OutputTarget {
  readonly stream: OutStream;
  /** Ends a file's stream and waits until all of it is written (nothing to do for stdout). */
  close(): Promise<void>;
  /** True when results go to a file (no colour; the summary of a machine format stays on stderr). */
  readonly toFile: boolean;
}

/**
 * Opens `-o/--output` (relative to the working folder; `-` or none is stdout). The file is opened
 * before anything is read or written, so a path that cannot be written is a usage error up front,
 * not a failure halfway through a large input.
 */
export function openOutput(output: string | undefined, io: Io): OutputTarget {
  if (output === undefined || output === "-") return { stream: io.stdout, close: async () => undefined, toFile: false };
  let fd: number;
  try {
    fd = openSync(resolve(io.cwd, output), "w");
  } catch (e) {
    throw new UsageError(`--output: cannot write ${output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const stream = createWriteStream("", { fd, autoClose: false });
  return {
    stream,
    toFile: true,
    close: () =>
      new Promise<void>((done, fail) => {
        stream.end(() => {
          try {
            closeSync(fd);
            done();
          } catch (e) {
            fail(e);
          }
        });
      }),
  };
}
