#!/usr/bin/env node
// Build step: bundles the CLI (dist/cli/entry.js and what it imports) into dist/cli/modpol.js, which
// bin/modpol.js loads. Node resolves, reads and compiles each ES module separately, and the eval path
// is fifty of them: one file starts about 25 ms sooner. Subcommands loaded on demand (check, test,
// diff, the YAML pipeline) become chunks beside it, loaded only when used. The bundle lives in
// dist/cli/, two levels down like every module that locates package files (see CODE_DIR), so its
// paths hold. The library (dist/index.js) and the --jobs worker stay separate modules.
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

// Chunks are named by content hash: those of an earlier build would pile up.
for (const f of readdirSync("dist/cli")) if (f.startsWith("modpol-")) rmSync(join("dist/cli", f));

await build({
  entryPoints: { modpol: "dist/cli/entry.js" },
  outdir: "dist/cli",
  entryNames: "[name]",
  chunkNames: "modpol-[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // commander is on every path, so it goes in (one file less to resolve and load); chalk and re2js
  // are loaded only when needed, and the YAML pipeline's yaml and zod only in its own chunk.
  external: ["chalk", "re2js", "yaml", "zod", "zod/*"],
  // commander is CommonJS: its require() of Node's modules needs a real require in an ES module.
  banner: { js: 'import { createRequire as __modpolRequire } from "node:module"; const require = __modpolRequire(import.meta.url);' },
  logLevel: "warning",
});
