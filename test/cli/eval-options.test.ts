import fc from "fast-check";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import type { EvalOptions } from "../../src/cli/eval-command.js";
import { EVAL_OPTIONS, quickEvalArgs } from "../../src/cli/eval-options.js";
import type { Io } from "../../src/cli/io.js";
import { runProgram } from "../../src/cli/program.js";

// quickEvalArgs reads plain eval command lines without commander. Whatever it accepts, it must read
// exactly as commander does: here commander reads the same command line, and eval's action (runEval,
// replaced by a recorder) must get the same posts and the same options object.

const calls: { texts: string[]; opts: EvalOptions }[] = [];
vi.mock(import("../../src/cli/eval-command.js"), async (original) => ({
  ...(await original()),
  runEval: async (texts: readonly string[], opts: EvalOptions) => {
    calls.push({ texts: [...texts], opts });
    return 0;
  },
}));

/** What commander hands eval's action for `argv`, or undefined when it stops with a message. */
async function viaCommander(argv: readonly string[]): Promise<{ texts: string[]; opts: EvalOptions } | undefined> {
  const err = new PassThrough();
  let said = "";
  err.on("data", (b: Buffer) => (said += b.toString()));
  const io: Io = { stdin: Readable.from([]), stdout: new PassThrough(), stderr: err, env: {}, cwd: process.cwd() };
  calls.length = 0;
  const code = await runProgram(argv, io);
  if (code !== 0 || calls.length !== 1) return undefined;
  expect(said).toBe("");
  return calls[0];
}

const longFlags = EVAL_OPTIONS.flatMap((o) => o.flags.split(/[ ,]+/).filter((f) => f.startsWith("-")));
const values = ["UA", "PL", "Poland", "text", "json", "jsonl", "csv", "lines", "codepoint", "utf16", "xml", "1m", "512k", "2", "auto", "meta-baseline", "meta-2022", "2022-03-12", "violating", "exempt,review", "", "-x", "-", "--country", "Death to Putin!", "eval", "--"];
const odd = ["--country=UA", "-cUA", "-qc", "--", "-", "-h", "--help", "-V", "--version", "--bogus", "--no-colour", "--Country", "-C", "help"];
const token = fc.oneof(fc.constantFrom(...longFlags), fc.constantFrom(...values), fc.constantFrom(...odd), fc.string({ maxLength: 4 }));
/** Options used as intended, with a value of the right kind most of the time, and posts between them. */
const unit = fc.oneof(
  fc.constantFrom(...EVAL_OPTIONS).chain((o) => {
    const names = o.flags.split(/[ ,]+/).filter((f) => f.startsWith("-"));
    const value = o.flags.includes("<") ? fc.oneof(fc.constantFrom(...(o.choices ?? values)), fc.constantFrom(...values)).map((v) => [v]) : fc.constant([]);
    return fc.tuple(fc.constantFrom(...names), value).map(([n, v]) => [n, ...v]);
  }),
  fc.constantFrom("Death to Putin!", "kill them", "", "2022").map((t) => [t]),
);

describe("quickEvalArgs", () => {
  it("reads a plain eval as commander does: defaults, repeated and repeatable options, negation, posts anywhere", async () => {
    const argv = ["eval", "x", "-c", "UA", "--input-format", "csv", "y", "-i", "a.csv", "--input", "b.csv", "--no-color", "--color", "--fail-on", "violating", "-q", "-c", "PL"];
    const quick = quickEvalArgs(argv);
    expect(quick).toStrictEqual({
      texts: ["x", "y"],
      opts: { policy: "meta-2022-03-10", format: "text", offsets: "codepoint", maxRecordSize: "1m", country: "PL", inputFormat: "csv", input: ["a.csv", "b.csv"], color: true, failOn: ["violating"], quiet: true },
    });
    expect(await viaCommander(argv)).toStrictEqual(quick);
  });

  it.each([
    [["diff", "x"]],
    [["eval", "--country=UA", "x"]],
    [["eval", "-qc", "UA"]],
    [["eval", "--", "--country"]],
    [["eval", "--help"]],
    [["eval", "-V"]],
    [["eval", "--country"]],
    [["eval", "--country", "-x"]],
    [["eval", "-f", "xml", "x"]],
    [["eval", "--contry", "UA"]],
    [["eval", "-"]],
  ])("leaves %j to commander", (argv) => {
    expect(quickEvalArgs(argv)).toBeUndefined();
  });

  it("property: whatever it reads, commander reads the same", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(unit, { maxLength: 6 }).map((us) => us.flat()), fc.array(token, { maxLength: 8 })), async (rest) => {
        const argv = ["eval", ...rest];
        const quick = quickEvalArgs(argv);
        if (quick === undefined) return;
        expect(await viaCommander(argv)).toStrictEqual(quick);
      }),
      { numRuns: 400 },
    );
  });
});
