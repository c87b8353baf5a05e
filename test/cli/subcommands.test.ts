import { describe, expect, it } from "vitest";
import { SUBCOMMANDS } from "../../src/cli/subcommands.js";
import { run } from "./run.js";

// main() builds only the subcommand that the first argument names; anything else gets the whole
// program. Both must say the same.

describe("building only the named subcommand", () => {
  it.each(SUBCOMMANDS.map(([name]) => name))("`%s --help` (that subcommand alone) is `help %s` (the whole program)", async (name) => {
    const alone = await run([name, "--help"]);
    const whole = await run(["help", name]);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toBe(whole.stdout);
    expect(alone.stdout).toMatch(new RegExp(`^Usage: modpol ${name} `));
  });

  it("top-level help still lists every subcommand, in order", async () => {
    const r = await run(["--help"]);
    const listed = [...r.stdout.matchAll(/^ {2}(\w+)\b/gm)].map((m) => m[1]).filter((n) => n !== "help");
    expect(listed).toEqual(SUBCOMMANDS.map(([name]) => name));
  });

  it("an unknown command is still matched against every subcommand", async () => {
    const r = await run(["tset"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown command 'tset'\n(Did you mean test?)\n(run with --help for usage)\n");
  });

  it("a mistyped option of a subcommand is still suggested, with the program's own options", async () => {
    expect((await run(["eval", "--contry", "UA", "x"])).stderr).toBe("error: unknown option '--contry'\n(Did you mean --country?)\n(run with --help for usage)\n");
    expect((await run(["eval", "--versio"])).stderr).toBe("error: unknown option '--versio'\n(Did you mean --version?)\n(run with --help for usage)\n");
  });
});
