import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "./run.js";

// docs/scoring.md and the README show real outputs of the analyst's loop on examples/: each command
// followed by its output is run, and every stretch of the shown output between "…" lines must be
// in what it prints, so the docs cannot drift from what modpol says.
const dir = mkdtempSync(join(tmpdir(), "modpol-docs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Shown {
  readonly file: string;
  readonly command: string;
  readonly output: string;
}

/**
 * Each ```sh block followed by a ``` block of the output of its last command, where `only` says the
 * command is one to check (and it runs on the project's own files, not on ../shared data).
 */
function shown(file: string, only: (command: string) => boolean): Shown[] {
  const text = readFileSync(file, "utf8");
  const out: Shown[] = [];
  for (const m of text.matchAll(/```sh\n([\s\S]*?)```\n```\n([\s\S]*?)```\n/g)) {
    const command = (m[1] as string).split("\n").filter((l) => l.startsWith("modpol ")).at(-1);
    if (command === undefined || command.includes("../shared/") || !only(command)) continue;
    out.push({ file, command, output: m[2] as string });
  }
  return out;
}

// The README's other examples quote their arguments and abridge differently; its scoring example is checked.
const cases = [...shown("docs/scoring.md", () => true), ...shown("README.md", (c) => c.includes("examples/labelled.jsonl"))];

describe("the outputs shown in docs/scoring.md and the README", () => {
  it("are found", () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });

  it.each(cases.map((c) => [`${c.file}: ${c.command}`, c] as const))("%s", async (_, c) => {
    const argv = c.command.split(/\s+/).slice(1);
    // A report file goes to a temporary folder, not into the clone.
    const o = argv.indexOf("-o");
    if (o >= 0) argv[o + 1] = join(dir, argv[o + 1] as string);
    const r = await run(argv);
    const printed = `${r.stdout}\n${r.stderr}`;
    for (const part of c.output.split(/^…\n/m)) {
      if (part.trim() === "") continue;
      expect(printed, c.command).toContain(part.trimEnd());
    }
  });
});
