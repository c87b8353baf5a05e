import { stopReading, type Interrupt } from "./interrupt.js";
import { EXIT_IO, IoError, type Io } from "./io.js";
import type { Output } from "./output.js";
import { recordErrorsNote, type Source } from "./record-input.js";

/** How a run of records ended, for {@link runEnd}. */
export interface RunOutcome {
  readonly out: Output;
  readonly io: Io;
  readonly interrupt: Interrupt;
  readonly inputError: IoError | undefined;
  /** Records decided (decisions and error records). */
  readonly records: number;
  /** Of them, error records. */
  readonly errors: number;
  /** Whether a finding (--fail-on, --fail-on-change) was decided. */
  readonly failed: boolean;
  /** The line for stderr that says what the finding was, when there is one. */
  readonly failNote?: string | undefined;
}

/**
 * The exit code of a run of records (eval, diff), and its last line on stderr. It reflects what was
 * decided, whether or not it could all be written: an output whose reader went away (`| head`) still
 * exits 1 for a --fail-on hit and 3 for an error record among the records decided. An I/O error
 * (the output failing, an input failing partway) is 74, a signal 130 or 143.
 */
export function runEnd(r: RunOutcome): number {
  const n = `${r.records} record${r.records === 1 ? "" : "s"}`;
  if (r.out.error) {
    r.io.stderr.write(`modpol: ${new IoError("writing the output", r.out.error).message}; ${n} were decided, but the output is incomplete\n`);
    return EXIT_IO;
  }
  if (r.inputError) {
    r.io.stderr.write(`modpol: ${r.inputError.message}; the ${n} read before it were decided and written, the rest of the input was not read\n`);
    return EXIT_IO;
  }
  if (r.interrupt.signal) {
    r.io.stderr.write(r.interrupt.note(r.records));
    return r.interrupt.exitCode();
  }
  if (r.errors > 0) {
    r.io.stderr.write(recordErrorsNote(r.errors, r.records));
    return 3;
  }
  if (r.failed && r.failNote) r.io.stderr.write(r.failNote);
  return r.failed ? 1 : 0;
}

/** After a signal: stdin and the input files stop, so a read in progress neither goes on nor hangs. */
export function stopSources(srcs: readonly Source[], io: Io): void {
  stopReading(io.stdin);
  for (const s of srcs) s.stop();
}
