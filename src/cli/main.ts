import { EXIT_IO, IoError, UsageError, type Io, type OutStream } from "./io.js";
import { runEval } from "./eval-command.js";
import { quickEvalArgs } from "./eval-options.js";
import { EXIT_INTERNAL, internalErrorMessage } from "./bug-report.js";
import { LimitSettingError } from "../load/limits.js";

/** Arguments of {@link main}: the command line after the program name, and the process's streams. */
export interface MainArgs extends Partial<Pick<Io, "env" | "cwd">> {
  readonly argv: readonly string[];
  readonly stdin: Io["stdin"];
  readonly stdout: OutStream;
  readonly stderr: OutStream;
}

/**
 * The whole command-line program. Returns the exit code (SPEC §4: 0 ok, 1 findings, 2 usage or
 * policy error, 3 records that could not be evaluated; 74 an I/O error, 130 and 143 after SIGINT
 * and SIGTERM, 70 an internal error) and never calls process.exit.
 */
export async function main(args: MainArgs): Promise<number> {
  // stdin is read through a getter: process.stdin is made on first use (a stream, 1 to 2 ms), and a
  // run whose posts are its arguments never needs it.
  const io: Io = {
    get stdin() {
      return args.stdin;
    },
    stdout: args.stdout,
    stderr: args.stderr,
    env: args.env ?? process.env,
    cwd: args.cwd ?? process.cwd(),
  };
  try {
    // A plain `modpol eval` needs no command-line library (see quickEvalArgs); anything else goes to
    // commander, loaded only then.
    const quick = quickEvalArgs(args.argv);
    if (quick) return await runEval(quick.texts, quick.opts, io);
    return await (await import("./program.js")).runProgram(args.argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`modpol: ${e.message}\n`);
      return 2;
    }
    if (e instanceof LimitSettingError) {
      io.stderr.write(`modpol: ${e.message}\n`);
      return 2;
    }
    if (e instanceof IoError) {
      io.stderr.write(`modpol: ${e.message}\n`);
      return EXIT_IO;
    }
    io.stderr.write(internalErrorMessage(e, io.env));
    return EXIT_INTERNAL;
  }
}
