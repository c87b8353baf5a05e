import { fstatSync, writeSync } from "node:fs";
import type { OutStream } from "./io.js";

/**
 * Bytes a {@link LazyStdio} writes straight to its descriptor before the stream takes over: what the
 * smallest pipe buffer (one page) holds, so that these writes never wait on a reader that is slow.
 */
export const DIRECT_BYTES = 4096;

type Listener = (...args: unknown[]) => void;
type Event = "error" | "drain" | "close";

/**
 * process.stdout or process.stderr as bin/modpol.js hands it to main(), made only when needed. Node
 * makes each as a stream on first access, and for a pipe that loads net and all of streams (about
 * 3.5 ms, more than a one-post run spends deciding its post). So while little has been written to a
 * pipe, a socket or a file, text goes straight to the descriptor with writeSync, in order. The
 * stream takes over, and from then on gets every write, with its backpressure: past
 * {@link DIRECT_BYTES}, for a terminal, on Windows (where the console wants the stream's encoding),
 * and on any failed write (EAGAIN, EPIPE): the stream writes the rest and handles what went wrong as
 * it always has (waits for the descriptor, or emits 'error').
 */
export class LazyStdio implements OutStream {
  private stream: OutStream | undefined;
  /** Whether the descriptor may be written directly: decided on first use. */
  private direct: boolean | undefined;
  private written = 0;
  private readonly listeners: [Event, Listener][] = [];

  /** `open` gives the real stream (process.stdout for descriptor 1); it is called at most once. */
  constructor(
    private readonly fd: number,
    private readonly open: () => OutStream,
  ) {}

  /** Writes `chunk`; false when the stream asks the writer to wait for 'drain'. */
  write(chunk: string | Uint8Array): boolean {
    if (this.stream === undefined && this.mayWriteDirectly()) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      if (this.written + bytes.length <= DIRECT_BYTES) {
        let done = 0;
        try {
          while (done < bytes.length) done += writeSync(this.fd, bytes, done);
          this.written += done;
          return true;
        } catch {
          // EAGAIN (a non-blocking descriptor, full), EPIPE (the reader went away), anything else:
          // the stream writes the rest and deals with it as it always has (waits, or emits 'error').
          return this.real().write(done === 0 ? chunk : bytes.subarray(done));
        }
      }
    }
    return this.real().write(chunk);
  }

  /** Listens for 'error' (EPIPE: the reader went away), 'drain' or 'close', on the stream once it exists. */
  on(event: Event, listener: Listener): this {
    if (this.stream) this.stream.on(event, listener);
    else this.listeners.push([event, listener]);
    return this;
  }

  /** Removes a listener added with {@link on}. */
  off(event: Event, listener: Listener): this {
    if (this.stream) this.stream.off(event, listener);
    else {
      const i = this.listeners.findIndex(([e, l]) => e === event && l === listener);
      if (i >= 0) this.listeners.splice(i, 1);
    }
    return this;
  }

  /**
   * Resolves once everything written has gone to the descriptor (at once for the direct writes,
   * which are synchronous, and for a stream with nothing queued), or the stream has ended: what the
   * process waits for before it exits.
   */
  flushed(): Promise<void> {
    const s = this.stream as (OutStream & { readonly writableLength?: number }) | undefined;
    if (s === undefined || s.destroyed || !((s.writableLength ?? 0) > 0)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        s.off("drain", done);
        s.off("close", done);
        s.off("error", done);
        resolve();
      };
      s.on("drain", done);
      s.on("close", done);
      s.on("error", done);
    });
  }

  /** True once the stream can take no more (its reader went away). */
  get destroyed(): boolean {
    return this.stream?.destroyed ?? false;
  }

  /** True for a terminal (whose writes always go through the stream). */
  get isTTY(): boolean {
    return this.mayWriteDirectly() ? false : this.real().isTTY === true;
  }

  /** Pipes, sockets and files, which are never terminals, on systems where a write is a write. */
  private mayWriteDirectly(): boolean {
    if (this.direct === undefined) {
      try {
        const st = fstatSync(this.fd);
        this.direct = process.platform !== "win32" && (st.isFIFO() || st.isSocket() || st.isFile());
      } catch {
        this.direct = false;
      }
    }
    return this.direct;
  }

  /** The stream, made on first need, with the listeners added so far. */
  private real(): OutStream {
    if (this.stream === undefined) {
      this.stream = this.open();
      for (const [event, listener] of this.listeners.splice(0)) this.stream.on(event, listener);
    }
    return this.stream;
  }
}
