import { checkRecord, evaluate, type Decision } from "../evaluate/evaluate.js";
import { StratifiedSample } from "../evaluate/sample.js";
import { selectPolicy } from "../evaluate/timeline.js";
import { allocationText, sampleCsv, sampleJsonlLine, type SampledPost } from "../report/sample-format.js";
import type { EvalOptions } from "./eval-command.js";
import { UsageError, type Io } from "./io.js";
import { openSourceOrReport } from "./open-policy.js";
import { Output } from "./output.js";
import { openOutput } from "./output-file.js";
import { postOf } from "./eval-render.js";
import { fieldSources, parseRecordInput } from "./record-input.js";
import { fieldAt } from "../input/labelled.js";

/** Records that could not be evaluated, each named on stderr (the rest are counted). */
const SHOWN_ERRORS = 20;

/** What a stratum can be made of: a part of the decision, or any field of the record. */
const DECISION_KEYS = ["decision", "rule", "country", "lang", "policy"] as const;

/** `--stratify decision,country`; `none` for a simple random sample. */
export function parseStratify(v: string | undefined): string[] {
  const keys = (v ?? "decision").split(",").map((x) => x.trim()).filter(Boolean);
  if (keys.length === 1 && keys[0]?.toLowerCase() === "none") return [];
  if (keys.length === 0) throw new UsageError("--stratify: name what to stratify by (decision, rule, country, lang, policy or a record field), or 'none'");
  return [...new Set(keys)];
}

/** `--sample N`: a number of posts. */
export function parseSampleSize(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new UsageError(`--sample: '${v}' is not a number of posts from 1 to 1000000`);
  return n;
}

/** The options of eval that mean nothing when sampling, refused rather than silently ignored. */
function refuseOthers(o: EvalOptions): void {
  const bad = [
    ["--explain", o.explain],
    ["--why-not", o.whyNot !== undefined],
    ["--summary", o.summary],
    ["--quiet", o.quiet],
    ["--fail-on", (o.failOn ?? []).length > 0],
    ["--jobs", o.jobs !== undefined],
  ].filter(([, on]) => on === true);
  if (bad.length > 0) throw new UsageError(`--sample writes a labelling file and cannot be combined with ${bad.map(([f]) => f).join(", ")}`);
  const format = o.format.toLowerCase();
  if (format === "json") throw new UsageError("--sample writes JSONL (the default) or CSV (--format csv), not json");
}

/** The value of one stratum key for a decided post. */
function keyValue(key: string, d: Decision, fields: Readonly<Record<string, unknown>>): string {
  switch (key) {
    case "decision":
      return d.decision;
    case "rule":
      return d.rule ?? "(default)";
    case "country":
      return d.country ?? "(none)";
    case "lang":
      return d.lang ?? "(none)";
    case "policy":
      return d.policy;
    default: {
      const v = fieldAt(fields, key);
      if (v === undefined || v === null || v === "") return "(none)";
      return typeof v === "object" ? JSON.stringify(v) : String(v);
    }
  }
}

/**
 * `modpol eval … --sample N [--stratify KEYS] [--seed S]`: decides every post, then writes a
 * reproducible stratified sample of them as a labelling file (JSONL, or CSV with `--format csv`)
 * with an empty `label` field, which `modpol score --labels` reads back once people have filled it
 * in. Stderr says how many posts each stratum had and gave. Exit 0; 2 usage or policy errors; 3
 * when some records could not be evaluated (they are left out of the sample).
 */
export async function runSample(texts: readonly string[], o: EvalOptions, io: Io): Promise<number> {
  refuseOthers(o);
  const size = parseSampleSize(o.sample as string);
  const by = parseStratify(o.stratify);
  for (const k of by) if (!(DECISION_KEYS as readonly string[]).includes(k) && !/^[\w.-]+$/.test(k)) throw new UsageError(`--stratify: '${k}' is neither ${DECISION_KEYS.join(", ")} nor a field name`);
  const seed = o.seed ?? "1";
  const input = parseRecordInput(o);
  const paths = o.input ?? (texts.length > 0 ? [] : ["-"]);
  const srcs = fieldSources(texts, paths, o.inputFormat, io, input.maxRecordBytes, "--input", input.delimiter, "lines");
  const policy = await openSourceOrReport(o.policy, io);
  if (!policy) return 2;
  // Opened before reading, as eval does: a path that cannot be written is a usage error up front.
  const target = openOutput(o.output, io);

  const sample = new StratifiedSample<SampledPost>(size, seed);
  let errors = 0;
  let n = 1;
  for (const src of srcs) {
    for await (const batch of src.records(n)) {
      for (const { record: rec, fields } of batch) {
        n = rec.n + 1;
        if (rec.kind === "error") {
          if (errors++ < SHOWN_ERRORS) io.stderr.write(`modpol: left out of the sample: ${rec.code}: ${rec.message}\n`);
          continue;
        }
        const sel = selectPolicy(policy, rec.date, input.at);
        if (!sel.ok) {
          if (errors++ < SHOWN_ERRORS) io.stderr.write(`modpol: left out of the sample: ${rec.id}: ${sel.code}: ${sel.message}\n`);
          continue;
        }
        // The whole record, as eval reads it: a policy may decide by the fields it declares.
        const post = postOf(rec, input.defaultCountry);
        const problems = checkRecord(post, sel.policy);
        if (problems.length > 0) {
          if (errors++ < SHOWN_ERRORS) io.stderr.write(`modpol: left out of the sample: ${rec.id}: ${problems[0]?.code ?? "invalid-record"}: ${problems.map((p) => p.message).join("; ")}\n`);
          continue;
        }
        const d = evaluate(post, sel.policy);
        const stratum = by.map((k) => keyValue(k, d, fields)).join(" | ");
        // The key is drawn from the post, not its position: the same seed picks the same posts in any order.
        sample.add(stratum, `${rec.id}\u0000${rec.text}`, rec.n, { id: rec.id, text: rec.text, country: d.country, fields });
      }
    }
  }
  const { picked, allocation } = sample.result();
  const out = new Output(target.stream);
  await out.write(o.format.toLowerCase() === "csv" ? sampleCsv(picked) : picked.map(sampleJsonlLine).join(""));
  await out.flush();
  await target.close();
  io.stderr.write(allocationText(allocation, by, errors));
  return errors > 0 ? 3 : 0;
}
