import { DECISIONS, isDecision, type DecisionName } from "../base/decisions.js";
import { didYouMean } from "../base/suggest.js";

/**
 * What one label cell says about a post:
 * - `none`: not labelled (yet): an empty cell, a missing field, `null`;
 * - `decisions`: the acceptable decisions, in the labeller's order (the first is the one meant
 *   when the policy got it wrong);
 * - `binary`: a yes/no field such as `violent: true`, read with `--positive`;
 * - `by-policy`: a label per policy id, as in `{"meta-2022-03-10": ["exempt"], …}`;
 * - `invalid`: a value that is none of these, with why.
 */
export type Label =
  | { readonly kind: "none" }
  | { readonly kind: "decisions"; readonly decisions: readonly DecisionName[] }
  | { readonly kind: "binary"; readonly value: boolean }
  | { readonly kind: "by-policy"; readonly byPolicy: ReadonlyMap<string, Label> }
  | { readonly kind: "invalid"; readonly message: string };

const NONE: Label = { kind: "none" };
const TRUE = new Set(["true", "yes", "y", "1", "t"]);
const FALSE = new Set(["false", "no", "n", "0", "f"]);

function invalid(message: string): Label {
  return { kind: "invalid", message };
}

function decisionList(items: readonly unknown[], where: string): Label {
  const out: DecisionName[] = [];
  for (const item of items) {
    if (typeof item !== "string") return invalid(`${where}: a decision must be a string, not ${item === null ? "null" : typeof item}`);
    const d = item.trim().toLowerCase();
    if (d === "") continue;
    if (!isDecision(d)) return invalid(`${where}: '${item}' is not a decision (${DECISIONS.join(", ")})${didYouMean(d, DECISIONS)}`);
    if (!out.includes(d)) out.push(d);
  }
  return out.length === 0 ? NONE : { kind: "decisions", decisions: out };
}

/**
 * Reads a label value from a JSONL field or a CSV cell. A CSV cell is text, so it may hold the same
 * shapes written out: `violating`, `exempt|review` (or separated by `,` `;` `/`), a JSON list or
 * object, and for binary labels `true`/`false`, `yes`/`no`, `1`/`0`.
 */
export function readLabel(value: unknown, where = "label"): Label {
  if (value === undefined || value === null) return NONE;
  if (typeof value === "boolean") return { kind: "binary", value };
  if (typeof value === "number") return value === 1 || value === 0 ? { kind: "binary", value: value === 1 } : invalid(`${where}: ${value} is neither a decision nor 1/0`);
  if (Array.isArray(value)) return decisionList(value, where);
  if (typeof value === "object") {
    const byPolicy = new Map<string, Label>();
    for (const [id, v] of Object.entries(value as Record<string, unknown>)) {
      const l = readLabel(v, `${where}.${id}`);
      if (l.kind === "invalid") return l;
      if (l.kind === "by-policy") return invalid(`${where}.${id}: a label per policy cannot itself be per policy`);
      byPolicy.set(id, l);
    }
    return { kind: "by-policy", byPolicy };
  }
  if (typeof value !== "string") return invalid(`${where}: not a label`);
  const s = value.trim();
  if (s === "") return NONE;
  if (s.startsWith("[") || s.startsWith("{")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(s);
    } catch {
      return invalid(`${where}: '${s}' starts like JSON but is not JSON`);
    }
    return readLabel(parsed, where);
  }
  const lower = s.toLowerCase();
  if (TRUE.has(lower)) return { kind: "binary", value: true };
  if (FALSE.has(lower)) return { kind: "binary", value: false };
  return decisionList(s.split(/[|,;/]/), where);
}

/**
 * The label that applies under a policy: a per-policy label's entry for the first of `ids` it has
 * (a timeline is looked up by its own id, then by the id of the version that decided), else `none`;
 * any other label applies under every policy.
 */
export function labelFor(label: Label, ids: readonly string[]): Label {
  if (label.kind !== "by-policy") return label;
  for (const id of ids) {
    const l = label.byPolicy.get(id);
    if (l) return l;
  }
  return NONE;
}

/**
 * The expected deciding rule a record gives (`rule`, as in case files): a rule id, `null` for the
 * policy's default, or a map of policy id → either; undefined when the record gives none for `ids`.
 */
export function ruleLabelFor(value: unknown, ids: readonly string[]): string | null | undefined {
  if (value === null) return null;
  if (typeof value === "string") return value.trim() === "" ? undefined : value.trim();
  if (typeof value === "object" && value !== undefined && !Array.isArray(value)) {
    const map = value as Record<string, unknown>;
    for (const id of ids) if (Object.hasOwn(map, id)) return ruleLabelFor(map[id], []);
  }
  return undefined;
}
