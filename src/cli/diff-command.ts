import { printable } from "../base/safe-text.js";
import { diffDecisions, DiffCounter } from "../evaluate/diff.js";
import { checkRecord, evaluate } from "../evaluate/evaluate.js";
import { describeSource, selectPolicy, type PolicyOrTimeline } from "../evaluate/timeline.js";
import { parseRaw, type InputRecord, type RawRecord } from "../input/records.js";
import { postOf } from "./eval-render.js";
import { DIFF_CSV_COLUMNS, diffCsvLine, diffObject, diffSummaryObject, diffSummaryText, diffTextBlock, type DiffItem } from "../report/diff-format.js";
import type { EvalFormatOptions } from "../report/eval-format.js";
import { DIFF_FORMATS } from "./formats.js";
import { watchInterrupts } from "./interrupt.js";
import { IoError, UsageError, type Io } from "./io.js";
import { ItemWriter, JSON_ARRAY, NO_SEPARATORS } from "./item-writer.js";
import { openSourceOrReport } from "./open-policy.js";
import { Output } from "./output.js";
import { openOutput } from "./output-file.js";
import { parseRecordInput, sources, type RecordInputOptions } from "./record-input.js";
import { runEnd, stopSources } from "./run-end.js";
import { makeStyle, wantsColour } from "./style.js";
import { parseSetOptions, setOrThrow } from "./set-option.js";
import { settingNames } from "../use-cases/run-settings.js";

/** Posts listed in the HTML report at most: a page of more is slow to open, and the JSON output has them all. */
const HTML_POSTS = 5000;

/** Options of `modpol diff`, as parsed from the command line. */
export interface DiffOptions extends RecordInputOptions {
  readonly from: string;
  readonly to: string;
  readonly format: string;
  readonly all?: boolean;
  readonly failOnChange?: boolean;
  readonly summary?: boolean;
  readonly quiet?: boolean;
  readonly color?: boolean;
  readonly output?: string;
  readonly set?: string[];
  readonly setFrom?: string[];
  readonly setTo?: string[];
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
  const post = postOf(rec, s.defaultCountry);
  // The record must suit each side's declared fields: a side that cannot read it cannot decide it.
  for (const [side, ref, policy] of [["--from", s.refs.from, a.policy], ["--to", s.refs.to, b.policy]] as const) {
    const problems = checkRecord(post, policy);
    if (problems.length > 0) return { kind: "error", id: rec.id, line: rec.line, code: problems[0]?.code ?? "invalid-record", message: `${side} ${ref}: ${problems.map((p) => p.message).join("; ")}` };
  }
  const from = evaluate(post, a.policy);
  // The same version on both sides (a timeline against one of its own versions): evaluate once.
  const to = b.policy === a.policy ? from : evaluate(post, b.policy);
  return { kind: "diff", id: rec.id, line: rec.line, text: rec.text, diff: diffDecisions(from, to) };
}

/**
 * `modpol diff --from A --to B`: evaluates every post under both policies in one streaming pass and
 * reports the posts whose decision changed (every post with --all), the transition matrix and the
 * same by country. Exit 0; 1 with --fail-on-change when a decision changed; 2 usage or policy
 * errors; 3 when some records could not be evaluated; 74, 130, 143 as eval (see runEnd).
 */
