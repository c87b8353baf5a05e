import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

const has = (shell: string): boolean => spawnSync(shell, ["-c", "true"]).status === 0;
const dir = mkdtempSync(join(tmpdir(), "modpol-completion-"));

async function script(shell: string): Promise<string> {
  const r = await run(["completion", shell]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** What bash offers for the words typed so far (the last one being completed). */
function bashComplete(source: string, words: readonly string[]): string[] {
  const file = join(dir, "modpol.bash");
  writeFileSync(file, source);
  const quoted = words.map((w) => `'${w}'`).join(" ");
  const r = spawnSync("bash", ["-c", `source ${file}; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _modpol; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: "utf8", cwd: dir });
  expect(r.stderr).toBe("");
  return r.stdout.split("\n").filter(Boolean);
}

describe("modpol completion", () => {
  it.each(["bash", "zsh", "fish"])("%s: names every subcommand and their options, from the parser itself", async (shell) => {
    const s = await script(shell);
    // fish names long options without their dashes (-l explain).
    const long = (o: string) => (shell === "fish" ? `-l ${o}` : `--${o}`);
    for (const word of ["eval", "diff", "check", "test", "schema", "completion", "meta-2022-03-13", "sarif", "junit"]) expect(s).toContain(word);
    for (const o of ["explain", "why-not", "delimiter", "fail-on-change", "min-coverage", "strict", "output"]) expect(s).toContain(long(o));
  });

  it("bash: completes subcommands, options, formats and policy ids", async () => {
    const s = await script("bash");
    expect(bashComplete(s, ["modpol", "ch"])).toEqual(["check"]);
    expect(bashComplete(s, ["modpol", "check", "--st"])).toEqual(["--strict"]);
    expect(bashComplete(s, ["modpol", "eval", "-f", ""])).toEqual(["text", "json", "jsonl", "csv"]);
    expect(bashComplete(s, ["modpol", "diff", "--from", "meta-2022-03"])).toEqual(["meta-2022-03-10", "meta-2022-03-13"]);
    expect(bashComplete(s, ["modpol", "test", "-f", "j"])).toEqual(["json", "junit"]);
  });

  it.skipIf(!has("zsh"))("zsh: the script is valid zsh", async () => {
    const file = join(dir, "_modpol");
    writeFileSync(file, await script("zsh"));
    expect(spawnSync("zsh", ["-n", file], { encoding: "utf8" }).stderr).toBe("");
  });

  it.skipIf(!has("fish"))("fish: the script is valid fish and completes formats", async () => {
    const file = join(dir, "modpol.fish");
    writeFileSync(file, await script("fish"));
    const r = spawnSync("fish", ["-c", `source ${file}; complete -C 'modpol check -f '`], { encoding: "utf8" });
    expect(r.stdout.split("\n").map((l) => l.split("\t")[0]).filter(Boolean).sort()).toEqual(["github", "json", "sarif", "text"]);
  });

  it("an unknown shell is a usage error", async () => {
    const r = await run(["completion", "tcsh"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("modpol: completion: 'tcsh' is not one of bash, zsh, fish\n");
  });

  it.each(["eval", "diff", "score", "check", "test", "schema", "completion"])("%s --help ends with examples", async (cmd) => {
    const r = await run([cmd, "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`\\nExamples:\\n(  .*modpol ${cmd}.*# .+\\n)+$`));
  });
});
