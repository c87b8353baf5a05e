import { closeSync, constants, createReadStream, fstat, open, openSync, statSync, type Stats } from "node:fs";
import { Socket } from "node:net";
import type { Readable } from "node:stream";
import { isatty, ReadStream as TtyReadStream } from "node:tty";
import { promisify } from "node:util";

/** An input file being read, and how to stop it. */
export interface InputFile {
  /** Its bytes, chunk by chunk. */
  readonly chunks: AsyncIterable<Buffer>;
  /** Stops reading at once, wherever it is: opening, or waiting for bytes (see {@link openInputFile}). */
  stop(): void;
}

const openFd = promisify(open);
const fstatFd = promisify(fstat);

/**
 * Opens an input file (`--input PATH`) for reading in a way that a signal can always stop.
 *
 * Node reads files on its thread pool, with calls that block a thread until they return, and a
 * process does not exit while one of its threads is blocked: after SIGTERM, a named pipe nobody
 * writes to (whose opening waits for a writer) kept `modpol eval` running forever, having said
 * "interrupted after 0 records". So a named pipe or a socket, once open, is read as the event loop
 * reads stdin (polled, no thread waits on it), a terminal as a terminal, and only what never blocks
 * (regular files, devices such as /dev/zero) on the thread pool. An opening that still waits when
 * the reading stops is released by opening the pipe's other end, without blocking, and closing it
 * at once: the waiting open returns and reads an end of file.
 */
export function openInputFile(path: string): InputFile {
  let stream: Readable | undefined;
  let opening = true;
  let stopped = false;
  async function* chunks(): AsyncGenerator<Buffer> {
    const fd = await openFd(path, "r");
    opening = false;
    if (stopped) {
      closeSync(fd);
      return;
    }
    stream = readerOf(fd, await fstatFd(fd));
    for await (const chunk of stream) yield chunk as Buffer;
  }
  return {
    chunks: chunks(),
    stop() {
      stopped = true;
      if (opening) releaseOpening(path);
      stream?.destroy();
    },
  };
}

/** A stream over an open descriptor, read in the way that never leaves a thread blocked on it. */
function readerOf(fd: number, st: Stats): Readable {
  if (st.isFIFO() || st.isSocket()) return new Socket({ fd, readable: true, writable: false });
  if (isatty(fd)) return new TtyReadStream(fd);
  return createReadStream("", { fd });
}

/** Makes an opening of the named pipe `path` that waits for a writer return (nothing else is). */
function releaseOpening(path: string): void {
  try {
    if (!statSync(path).isFIFO()) return;
    // Opening the writing end without blocking succeeds only while a reader waits: ours.
    closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // No reader waiting (the open just finished), or not a pipe: nothing to release.
  }
}