export async function runDiff(texts: readonly string[], o: DiffOptions, io: Io): Promise<number> {
  const format = o.format.toLowerCase();
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: '${o.format}' is not one of ${DIFF_FORMATS.join(", ")}`);
  const input = parseRecordInput(o);
  const srcs = sources(texts, o, io, input.maxRecordBytes);
  // --set gives each side the settings it has (a name neither has is an error); --set-from and
  // --set-to give one side its own (and win over --set there).
  const both = parseSetOptions(o.set);
  const own = { from: parseSetOptions(o.setFrom, "--set-from"), to: parseSetOptions(o.setTo, "--set-to") };
  const fromLoaded = await openSourceOrReport(o.from, io);
  if (!fromLoaded) return 2;
  const toLoaded = await openSourceOrReport(o.to, io);
  if (!toLoaded) return 2;
  const has = { from: settingNames(fromLoaded), to: settingNames(toLoaded) };
  const nowhere = [...both.keys()].filter((k) => !has.from.has(k) && !has.to.has(k));
  if (nowhere.length > 0) throw new UsageError(`--set: neither ${fromLoaded.id} nor ${toLoaded.id} has a setting ${nowhere.map((k) => `'${k}'`).join(", ")}`);
  const side = (has: ReadonlySet<string>, mine: ReadonlyMap<string, string>) => new Map([...[...both].filter(([k]) => has.has(k)), ...mine]);
  const sets = { from: side(has.from, own.from), to: side(has.to, own.to) };
  const fromSet = setOrThrow(fromLoaded, sets.from, own.from.size > 0 ? "--set-from" : "--set");
  const toSet = setOrThrow(toLoaded, sets.to, own.to.size > 0 ? "--set-to" : "--set");
  const from = fromSet.value;
  const to = toSet.value;
  const target = openOutput(o.output, io);
  // The settings each side was given, as text output names them: "(credibility-threshold=2)".
  const note = (echo: Readonly<Record<string, unknown>>) => (Object.keys(echo).length === 0 ? undefined : `(${Object.entries(echo).map(([k, v]) => `${k}=${String(v)}`).join(", ")})`);
  const notes = { from: note(fromSet.echo), to: note(toSet.echo) };
  const label = (id: string, n: string | undefined) => (n ? `${id} ${n}` : id);

  const colour = format === "text" && wantsColour(target.stream, io.env, o.color);
  const style = await makeStyle(colour);
  const fo: EvalFormatOptions = { offsets: input.offsets, style };
  const sides: Sides = { from, to, refs: { from: o.from, to: o.to }, defaultCountry: input.defaultCountry, at: input.at };
  const showId = texts.length !== 1 || srcs.length > 1;
  // Two files with one id (a policy before and after an edit) would read "from X to X": each side
  // is then named by the path it was given as.
  const collide = from.id === to.id && o.from !== o.to;
  const names = collide ? { from: o.from, to: o.to } : { from: from.id, to: to.id };
  const out = new Output(target.stream);
  const counter = new DiffCounter();
  const quiet = o.quiet === true;
  const items = new ItemWriter(out, format === "json" ? JSON_ARRAY : format === "text" ? { lead: "", glue: "\n" } : NO_SEPARATORS);

  if (format === "csv" && !quiet) await out.write(`${DIFF_CSV_COLUMNS.join(",")}\n`);
  const settings = sets.from.size + sets.to.size > 0 ? `"settings":${JSON.stringify({ from: fromSet.echo, to: toSet.echo })},` : "";
  if (format === "json") await out.write(`{"from":${JSON.stringify(describeSource(from))},"to":${JSON.stringify(describeSource(to))},${settings}"results":[`);
  // --fail-on-change is a verdict on every post: a reader that stops early must not cut it short.
  const stopped = () => out.closed && o.failOnChange !== true;
  // SIGINT/SIGTERM: stop reading; what was read is still compared and written, as in eval.
  const interrupt = watchInterrupts({ onStop: () => stopSources(srcs, io) });
  let inputError: IoError | undefined;
  const listed: DiffItem[] = [];
  let notListed = 0;
  let n = 1;
  try {
    outer: for (const src of srcs) {
      const it = interrupt.guard(src.records(n));
      for await (const recs of it) {
        for (const rec of recs) {
          n = rec.n + 1;
          const item = diffRecord(rec, sides);
          if (item.kind === "error") counter.addError();
          else counter.add(item.diff.from.country, item.diff.from.decision, item.diff.to.decision, item.diff.ruleChanged);
          // Unchanged posts are counted but, without --all, not written.
          if (!quiet && (item.kind === "error" || item.diff.changed || o.all)) {
            // The HTML report is written at the end, and lists a bounded number of posts.
            if (format === "html") {
              if (listed.length < HTML_POSTS) listed.push(item);
              else notListed++;
            } else if (format === "json") items.add(JSON.stringify(diffObject(item, fo.offsets)));
            else if (format === "jsonl") items.add(`${JSON.stringify(diffObject(item, fo.offsets))}\n`);
            else if (format === "csv") items.add(diffCsvLine(item, fo));
            else items.add(diffTextBlock(item, fo, showId, collide ? names : undefined, notes));
          }
          if (stopped()) break;
        }
        await out.flushIfFull();
        if (stopped() || interrupt.signal) {
          await it.return(undefined);
          break outer;
        }
      }
    }
  } catch (e) {
    // An input that fails partway (EIO): what was read before it is compared, written and closed.
    if (!(e instanceof IoError)) throw e;
    inputError = e;
  } finally {
    interrupt.dispose();
  }
  const sum = counter.summary;
  const titles = { from: label(names.from, notes.from), to: label(names.to, notes.to) };
  if (format === "html") {
    const inputs = [...(texts.length > 0 ? ["the arguments"] : []), ...(o.input ?? (texts.length > 0 ? [] : ["<stdin>"]))];
    await out.write((await import("../report/html/diff-html.js")).diffHtml({ from: titles.from, to: titles.to, inputs, items: listed, notListed, summary: sum }));
  } else if (format === "json") await out.write(`${items.tail}],"summary":${JSON.stringify(diffSummaryObject(sum))}}\n`);
  else if (format === "text") await out.write(`${items.tail}${diffSummaryText(sum, titles, style)}`);
  // Machine formats keep stdout to their records: the summary goes to stderr, on request.
  else if (o.summary) io.stderr.write(diffSummaryText(sum, titles, await makeStyle(false)));
  await out.flush();
  // A file that cannot be written to the end is reported by the output's error (74), not here.
  await target.close().catch(() => undefined);
  const changed = o.failOnChange === true && sum.changed > 0;
  const failNote = `modpol: ${sum.changed} post${sum.changed === 1 ? "" : "s"} change decision from ${printable(titles.from)} to ${printable(titles.to)} (--fail-on-change)\n`;
  return runEnd({ out, io, interrupt, inputError, records: sum.total, errors: sum.errors, failed: changed, failNote });
}
