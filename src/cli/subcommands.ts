import { Command, Option } from "commander";
import type { Io } from "./io.js";
import { runEval, type EvalOptions } from "./eval-command.js";
import { EVAL_OPTIONS } from "./eval-options.js";
import type { CheckOptions } from "./check-command.js";
import type { TestOptions } from "./test-command.js";
import type { DiffOptions } from "./diff-command.js";
import { SCORE_OPTIONS } from "./score-spec.js";
import type { ScoreOptions } from "./score-options.js";
import { CHECK_FORMATS, DIFF_FORMATS, TEST_FORMATS } from "./formats.js";
import { COLOUR_OPTIONS, type OptionSpec } from "./option-spec.js";
import { RECORD_INPUT_OPTIONS, RECORD_LIMIT_OPTIONS } from "./record-input.js";
import { SET_OPTION } from "./set-option.js";

/** Repeatable options: each use adds its value. */
const collect = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];

/** Adds options described by {@link OptionSpec}s to a command. */
function addOptions(cmd: Command, specs: readonly OptionSpec[]): void {
  for (const o of specs) {
    const option = new Option(o.flags, o.description);
    if (o.choices) option.choices([...o.choices]);
    if (o.default !== undefined) option.default(o.default);
    if (o.repeatable) option.argParser(collect);
    cmd.addOption(option);
  }
}

/**
 * Examples under a subcommand's --help, as people learn a tool (git, rg, kubectl): a few complete
 * command lines, each with what it does.
 */
