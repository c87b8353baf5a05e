import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LANGUAGE_MODEL_FILE, loadLanguageModel } from "../../src/use-cases/load-language-model.js";

const scratch = mkdtempSync(join(tmpdir(), "modpol-langmodel-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("loadLanguageModel", () => {
  it("reads the model of the precompiled folder once, then hands out the same one", () => {
    const m = loadLanguageModel();
    expect(loadLanguageModel()).toBe(m);
    expect(m.detect("Dzisiaj rano spacerowaliśmy po parku.").best).toBe("pl");
  });

  it("reads a model from another folder", () => {
    const dir = join(scratch, "copy");
    mkdirSync(dir);
    copyFileSync(join(process.env.MODPOL_PRECOMPILED_DIR!, LANGUAGE_MODEL_FILE), join(dir, LANGUAGE_MODEL_FILE));
    const m = loadLanguageModel(dir);
    expect(m).not.toBe(loadLanguageModel());
    expect(m.languages).toEqual(loadLanguageModel().languages);
  });

  it("says to run the build when the model is missing or is not one", () => {
    expect(() => loadLanguageModel(join(scratch, "none"))).toThrow(/language-model\.bin is missing; run 'npm run build'/);
    writeFileSync(join(scratch, LANGUAGE_MODEL_FILE), "not a model at all");
    expect(() => loadLanguageModel(scratch)).toThrow(/language-model\.bin cannot be used \(not a usable modpol language model: it does not start with the model's signature\); run 'npm run build'/);
  });
});
