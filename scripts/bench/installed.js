// The package as a user installs it, for the start-up figures: `npm pack` of the built project,
// installed with --omit=dev into an empty folder (as test/package/packed-install.test.ts does).
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Packs the project at `root` (already built: pack's own build is skipped) and installs the
 * tarball into `dir` (emptied first). Returns the installed CLI's script and the folder to run in.
 */
export function installPacked(root, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const quiet = { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" };
  execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", dir], quiet);
  const tarball = join(dir, readdirSync(dir).find((f) => f.endsWith(".tgz")));
  const app = join(dir, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "bench-consumer", version: "1.0.0", private: true, type: "module" }));
  execFileSync("npm", ["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", tarball], { ...quiet, cwd: app });
  return { app, bin: join(app, "node_modules", "modpol", "bin", "modpol.js") };
}

/** A script that times `import("modpol")` and `loadPolicy(id)` in one fresh process, printing JSON. */
export const LOAD_POLICY_PROBE = `
const t0 = performance.now();
const m = await import("modpol");
const t1 = performance.now();
const r = await m.loadPolicy(process.argv[1]);
const t2 = performance.now();
if (!r.policy) throw new Error("the policy did not load");
console.log(JSON.stringify({ importMs: t1 - t0, loadPolicyMs: t2 - t1, precompiled: r.files.length === 0 }));
`;
