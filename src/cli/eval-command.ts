import { isDecision, type DecisionName } from "../base/decisions.js";
import { describeSource } from "../evaluate/timeline.js";
import { CSV_COLUMNS } from "../report/eval-format.js";
import type { Style } from "../report/style.js";
import { summaryObject, SummaryCounter, summaryTable } from "../report/summary.js";
import { decideAll } from "./eval-loop.js";
import type { Rendered, RenderOptions } from "./eval-render.js";
import { EVAL_FORMATS } from "./formats.js";
import { watchInterrupts } from "./interrupt.js";
import { IoError, UsageError, type Io } from "./io.js";
import { ItemWriter, JSON_ARRAY, NO_SEPARATORS } from "./item-writer.js";
import { openSourceOrReport } from "./open-policy.js";
import { Output } from "./output.js";
import { planJobs, thisMachine } from "./jobs.js";
import { openOutput } from "./output-file.js";
import { Progress, type InputMeter } from "./progress.js";
import { parseRecordInput, sources, type RecordInputOptions } from "./record-input.js";
import { runEnd, stopSources } from "./run-end.js";
import { makeStyle, wantsColour } from "./style.js";
import { parseSetOptions, setOrThrow } from "./set-option.js";

/** Options of `modpol eval`, as parsed from the command line. */
export interface EvalOptions extends RecordInputOptions {
  readonly policy: string;
  readonly format: string;
  readonly explain?: boolean;
  readonly summary?: boolean;
  readonly quiet?: boolean;
  readonly failOn?: string[];
  readonly color?: boolean;
  readonly jobs?: string;
  readonly whyNot?: string;
  readonly output?: string;
  readonly set?: string[];
  readonly sample?: string;
  readonly stratify?: string;
  readonly seed?: string;
}

function parseFailOn(list: readonly string[] | undefined): Set<DecisionName> {
  const out = new Set<DecisionName>();
  for (const item of list ?? []) {
    for (const d of item.split(",").map((x) => x.trim().toLowerCase()).filter(Boolean)) {
      if (!isDecision(d)) throw new UsageError(`--fail-on: '${d}' is not a decision (violating, exempt, clear, review)`);
      out.add(d);
    }
  }
  return out;
}

/** What a run counts as its records are decided: the summary, errors, and `--fail-on` hits. */
class RunTally {
  readonly summary = new SummaryCounter();
  records = 0;
  errors = 0;
  failed = false;

  constructor(private readonly failOn: ReadonlySet<DecisionName>) {}

  add(t: Rendered["tally"]): void {
    this.addMany(t, 1);
  }

  /** `count` records with the same tally (a batch from a worker comes counted). */
  addMany(t: Rendered["tally"], count: number): void {
    for (let i = 0; i < count; i++) {
      if (t === null) this.summary.addError();
      else this.summary.add(t[0], t[1]);
    }
    if (t === null) this.errors += count;
    else if (count > 0 && this.failOn.has(t[1])) this.failed = true;
    this.records += count;
  }
}

