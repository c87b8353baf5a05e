import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Precompiles the bundled policies once, from the sources under test, for every test file: without
 * it each file that loads a bundled policy compiled its ~30,000 terms from YAML again. The loader
 * finds them through MODPOL_PRECOMPILED_DIR, set before the test workers start. The language model,
 * which every loaded policy carries, is written there first, from the installed eld, as the build
 * writes it beside the policies.
 */
export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), "modpol-precompiled-"));
  process.env.MODPOL_PRECOMPILED_DIR = dir;
  // The model first: every policy loaded, the ones precompiled here included, carries it.
  const { buildLanguageModel } = await import("../scripts/build-language-model.js");
  await buildLanguageModel(dir);
  const { precompileBundled } = await import("../src/use-cases/precompile-bundled.js");
  const { problems } = precompileBundled(dir);
  if (problems.length > 0) throw new Error(`the bundled policies do not compile:\n${problems.join("\n")}`);
  return () => rmSync(dir, { recursive: true, force: true });
}
