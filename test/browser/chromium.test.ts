import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findChromium } from "../helpers/chromium.js";

// When the browser tests run, skip or fail: skip only where no Chromium is found outside CI.
describe("findChromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "modpol-chromium-"));
  const bin = join(dir, "bin");
  mkdirSync(bin);
  const fake = join(bin, "chromium");
  writeFileSync(fake, "#!/bin/sh\n");
  chmodSync(fake, 0o755);
  const empty = join(dir, "empty");
  mkdirSync(empty);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds Debian's chromium on the PATH", () => {
    expect(findChromium({ PATH: `${empty}:${bin}` })).toEqual({ path: fake, why: "", required: false });
  });
  it("with none on the PATH: no path, a reason, and not required outside CI", () => {
    const s = findChromium({ PATH: empty });
    expect(s.path).toBeUndefined();
    expect(s.why).toMatch(/apt-get install chromium/);
    expect(s.required).toBe(false);
  });
  it("in CI a missing Chromium is required, so the tests fail instead of skipping", () => {
    expect(findChromium({ PATH: empty, CI: "true" }).required).toBe(true);
    expect(findChromium({ PATH: empty, MODPOL_REQUIRE_CHROMIUM: "1" }).required).toBe(true);
    expect(findChromium({ PATH: empty, CI: "false" }).required).toBe(false);
  });
  it("MODPOL_CHROMIUM wins over the PATH, and a wrong one is an error, not a skip", () => {
    expect(findChromium({ PATH: empty, MODPOL_CHROMIUM: fake }).path).toBe(fake);
    const s = findChromium({ PATH: bin, MODPOL_CHROMIUM: join(empty, "nothing") });
    expect(s.path).toBeUndefined();
    expect(s.required).toBe(true);
  });
});
