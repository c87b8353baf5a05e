#!/usr/bin/env node
// Build step: compiles each bundled policy once and writes dist/bundled/<id>.ir (see
// src/use-cases/precompile-bundled.ts), so that `modpol eval` with a bundled policy starts without
// parsing YAML or loading the schema library.
import { precompileBundled } from "../dist/use-cases/precompile-bundled.js";
import { PRECOMPILED_DIR } from "../dist/use-cases/load-policy.js";

const { problems } = precompileBundled(PRECOMPILED_DIR);
for (const p of problems) console.error(p);
if (problems.length > 0) process.exit(1);
