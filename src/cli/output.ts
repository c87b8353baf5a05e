import type { OutStream } from "./io.js";

/**
 * Buffered writes to a stream, with backpressure, that end quietly when the reader goes away
 * (`modpol eval | head -1`): after EPIPE every write is dropped and `closed` turns true, so the
 * caller can stop reading input. Any other write error (a full disk: ENOSPC, EIO) closes it too,
 * and is kept in `error`, for the caller to report as an I/O error.
 */
export class Output {
  // Text from this thread, UTF-8 bytes from worker threads (see RenderedBatch), in order.
  private buf: (string | Uint8Array)[] = [];
  private size = 0;
  private broken = false;
  private failure: Error | undefined;
  private waiting: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  /**
   * `beforeWrite` runs just before each write to the stream: the progress line on a terminal is
   * erased there, so a result never lands after it on the same line.
   */
  constructor(
    private readonly stream: OutStream,
    private readonly flushAt = 64 * 1024,
    private readonly beforeWrite?: () => void,
  ) {
    stream.on("error", (e) => {
      this.broken = true;
      // A reader that went away is no failure: the output just ends.
      const code = (e as { code?: unknown } | undefined)?.code;
      if (code !== "EPIPE" && code !== "ERR_STREAM_DESTROYED") this.failure ??= e instanceof Error ? e : new Error(String(e));
    });
  }

  /** The write error that closed the output, when it was not its reader going away. */
  get error(): Error | undefined {
    return this.failure;
  }

  /** True once the reader has gone away. */
  get closed(): boolean {
    return this.broken || this.stream.destroyed;
  }

  /**
   * Queues text without flushing: for a loop over a batch of results, which then awaits
   * {@link flushIfFull} once. The idle timer still writes it out if nothing follows.
   */
  add(s: string | Uint8Array): void {
    if (this.closed) return;
    this.buf.push(s);
    this.size += s.length;
    this.armTimer();
  }

  /** Flushes when enough is buffered (respecting backpressure); otherwise returns at once. */
  async flushIfFull(): Promise<void> {
    if (this.size >= this.flushAt) await this.flush();
  }

  /** Queues text; flushes when enough is buffered. Await it to respect backpressure. */
  async write(s: string): Promise<void> {
    if (this.closed) return;
    this.buf.push(s);
    this.size += s.length;
    if (this.size >= this.flushAt) await this.flush();
    else this.armTimer();
  }

  private armTimer(): void {
    // When input comes slowly (a terminal, a pipe from a live source), what was decided still shows
    // within a moment, not only when 64 KB have built up; a large run pays one timer per flush.
    if (this.timer === null && this.size > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush().catch(() => undefined);
      }, IDLE_FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Writes out everything buffered, waiting for the stream to drain if it asks us to. */
  async flush(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.waiting) await this.waiting;
    if (this.size === 0 || this.closed) {
      this.buf = [];
      this.size = 0;
      return;
    }
    // Worker threads' bytes are written as they came, never decoded here: text is joined, and bytes
    // between texts join them as bytes (one write, one copy of what the flush holds).
    const chunk = this.buf.length === 1 ? (this.buf[0] as string | Uint8Array) : this.buf.every((x) => typeof x === "string") ? this.buf.join("") : Buffer.concat(this.buf.map((x) => (typeof x === "string" ? Buffer.from(x, "utf8") : x)));
    this.buf = [];
    this.size = 0;
    this.beforeWrite?.();
    const ok = this.stream.write(chunk);
    if (!ok && !this.closed) {
      this.waiting = new Promise<void>((resolve) => {
        const done = () => {
          this.stream.off("drain", done);
          this.stream.off("error", done);
          this.stream.off("close", done);
          resolve();
        };
        this.stream.on("drain", done);
        this.stream.on("error", done);
        this.stream.on("close", done);
      });
      await this.waiting;
      this.waiting = null;
    }
  }
}

/** How long buffered output may wait for more before it is written anyway. */
const IDLE_FLUSH_MS = 50;
