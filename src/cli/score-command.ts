import { DEFAULT_POLICY } from "../load/files.js";
import { checkRecord } from "../evaluate/evaluate.js";
import { checkGates } from "../evaluate/score-gates.js";
import { binaryScheme, DECISION_SCHEME, type Scheme } from "../evaluate/score-scheme.js";
import { judge, labelCategory, ScoreTally, type LabelledPost, type ScoreError, type ScoreRun } from "../evaluate/score.js";
import { isTimeline, selectPolicy, type PolicyOrTimeline } from "../evaluate/timeline.js";
import { labelFor, readLabel, ruleLabelFor, type Label } from "../input/labels.js";
import { COMPRESSED_SUFFIX } from "../input/decompress.js";
import { formatFromPath } from "../input/records.js";
import { fieldAt, type FieldRecord } from "../input/labelled.js";
import type { CompiledPolicy } from "../compile/types.js";
import { scoreObject } from "../report/score-json.js";
import { gateText, scoreText } from "../report/score-format.js";
import { emit } from "./emit.js";
import { postOf } from "./eval-render.js";
import { UsageError, type Io } from "./io.js";
import { openSourceOrReport } from "./open-policy.js";
import { fieldSources, parseRecordInput } from "./record-input.js";
import { SCORE_FORMATS } from "./formats.js";
import { parseBy, parseGates, parsePositive, parseShow, type ScoreOptions } from "./score-options.js";
import { makeStyle, wantsColour } from "./style.js";
import { parseSetOptions, setOrThrow } from "./set-option.js";

/** Misclassified posts kept per policy for the JSON and HTML reports (the rest are counted). */
const KEEP_MISSES = 5000;
/** Records that could not be scored, listed in the reports (the rest are counted). */
const KEEP_ERRORS = 200;

/** A field of a record by name: as written, in lower case, or a dotted path (`account.type`). */
const field = fieldAt;

