import type { DecisionName } from "../base/decisions.js";
import { checkRecord, evaluate, type Post } from "../evaluate/evaluate.js";
import { explain } from "../evaluate/explain.js";
import { selectPolicy, type PolicyOrTimeline } from "../evaluate/timeline.js";
import { whyNot, type WhyNot } from "../evaluate/why-not.js";
import { parseRaw, recordsOfChunk, type ChunkBytes, type InputRecord, type PostRecord, type RawRecord } from "../input/records.js";
import type { FieldProblem } from "../compile/record-fields.js";
import type { SettingValue } from "../compile/settings.js";
import { internalRecordMessage } from "./bug-report.js";
import { joinItems, JSON_ARRAY, NO_SEPARATORS } from "./item-writer.js";
import { csvLine, jsonlLine, offsetsFor, resultObject, textBlock, type EvalFormatOptions, type ResultItem } from "../report/eval-format.js";
import { whyNotLines, whyNotObject } from "../report/why-not-format.js";

/** How each record is rendered; the same in the main thread and in workers. */
export interface RenderOptions {
  readonly format: "text" | "json" | "jsonl" | "csv";
  readonly fo: EvalFormatOptions;
  readonly explain: boolean;
  readonly quiet: boolean;
  readonly showId: boolean;
  readonly defaultCountry: string | undefined;
  /** `--at`: the date of posts that carry none, for timelines. */
  readonly at?: string | undefined;
  /** `--why-not`: also say why each post did not get this decision. */
  readonly whyNot?: DecisionName | undefined;
  /** `--set`: the settings given for the run, echoed in every JSON and JSONL result. */
  readonly settings?: Readonly<Record<string, SettingValue>> | undefined;
}

/** One record's output and what the run must count about it. */
export interface Rendered {
  /** The record's output (for json: one array element, without separator); "" when quiet. */
  readonly out: string;
  /** Country and decision for the summary, or null for an error record. */
  readonly tally: readonly [string | null, DecisionName] | null;
}

/** A record evaluated: its result, and its "why not" when one was asked for. */
export interface Evaluated {
  readonly item: ResultItem;
  readonly whyNot?: WhyNot | undefined;
}

/** The post a record stands for: its text, country (else `--country`), language and fields. */
export function postOf(rec: PostRecord, defaultCountry: string | undefined): Post {
  return { text: rec.text, country: rec.country ?? defaultCountry ?? null, lang: rec.lang ?? null, fields: rec.fields, fieldsAreText: rec.fieldsAreText };
}

/**
 * Evaluates one record (or turns an error record into its output). Under a timeline the version in
 * force on the post's date decides; a post that no version can be picked for becomes an error record.
 */
export function evaluateRecord(rec: InputRecord, source: PolicyOrTimeline, o: Pick<RenderOptions, "defaultCountry" | "explain" | "at" | "whyNot">): Evaluated {
  if (rec.kind === "error") return { item: { kind: "error", id: rec.id, line: rec.line, code: rec.code, message: rec.message } };
  const sel = selectPolicy(source, rec.date, o.at);
  if (!sel.ok) return { item: { kind: "error", id: rec.id, line: rec.line, code: sel.code, message: sel.message } };
  const policy = sel.policy;
  const post = postOf(rec, o.defaultCountry);
  const problems = checkRecord(post, policy);
  if (problems.length > 0) return { item: { kind: "error", id: rec.id, line: rec.line, code: (problems[0] as FieldProblem).code, message: problems.map((p) => p.message).join("; ") } };
  const dated = sel.dated ? { date: sel.dated.date, from: sel.dated.version.from, until: sel.dated.version.until } : undefined;
  const why = o.whyNot ? whyNot(post, policy, o.whyNot) : undefined;
  if (o.explain) {
    const x = explain(post, policy);
    return { item: { kind: "decision", id: rec.id, line: rec.line, text: rec.text, decision: x, explanation: x, dated }, whyNot: why };
  }
  return { item: { kind: "decision", id: rec.id, line: rec.line, text: rec.text, decision: why?.decision ?? evaluate(post, policy), dated }, whyNot: why };
}

/**
 * Evaluates and renders one record (parsing it first when it is raw). A failure inside modpol
 * becomes an `internal-error` record in its place (exit code 3, like any record that cannot be
 * evaluated): a bug met by one post must not cost the records after it, nor stop a pipeline.
 */
