import { existsSync } from "node:fs";
import { join } from "node:path";
import { LanguageModel } from "../text/language-id.js";
import { LanguageIdentifier } from "../text/language-identify.js";
import { fileBytes } from "./file-bytes.js";
import { PRECOMPILED_DIR } from "./load-policy.js";

/**
 * The language model's file name. `npm run build` writes it into dist/bundled/ beside the
 * precompiled policies (scripts/build-language-model.js), the tests into their precompiled folder.
 */
export const LANGUAGE_MODEL_FILE = "language-model.bin";

/** One model per folder, read as it is used (see LanguageModel.open), then shared. */
const loaded = new Map<string, LanguageModel>();

/**
 * The language model of the precompiled folder (dist/bundled/, or MODPOL_PRECOMPILED_DIR),
 * read on first use and cached for the rest of the process.
 * @throws Error, saying to run `npm run build`, when the file is missing or is not a model this
 *   modpol reads.
 */
export function loadLanguageModel(dir: string = PRECOMPILED_DIR): LanguageModel {
  const cached = loaded.get(dir);
  if (cached) return cached;
  const file = join(dir, LANGUAGE_MODEL_FILE);
  let bytes: ReturnType<typeof fileBytes>;
  try {
    bytes = fileBytes(file);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === "ENOENT" ? "is missing" : `cannot be read (${(e as Error).message})`;
    throw new Error(`the language model ${file} ${why}; run 'npm run build'`, { cause: e });
  }
  let model: LanguageModel;
  try {
    model = LanguageModel.open(bytes);
  } catch (e) {
    throw new Error(`the language model ${file} cannot be used (${(e as Error).message}); run 'npm run build'`, { cause: e });
  }
  loaded.set(dir, model);
  return model;
}

/** One identifier per folder, shared by every policy loaded in this process (thread). */
const identifiers = new Map<string, LanguageIdentifier>();

/**
 * The language identifier every policy a user is given carries (CompiledPolicy.languageModel):
 * the model of the precompiled folder behind the script pre-step, the letter veto and the margin
 * test (text/language-identify.ts). The model's file is read when the first post is identified,
 * not here, so that commands which evaluate nothing (check, schema, --help) never read it; that
 * it exists is checked here, so that a missing build fails when the policy loads, not mid-run.
 * @throws Error, saying to run `npm run build`, when the folder has no model.
 */
export function languageIdentifier(dir: string = PRECOMPILED_DIR): LanguageIdentifier {
  let id = identifiers.get(dir);
  if (id) return id;
  const file = join(dir, LANGUAGE_MODEL_FILE);
  if (!loaded.has(dir) && !existsSync(file)) throw new Error(`the language model ${file} is missing; run 'npm run build'`);
  id = new LanguageIdentifier(() => loadLanguageModel(dir));
  identifiers.set(dir, id);
  return id;
}
