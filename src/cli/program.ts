import { Command, CommanderError } from "commander";
import type { Io } from "./io.js";
import { SUBCOMMANDS } from "./subcommands.js";
import { VERSION } from "../base/version.js";

/**
 * The command line read by commander: help, version, every subcommand and every error message about
 * how modpol was called. Returns the exit code; errors of the commands themselves (UsageError and
 * the rest) are thrown to main(). Imported only when the quick reading of eval (eval-options.ts) does
 * not apply, which spares a plain eval loading commander at all.
 */
export async function runProgram(argv: readonly string[], io: Io): Promise<number> {
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
  const named = SUBCOMMANDS.find(([name]) => name === argv[0]);
  for (const [, add] of named ? [named] : SUBCOMMANDS) add(program, io, done);

  if (argv.length === 0) {
    // No command at all is a usage error, but a helpful one.
    program.outputHelp();
    return 2;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      return 2;
    }
    throw e;
  }
}
