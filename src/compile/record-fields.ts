import { parseInstant } from "../base/dates.js";
import { didYouMean } from "../base/suggest.js";
import type { CompiledPolicy, FieldC, FieldValue } from "./types.js";

/**
 * A record's fields as read: a parsed JSON object (nested: `{"account": {"type": "satire"}}`) or
 * a CSV row (flat, dotted column names: `account.type`). Other fields are there too and ignored.
 */
export type RecordFields = Readonly<Record<string, unknown>>;

/** Codes of the error records a record's fields can cause (see docs/policy-language.md#record-fields). */
export type FieldProblemCode = "missing-field" | "invalid-field-type" | "unknown-enum-value";

/** Why a record cannot be evaluated under a policy: one of its declared fields is missing or wrong. */
export interface FieldProblem {
  readonly code: FieldProblemCode;
  /** The field's path. */
  readonly field: string;
  readonly message: string;
}

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/**
 * The raw value at a field's path: through JSONL nesting first, else under the dotted name itself
 * (a CSV column, or a JSON key written with the dots). Own properties only, so that a field named
 * `constructor` or `__proto__` is a field like any other.
 */
function lookUp(record: RecordFields, f: FieldC): unknown {
  let o: unknown = record;
  for (const seg of f.segments) {
    if (!isMapping(o) || !Object.hasOwn(o, seg)) {
      o = undefined;
      break;
    }
    o = o[seg];
  }
  if (o === undefined && f.segments.length > 1 && Object.hasOwn(record, f.path)) o = record[f.path];
  return o;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return "a list";
  if (isMapping(v)) return "a mapping";
  if (typeof v === "string") return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `${typeof v} ${JSON.stringify(v)}`;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * One field's value, or why it has none: absent (`null`, missing, or an empty CSV cell), a value of
 * its type, or a problem. `text` says the record is a CSV row, whose cells are all text: then a
 * number, `true`/`false`, a date or a list (items separated by `|`) is read from the text.
 */
export function readField(record: RecordFields, f: FieldC, text: boolean): { value?: FieldValue; problem?: FieldProblem } {
  const raw = lookUp(record, f);
  if (raw === undefined || raw === null || (text && typeof raw === "string" && raw.trim() === "")) {
    return f.required ? { problem: { code: "missing-field", field: f.path, message: `the record has no "${f.path}", a ${f.type} field the policy requires` } } : {};
  }
  const wrong = (what: string): { problem: FieldProblem } => ({ problem: { code: "invalid-field-type", field: f.path, message: `"${f.path}" must be ${what}, not ${describe(raw)}` } });
  const s = typeof raw === "string" ? (text ? raw.trim() : raw) : undefined;
  switch (f.type) {
    case "string":
      return s !== undefined ? { value: s } : wrong("text");
    case "enum": {
      if (s === undefined) return wrong(`one of ${(f.values ?? []).join(", ")}`);
      if ((f.values ?? []).includes(s)) return { value: s };
      return { problem: { code: "unknown-enum-value", field: f.path, message: `"${f.path}" is "${s}", which is not one of ${(f.values ?? []).join(", ")}${didYouMean(s, f.values ?? [])}` } };
    }
    case "number":
      if (typeof raw === "number" && Number.isFinite(raw)) return { value: raw };
      if (text && s !== undefined && NUMBER.test(s)) return { value: Number(s) };
      return wrong("a number");
    case "boolean":
      if (typeof raw === "boolean") return { value: raw };
      if (text && s !== undefined && /^(?:true|false)$/i.test(s)) return { value: s.toLowerCase() === "true" };
      return wrong("true or false");
    case "list":
      if (Array.isArray(raw) && raw.every((x) => typeof x === "string")) return { value: raw as string[] };
      if (text && s !== undefined) return { value: s.split("|").map((x) => x.trim()).filter((x) => x !== "") };
      return wrong("a list of strings");
    case "date": {
      const ms = s !== undefined ? parseInstant(s) : undefined;
      return ms !== undefined ? { value: ms } : wrong("a date (YYYY-MM-DD or an ISO 8601 timestamp)");
    }
  }
}

const NONE: readonly (FieldValue | undefined)[] = [];

/**
 * The values of the policy's declared fields in a record, by field index. A field that is missing
 * or ill-typed reads as absent: {@link fieldProblems} is what tells such a record apart.
 */
export function fieldValues(record: RecordFields | undefined, text: boolean, policy: CompiledPolicy): readonly (FieldValue | undefined)[] {
  if (policy.fields.length === 0) return NONE;
  if (record === undefined) return policy.fields.map(() => undefined);
  return policy.fields.map((f) => readField(record, f, text).value);
}

/** Every declared field the record lacks (where required) or holds with the wrong type or value. */
export function fieldProblems(record: RecordFields | undefined, text: boolean, policy: CompiledPolicy): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const f of policy.fields) {
    const p = readField(record ?? {}, f, text).problem;
    if (p) out.push(p);
  }
  return out;
}
