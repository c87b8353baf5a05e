import { DECISIONS, isDecision, type DecisionName } from "../base/decisions.js";
import { didYouMean } from "../base/suggest.js";
import type { Gate } from "../evaluate/score-gates.js";
import { UsageError } from "./io.js";

/** Options of `modpol score`, as parsed from the command line. */
export interface ScoreOptions {
  readonly policy?: string[];
  /** `--set NAME=VALUE`: settings of every scored policy for this run. */
  readonly set?: string[];
  readonly labels: string[];
  readonly inputFormat?: string;
  readonly labelField?: string;
  readonly secondLabel?: string;
  readonly positive?: string;
  readonly by?: string[];
  readonly delimiter?: string;
  readonly country?: string;
  readonly at?: string;
  readonly format: string;
  readonly output?: string;
  readonly show: string;
  readonly quiet?: boolean;
  readonly minAccuracy?: string;
  readonly minRecall?: string[];
  readonly minPrecision?: string[];
  readonly offsets: string;
  readonly maxRecordSize: string;
  readonly color?: boolean;
}

/**
 * A share from the command line: a fraction from 0 to 1 (`0.99`) or a percentage (`99%`). A bare
 * number above 1 is refused rather than guessed at: `--min-recall violating=95` is more likely a
 * percentage without its sign than an impossible fraction, but a gate must not be a guess.
 */
export function parseShare(v: string, option: string): number {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$/.exec(v);
  const n = m ? Number(m[1]) / (m[2] ? 100 : 1) : NaN;
  if (!m || !(n >= 0 && n <= 1)) throw new UsageError(`${option}: '${v}' is not a share such as 0.95 or 95%`);
  return n;
}

/** `--positive DECISION[,DECISION…]`: the decisions a yes of a binary label means. */
export function parsePositive(v: string | undefined): DecisionName[] | undefined {
  if (v === undefined) return undefined;
  const out: DecisionName[] = [];
  for (const x of v.split(/[,|]/).map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    if (!isDecision(x)) throw new UsageError(`--positive: '${x}' is not a decision (${DECISIONS.join(", ")})${didYouMean(x, DECISIONS)}`);
    if (!out.includes(x)) out.push(x);
  }
  if (out.length === 0 || out.length === DECISIONS.length) throw new UsageError("--positive: name the decisions a yes means, some but not all of violating, exempt, clear, review");
  return out;
}

/** The gates of the command line, their classes checked against the classes scored. */
export function parseGates(o: Pick<ScoreOptions, "minAccuracy" | "minRecall" | "minPrecision">, classes: readonly string[]): Gate[] {
  const gates: Gate[] = [];
  if (o.minAccuracy !== undefined) gates.push({ measure: "accuracy", min: parseShare(o.minAccuracy, "--min-accuracy"), option: `--min-accuracy ${o.minAccuracy}` });
  for (const [measure, list] of [["recall", o.minRecall], ["precision", o.minPrecision]] as const) {
    for (const item of list ?? []) {
      const option = `--min-${measure}`;
      const eq = item.lastIndexOf("=");
      if (eq < 0) throw new UsageError(`${option}: '${item}' is not CLASS=SHARE, such as violating=0.99`);
      const cls = item.slice(0, eq).trim().toLowerCase();
      if (!classes.includes(cls)) throw new UsageError(`${option}: '${cls}' is not a class scored here (${classes.join(", ")})${didYouMean(cls, classes)}`);
      gates.push({ measure, class: cls, min: parseShare(item.slice(eq + 1), option), option: `${option} ${item}` });
    }
  }
  return gates;
}

/** `--show N|all`: how many misclassified posts the text report lists per policy. */
export function parseShow(v: string, quiet: boolean | undefined): number {
  if (quiet) return 0;
  if (v.trim().toLowerCase() === "all") return Infinity;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--show: '${v}' is not a number of posts or 'all'`);
  return n;
}

/** `--by a,b --by c`: the record fields to group by, after `lang` and `country`, each once. */
export function parseBy(list: readonly string[] | undefined): string[] {
  const out = ["lang", "country"];
  for (const f of (list ?? []).flatMap((x) => x.split(",")).map((x) => x.trim()).filter(Boolean)) if (!out.includes(f)) out.push(f);
  return out;
}
