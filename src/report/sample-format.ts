import type { Allocation } from "../evaluate/sample.js";
import { guardFormula } from "./csv-guard.js";
import { csvField } from "./eval-format.js";

/** A post drawn for labelling: its record's fields, with the post's id and country as modpol read them. */
export interface SampledPost {
  readonly id: string;
  readonly text: string;
  /** The country the post was decided with (the record's, else `--country`), or null. */
  readonly country: string | null;
  /** Every field of the record, as read. */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** The empty column people fill in. */
export const LABEL_COLUMN = "label";

/** Fields written first, in this order; then the record's other fields; then the label. */
const LEADING = ["id", "text", "country", "lang", "date"] as const;

/**
 * A record of the labelling file: the fields the post came with (so that `--by` and notes survive
 * the round trip), its id and country as decided, and an empty label. The decision is left out on
 * purpose: a labeller who sees what the machine said tends to agree with it.
 */
export function sampleObject(p: SampledPost): Record<string, unknown> {
  const o: Record<string, unknown> = { id: p.id, text: p.text };
  if (p.country !== null) o.country = p.country;
  for (const [k, v] of Object.entries(p.fields)) if (!(k in o) && k !== LABEL_COLUMN && k !== "country") o[k] = v;
  o[LABEL_COLUMN] = "";
  return o;
}

/** One JSONL line of the labelling file. */
export function sampleJsonlLine(p: SampledPost): string {
  return `${JSON.stringify(sampleObject(p))}\n`;
}

/**
 * A cell of the labelling file: posts are written by anyone and the file is opened in a spreadsheet,
 * so a cell that would start a formula is guarded like every CSV cell modpol writes; `score` removes
 * the guard's apostrophe again when it reads the file (see readFieldRecords).
 */
function cell(v: unknown): string {
  if (v === undefined || v === null) return "";
  const s = typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);
  // A cell that already looks guarded ('=…) gets one apostrophe more, so reading drops exactly the one added.
  return /^'+[=+\-@\t\r]/.test(s) ? `'${s}` : guardFormula(s);
}

/** The labelling file as CSV: a header (the leading fields, every other field met, then `label`), then a row per post. */
export function sampleCsv(posts: readonly SampledPost[]): string {
  const objects = posts.map(sampleObject);
  const columns: string[] = [...LEADING];
  for (const o of objects) for (const k of Object.keys(o)) if (!columns.includes(k) && k !== LABEL_COLUMN) columns.push(k);
  columns.push(LABEL_COLUMN);
  const lines = [columns.map(csvField).join(",")];
  for (const o of objects) lines.push(columns.map((c) => csvField(cell(o[c]))).join(","));
  return `${lines.join("\n")}\n`;
}

/** What was sampled, for stderr: per stratum, posts sampled of posts decided. */
export function allocationText(a: readonly Allocation[], by: readonly string[], errors: number): string {
  const sampled = a.reduce((s, x) => s + x.sampled, 0);
  const posts = a.reduce((s, x) => s + x.posts, 0);
  const head = `modpol: sampled ${sampled} of ${posts} post${posts === 1 ? "" : "s"}${by.length ? `, stratified by ${by.join(", ")}` : ""}${errors ? ` (${errors} record${errors === 1 ? "" : "s"} could not be evaluated)` : ""}`;
  if (!by.length) return `${head}\n`;
  const width = Math.max(...a.map((x) => x.stratum.length), 7);
  return `${head}\n${a.map((x) => `  ${x.stratum.padEnd(width)}  ${String(x.sampled).padStart(5)} of ${x.posts}`).join("\n")}\n`;
}