function examples(cmd: Command, lines: readonly (readonly [string, string])[]): void {
  const width = Math.max(...lines.map(([c]) => c.length));
  cmd.addHelpText("after", `\nExamples:\n${lines.map(([c, what]) => `  ${c.padEnd(width)}  # ${what}`).join("\n")}`);
}

/** Adds one subcommand to the program; its action stores its exit code through `done`. */
export type Subcommand = (program: Command, io: Io, done: (code: number) => void) => void;

/**
 * The subcommands, in the order help lists them. Building one costs about 0.3 ms (commander makes an
 * object per option and parses its flags), so a run that names its subcommand builds only that one
 * (see program.ts).
 */
export const SUBCOMMANDS: ReadonlyArray<readonly [string, Subcommand]> = [
  [
    "eval",
    (program, io, done) => {
      const cmd = program.command("eval").description("classify posts (from TEXT arguments, --input files, or stdin)").argument("[text...]", "posts to classify, one per argument");
      // The same list quickEvalArgs reads (eval-options.ts).
      addOptions(cmd, EVAL_OPTIONS);
      examples(cmd, [
        ['modpol eval "Death to Putin!" -c PL', "one post, its decision and why"],
        ['modpol eval "Someone should shoot Putin." -c UA --explain', "every signal and each rule tried"],
        ["modpol eval -i posts.jsonl.gz -f jsonl -o decisions.jsonl", "a compressed export, one JSON object per post"],
        ["modpol eval -i export.csv --delimiter ';' -f csv --summary", "a spreadsheet's CSV; counts by country"],
        ["modpol eval -p meta-2022 --at 2022-03-14 -i posts.txt", "a timeline: the version in force that day"],
        ["cat posts.txt | modpol eval --fail-on violating -q", "exit 1 if any post violates"],
        ["modpol eval -i posts.jsonl --sample 200 --stratify decision,country -f csv -o sample.csv", "posts to label, for modpol score"],
      ]);
      cmd.action(async (texts: string[], opts: EvalOptions) => {
        done(await runEval(texts, opts, io));
      });
    },
  ],
  [
    // diff is imported when run: it is not on the path of a plain `eval`.
    "diff",
    (program, io, done) => {
      const cmd = program
        .command("diff")
        .description("compare two policies (or timelines) over the same posts: which decisions change, by country")
        .argument("[text...]", "posts to compare, one per argument")
        .requiredOption("--from <id|path>", "the policy before the change (bundled id, timeline, or file)")
        .requiredOption("--to <id|path>", "the policy after the change");
      addOptions(cmd, [
        ...RECORD_INPUT_OPTIONS,
        { flags: "-f, --format <format>", description: "output format", choices: DIFF_FORMATS, default: "text" },
        { flags: "-o, --output <file>", description: "write the results to a file instead of stdout ('-': stdout)" },
        { flags: "--all", description: "list every post, not only those whose decision changed" },
        { ...SET_OPTION, description: "give a setting of both policies another value (repeatable)" },
        { flags: "--set-from <name=value>", description: "give a setting of the --from policy another value (repeatable)", repeatable: true },
        { flags: "--set-to <name=value>", description: "give a setting of the --to policy another value (repeatable): compare a policy with itself under other settings", repeatable: true },
        { flags: "--fail-on-change", description: "exit 1 when any post's decision changes (for CI)" },
        { flags: "--summary", description: "with jsonl or csv: print the transition matrices on stderr" },
        { flags: "-q, --quiet", description: "print no per-post results (text: the matrices only)" },
        ...RECORD_LIMIT_OPTIONS,
        ...COLOUR_OPTIONS,
      ]);
      examples(cmd, [
        ["modpol diff --from meta-2022-03-10 --to meta-2022-03-13 -i examples/posts.jsonl", "what the narrowing changed"],
        ["modpol diff --from old/policy.yaml --to policy.yaml -i corpus.jsonl --fail-on-change", "a CI gate on a policy edit"],
        ["modpol diff --from meta-baseline --to meta-2022-03-10 -i posts.jsonl -q", "the transition matrices only"],
      ]);
      cmd.action(async (texts: string[], opts: DiffOptions) => {
        done(await (await import("./diff-command.js")).runDiff(texts, opts, io));
      });
    },
  ],
  [
    // score, its statistics and its HTML report are imported when run: a plain eval loads none of them.
    "score",
    (program, io, done) => {
      const cmd = program.command("score").description("measure policies against labelled posts: accuracy, precision and recall per decision, confusion, per rule, language, country and field");
      addOptions(cmd, SCORE_OPTIONS);
      examples(cmd, [
        ["modpol score -l labels.jsonl -p meta-2022-03-10 -p meta-2022-03-13", "two policies' figures side by side"],
        ["modpol score -l labels.jsonl --min-recall violating=0.99", "a CI gate: exit 1 when a labelled violation is missed"],
        ["modpol score -l sample.csv --label-field violent --positive violating", "yes/no labels"],
        ["modpol score -l labels.jsonl -f html -o score.html", "a report to hand on: one self-contained file"],
      ]);
      cmd.action(async (opts: ScoreOptions) => {
        done(await (await import("./score-command.js")).runScore(opts, io));
      });
    },
  ],
  [
    // check, test and schema need the YAML parser and the schema library; they are imported only
    // when run, so `eval` with a bundled (precompiled) policy never loads either.
    "check",
    (program, io, done) => {
      const cmd = program
        .command("check")
        .description("validate and lint policy, library and case files (default: ./rules, else the bundled rules)")
        .argument("[path...]", "policy files or folders ('-': a rule file on stdin, shown as <stdin>)")
        .addOption(new Option("-f, --format <format>", "output format").choices([...CHECK_FORMATS]).default("text"))
        .option("--strict", "exit 1 on warnings too")
        .option("-q, --quiet", "report only what fails the run: errors (and warnings, with --strict)")
        .option("-o, --output <file>", "write the report to a file instead of stdout")
        .option("--color", "force colour")
        .option("--no-color", "no colour")
        .action(async (paths: string[], opts: CheckOptions) => {
          done(await (await import("./check-command.js")).runCheck(paths, opts, io));
        });
      examples(cmd, [
        ["modpol check", "./rules, else the bundled rules"],
        ["modpol check rules/ --strict", "warnings fail too"],
        ["modpol check rules/ -f sarif -o modpol.sarif", "for code scanning"],
        ["cat policy.yaml | modpol check -", "a rule file on stdin"],
      ]);
    },
  ],
  [
    "test",
    (program, io, done) => {
      const cmd = program
        .command("test")
        .description("run the tests embedded in policies and the cases of case files; rule coverage")
        .argument("[path...]", "policy files, case files or folders (default: ./rules, else the bundled rules; '-': a rule file on stdin)")
        .addOption(new Option("-f, --format <format>", "output format").choices([...TEST_FORMATS]).default("text"))
        .option("--min-coverage <percent>", "exit 1 when a policy's rule coverage is below this")
        .option(SET_OPTION.flags, SET_OPTION.description, collect)
        .option("-v, --verbose", "list passing cases too")
        .option("-q, --quiet", "text: only failing cases, coverage below --min-coverage, and the totals")
        .option("-o, --output <file>", "write the report to a file instead of stdout")
        .option("--color", "force colour")
        .option("--no-color", "no colour")
        .action(async (paths: string[], opts: TestOptions) => {
          done(await (await import("./test-command.js")).runTest(paths, opts, io));
        });
      examples(cmd, [
        ["modpol test", "embedded tests and case files of ./rules, with rule coverage"],
        ["modpol test rules/ --min-coverage 100 -f junit -o junit.xml", "for CI"],
        ["modpol test rules/meta-2022-03-10.yaml -q", "one policy and its case files; failures only"],
      ]);
    },
  ],
  [
    "schema",
    (program, io, done) => {
      const cmd = program
        .command("schema")
        .description("print the JSON Schema of rule files (for editors: # yaml-language-server: $schema=...), or of the records a policy reads")
        .option("--record <policy>", "print the JSON Schema of the JSONL records this policy (id or path) reads: text, id, country, date, lang and its declared fields")
        .option("-o, --output <file>", "write the schema to a file instead of stdout")
        .action(async (opts: { output?: string; record?: string }) => {
          done(await (await import("./schema-command.js")).runSchema(opts, io));
        });
      examples(cmd, [["modpol schema -o schema/policy.schema.json", "for editors with a YAML language server"]]);
    },
  ],
  [
    "completion",
    (program, io, done) => {
      const cmd = program
        .command("completion")
        .description("print a shell completion script: subcommands, options, formats, bundled policy ids")
        .argument("<shell>", "bash, zsh or fish")
        .option("-o, --output <file>", "write the script to a file instead of stdout")
        .action(async (shell: string, opts: { output?: string }) => {
          // The script covers every subcommand, so it is made from a program that has them all.
          const full = new Command("modpol");
          for (const [, add] of SUBCOMMANDS) add(full, io, () => undefined);
          done(await (await import("./completion-command.js")).runCompletion(shell, full, opts, io));
        });
      examples(cmd, [
        ["source <(modpol completion bash)", "bash, this shell; add it to ~/.bashrc to keep it"],
        ["modpol completion zsh > ~/.zfunc/_modpol", "zsh, with ~/.zfunc in $fpath"],
        ["modpol completion fish > ~/.config/fish/completions/modpol.fish", "fish"],
      ]);
    },
  ],
];
