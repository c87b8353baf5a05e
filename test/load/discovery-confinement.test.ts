import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// Discovery is confined like includes (SECURITY.md): a rule folder from a pull request can hold
// links to the CI runner's files, FIFOs and huge sparse files. `check` and `test` must refuse each
// with a diagnostic that prints none of its content, and never block or read a file whole before
// its size is known. Runs the built CLI in a process of its own, with a secret in its environment,
// as a CI job would.
const BIN = resolve("bin/modpol.js");
const SECRET = "ghp_modpolTestSecret0123456789";
const root = mkdtempSync(join(tmpdir(), "modpol-discovery-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A copy of the small testing policy (policy.yaml, lexicons.yaml, case files) in a fresh folder. */
function tree(name: string): string {
  const dir = join(root, name);
  cpSync("test/fixtures/testing", dir, { recursive: true });
  rmSync(join(dir, "policy.cases.yaml"));
  return dir;
}

function modpol(args: readonly string[], cwd: string): { code: number | null; out: string } {
  // The timeout only keeps a regression from hanging the suite; no assertion depends on time.
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60_000, env: { ...process.env, SECRET_TOKEN: SECRET, NO_COLOR: "1" } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe("discovery confinement", () => {
  it.each([
    ["/proc/self/environ", "path-outside-root"],
    ["/dev/zero", "path-outside-root"],
    ["/dev/stdin", "path-outside-root"],
  ])("a companion case file linked to %s is refused, and nothing of it is printed", (target, code) => {
    const dir = tree(`companion-${code}-${target.replace(/\W/g, "")}`);
    symlinkSync(target, join(dir, "policy.cases.yaml"));
    for (const cmd of ["check", "test"]) {
      const r = modpol([cmd, "policy.yaml"], dir);
      expect(r.out).toContain(`policy.cases.yaml:1:1: error ${code}`);
      expect(r.out).not.toContain(SECRET);
      expect(r.out).not.toMatch(/PATH=|HOME=/);
      expect(r.code, r.out).not.toBe(0);
    }
  });

  it("a companion case file that is a FIFO is refused without waiting for a writer", () => {
    const dir = tree("fifo");
    const made = spawnSync("mkfifo", [join(dir, "policy.cases.yaml")]);
    if (made.status !== 0) return; // no mkfifo here: nothing to test
    const r = modpol(["check", "policy.yaml"], dir);
    expect(r.out).toContain("policy.cases.yaml:1:1: error not-a-regular-file a named pipe, not a regular file");
    expect(r.code).toBe(1);
  });

  it("a rules/ folder that is a link out of the working folder is not searched", () => {
    const outside = join(root, "outside-rules");
    mkdirSync(outside);
    writeFileSync(join(outside, "secret.yaml"), `id: x\nrules: [${SECRET}\n`);
    const work = join(root, "work");
    mkdirSync(work);
    symlinkSync(outside, join(work, "rules"));
    for (const args of [["check"], ["check", "rules"], ["test", "rules"]]) {
      const r = modpol(args, work);
      expect(r.out).toContain("rules:1:1: error path-outside-root is a link to a folder outside the one that holds it");
      expect(r.out).not.toContain(SECRET);
      expect(r.code).not.toBe(0);
    }
  });

  it("links inside a searched folder: kept when they stay inside, refused when they leave it", () => {
    const dir = tree("links");
    mkdirSync(join(dir, "sub"));
    symlinkSync(join(dir, "lexicons.yaml"), join(dir, "sub", "same-lexicons.yaml"));
    symlinkSync("/etc", join(dir, "sub", "etc"));
    symlinkSync("/proc/self/environ", join(dir, "sub", "env.yaml"));
    symlinkSync(join(dir, "nowhere.yaml"), join(dir, "sub", "dangling.yaml"));
    const r = modpol(["check", "."], dir);
    expect(r.out).toContain("sub/env.yaml:1:1: error path-outside-root");
    expect(r.out).toContain("sub/etc:1:1: error path-outside-root");
    expect(r.out).toContain("sub/dangling.yaml:1:1: error file-unreadable");
    expect(r.out).not.toContain(SECRET);
    expect(r.out).not.toMatch(/sub\/same-lexicons\.yaml:\d+:\d+: error/);
  });

  it("a policy named by eval, diff or test that is a link out of its folder is refused", () => {
    const dir = tree("policy-link");
    symlinkSync("/proc/self/environ", join(dir, "env.yaml"));
    for (const args of [["eval", "--policy", "env.yaml", "hello"], ["diff", "--from", "env.yaml", "--to", "policy.yaml", "hello"], ["test", "env.yaml"]]) {
      const r = modpol(args, dir);
      expect(r.out).toContain("env.yaml:1:1: error path-outside-root");
      expect(r.out).not.toContain(SECRET);
      expect(r.code).toBe(2);
    }
  });

  it("a sparse 1.5 GB file in a rules folder is refused by its size, before it is read", () => {
    const dir = tree("sparse");
    writeFileSync(join(dir, "huge.yaml"), "");
    truncateSync(join(dir, "huge.yaml"), 1.5 * 1024 ** 3);
    const r = modpol(["check", "."], dir);
    expect(r.out).toMatch(/huge\.yaml:1:1: error file-too-large file is 1610612736 bytes; the limit is \d+/);
  });
});
