#!/usr/bin/env node
// Build step: the library as one CommonJS file, dist/cjs/index.cjs, for `require("modpol")` (Node 20
// cannot require an ES module without a flag). Everything the library reaches is bundled into it,
// the YAML pipeline and its packages included, so nothing ES-only is left to require. The file sits
// two levels below the package root like every module that locates package files (see CODE_DIR in
// src/load/files.ts), and import.meta.url becomes this file's own URL.
import { build } from "esbuild";

await build({
  entryPoints: ["dist/index.js"],
  outfile: "dist/cjs/index.cjs",
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  supported: { "regexp-unicode-property-escapes": true },
  define: { "import.meta.url": "__modpolModuleUrl" },
  banner: { js: 'const __modpolModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  logLevel: "warning",
});
