import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError, type Io } from "./io.js";
import { Output } from "./output.js";

/**
 * Writes a report to `--output` (relative to the working folder; `-` is stdout) or to stdout, where
 * a reader that goes away (`modpol check | head`) ends the output quietly.
 */
export async function emit(text: string, output: string | undefined, io: Io): Promise<void> {
  if (output === undefined || output === "-") {
    const out = new Output(io.stdout);
    await out.write(text);
    await out.flush();
    return;
  }
  try {
    writeFileSync(resolve(io.cwd, output), text);
  } catch (e) {
    throw new UsageError(`--output: cannot write ${output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
