#!/usr/bin/env node
// Build step: writes dist/cli/modpol.cjs.cache, V8's code cache of the CLI's core, which
// bin/load-core.js hands to V8 so that a run neither parses the core again nor compiles again the
// functions a one-post run calls. The cache is taken after one evaluation, so that it holds those
// functions compiled (a cache taken straight after loading holds little more than the top level, and
// one taken after more runs holds more than a run needs: V8 then spends longer restoring it, 2-3 ms
// of a one-post run measured here).
// It starts with the CRC-32 of the core it was made from and of V8's data: a cache of other code, or
// a damaged one, is never used. A Node without zlib.crc32 (20.14 and older) writes none.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const { loadCore, cacheFile, CORE, CACHE } = createRequire(import.meta.url)("../bin/load-core.js");
const { core, script } = loadCore(true);
const sink = { write: () => true, on: () => undefined, once: () => undefined, flushed: async () => undefined, isTTY: false };
for (const argv of [["eval", "Смерть окупантам, слава Україні!", "--country", "PL"]]) {
  const code = await core.main({ argv, stdin: undefined, stdout: sink, stderr: sink });
  if (code !== 0) throw new Error(`modpol ${argv.join(" ")} exited ${code} while the code cache was made`);
}
const bytes = cacheFile(readFileSync(CORE), script.createCachedData());
if (bytes !== undefined) writeFileSync(CACHE, bytes);
