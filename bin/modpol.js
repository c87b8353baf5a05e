#!/usr/bin/env node
import { EXIT_INTERNAL, internalErrorMessage, LazyStdio, main } from "../dist/cli/modpol.js";

// Standard output and error, made as Node streams only when a run needs them: see LazyStdio.
const stdout = new LazyStdio(1, () => process.stdout);
const stderr = new LazyStdio(2, () => process.stderr);
// Nobody reading stderr any more (`modpol … 2>&1 | head`) is no reason to die; stdout has its own
// handling (the output ends quietly).
stderr.on("error", () => undefined);
// Last resort: anything that escapes main() is a bug in modpol. It is reported as one, with how to
// report it, never as a bare stack trace.
const fatal = (e) => {
  try {
    stderr.write(internalErrorMessage(e, process.env));
  } finally {
    process.exit(EXIT_INTERNAL);
  }
};
process.on("uncaughtException", fatal);
process.on("unhandledRejection", fatal);

// process.stdin is made on first use, and costs a stream: only a run that reads it pays for it.
process.exitCode = await main({
  argv: process.argv.slice(2),
  get stdin() {
    return process.stdin;
  },
  stdout,
  stderr,
});