export function renderRecord(raw: InputRecord | RawRecord, source: PolicyOrTimeline, o: RenderOptions): Rendered {
  let rec: InputRecord | undefined;
  try {
    rec = raw.kind === "raw" ? parseRaw(raw) : raw;
    return renderOne(rec, source, o);
  } catch (e) {
    return renderOne({ kind: "error", n: raw.n, line: raw.line, id: rec?.id ?? String(raw.n), code: "internal-error", message: internalRecordMessage(e) }, source, o);
  }
}

/**
 * A batch of records rendered: their output in one piece and what the run counts of them. For the
 * `json` format the elements are joined by commas (the caller adds one before the batch when
 * something came before it). Worker threads send their output as UTF-8 bytes (transferred, not
 * copied; the thread that writes them never decodes or encodes them), and the tallies counted:
 * one entry per distinct tally, so that what crosses threads does not grow with the records.
 */
export interface RenderedBatch {
  readonly out: string | Uint8Array;
  /** Records in the batch. */
  readonly count: number;
  /** Each distinct tally of the batch with how many of its records had it, in order of first appearance. */
  readonly tallies: readonly TallyCount[];
}

/** A tally (see {@link Rendered}) and how many records of a batch had it. */
export type TallyCount = readonly [tally: Rendered["tally"], count: number];

/** Renders a batch of records. */
export function renderBatch(records: readonly (InputRecord | RawRecord)[], source: PolicyOrTimeline, o: RenderOptions): RenderedBatch {
  return joinRendered(records.map((r) => renderRecord(r, source, o)), o.format);
}

/**
 * Renders the records of a chunk of line-delimited input (see {@link recordsOfChunk}): what a
 * worker thread does with the bytes it is given, decoding, splitting and parsing included. The
 * output is UTF-8 bytes in a buffer of its own, ready to be transferred.
 */
export function renderChunk(c: ChunkBytes, source: PolicyOrTimeline, o: RenderOptions): RenderedBatch {
  const b = Buffer.from(c.bytes.buffer, c.bytes.byteOffset, c.bytes.byteLength);
  const r = renderBatch(recordsOfChunk(b, c), source, o);
  const text = r.out as string;
  // Not Buffer.from(text): a short one would be a slice of Node's shared pool, which cannot be transferred.
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text, "utf8"));
  bytes.write(text, "utf8");
  return { ...r, out: bytes };
}

/** Joins rendered records into a {@link RenderedBatch}. */
export function joinRendered(rs: readonly Rendered[], format: RenderOptions["format"]): RenderedBatch {
  return { out: joinItems(rs.map((r) => r.out), format === "json" ? JSON_ARRAY : NO_SEPARATORS), count: rs.length, tallies: countTallies(rs) };
}

/** The distinct tallies of `rs` with their counts, in order of first appearance (the summary lists countries as it meets them). */
function countTallies(rs: readonly Rendered[]): TallyCount[] {
  const at = new Map<string, number>();
  const out: [Rendered["tally"], number][] = [];
  for (const { tally } of rs) {
    const key = tally === null ? "" : `${tally[1]}\t${tally[0] ?? ""}\t${tally[0] === null ? 0 : 1}`;
    const i = at.get(key);
    if (i === undefined) {
      at.set(key, out.length);
      out.push([tally, 1]);
    } else (out[i] as [Rendered["tally"], number])[1]++;
  }
  return out;
}

function renderOne(rec: InputRecord, source: PolicyOrTimeline, o: RenderOptions): Rendered {
  const { item, whyNot: why } = evaluateRecord(rec, source, o);
  const tally = item.kind === "error" ? null : ([item.decision.country, item.decision.decision] as const);
  if (o.quiet) return { out: "", tally };
  const object = () => {
    // One offset conversion for the record and its why-not: the text is scanned once.
    const at = item.kind === "decision" ? offsetsFor(item.text, o.fo.offsets, o.fo.meter) : undefined;
    const obj = resultObject(item, o.fo.offsets, at);
    if (why && at) obj.whyNot = whyNotObject(why, at);
    // A decision made under other settings than the policy's says so, line by line.
    if (o.settings && item.kind === "decision") obj.settings = o.settings;
    return JSON.stringify(obj);
  };
  switch (o.format) {
    case "jsonl":
      return { out: why || o.settings ? `${object()}\n` : jsonlLine(item, o.fo), tally };
    case "csv":
      return { out: csvLine(item, o.fo), tally };
    case "json":
      return { out: object(), tally };
    default: {
      const block = textBlock(item, o.fo, o.showId);
      return { out: why ? `${block}${whyNotLines(why, o.fo.style).join("\n")}\n` : block, tally };
    }
  }
}
