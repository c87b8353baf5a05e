// When the build's output is newer than every one of its inputs. Shared by `npm test` (which builds
// only when the build is stale: CI and a user run `npm run build` just before, and a second build
// cost a minute and a half of every CI run) and by test/global-setup.ts (which copies the build's
// precompiled policies instead of compiling them again when they are fresh).
// By modification time, as make does: a checkout writes every file once, and the build after it is
// newer than all of them; an edit after the build makes it stale. The loader checks the precompiled
// policies' own stamps (compiler version, each rule file's content) on top of this.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** What the build reads: the sources, the build scripts, the rule files and the dependencies. */
export const BUILD_INPUTS = ["src", "scripts", "rules", "package-lock.json", "package.json", "tsconfig.json"];

/** The build's outputs whose age is compared: the compiled code, the CLI's bundle and the record the
 * precompile step writes after the bundled policies. */
export const BUILD_OUTPUTS = ["dist/index.js", "dist/cli/modpol.cjs", "dist/bundled/sources.checked.json"];

/** The newest modification time of any file under these paths (0 when none exists). */
export function newestMtime(paths) {
  let max = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const st = statSync(p);
    if (st.isDirectory()) max = Math.max(max, newestMtime(readdirSync(p).map((f) => join(p, f))));
    else max = Math.max(max, st.mtimeMs);
  }
  return max;
}

/** Whether every one of `outputs` exists and is newer than every build input. */
export function builtAfterSources(outputs = BUILD_OUTPUTS) {
  if (!outputs.every((f) => existsSync(f))) return false;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return newestMtime(BUILD_INPUTS) < built;
}
