#!/usr/bin/env node
// CommonJS (bin/package.json), like the core it loads: see scripts/bundle.js for why.
const { CORE, loadCore } = require("./load-core.js");
let core;
try {
  ({ core } = loadCore());
} catch (e) {
  // A clone that has not been built has no dist/: say so, instead of Node's file-not-found trace.
  if (e?.code !== "ENOENT" || e.path !== CORE) throw e;
  process.stderr.write("modpol: dist/ is missing: run `npm run build` in the modpol folder first\n");
  process.exit(2);
}
const { EXIT_INTERNAL, EXIT_IO, describeIoError, internalErrorMessage, LazyStdio, main } = core;

(async () => {
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
  // A reader that went away (`modpol --help | true`, `modpol check | head -1`) ends the output, not the
  // run: what is left to say goes nowhere, and the exit code stays the command's own. Any other write
  // error (a full disk) is the commands' to report, as an I/O error (exit 74); it is kept here in case
  // one wrote past them.
  let stdoutError;
  stdout.on("error", (e) => {
    if (e?.code !== "EPIPE" && e?.code !== "ERR_STREAM_DESTROYED") stdoutError ??= e;
  });
  process.on("unhandledRejection", fatal);

  // process.stdin is made on first use, and costs a stream: only a run that reads it pays for it.
  let code = await main({
    argv: process.argv.slice(2),
    get stdin() {
      return process.stdin;
    },
    stdout,
    stderr,
  });
  // The run is over when main() returns: nothing left pending (an input still being opened, such as a
  // named pipe nobody writes to, or read, such as /dev/zero after a signal) may keep the process alive.
  // What was written is let out first, and a write error it met (reported on the next turn) counted.
  await stdout.flushed();
  await new Promise((resolve) => setImmediate(resolve));
  if (stdoutError && code !== EXIT_IO) {
    stderr.write(`modpol: error writing the output: ${describeIoError(stdoutError)}\n`);
    code = EXIT_IO;
  }
  await stderr.flushed();
  process.exit(code);
})();
