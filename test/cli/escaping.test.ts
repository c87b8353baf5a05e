import { describe, expect, it } from "vitest";
import { run } from "./run.js";

// Every text output shows the strings of posts and rule files through one escaping function
// (printable, src/base/safe-text.ts): ids, post texts, reasons, terms, conditions, notes, todos,
// case ids, file names. The fixtures in test/fixtures/hostile/escapes/ put an OSC 52 clipboard
// write, a screen clear, a C1 CSI, a bidi override, and a line break followed by a forged GitHub
// Actions command into each of them; no report may carry one through.

const DIR = "test/fixtures/hostile/escapes";
const P = `${DIR}/policy.yaml`;
const POSTS = `${DIR}/posts.jsonl`;

/** What a terminal or a CI log would obey: C0 controls but tab and line feed, DEL, C1, bidi controls. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

const SCENARIOS: readonly { readonly name: string; readonly args: readonly string[]; readonly exit: number; readonly shows: RegExp }[] = [
  { name: "eval, text", args: ["eval", "-p", P, "-i", POSTS], exit: 3, shows: /id ␛\]52;c;Y2FsYw==␇␊::error file=README\.md/ },
  { name: "eval --explain", args: ["eval", "-p", P, "-i", POSTS, "--explain"], exit: 3, shows: /term sla␛\[8my/ },
  { name: "eval --why-not", args: ["eval", "-p", P, "-i", POSTS, "--why-not", "exempt"], exit: 3, shows: /reason ␛\]52/ },
  { name: "diff, text", args: ["diff", "--from", P, "--to", P, "-i", POSTS, "--all"], exit: 3, shows: /kill them ␛\[2J ⏎ ::error/ },
  { name: "test, text", args: ["test", P, "-v"], exit: 1, shows: /note: note ␛\[31m␊::warning/ },
  { name: "test, junit", args: ["test", P, "--format", "junit"], exit: 1, shows: /todo ␛\]52;c;Y2FsYw==␇/ },
  { name: "check, text", args: ["check", "test/fixtures/hostile/rules/control-characters.yaml"], exit: 1, shows: /call␛\[2J␊::error/ },
  { name: "check, github", args: ["check", "test/fixtures/hostile/rules/control-characters.yaml", "--format", "github"], exit: 1, shows: /call␛\[2J%0A::error/ },
];

describe("every text output escapes what posts and rule files hold", () => {
  it.each(SCENARIOS)("$name", async (sc) => {
    const r = await run(sc.args);
    expect(r.code, r.stderr).toBe(sc.exit);
    expect(r.stdout).toMatch(sc.shows);
    for (const [name, out] of [["stdout", r.stdout], ["stderr", r.stderr]] as const) {
      const bad = UNSAFE.exec(out);
      expect(bad, `${name} holds U+${bad?.[0].codePointAt(0)?.toString(16)} at ${bad?.index}: ${JSON.stringify(out.slice(Math.max(0, (bad?.index ?? 0) - 40), (bad?.index ?? 0) + 20))}`).toBeNull();
      // A line only starts a workflow command where the github format writes one itself.
      for (const line of out.split("\n")) if (line.startsWith("::")) expect(line).toMatch(/^::(?:error|warning|notice) file=test\/fixtures\//);
    }
  });
});
