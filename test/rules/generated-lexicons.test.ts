import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("generated lexicons", () => {
  it("are what their grammar files generate (run node scripts/lexicon/generate.js after editing scripts/lexicon/grammar/)", () => {
    const r = spawnSync(process.execPath, ["scripts/lexicon/generate.js", "--check"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
