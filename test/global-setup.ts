import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { builtAfterSources } from "../scripts/build-freshness.js";

/**
 * Precompiles the bundled policies once, from the sources under test, for every test file: without
 * it each file that loads a bundled policy compiled its ~30,000 terms from YAML again. The loader
 * finds them through MODPOL_PRECOMPILED_DIR, set before the test workers start. The language model,
 * which every loaded policy carries, is written there first, from the installed eld, as the build
 * writes it beside the policies.
 *
 * `npm test` builds first, and the build has just written those very files to dist/bundled/ from
 * the same sources: then they are copied instead of compiled again (half a minute of a CI run, in
 * which no test can start). They are used only when the build is newer than every file of src/,
 * scripts/, rules/, the package files and tsconfig.json (what `vitest run` after an edit, without a build, would
 * otherwise test stale), and when the loader itself finds each of them fresh (compiler version and
 * the content of every rule file). Anything else compiles them here, as before;
 * MODPOL_TEST_COMPILE=1 always does.
 */
const BUILT = "dist/bundled";

/** Copies the build's precompiled policies to `dir` when they are the ones this setup would write. */
async function reuseBuild(dir: string): Promise<boolean> {
  if (process.env.MODPOL_TEST_COMPILE === "1") return false;
  const { BUNDLED_IDS, BUNDLED_TIMELINES } = await import("../src/load/files.js");
  const files = [...BUNDLED_IDS.map((id) => `${id}.ir`), ...BUNDLED_TIMELINES.map((id) => `${id}.timeline.json`), "language-model.bin", "language-model.LICENSE"];
  // The compiled code (tsc) and the policies it then precompiled all exist and are newer than any source.
  if (!builtAfterSources(["dist/index.js", ...files.map((f) => join(BUILT, f))])) return false;
  for (const f of files) copyFileSync(join(BUILT, f), join(dir, f));
  const { loadPrecompiled, loadPrecompiledTimeline } = await import("../src/use-cases/load-policy.js");
  return BUNDLED_IDS.every((id) => loadPrecompiled(id, dir) !== undefined) && BUNDLED_TIMELINES.every((id) => loadPrecompiledTimeline(id, dir) !== undefined);
}

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), "modpol-precompiled-"));
  process.env.MODPOL_PRECOMPILED_DIR = dir;
  if (!(await reuseBuild(dir))) {
    for (const f of readdirSync(dir)) rmSync(join(dir, f), { force: true });
    // The model first: every policy loaded, the ones precompiled here included, carries it.
    const { buildLanguageModel } = await import("../scripts/build-language-model.js");
    await buildLanguageModel(dir);
    const { precompileBundled } = await import("../src/use-cases/precompile-bundled.js");
    const { problems } = precompileBundled(dir);
    if (problems.length > 0) throw new Error(`the bundled policies do not compile:\n${problems.join("\n")}`);
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
