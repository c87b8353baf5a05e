import { DEFAULT_POLICY } from "../load/files.js";
import { SCORE_FORMATS } from "./formats.js";
import { COLOUR_OPTIONS, type OptionSpec } from "./option-spec.js";
import { RECORD_LIMIT_OPTIONS } from "./record-input.js";
import { SET_OPTION } from "./set-option.js";

/**
 * The options of `modpol score`, in the order help lists them; in a module of their own so that
 * building the command line loads none of the scoring code.
 */
export const SCORE_OPTIONS: readonly OptionSpec[] = [
  { flags: "-l, --labels <file...>", description: "labelled posts: JSONL or CSV files ('-' for stdin, JSONL); repeatable" },
  { flags: "-p, --policy <id|path>", description: `policy or timeline to score (bundled id or file); repeat to score several side by side (default: ${DEFAULT_POLICY})`, repeatable: true },
  SET_OPTION,
  { flags: "--label-field <name>", description: "the field holding the label (default: label, else expect): a decision, a list of acceptable decisions, or a map policy id → decisions" },
  { flags: "--positive <decisions>", description: "read labels as yes/no (true/false, yes/no, 1/0): the decisions a yes means, e.g. violating; decision labels are folded the same way" },
  { flags: "--second-label <name>", description: "a second annotator's label field: Cohen's κ between the two" },
  { flags: "--by <field>", description: "also report accuracy per value of this record field (repeatable, or comma-separated)", repeatable: true },
  { flags: "--input-format <format>", description: "format of the labels files (default: from the extension; stdin: jsonl)", choices: ["jsonl", "csv"] },
  { flags: "--delimiter <char>", description: "field separator of CSV labels: one character, e.g. ';', or 'tab' (default ',')" },
  { flags: "-c, --country <code|name>", description: "country of posts that carry none (ISO code such as PL or POL, or a name such as Poland or Polska)" },
  { flags: "--at <date>", description: "date of posts that carry none (a timeline picks the version in force on it)" },
  { flags: "-f, --format <format>", description: "output format", choices: SCORE_FORMATS, default: "text" },
  { flags: "-o, --output <file>", description: "write the report to a file instead of stdout" },
  { flags: "--show <n>", description: "text: misclassified posts listed per policy, or 'all'", default: "20" },
  { flags: "-q, --quiet", description: "text: list no misclassified posts" },
  { flags: "--min-accuracy <share>", description: "exit 1 when a policy's accuracy is below this (0.95 or 95%)" },
  { flags: "--min-recall <class=share>", description: "exit 1 when the recall of a decision is below this, e.g. violating=0.99 (repeatable)", repeatable: true },
  { flags: "--min-precision <class=share>", description: "exit 1 when the precision of a decision is below this, e.g. exempt=0.9 (repeatable)", repeatable: true },
  ...RECORD_LIMIT_OPTIONS,
  ...COLOUR_OPTIONS,
];
