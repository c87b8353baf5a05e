/** What signals are listened on: the process, or a stand-in in tests. */
export interface SignalSource {
  once(event: "SIGINT" | "SIGTERM", listener: () => void): unknown;
  on(event: "SIGINT" | "SIGTERM", listener: () => void): unknown;
  removeListener(event: "SIGINT" | "SIGTERM", listener: () => void): unknown;
}

/** Options of {@link watchInterrupts}. */
export interface InterruptOptions {
  /** Where signals come from (default: the process). */
  readonly source?: SignalSource;
  /** Called on the first signal: stop the input (destroy stdin, so a pending read ends). */
  readonly onStop?: () => void;
  /** Called on a second signal, when the user will not wait for the flush (default: exit now). */
  readonly onForce?: (code: number) => void;
}

/** A run that stops cleanly on SIGINT or SIGTERM: see {@link watchInterrupts}. */
export interface Interrupt {
  /** The signal received, once one has been. */
  readonly signal: "SIGINT" | "SIGTERM" | undefined;
  /**
   * The records of `records`, until a signal arrives: then it ends at once, even in the middle of a
   * read that would never finish (a terminal, a pipe nobody writes to), and closes the reader.
   */
  guard<T>(records: AsyncGenerator<T>): AsyncGenerator<T>;
  /** The exit code after a signal: 128 + its number, as shells report it (130, 143). */
  exitCode(): number;
  /** The line for stderr after a signal: how far the run got. */
  note(records: number): string;
  /** Stops listening (the process's default handling comes back). */
  dispose(): void;
}

const STOP = Symbol("stop");

/**
 * Listens for SIGINT (Ctrl-C) and SIGTERM for the length of an `eval` or `diff` run. The first one
 * stops the reading; what was read is still decided and written, the output is flushed and closed
 * properly (a JSON document stays valid), and the caller reports how far it got and exits 130 or
 * 143. A second signal exits at once, for when the flush, or the post being decided, will not end.
 *
 * A handler in JavaScript runs only when the thread is free, not in the middle of deciding a post:
 * so once the first signal has been handled, the handlers are removed and the process gets the
 * signal's default action back, which the system carries out whatever the thread is doing. (They
 * are removed on the next turn, not at once: a second signal that came while the first waited is
 * already queued for them, and exits from there.)
 */
export function watchInterrupts(o: InterruptOptions = {}): Interrupt {
  const source: SignalSource = o.source ?? process;
  let signal: "SIGINT" | "SIGTERM" | undefined;
  let wakeRead: (() => void) | undefined;
  let listening = true;
  const handler = (sig: "SIGINT" | "SIGTERM") => () => {
    if (signal !== undefined) {
      (o.onForce ?? ((code: number) => process.exit(code)))(codeOf(sig));
      return;
    }
    signal = sig;
    wakeRead?.();
    o.onStop?.();
    setImmediate(stopListening);
  };
  const onInt = handler("SIGINT");
  const onTerm = handler("SIGTERM");
  const stopListening = (): void => {
    if (!listening) return;
    listening = false;
    source.removeListener("SIGINT", onInt);
    source.removeListener("SIGTERM", onTerm);
  };
  source.on("SIGINT", onInt);
  source.on("SIGTERM", onTerm);

  return {
    get signal() {
      return signal;
    },
    async *guard<T>(records: AsyncGenerator<T>): AsyncGenerator<T> {
      try {
        while (signal === undefined) {
          const next = records.next();
          // If the signal wins the race, this read may still fail later (stdin destroyed): quietly.
          next.catch(() => undefined);
          // Race against a promise made for this read only: racing every read against one long-lived
          // pending promise left a reaction on it per record (~1.5 KB a record, never freed).
          const stop = new Promise<typeof STOP>((resolve) => (wakeRead = () => resolve(STOP)));
          const r = await Promise.race([next, stop]);
          wakeRead = undefined;
          if (r === STOP || r.done) return;
          yield r.value;
        }
      } finally {
        // After a signal the reader may be stuck in a read: ask it to close without waiting.
        const closing = records.return(undefined);
        if (signal === undefined) await closing;
        else closing.catch(() => undefined);
      }
    },
    exitCode: () => codeOf(signal ?? "SIGINT"),
    note: (n) => `modpol: interrupted by ${signal ?? "a signal"} after ${n} record${n === 1 ? "" : "s"}: their results were written; the rest of the input was not read\n`,
    dispose: stopListening,
  };
}

/**
 * The signals' numbers, as os.constants.signals gives them on every platform Node runs on (loading
 * node:os for them cost every run about 0.3 ms).
 */
const SIGNAL_NUMBER = { SIGINT: 2, SIGTERM: 15 } as const;

function codeOf(sig: "SIGINT" | "SIGTERM"): number {
  return 128 + SIGNAL_NUMBER[sig];
}

/** Ends a stdin stream so that a pending read returns (for {@link InterruptOptions.onStop}). */
export function stopReading(stdin: unknown): void {
  const s = stdin as { destroy?: () => void };
  if (typeof s.destroy === "function") s.destroy();
}
