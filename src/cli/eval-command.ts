import { accessSync, constants, createReadStream, statSync } from "node:fs";
import { resolve } from "node:path";
import { resolveCountry } from "../base/countries.js";
import { parseInstant } from "../base/dates.js";
import { isDecision, type DecisionName } from "../base/decisions.js";
import { describeSource } from "../evaluate/timeline.js";
import { formatFromPath, INPUT_FORMATS, readRecordBatches, type InputFormat, type InputRecord, type RawRecord } from "../input/records.js";
import { renderRecord, type Rendered, type RenderedBatch, type RenderOptions } from "./eval-render.js";
import type { EvalPool } from "./worker-pool.js";
import { metered, Progress, type InputMeter } from "./progress.js";
import { CSV_COLUMNS, type OffsetUnit } from "../report/eval-format.js";
import { summaryObject, SummaryCounter, summaryTable } from "../report/summary.js";
import { Output } from "./output.js";
import { stopReading, watchInterrupts } from "./interrupt.js";
import { UsageError, type Io } from "./io.js";
import { openSourceOrReport } from "./open-policy.js";
import { makeStyle, wantsColour } from "./style.js";

/** Options of `modpol eval`, as parsed from the command line. */
export interface EvalOptions {
  readonly policy: string;
  readonly input?: string[];
  readonly inputFormat?: string;
  readonly country?: string;
  readonly format: string;
  readonly explain?: boolean;
  readonly summary?: boolean;
  readonly quiet?: boolean;
  readonly failOn?: string[];
  readonly offsets: string;
  readonly maxRecordSize: string;
  readonly color?: boolean;
  readonly jobs?: string;
  readonly at?: string;
  readonly whyNot?: string;
}

export const EVAL_FORMATS = ["text", "json", "jsonl", "csv"] as const;

