/**
 * What `bin/modpol.js` needs, in one module: the entry point of the CLI bundle that the build makes
 * (dist/cli/modpol.cjs), so that start-up loads one file instead of fifty.
 */
export { main, type MainArgs } from "./main.js";
export { EXIT_INTERNAL, internalErrorMessage } from "./bug-report.js";
export { LazyStdio } from "./stdio.js";
export { EXIT_IO, describeIoError } from "./io.js";
