import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadYamlPolicyFile } from "../../src/use-cases/load-yaml-policy.js";

// Includes cannot leave the policy's folder tree, whatever path or link they take; a rule file's
// size is checked before it is read.

const root = mkdtempSync(join(tmpdir(), "modpol-confine-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const outside = join(root, "outside");
const policyDir = join(root, "policy");
mkdirSync(outside);
mkdirSync(join(policyDir, "lib"), { recursive: true });
writeFileSync(join(outside, "secret.yaml"), "language: en\nlexicons:\n  secret: [hunter2]\n");
writeFileSync(join(policyDir, "lib", "ok.yaml"), "language: en\nlexicons:\n  ok: [kill]\n");
symlinkSync(join(outside, "secret.yaml"), join(policyDir, "lib", "link-out.yaml"));
symlinkSync(outside, join(policyDir, "lib", "dir-out"));
symlinkSync(join(policyDir, "lib", "ok.yaml"), join(policyDir, "lib", "link-in.yaml"));
symlinkSync("/dev/zero", join(policyDir, "lib", "zero.yaml"));

function policyWith(includes: readonly string[]): string {
  const path = join(policyDir, "policy.yaml");
  writeFileSync(path, `id: p\ninclude: [${includes.map((i) => JSON.stringify(i)).join(", ")}]\nsignals:\n  ok: { lexicon: ok }\nrules:\n  - { id: r, when: ok, decision: violating, reason: x }\ndefault: clear\n`);
  return path;
}

describe("include confinement", () => {
  it.each([
    ["a path that climbs out", "../outside/secret.yaml", "include-outside-root"],
    ["a path that climbs out and back", "lib/../../outside/secret.yaml", "include-outside-root"],
    ["an absolute path", join(outside, "secret.yaml"), "include-outside-root"],
    ["a Windows absolute path", "C:\\Windows\\system.ini", "include-outside-root"],
    ["a link to a file outside", "lib/link-out.yaml", "include-outside-root"],
    ["a file under a linked folder outside", "lib/dir-out/secret.yaml", "include-outside-root"],
    ["a link to a device", "lib/zero.yaml", "include-outside-root"],
  ])("refuses %s", (_, include, code) => {
    const r = loadYamlPolicyFile(policyWith(["lib/ok.yaml", include]), { cwd: policyDir });
    expect(r.policy).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toContain(code);
    expect(r.files.map((f) => f.absPath)).not.toContain(join(outside, "secret.yaml"));
  });

  it("follows a link that stays inside", () => {
    const r = loadYamlPolicyFile(policyWith(["lib/link-in.yaml"]), { cwd: policyDir });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.policy).toBeDefined();
  });

  it("refuses a rule file over the size limit without reading it (a sparse 5 GB file)", () => {
    const big = join(policyDir, "big.yaml");
    writeFileSync(big, "");
    truncateSync(big, 5 * 1024 ** 3);
    const started = performance.now();
    const r = loadYamlPolicyFile(big, { cwd: policyDir });
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([["file-too-large", "file is 5368709120 bytes; the limit is 4194304 (MODPOL_MAX_FILE_SIZE)"]]);
    expect(performance.now() - started).toBeLessThan(1000);
    rmSync(big);
  });
});
