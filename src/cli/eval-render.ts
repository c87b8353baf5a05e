import type { CompiledPolicy } from "../compile/types.js";
import type { DecisionName } from "../decisions.js";
import { evaluate } from "../evaluate/evaluate.js";
import { explain } from "../evaluate/explain.js";
import type { InputRecord } from "../input/records.js";
import { csvLine, jsonlLine, resultObject, textBlock, type EvalFormatOptions, type ResultItem } from "../report/eval-format.js";

/** How each record is rendered; the same in the main thread and in workers. */
export interface RenderOptions {
  readonly format: "text" | "json" | "jsonl" | "csv";
  readonly fo: EvalFormatOptions;
  readonly explain: boolean;
  readonly quiet: boolean;
  readonly showId: boolean;
  readonly defaultCountry: string | undefined;
}

/** One record's output and what the run must count about it. */
export interface Rendered {
  /** The record's output (for json: one array element, without separator); "" when quiet. */
  readonly out: string;
  /** Country and decision for the summary, or null for an error record. */
  readonly tally: readonly [string | null, DecisionName] | null;
}

/** Evaluates one record (or turns an error record into its output). */
export function evaluateRecord(rec: InputRecord, policy: CompiledPolicy, o: Pick<RenderOptions, "defaultCountry" | "explain">): ResultItem {
  if (rec.kind === "error") return { kind: "error", id: rec.id, line: rec.line, code: rec.code, message: rec.message };
  const post = { text: rec.text, country: rec.country ?? o.defaultCountry ?? null };
  if (o.explain) {
    const x = explain(post, policy);
    return { kind: "decision", id: rec.id, line: rec.line, text: rec.text, decision: x, explanation: x };
  }
  return { kind: "decision", id: rec.id, line: rec.line, text: rec.text, decision: evaluate(post, policy) };
}

/** Evaluates and renders one record. */
export function renderRecord(rec: InputRecord, policy: CompiledPolicy, o: RenderOptions): Rendered {
  const item = evaluateRecord(rec, policy, o);
  const tally = item.kind === "error" ? null : ([item.decision.country, item.decision.decision] as const);
  if (o.quiet) return { out: "", tally };
  switch (o.format) {
    case "jsonl":
      return { out: jsonlLine(item, o.fo), tally };
    case "csv":
      return { out: csvLine(item, o.fo), tally };
    case "json":
      return { out: JSON.stringify(resultObject(item, o.fo.offsets)), tally };
    default:
      return { out: textBlock(item, o.fo, o.showId), tally };
  }
}
