#!/usr/bin/env node
// `npm test`'s first step: `npm run build` unless the build is already newer than all its inputs.
import { spawnSync } from "node:child_process";
import { builtAfterSources } from "./build-freshness.js";

if (builtAfterSources()) {
  process.stdout.write("build: dist/ is newer than every source, not built again\n");
} else {
  const npm = process.env.npm_execpath;
  // Under npm, its own CLI with this Node; run by hand, the npm on the PATH.
  const r = npm ? spawnSync(process.execPath, [npm, "run", "build"], { stdio: "inherit" }) : spawnSync("npm", ["run", "build"], { stdio: "inherit", shell: process.platform === "win32" });
  process.exit(r.status ?? 1);
}
