import { resolveCountry } from "../base/countries.js";
import { diffDecisions, DiffCounter } from "../evaluate/diff.js";
import { evaluate } from "../evaluate/evaluate.js";
import { describeSource, selectPolicy, type PolicyOrTimeline } from "../evaluate/timeline.js";
import { parseRaw, type InputRecord, type RawRecord } from "../input/records.js";
import { DIFF_CSV_COLUMNS, diffCsvLine, diffObject, diffSummaryObject, diffSummaryText, diffTextBlock, type DiffItem } from "../report/diff-format.js";
import type { EvalFormatOptions, OffsetUnit } from "../report/eval-format.js";
import { parseAt, parseSize, sources } from "./eval-command.js";
import { DIFF_FORMATS } from "./formats.js";
import { UsageError, type Io } from "./io.js";
import { openSourceOrReport } from "./open-policy.js";
import { Output } from "./output.js";
import { makeStyle, wantsColour } from "./style.js";

/** Options of `modpol diff`, as parsed from the command line. */
export interface DiffOptions {
  readonly from: string;
  readonly to: string;
  readonly input?: string[];
  readonly inputFormat?: string;
  readonly country?: string;
  readonly at?: string;
  readonly format: string;
  readonly all?: boolean;
  readonly failOnChange?: boolean;
  readonly summary?: boolean;
  readonly quiet?: boolean;
  readonly offsets: string;
  readonly maxRecordSize: string;
  readonly color?: boolean;
}

interface Sides {
  readonly from: PolicyOrTimeline;
  readonly to: PolicyOrTimeline;
  readonly refs: { readonly from: string; readonly to: string };
  readonly defaultCountry: string | undefined;
  readonly at: string | undefined;
}

/** Evaluates one record under both policies (or versions, for timelines). */
function diffRecord(raw: InputRecord | RawRecord, s: Sides): DiffItem {
  const rec = raw.kind === "raw" ? parseRaw(raw) : raw;
  if (rec.kind === "error") return { kind: "error", id: rec.id, line: rec.line, code: rec.code, message: rec.message };
  const a = selectPolicy(s.from, rec.date, s.at);
  if (!a.ok) return { kind: "error", id: rec.id, line: rec.line, code: a.code, message: `--from ${s.refs.from}: ${a.message}` };
  const b = selectPolicy(s.to, rec.date, s.at);
  if (!b.ok) return { kind: "error", id: rec.id, line: rec.line, code: b.code, message: `--to ${s.refs.to}: ${b.message}` };
  const post = { text: rec.text, country: rec.country ?? s.defaultCountry ?? null };
  const from = evaluate(post, a.policy);
  // The same version on both sides (a timeline against one of its own versions): evaluate once.
  const to = b.policy === a.policy ? from : evaluate(post, b.policy);
  return { kind: "diff", id: rec.id, line: rec.line, text: rec.text, diff: diffDecisions(from, to) };
}

/**
 * `modpol diff --from A --to B`: evaluates every post under both policies in one streaming pass and
 * reports the posts whose decision changed (every post with --all), the transition matrix and the
 * same by country. Exit 0; 1 with --fail-on-change when a decision changed; 2 usage or policy
 * errors; 3 when some records could not be evaluated.
 */
export async function runDiff(texts: readonly string[], o: DiffOptions, io: Io): Promise<number> {
  const format = o.format.toLowerCase();
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: '${o.format}' is not one of ${DIFF_FORMATS.join(", ")}`);
  const offsets = o.offsets.toLowerCase();
  if (offsets !== "codepoint" && offsets !== "utf16") throw new UsageError(`--offsets: '${o.offsets}' is not codepoint or utf16`);
  let defaultCountry: string | undefined;
  if (o.country !== undefined) {
    defaultCountry = resolveCountry(o.country);
    if (!defaultCountry) throw new UsageError(`--country: unknown country '${o.country}'; give an ISO 3166-1 alpha-2 code (e.g. PL) or an English name (e.g. Poland)`);
  }
  const at = parseAt(o.at);
  const srcs = sources(texts, o, io, parseSize(o.maxRecordSize));
  const from = await openSourceOrReport(o.from, io);
  if (!from) return 2;
  const to = await openSourceOrReport(o.to, io);
  if (!to) return 2;

  const colour = format === "text" && wantsColour(io.stdout, io.env, o.color);
  const style = await makeStyle(colour);
  const fo: EvalFormatOptions = { offsets: offsets as OffsetUnit, style };
  const sides: Sides = { from, to, refs: { from: o.from, to: o.to }, defaultCountry, at };
  const showId = texts.length !== 1 || srcs.length > 1;
  const out = new Output(io.stdout);
  const counter = new DiffCounter();
  const quiet = o.quiet === true;
  let written = 0;

  if (format === "csv" && !quiet) await out.write(`${DIFF_CSV_COLUMNS.join(",")}\n`);
  if (format === "json") await out.write(`{"from":${JSON.stringify(describeSource(from))},"to":${JSON.stringify(describeSource(to))},"results":[`);
  let n = 1;
  outer: for (const src of srcs) {
    const it = src.records(n);
    for await (const recs of it) {
      for (const rec of recs) {
        n = rec.n + 1;
        const item = diffRecord(rec, sides);
        if (item.kind === "error") counter.addError();
        else counter.add(item.diff.from.country, item.diff.from.decision, item.diff.to.decision, item.diff.ruleChanged);
        // Unchanged posts are counted but, without --all, not written.
        if (!quiet && (item.kind === "error" || item.diff.changed || o.all)) {
          if (format === "json") out.add(`${written > 0 ? "," : ""}\n${JSON.stringify(diffObject(item, fo.offsets))}`);
          else if (format === "jsonl") out.add(`${JSON.stringify(diffObject(item, fo.offsets))}\n`);
          else if (format === "csv") out.add(diffCsvLine(item, fo));
          else out.add(`${written > 0 ? "\n" : ""}${diffTextBlock(item, fo, showId)}`);
          written++;
        }
        if (out.closed) break;
      }
      await out.flushIfFull();
      if (out.closed) {
        await it.return(undefined);
        break outer;
      }
    }
  }
  const sum = counter.summary;
  const names = { from: from.id, to: to.id };
  if (format === "json") await out.write(`${written > 0 ? "\n" : ""}],"summary":${JSON.stringify(diffSummaryObject(sum))}}\n`);
  else if (format === "text") await out.write(`${written > 0 ? "\n" : ""}${diffSummaryText(sum, names, style)}`);
  // Machine formats keep stdout to their records: the summary goes to stderr, on request.
  else if (o.summary) io.stderr.write(diffSummaryText(sum, names, await makeStyle(false)));
  await out.flush();
  if (out.closed) return 0;
  if (sum.errors > 0) {
    io.stderr.write(`modpol: ${sum.errors} of ${sum.total} record${sum.total === 1 ? "" : "s"} could not be evaluated (see the error records)\n`);
    return 3;
  }
  if (o.failOnChange && sum.changed > 0) {
    io.stderr.write(`modpol: ${sum.changed} post${sum.changed === 1 ? "" : "s"} change decision from ${names.from} to ${names.to} (--fail-on-change)\n`);
    return 1;
  }
  return 0;
}
