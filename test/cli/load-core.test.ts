import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// bin/load-core.js loads the CLI's core with the V8 code cache the build wrote beside it, and falls
// back to a plain require whenever that cache is not for this very source. Each case runs in a
// child process: loading the core changes require's cache, which is the process's own.

const LOADER = resolve("bin/load-core.js");
const { cacheFile } = createRequire(import.meta.url)(LOADER) as { cacheFile: (source: Buffer, data: Buffer) => Buffer };
const CORE = resolve("dist/cli/modpol.cjs");

/** Loads `core` (with `cache`) through bin/load-core.js in a fresh Node, and says how. */
function load(core = CORE, cache = `${core}.cache`): { cache: string; hasMain: boolean } {
  const script = `const r = require(${JSON.stringify(LOADER)}).loadCore(false, ${JSON.stringify(core)}, ${JSON.stringify(cache)});
process.stdout.write(JSON.stringify({ cache: r.cache, hasMain: typeof r.core.main === "function" }));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as { cache: string; hasMain: boolean };
}

// Copies sit beside the core (the core finds the package's files from where it is), under names
// no build makes.
const copies: string[] = [];
const copy = (name: string): string => {
  const file = resolve("dist/cli", `.test-core-${process.pid}-${name}`);
  copies.push(file, `${file}.cache`);
  return file;
};
afterAll(() => copies.forEach((f) => rmSync(f, { force: true })));

describe("the CLI's core and its code cache", () => {
  it("the build's cache is of the core as built, and V8 takes it", () => {
    expect(load()).toEqual({ cache: "used", hasMain: true });
  });

  it("a cache made for other code is never used: the core is required as it is", () => {
    const core = copy("changed.cjs");
    // Same length, other bytes (in a comment): V8's own check, of the length, would take the cache;
    // the loader's hash does not.
    const source = readFileSync(CORE, "utf8");
    expect(source).toContain("\n// dist/");
    writeFileSync(core, source.replace("\n// dist/", "\n// DIST/"));
    copyFileSync(`${CORE}.cache`, `${core}.cache`);
    expect(load(core)).toEqual({ cache: "none", hasMain: true });
  });

  it("a damaged cache is never offered to V8 (a release Node does not check its data: it would crash)", () => {
    const core = copy("damaged.cjs");
    copyFileSync(CORE, core);
    const cache = readFileSync(`${CORE}.cache`);
    cache.fill(0x5a, 64, 256);
    writeFileSync(`${core}.cache`, cache);
    expect(load(core)).toEqual({ cache: "none", hasMain: true });
  });

  it("a cache of another V8 (its version field changed, signed again) is rejected by V8, and the core still loads", () => {
    const core = copy("other-v8.cjs");
    copyFileSync(CORE, core);
    const source = readFileSync(CORE);
    const data = Buffer.from(readFileSync(`${CORE}.cache`).subarray(4));
    // V8's header: magic number, then the hash of V8's version (bytes 4-7).
    data.writeUInt32LE((data.readUInt32LE(4) ^ 0xffffffff) >>> 0, 4);
    writeFileSync(`${core}.cache`, cacheFile(source, data));
    expect(load(core)).toEqual({ cache: "rejected", hasMain: true });
  });

  it("no cache at all: required as it is", () => {
    expect(load(CORE, copy("absent.cache"))).toEqual({ cache: "none", hasMain: true });
  });

  it("the cached core still imports its on-demand chunks (check, help), one core for all of them", () => {
    // --help is commander's, in the program chunk; check's own chunk, on a small policy.
    expect(execFileSync(process.execPath, ["bin/modpol.js", "--help"], { encoding: "utf8" })).toMatch(/Usage: modpol/);
    const checked = execFileSync(process.execPath, ["bin/modpol.js", "check", "test/fixtures/mini/policy.yaml"], { encoding: "utf8" });
    expect(checked).toMatch(/\d+ problems? \(0 errors/);
    // The chunk's import of ./modpol.cjs must be the instance bin/ loaded: one UsageError class, so
    // that a usage error raised in the commander chunk is reported as one (exit 2), not as a bug (70).
    let code = 0;
    try {
      execFileSync(process.execPath, ["bin/modpol.js", "eval", "--no-such-option"], { encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      code = (e as { status: number }).status;
    }
    expect(code).toBe(2);
  });
});
