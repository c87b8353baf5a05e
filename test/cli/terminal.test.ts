import { PassThrough, Readable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";

const MINI = "test/fixtures/mini/policy.yaml";

/** Standard output and error on one terminal: what a user sees, in the order it was written. */
function terminal(): { out: PassThrough & { isTTY: boolean }; err: PassThrough & { isTTY: boolean }; screen: () => string } {
  const screen: string[] = [];
  const make = () => {
    const s = new PassThrough() as PassThrough & { isTTY: boolean };
    s.isTTY = true;
    const write = s.write.bind(s);
    s.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      screen.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof s.write;
    s.resume();
    return s;
  };
  return { out: make(), err: make(), screen: () => screen.join("") };
}

describe("eval on a terminal", () => {
  afterEach(() => vi.useRealTimers());

  it("says it is reading posts from the terminal when given none", async () => {
    // A frozen clock: no progress line, however long a loaded machine takes.
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = terminal();
    const stdin = Object.assign(Readable.from([Buffer.from("kill them\n")]), { isTTY: true });
    const code = await main({ argv: ["eval", "-p", MINI], stdin, stdout: t.out, stderr: t.err, env: { NO_COLOR: "1" } });
    expect(code).toBe(0);
    expect(t.screen()).toMatch(/^modpol: reading posts from the terminal, one a line, until Ctrl-D \(or give posts as arguments, or --input FILE\)\n1 violating/);
  });

  it("says nothing of the kind when stdin is a pipe", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t = terminal();
    await main({ argv: ["eval", "-p", MINI], stdin: Readable.from([Buffer.from("kill them\n")]), stdout: t.out, stderr: t.err, env: { NO_COLOR: "1" } });
    expect(t.screen()).not.toMatch(/reading posts/);
  });

  it("erases the progress line before a result is printed", async () => {
    // The clock is the only thing faked: progress shows once a second has passed, and here two have,
    // between the first chunk of input and the second. The output (over 64 KB) is written while the
    // progress line is on screen.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(0);
    const lines = (from: number) => Buffer.from(Array.from({ length: 1000 }, (_, i) => `post ${from + i}\n`).join(""));
    const stdin = Readable.from((async function* () {
      yield lines(0);
      vi.setSystemTime(2000);
      yield lines(1000);
      yield lines(2000);
    })());
    const t = terminal();
    const code = await main({ argv: ["eval", "-p", MINI, "-f", "jsonl"], stdin, stdout: t.out, stderr: t.err, env: { NO_COLOR: "1" } });
    expect(code).toBe(0);
    const screen = t.screen();
    expect(screen).toMatch(/\rmodpol: \d+ records, [\d,]+\/s\u001b\[K/);
    // Every progress line is erased before the next result: no result starts after progress text.
    for (const at of [...screen.matchAll(/\rmodpol: [^\r\n]*\u001b\[K/g)].map((m) => (m.index as number) + m[0].length)) {
      expect(screen.slice(at).startsWith("\r\u001b[K") || screen.slice(at).startsWith("\rmodpol:")).toBe(true);
    }
    expect(screen.split("\n").filter((l) => l.includes(`{"id"`)).length).toBe(3000);
  });
});
