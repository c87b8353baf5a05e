import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import type { ByteSource } from "../text/language-model-file.js";

/** Closes a file read a piece at a time once nothing holds what reads it any more. */
const closeWhenCollected = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed (the process is ending): nothing to release.
  }
});

/**
 * A file read a piece at a time: a precompiled policy as the index asks for its sections (see
 * IrBytes; a one-post run reads about a fiftieth of it), the language model as detection looks
 * up n-grams. The file stays open while what reads it is in use, so a rebuild replacing it mid-run
 * cannot mix two builds' bytes.
 */
export function fileBytes(path: string): ByteSource {
  const fd = openSync(path, "r");
  const bytes: ByteSource = {
    size: fstatSync(fd).size,
    slice(start, end) {
      const buf = Buffer.allocUnsafe(end - start);
      let got = 0;
      while (got < buf.length) {
        const n = readSync(fd, buf, got, buf.length - got, start + got);
        if (n === 0) throw new Error(`${path}: the file ends early`);
        got += n;
      }
      return buf;
    },
  };
  closeWhenCollected.register(bytes, fd);
  return bytes;
}

