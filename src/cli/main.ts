import { Command, CommanderError } from "commander";
import { UsageError, type Io } from "./io.js";
import { SUBCOMMANDS } from "./subcommands.js";
import { VERSION } from "./version.js";
import { EXIT_INTERNAL, internalErrorMessage } from "./bug-report.js";
import { LimitSettingError } from "../load/limits.js";

/** Arguments of {@link main}: the command line after the program name, and the process's streams. */
export interface MainArgs extends Partial<Pick<Io, "env" | "cwd">> {
  readonly argv: readonly string[];
  readonly stdin: Io["stdin"];
  readonly stdout: Io["stdout"];
  readonly stderr: Io["stderr"];
}

/**
 * The whole command-line program. Returns the exit code (SPEC §4: 0 ok, 1 findings, 2 usage or
 * policy error, 3 records that could not be evaluated) and never calls process.exit.
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
  let code = 0;
  const done = (c: number): void => {
    code = c;
  };
  const program = new Command("modpol")
    .description("Content-policy evaluator: YAML policies, per-country decisions, explained.")
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  // When the first argument names a subcommand, commander dispatches to it and never looks at the
  // others (their names matter only to top-level help, `help`, and unknown-command suggestions), so
  // the output is the same with that one alone. Anything else gets the whole program.
  const named = SUBCOMMANDS.find(([name]) => name === args.argv[0]);
  for (const [, add] of named ? [named] : SUBCOMMANDS) add(program, io, done);

  if (args.argv.length === 0) {
    // No command at all is a usage error, but a helpful one.
    program.outputHelp();
    return 2;
  }
  try {
    await program.parseAsync([...args.argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`modpol: ${e.message}\n`);
      return 2;
    }
    if (e instanceof LimitSettingError) {
      io.stderr.write(`modpol: ${e.message}\n`);
      return 2;
    }
    io.stderr.write(internalErrorMessage(e, io.env));
    return EXIT_INTERNAL;
  }
}