/** A field's value as a group: text as it is, lists joined, nothing as null. */
function groupOf(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v.trim() === "" ? null : v.trim();
  if (Array.isArray(v)) return v.length === 0 ? null : v.map(String).join(", ");
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

/** What the run reads from each record, fixed by the options. */
interface Reading {
  readonly labelField: string | undefined;
  readonly secondField: string | undefined;
  readonly byFields: readonly string[];
  readonly scheme: Scheme;
  readonly defaultCountry: string | undefined;
  readonly at: string | undefined;
  /** The label fields read, for the report. */
  readonly used: Set<string>;
}

/** The policy scored, with its tally. */
interface Scored {
  readonly source: PolicyOrTimeline;
  readonly tally: ScoreTally;
}

/**
 * Scores one record under every policy. Returns an error (the record is then left out of every
 * policy's score, so that all policies are scored on the same posts) or undefined.
 */
function scoreRecord(fr: FieldRecord, file: string, r: Reading, scored: readonly Scored[]): ScoreError | undefined {
  const rec = fr.record;
  if (rec.kind === "error") return { id: rec.id, line: rec.line, file, code: rec.code, message: rec.message };
  const err = (code: string, message: string): ScoreError => ({ id: rec.id, line: rec.line, file, code, message: `${file}:${rec.line}: ${message}` });
  const labelName = r.labelField ?? (Object.hasOwn(fr.fields, "label") ? "label" : "expect");
  r.used.add(labelName);
  const label = readLabel(field(fr.fields, labelName), labelName);
  if (label.kind === "invalid") return err("invalid-label", label.message);
  const second: Label | undefined = r.secondField !== undefined ? readLabel(field(fr.fields, r.secondField), r.secondField) : undefined;
  if (second?.kind === "invalid") return err("invalid-label", second.message);
  // The whole record, as eval reads it: a policy may decide by the fields it declares.
  const post = postOf(rec, r.defaultCountry);
  const groups: Record<string, string | null> = {};
  for (const f of r.byFields) groups[f] = groupOf(field(fr.fields, f));
  // Every policy first: a record that one of them cannot take is left out of all.
  const plans: { s: Scored; item?: LabelledPost; pair?: [string, string]; policy: CompiledPolicy }[] = [];
  for (const s of scored) {
    const sel = selectPolicy(s.source, rec.date, r.at);
    if (!sel.ok) return err(sel.code, `${s.source.id}: ${sel.message}`);
    // A record that does not suit a policy's declared fields is refused, as eval refuses it.
    const problems = checkRecord(post, sel.policy);
    if (problems.length > 0) return err(problems[0]?.code ?? "invalid-record", `${s.source.id}: ${problems.map((p) => p.message).join("; ")}`);
    const ids = [s.source.id, sel.policy.id];
    const expected = r.scheme.expected(labelFor(label, ids));
    if (typeof expected === "string") return err("invalid-label", `${labelName}: ${expected}`);
    let pair: [string, string] | undefined;
    if (second && expected) {
      const other = r.scheme.expected(labelFor(second, ids));
      if (typeof other === "string") return err("invalid-label", `${r.secondField}: ${other}`);
      if (other) pair = [labelCategory(expected, r.scheme), labelCategory(other, r.scheme)];
    }
    const expectedRule = ruleLabelFor(field(fr.fields, "rule"), ids);
    plans.push({ s, policy: sel.policy, ...(expected ? { item: { id: rec.id, line: rec.line, text: rec.text, post, expected, expectedRule, groups } } : {}), ...(pair ? { pair } : {}) });
  }
  for (const p of plans) {
    if (!p.item) {
      p.s.tally.addUnlabelled();
      continue;
    }
    p.s.tally.add(judge(p.item, p.policy, r.scheme, p.s.source.id));
    if (p.pair) p.s.tally.addPair(p.pair[0], p.pair[1]);
  }
  return undefined;
}

/**
 * `modpol score --labels FILE... [--policy P]...`: decides every labelled post under each policy and
 * measures the decisions against the labels. Exit 0; 1 when a gate (`--min-accuracy`,
 * `--min-recall`, `--min-precision`) fails; 2 usage or policy errors; 3 when some records could not
 * be scored (bad JSON, not a post, a label that is not one), which wins over 1.
 */
export async function runScore(o: ScoreOptions, io: Io): Promise<number> {
  const format = o.format.toLowerCase();
  if (!(SCORE_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: '${o.format}' is not one of ${SCORE_FORMATS.join(", ")}`);
  if (!o.labels || o.labels.length === 0) throw new UsageError("--labels: give the labelled posts, a JSONL or CSV file");
  for (const f of o.labels) {
    const fmt = o.inputFormat?.toLowerCase() ?? (f === "-" ? "jsonl" : formatFromPath(f.replace(COMPRESSED_SUFFIX, "")));
    if (fmt === "lines") throw new UsageError(`--labels: '${f}' is read as plain lines, which carry no labels: give a .jsonl or .csv file, or --input-format jsonl|csv`);
  }
  const input = parseRecordInput({ ...o, input: o.labels });
  const positive = parsePositive(o.positive);
  const scheme = positive ? binaryScheme(positive) : DECISION_SCHEME;
  const gates = parseGates(o, scheme.classes);
  const show = parseShow(o.show, o.quiet);
  const groupings = parseBy(o.by);
  const srcs = fieldSources([], o.labels, o.inputFormat, io, input.maxRecordBytes, "--labels", input.delimiter);

  const refs = o.policy && o.policy.length > 0 ? o.policy : [DEFAULT_POLICY];
  const set = parseSetOptions(o.set);
  const scored: Scored[] = [];
  for (const ref of refs) {
    const opened = await openSourceOrReport(ref, io);
    if (!opened) return 2;
    // The same settings for every policy scored: a setting one of them lacks is a usage error.
    const source = set.size > 0 ? setOrThrow(opened, set).value : opened;
    if (scored.some((s) => s.source.id === source.id)) throw new UsageError(`--policy: '${ref}' is policy ${source.id}, already scored`);
    const order = isTimeline(source) ? [] : source.rules.map((x) => x.id);
    scored.push({ source, tally: new ScoreTally(source.id, scheme, groupings, order, KEEP_MISSES) });
  }

  const reading: Reading = { labelField: o.labelField, secondField: o.secondLabel, byFields: groupings.slice(2), scheme, defaultCountry: input.defaultCountry, at: input.at, used: new Set() };
  const errors: ScoreError[] = [];
  let records = 0;
  let errorCount = 0;
  let n = 1;
  for (const src of srcs) {
    for await (const batch of src.records(n)) {
      for (const fr of batch) {
        n = fr.record.n + 1;
        records++;
        const e = scoreRecord(fr, src.name, reading, scored);
        if (e) {
          errorCount++;
          if (errors.length < KEEP_ERRORS) errors.push(e);
        }
      }
    }
  }
  const policies = scored.map((s) => s.tally.result);
  const run: ScoreRun = {
    files: o.labels,
    labelField: o.labelField ?? ([...reading.used].join(", ") || "label"),
    secondField: o.secondLabel,
    classes: scheme.classes,
    positive,
    groupings,
    records,
    errors: errorCount,
    errorList: errors,
    policies,
    gates: checkGates(policies, gates),
  };
  const toFile = o.output !== undefined && o.output !== "-";
  if (format === "json") await emit(`${JSON.stringify(scoreObject(run, input.offsets), null, 2)}\n`, o.output, io);
  else if (format === "html") await emit((await import("../report/html/score-html.js")).scoreHtml(run), o.output, io);
  else await emit(scoreText(run, { style: await makeStyle(!toFile && wantsColour(io.stdout, io.env, o.color)), show }), o.output, io);

  const failed = run.gates.filter((g) => !g.passed);
  for (const g of failed) io.stderr.write(`modpol: ${g.policy}: ${gateText(g)}\n`);
  if (errorCount > 0) {
    io.stderr.write(`modpol: ${errorCount} of ${records} record${records === 1 ? "" : "s"} could not be scored (see the report)\n`);
    return 3;
  }
  return failed.length > 0 ? 1 : 0;
}
