import { DEFAULT_POLICY } from "../load/files.js";
import type { EvalOptions } from "./eval-command.js";
import { EVAL_FORMATS } from "./formats.js";
import { COLOUR_OPTIONS, type OptionSpec } from "./option-spec.js";
import { RECORD_INPUT_OPTIONS, RECORD_LIMIT_OPTIONS } from "./record-input.js";
import { SET_OPTION } from "./set-option.js";

/** The options of `modpol eval`, in the order help lists them. */
export const EVAL_OPTIONS: readonly OptionSpec[] = [
  { flags: "-p, --policy <id|path>", description: "bundled policy or timeline id, or a policy or timeline file", default: DEFAULT_POLICY },
  ...RECORD_INPUT_OPTIONS,
  { flags: "-f, --format <format>", description: "output format", choices: EVAL_FORMATS, default: "text" },
  { flags: "-o, --output <file>", description: "write the results to a file instead of stdout ('-': stdout)" },
  { flags: "--explain", description: "show the evidence, every signal and each rule tried" },
  { flags: "--why-not <decision>", description: "say why each post did not get this decision: the conditions that failed" },
  SET_OPTION,
  { flags: "--summary", description: "print counts by country and decision" },
  { flags: "-q, --quiet", description: "print no per-post results (use with --summary or --fail-on)" },
  { flags: "--fail-on <decision>", description: "exit 1 when any post gets this decision (repeatable, or comma-separated)", repeatable: true },
  { flags: "--sample <n>", description: "write a labelling file instead: a reproducible sample of n posts (JSONL, or CSV with --format csv) with an empty label column, for 'modpol score'" },
  { flags: "--stratify <keys>", description: "with --sample: draw evenly from each stratum of these keys, comma-separated: decision, rule, country, lang, policy or a record field; 'none' (default: decision)" },
  { flags: "--seed <s>", description: "with --sample: the seed of the draw; the same seed draws the same posts (default: 1)" },
  ...RECORD_LIMIT_OPTIONS,
  { flags: "-j, --jobs <n>", description: "worker threads for large inputs: a number (capped by the cores and free memory) or 'auto' for the cores available (default 1; output order is kept)" },
  ...COLOUR_OPTIONS,
];

/** An option as the quick parse uses it. */
interface Flag {
  readonly spec: OptionSpec;
  /** The property of the options object, as commander names it (`--max-record-size` → maxRecordSize). */
  readonly key: string;
  readonly takesValue: boolean;
  readonly negate: boolean;
}

/** Each flag (`-c`, `--country`) of {@link EVAL_OPTIONS}, made on first use. */
let byFlag: Map<string, Flag> | undefined;

function flagIndex(): Map<string, Flag> {
  if (byFlag) return byFlag;
  byFlag = new Map();
  for (const spec of EVAL_OPTIONS) {
    const names = spec.flags.split(/[ ,]+/).filter((f) => f.startsWith("-"));
    const long = names.find((f) => f.startsWith("--")) as string;
    const negate = long.startsWith("--no-");
    const key = long.slice(negate ? 5 : 2).replace(/-(.)/g, (_, c: string) => c.toUpperCase());
    for (const name of names) byFlag.set(name, { spec, key, takesValue: spec.flags.includes("<"), negate });
  }
  return byFlag;
}

/**
 * `modpol eval` read without commander, for command lines of the plainest kind: posts, and options
 * written exactly as listed (`--country UA`, `-c UA`, `--explain`), each value its own argument, not
 * starting with `-` and one of the choices where there are choices. That is how nearly every eval is
 * written, and it then runs without loading, building and running commander (about 5 ms, a fifth of
 * a one-post run). Anything else (`--country=UA`, `-qc UA`, `--`, help, a mistake, another
 * subcommand) gives undefined, and commander reads the whole command line as it always has, errors,
 * suggestions and help included. The result is what commander would give eval's action, as the
 * tests check on arbitrary command lines.
 */
export function quickEvalArgs(argv: readonly string[]): { texts: string[]; opts: EvalOptions } | undefined {
  if (argv[0] !== "eval") return undefined;
  const index = flagIndex();
  const opts: Record<string, string | boolean | string[]> = {};
  for (const { spec, key } of index.values()) if (spec.default !== undefined) opts[key] = spec.default;
  const texts: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("-")) {
      texts.push(arg);
      continue;
    }
    const flag = index.get(arg);
    if (flag === undefined) return undefined;
    if (!flag.takesValue) {
      opts[flag.key] = !flag.negate;
      continue;
    }
    const value = argv[++i];
    if (value === undefined || value.startsWith("-") || (flag.spec.choices && !flag.spec.choices.includes(value))) return undefined;
    opts[flag.key] = flag.spec.repeatable ? [...((opts[flag.key] as string[] | undefined) ?? []), value] : value;
  }
  return { texts, opts: opts as unknown as EvalOptions };
}
