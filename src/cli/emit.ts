import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { IoError, UsageError, type Io } from "./io.js";
import { Output } from "./output.js";

/** Errors of a path given to --output that cannot be opened: the user's mistake, a usage error. */
const CANNOT_OPEN = new Set(["ENOENT", "ENOTDIR", "EISDIR", "EACCES", "EPERM", "EROFS", "ENAMETOOLONG", "ELOOP"]);

/**
 * Writes a report to `--output` (relative to the working folder; `-` is stdout) or to stdout, where
 * a reader that goes away (`modpol check | head`) ends the output quietly. A path that cannot be
 * opened is a usage error; a write that fails (a full disk) is an {@link IoError}, on stdout too.
 */
export async function emit(text: string, output: string | undefined, io: Io): Promise<void> {
  if (output === undefined || output === "-") {
    const out = new Output(io.stdout);
    await out.write(text);
    await out.flush();
    if (out.error) throw new IoError("writing the output", out.error);
    return;
  }
  try {
    writeFileSync(resolve(io.cwd, output), text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== undefined && CANNOT_OPEN.has(code)) throw new UsageError(`--output: cannot write ${output}: ${code}`);
    throw new IoError(`writing ${output}`, e);
  }
}
