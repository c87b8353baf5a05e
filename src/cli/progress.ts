import type { OutStream } from "./io.js";

/** Bytes of input read so far and, when every input is a file, their total size. */
export interface InputMeter {
  read: number;
  total: number | undefined;
}

/**
 * A one-line progress display on stderr for long runs: records, posts per second and, when the
 * input size is known, percent done and an estimated time left. Only on a terminal and never under
 * CI, so pipes and logs stay clean; it redraws at most twice a second and erases itself at the end.
 */
export class Progress {
  private last = 0;
  private shown = false;
  private readonly started = Date.now();

  private constructor(private readonly stream: OutStream, private readonly meter: InputMeter) {}

  /** A progress display, or undefined when stderr is not a terminal or CI is set. */
  static create(stream: OutStream, env: Record<string, string | undefined>, meter: InputMeter): Progress | undefined {
    const tty = stream.isTTY === true;
    return tty && !env.CI ? new Progress(stream, meter) : undefined;
  }

  /** Called per record; redraws when half a second has passed. */
  tick(records: number): void {
    const now = Date.now();
    if (now - this.last < 500 || now - this.started < 1000) return;
    this.last = now;
    const secs = (now - this.started) / 1000;
    const rate = records / secs;
    let line = `modpol: ${records.toLocaleString("en")} records, ${Math.round(rate).toLocaleString("en")}/s`;
    const { read, total } = this.meter;
    if (total && read > 0) {
      const done = Math.min(1, read / total);
      const left = done > 0 ? (secs / done) * (1 - done) : 0;
      line += `, ${(done * 100).toFixed(0)}%, about ${formatSeconds(left)} left`;
    }
    this.stream.write(`\r${line}\u001b[K`);
    this.shown = true;
  }

  /**
   * Erases the line before something else is written to the terminal (a result on stdout, a note on
   * stderr), so that it does not run on after the progress text; the next tick draws it again.
   */
  clear(): void {
    if (!this.shown) return;
    this.stream.write("\r\u001b[K");
    this.shown = false;
  }

  /** Erases the line. */
  end(): void {
    this.clear();
  }
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

/** Passes a byte stream through, counting its bytes into `meter`. */
export async function* metered(source: AsyncIterable<Buffer | string>, meter: InputMeter): AsyncGenerator<Buffer | string> {
  for await (const chunk of source) {
    meter.read += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.length;
    yield chunk;
  }
}