/** `modpol eval`: classify posts from arguments, files or stdin. Returns the exit code. */
export async function runEval(texts: readonly string[], o: EvalOptions, io: Io): Promise<number> {
  // A review sample is another kind of run, loaded only when asked for.
  if (o.sample !== undefined) return (await import("./sample-command.js")).runSample(texts, o, io);
  if (o.stratify !== undefined || o.seed !== undefined) throw new UsageError(`${o.stratify !== undefined ? "--stratify" : "--seed"} is an option of --sample`);
  const format = o.format.toLowerCase();
  if (!(EVAL_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: '${o.format}' is not one of ${EVAL_FORMATS.join(", ")}`);
  const input = parseRecordInput(o);
  const failOn = parseFailOn(o.failOn);
  const whyNot = parseWhyNot(o.whyNot, format);
  // A CSV row has one cell per column and no room for a trace: asked for, it is refused, like
  // --why-not, rather than dropped without a word.
  if (o.explain && format === "csv") throw new UsageError("--explain has no CSV form: use --format text, json or jsonl");
  const set = parseSetOptions(o.set);
  const meter: InputMeter = { read: 0, total: 0 };
  // JSONL lines are parsed where they are evaluated: in the worker threads under --jobs.
  // Notes about the input (invalid UTF-8…) erase the progress line first, like results do.
  let progress: Progress | undefined;
  const note = (m: string): void => {
    progress?.clear();
    io.stderr.write(m);
  };
  const srcs = sources(texts, o, io, input.maxRecordBytes, meter, true, note);
  progress = Progress.create(io.stderr, io.env, meter);
  const loaded = await openSourceOrReport(o.policy, io);
  if (!loaded) return 2;
  const { value: policy, echo } = setOrThrow(loaded, set);
  const settings = set.size > 0 ? echo : undefined;
  const target = openOutput(o.output, io);

  const colour = format === "text" && wantsColour(target.stream, io.env, o.color);
  const style = await makeStyle(colour);
  const render: RenderOptions = {
    format: format as RenderOptions["format"],
    fo: { offsets: input.offsets, style },
    explain: o.explain === true,
    quiet: o.quiet === true,
    showId: texts.length !== 1 || srcs.length > 1,
    defaultCountry: input.defaultCountry,
    at: input.at,
    whyNot,
    settings,
  };
  const plan = planJobs(o.jobs, o.jobs === undefined ? () => ({ cores: 1, freeBytes: 0 }) : await thisMachine());
  if (plan.note) note(`modpol: ${plan.note}\n`);
  const jobs = plan.jobs;
  const out = new Output(target.stream, undefined, () => progress?.clear());
  const items = new ItemWriter(out, format === "json" ? JSON_ARRAY : NO_SEPARATORS);
  const tally = new RunTally(failOn);

  if (format === "csv" && !render.quiet) await out.write(`${CSV_COLUMNS.join(",")}\n`);
  if (format === "json") await out.write(`{"policy":${JSON.stringify(describeSource(policy))},${settings ? `"settings":${JSON.stringify(settings)},` : ""}"results":[`);
  // SIGINT/SIGTERM: stop reading; what was read is still decided and written (interrupt.ts).
  const interrupt = watchInterrupts({ onStop: () => stopSources(srcs, io) });
  let inputError: IoError | undefined;
  try {
    await decideAll(srcs, {
      policy,
      render,
      jobs,
      out,
      interrupt,
      // Loaded only when needed: worker_threads is not worth its start-up cost to a one-post run.
      makePool: async () =>
        new (await import("./worker-pool.js")).EvalPool(
          jobs,
          { policy: o.policy, set: [...set], cwd: io.cwd, colour, offsets: render.fo.offsets, render: { format: render.format, explain: render.explain, quiet: render.quiet, showId: render.showId, defaultCountry: render.defaultCountry, at: render.at, whyNot, settings } },
          // A lost worker's batches run here, with the policy this thread already holds (--set applied).
          { onWorkerLost: (m) => note(`modpol: ${m}\n`), onStderr: (t) => note(t), policy },
        ),
      onRecord: (r) => {
        if (!render.quiet) items.add(r.out);
        tally.add(r.tally);
        progress?.tick(tally.records);
      },
      onBatch: (b) => {
        if (!render.quiet) items.addJoined(b.out, b.count);
        for (const [t, count] of b.tallies) tally.addMany(t, count);
        progress?.tick(tally.records);
      },
      chunkBytes: chunkBytesFromEnv(io.env),
      // --fail-on is a verdict on every post: a reader that stops early (`| head`) must not cut it short.
      keepDeciding: failOn.size > 0,
    });
  } catch (e) {
    // An input that fails partway (EIO): what was read before it is decided, written and closed.
    if (!(e instanceof IoError)) throw e;
    inputError = e;
  } finally {
    interrupt.dispose();
    progress?.end();
  }
  await writeSummary(format, o, tally, items, out, io, style);
  await out.flush();
  // A file that cannot be written to the end is reported by the output's error (74), not here.
  await target.close().catch(() => undefined);
  return runEnd({ out, io, interrupt, inputError, records: tally.records, errors: tally.errors, failed: tally.failed });
}

/** The end of the output: the JSON document's close (with its summary), or the summary table. */
async function writeSummary(format: string, o: EvalOptions, tally: RunTally, items: ItemWriter, out: Output, io: Io, style: Style): Promise<void> {
  if (format === "json") {
    await out.write(`${items.tail}]${o.summary ? `,"summary":${JSON.stringify(summaryObject(tally.summary.summary))}` : ""}}\n`);
    return;
  }
  if (!o.summary) return;
  const table = summaryTable(tally.summary.summary, style);
  // Machine formats keep stdout parseable: their summary goes to stderr.
  if (format === "text") await out.write(`${o.quiet ? "" : "\n"}${table}`);
  else io.stderr.write(table);
}

/**
 * MODPOL_CHUNK_BYTES: the size of the chunks of input `--jobs` sends its workers, for tests (which
 * force chunk edges everywhere) and measurements; not a user's setting. Anything but a positive
 * whole number leaves the default.
 */
function chunkBytesFromEnv(env: Io["env"]): number | undefined {
  const v = Number(env.MODPOL_CHUNK_BYTES);
  return Number.isInteger(v) && v > 0 ? v : undefined;
}

function parseWhyNot(v: string | undefined, format: string): DecisionName | undefined {
  if (v === undefined) return undefined;
  const d = v.trim().toLowerCase();
  if (!isDecision(d)) throw new UsageError(`--why-not: '${v}' is not a decision (violating, exempt, clear, review)`);
  if (format === "csv") throw new UsageError("--why-not has no CSV form: use --format text, json or jsonl");
  return d;
}