/** A source of records: the TEXT arguments, or one input stream. */
export interface Source {
  readonly name: string;
  /**
   * The records in batches (those of one chunk read), numbered from `first`; never an empty batch.
   * JSONL lines may come raw (see `deferParse` of {@link sources}).
   */
  readonly records: (first: number) => AsyncGenerator<(InputRecord | RawRecord)[]>;
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

/** An input file that cannot be opened is a usage error, found before any output is written. */
function assertReadable(abs: string, shown: string): void {
  try {
    accessSync(abs, constants.R_OK);
    if (statSync(abs).isDirectory()) throw new UsageError(`--input: '${shown}' is a folder, not a file`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--input: cannot read '${shown}': ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (e as Error).message}`);
  }
}

/** `--max-record-size`: bytes, or a number with k, m or g. */
export function parseSize(s: string): number {
  const m = /^(\d+)\s*([kmg]?)i?b?$/i.exec(s.trim());
  if (!m) throw new UsageError(`--max-record-size: '${s}' is not a size such as 1048576, 512k or 4m`);
  const mult = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? "").toLowerCase()] ?? 1;
  const n = Number(m[1]) * mult;
  if (n < 1) throw new UsageError("--max-record-size must be at least 1 byte");
  return n;
}

/** The record sources of a run (eval, diff): TEXT arguments, `--input` files, else stdin. */
export function sources(texts: readonly string[], o: Pick<EvalOptions, "input" | "inputFormat">, io: Io, maxRecordBytes: number, meter: InputMeter = { read: 0, total: undefined }, deferParse = false): Source[] {
  const fmtOpt = o.inputFormat?.toLowerCase();
  if (fmtOpt !== undefined && !(INPUT_FORMATS as readonly string[]).includes(fmtOpt)) throw new UsageError(`--input-format: '${o.inputFormat}' is not one of ${INPUT_FORMATS.join(", ")}`);
  const out: Source[] = [];
  if (texts.length > 0) {
    out.push({
      name: "arguments",
      records: async function* (first) {
        yield texts.map((text, i): InputRecord => ({ kind: "post", n: first + i, line: i + 1, id: String(first + i), text, country: undefined, date: undefined }));
      },
    });
  }
  const inputs = o.input ?? [];
  if (texts.length === 0 && inputs.length === 0) inputs.push("-");
  for (const path of inputs) {
    const isStdin = path === "-";
    if (!isStdin) assertReadable(resolve(io.cwd, path), path);
    // The total is known only when every input is a file.
    if (meter.total !== undefined) meter.total = isStdin ? undefined : meter.total + statSync(resolve(io.cwd, path)).size;
    const name = isStdin ? "<stdin>" : path;
    const format = (fmtOpt ?? (isStdin ? "lines" : formatFromPath(path))) as InputFormat;
    out.push({
      name,
      records: (first) => {
        const stream = isStdin ? io.stdin : createReadStream(resolve(io.cwd, path));
        return readRecordBatches(metered(stream as AsyncIterable<Buffer>, meter), format, { maxRecordBytes, name, firstRecord: first, onNote: (m) => io.stderr.write(`modpol: ${m}\n`), deferParse });
      },
    });
  }
  return out;
}

/** `modpol eval`: classify posts from arguments, files or stdin. Returns the exit code. */
export async function runEval(texts: readonly string[], o: EvalOptions, io: Io): Promise<number> {
  const format = o.format.toLowerCase();
  if (!(EVAL_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: '${o.format}' is not one of ${EVAL_FORMATS.join(", ")}`);
  const offsets = o.offsets.toLowerCase();
  if (offsets !== "codepoint" && offsets !== "utf16") throw new UsageError(`--offsets: '${o.offsets}' is not codepoint or utf16`);
  const failOn = parseFailOn(o.failOn);
  let defaultCountry: string | undefined;
  if (o.country !== undefined) {
    defaultCountry = resolveCountry(o.country);
    if (!defaultCountry) throw new UsageError(`--country: unknown country '${o.country}'; give an ISO 3166-1 alpha-2 code (e.g. PL) or an English name (e.g. Poland)`);
  }
  const at = parseAt(o.at);
  const whyNot = parseWhyNot(o.whyNot, format);
  const maxRecordBytes = parseSize(o.maxRecordSize);
  const meter: InputMeter = { read: 0, total: 0 };
  // JSONL lines are parsed where they are evaluated: in the worker threads under --jobs.
  const srcs = sources(texts, o, io, maxRecordBytes, meter, true);
  const progress = Progress.create(io.stderr, io.env, meter);
  const policy = await openSourceOrReport(o.policy, io);
  if (!policy) return 2;

  const colour = format === "text" && wantsColour(io.stdout, io.env, o.color);
  const style = await makeStyle(colour);
  const render: RenderOptions = {
    format: format as RenderOptions["format"],
    fo: { offsets: offsets as OffsetUnit, style },
    explain: o.explain === true,
    quiet: o.quiet === true,
    showId: texts.length !== 1 || srcs.length > 1,
    defaultCountry,
    at,
    whyNot,
  };
  const jobs = await parseJobs(o.jobs);
  const out = new Output(io.stdout);
  const summary = new SummaryCounter();
  let failed = false;
  let errors = 0;
  let count = 0;

  // Output is queued synchronously and flushed (respecting backpressure) between batches.
  const tally = (t: Rendered["tally"]): void => {
    if (t === null) {
      errors++;
      summary.addError();
    } else {
      summary.add(t[0], t[1]);
      if (failOn.has(t[1])) failed = true;
    }
    count++;
  };
  const emit = (r: Rendered): void => {
    if (!render.quiet) out.add(format === "json" ? `${count > 0 ? "," : ""}\n${r.out}` : r.out);
    tally(r.tally);
    progress?.tick(count);
  };
  const emitBatch = (b: RenderedBatch): void => {
    if (!render.quiet && b.out !== "") out.add(format === "json" && count > 0 ? `,${b.out}` : b.out);
    for (const t of b.tallies) tally(t);
    progress?.tick(count);
  };

  if (format === "csv" && !o.quiet) await out.write(`${CSV_COLUMNS.join(",")}\n`);
  if (format === "json") await out.write(`{"policy":${JSON.stringify(describeSource(policy))},"results":[`);

  // Small inputs run in this thread (a worker costs tens of milliseconds to start); past
  // INLINE_RECORDS, batches go to worker threads and come back in input order.
  let pool: EvalPool | undefined;
  const inFlight: Promise<RenderedBatch>[] = [];
  let batch: (InputRecord | RawRecord)[] = [];
  const drain = async (keep: number): Promise<void> => {
    while (inFlight.length > keep) {
      emitBatch(await (inFlight.shift() as Promise<RenderedBatch>));
      await out.flushIfFull();
    }
  };
  let seen = 0;
  let n = 1;
  // SIGINT/SIGTERM: stop reading; what was read is still decided and written (interrupt.ts).
  const interrupt = watchInterrupts({ onStop: () => stopReading(io.stdin) });
  try {
    outer: for (const src of srcs) {
      const it = interrupt.guard(src.records(n));
      for await (const recs of it) {
        for (const rec of recs) {
          n = rec.n + 1;
          seen++;
          if (jobs > 1 && seen > INLINE_RECORDS) {
            // Loaded only now: worker_threads is not worth its start-up cost to a one-post run.
            pool ??= new (await import("./worker-pool.js")).EvalPool(jobs, { policy: o.policy, cwd: io.cwd, colour, offsets: render.fo.offsets, render: { format: render.format, explain: render.explain, quiet: render.quiet, showId: render.showId, defaultCountry, at, whyNot } }, { onWorkerLost: (m) => io.stderr.write(`modpol: ${m}\n`) });
            batch.push(rec);
            if (batch.length >= BATCH) {
              inFlight.push(pool.run(batch));
              batch = [];
              await drain(jobs * 2);
            }
          } else emit(renderRecord(rec, policy, render));
          // After a signal, what was read (this batch) is still decided; a closed output ends it all.
          if (out.closed) break;
        }
        await out.flushIfFull();
        if (out.closed || interrupt.signal) {
          await it.return(undefined);
          break outer;
        }
      }
    }
    if (pool && batch.length > 0 && !out.closed) inFlight.push(pool.run(batch));
    if (!out.closed) await drain(0);
  } finally {
    interrupt.dispose();
    progress?.end();
    await pool?.close();
  }
  if (format === "json") await out.write(`${count > 0 ? "\n" : ""}]${o.summary ? `,"summary":${JSON.stringify(summaryObject(summary.summary))}` : ""}}\n`);
  else if (o.summary) {
    const table = summaryTable(summary.summary, style);
    // Machine formats keep stdout parseable: their summary goes to stderr.
    if (format === "text") await out.write(`${o.quiet ? "" : "\n"}${table}`);
    else io.stderr.write(table);
  }
  await out.flush();
  if (out.closed) return 0;
  if (interrupt.signal) {
    io.stderr.write(interrupt.note(count));
    return interrupt.exitCode();
  }
  if (errors > 0) {
    io.stderr.write(`modpol: ${errors} of ${count} record${count === 1 ? "" : "s"} could not be evaluated (see the error records)\n`);
    return 3;
  }
  return failed ? 1 : 0;
}

/** Records evaluated in the main thread before worker threads are worth starting. */
const INLINE_RECORDS = 2000;
/** Records per batch sent to a worker. */
const BATCH = 512;

/** `--jobs`: worker threads, default one (node:os, for `auto`, is loaded only then). */
export async function parseJobs(v: string | undefined): Promise<number> {
  // One thread by default: each worker holds its own copy of the compiled policy (~100 MB for the
  // bundled ones), and on a 2-core machine the reading thread leaves little for a second worker.
  if (v === undefined) return 1;
  if (v === "auto") return Math.max(1, (await import("node:os")).availableParallelism());
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`--jobs: '${v}' is not 'auto' or a number of threads from 1 to 256`);
  return n;
}

/** `--at DATE`: the date of posts that carry none (timelines pick the version in force on it). */
export function parseAt(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (parseInstant(v) === undefined) throw new UsageError(`--at: '${v}' is not a date such as 2022-03-11 or a timestamp such as 2022-03-11T09:30:00Z`);
  return v.trim();
}

function parseWhyNot(v: string | undefined, format: string): DecisionName | undefined {
  if (v === undefined) return undefined;
  const d = v.trim().toLowerCase();
  if (!isDecision(d)) throw new UsageError(`--why-not: '${v}' is not a decision (violating, exempt, clear, review)`);
  if (format === "csv") throw new UsageError("--why-not has no CSV form: use --format text, json or jsonl");
  return d;
}
