import { isMap, isScalar } from "yaml";
import type { z } from "zod";
import type { Diagnostic } from "../base/diagnostics.js";
import { DEFAULT_LIMITS, type ResourceLimits } from "../load/limits.js";
import { diagAt, locate, toPlain, type YamlFile } from "../load/yaml-file.js";
import { didYouMean } from "../base/suggest.js";
import { CaseFileDef, CaseLineDef, Lang, LexiconDef, LexiconFileDef, PolicyDef, TimelineFileDef, type CaseDoc, type CaseFileDoc, type LexiconFileDoc, type PolicyDoc, type TimelineFileDoc } from "./schema.js";

/**
 * Which kind of rule file a YAML document is: a case file (`*.cases.yaml`, or a `cases:` key), a
 * policy (an `id:` or `rules:` key), else a library file (lexicons, signals, country sets). Only the
 * top-level keys count, so a file with typos is still judged by what it evidently tries to be.
 */
export function fileKind(f: YamlFile): "policy" | "lexicons" | "cases" | "timeline" | "unknown" {
  if (/\.cases\.ya?ml$/i.test(f.file)) return "cases";
  if (/\.timeline\.ya?ml$/i.test(f.file)) return "timeline";
  const c = f.doc.contents;
  if (!isMap(c)) return "unknown";
  const keys = new Set(c.items.map((p) => (isScalar(p.key) ? String(p.key.value) : "")));
  if (keys.has("cases")) return "cases";
  if (keys.has("timeline")) return "timeline";
  if (keys.has("rules") || keys.has("id")) return "policy";
  return "lexicons";
}

type Issue = z.core.$ZodIssue;

/** Limits for reading a file: all of them, or (a number) the YAML alias limit alone. */
type Limits = number | Partial<ResourceLimits>;

/** Validates a policy file against the schema; every problem becomes a positioned diagnostic. */
export function validatePolicy(f: YamlFile, limits: Limits = DEFAULT_LIMITS): { doc?: PolicyDoc; diagnostics: Diagnostic[] } {
  return validateWith(f, PolicyDef, limits) as { doc?: PolicyDoc; diagnostics: Diagnostic[] };
}

/** Validates a lexicon file (one pulled in by a policy's `include`). */
export function validateLexiconFile(f: YamlFile, limits: Limits = DEFAULT_LIMITS): { doc?: LexiconFileDoc; diagnostics: Diagnostic[] } {
  return validateWith(f, LexiconFileDef, limits) as { doc?: LexiconFileDoc; diagnostics: Diagnostic[] };
}

/** Validates a case file (`*.cases.yaml`). */
export function validateCaseFile(f: YamlFile, limits: Limits = DEFAULT_LIMITS): { doc?: CaseFileDoc; diagnostics: Diagnostic[] } {
  return validateWith(f, CaseFileDef, limits) as { doc?: CaseFileDoc; diagnostics: Diagnostic[] };
}

/** Validates a timeline file (`timeline: {id, policies: [...]}`). */
export function validateTimelineFile(f: YamlFile, limits: Limits = DEFAULT_LIMITS): { doc?: TimelineFileDoc; diagnostics: Diagnostic[] } {
  return validateWith(f, TimelineFileDef, limits) as { doc?: TimelineFileDoc; diagnostics: Diagnostic[] };
}

/** Validates one line of a JSONL case file, parsed as its own (flow) YAML document. */
export function validateCaseLine(f: YamlFile): { doc?: CaseDoc; diagnostics: Diagnostic[] } {
  return validateWith(f, CaseLineDef, 100) as { doc?: CaseDoc; diagnostics: Diagnostic[] };
}

/** The parts of an invalid file that are valid on their own, for checks that need no cross-references. */
export interface ValidParts {
  readonly library: LexiconFileDoc;
  /** `when:` conditions of rules, by rule index. */
  readonly conditions: readonly { readonly index: number; readonly when: string }[];
}

/**
 * For a file whose validation failed: each lexicon, country set and rule condition that is valid by
 * itself. Their terms, patterns, codes and condition syntax can still be checked, so one typo does
 * not hide every other problem of the file; nothing that depends on other definitions is checked.
 */
export function validParts(f: YamlFile, limits: Limits = DEFAULT_LIMITS): ValidParts | undefined {
  const plain = toPlain(f, limits);
  if (!("value" in plain)) return undefined;
  const v = plain.value;
  if (v === null || typeof v !== "object" || Array.isArray(v)) return undefined;
  const raw = v as Record<string, unknown>;
  const entries = (x: unknown): [string, unknown][] => (x !== null && typeof x === "object" && !Array.isArray(x) ? Object.entries(x) : []);
  const lang = Lang.safeParse(raw.language);
  // With a language that is present but invalid, short-form lexicons would all report "no language".
  const langOk = raw.language === undefined || lang.success;
  const lexicons: Record<string, z.infer<typeof LexiconDef>> = {};
  for (const [name, def] of entries(raw.lexicons)) {
    const p = LexiconDef.safeParse(def);
    if (p.success && (langOk || !Array.isArray(p.data))) lexicons[name] = p.data;
  }
  const countries: Record<string, string[]> = {};
  for (const [name, codes] of entries(raw.countries)) if (Array.isArray(codes) && codes.every((c) => typeof c === "string")) countries[name] = codes as string[];
  const conditions = (Array.isArray(raw.rules) ? raw.rules : []).flatMap((r: unknown, index: number) => {
    const when = r !== null && typeof r === "object" ? (r as { when?: unknown }).when : undefined;
    return typeof when === "string" && when.length > 0 ? [{ index, when }] : [];
  });
  return { library: { language: lang.success ? lang.data : undefined, lexicons, countries }, conditions };
}

function validateWith(f: YamlFile, schema: z.ZodType, limits: Limits): { doc?: unknown; diagnostics: Diagnostic[] } {
  const plain = toPlain(f, limits);
  if (!("value" in plain)) return { diagnostics: [plain.diagnostic] };
  const value = plain.value;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    const r = locate(f, []);
    return { diagnostics: [diagAt(f, r[0], Math.max(r[1], r[0] + 1), "invalid-type", "a rule file must be a mapping of keys to values")] };
  }
  const res = schema.safeParse(value, { reportInput: true });
  if (res.success) return { doc: res.data, diagnostics: [] };
  const out: Diagnostic[] = [];
  for (const issue of res.error.issues) out.push(...issueToDiagnostics(f, issue, schema));
  return { diagnostics: out };
}

function shapeKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  // Walk the schema along the path to list the keys allowed where an unknown key was found.
  let s: unknown = schema;
  for (const seg of path) {
    s = unwrap(s);
    const def = (s as { def?: Record<string, unknown> }).def;
    if (!def) return [];
    if (def.type === "object") s = (def.shape as Record<string, unknown>)[String(seg)];
    else if (def.type === "array") s = def.element;
    else if (def.type === "record") s = def.valueType;
    else return [];
  }
  s = unwrap(s);
  const def = (s as { def?: Record<string, unknown> }).def;
  if (def?.type === "object") return Object.keys(def.shape as object);
  if (def?.type === "union") {
    for (const o of def.options as unknown[]) {
      const d = (unwrap(o) as { def?: Record<string, unknown> }).def;
      if (d?.type === "object") return Object.keys(d.shape as object);
    }
  }
  return [];
}

function unwrap(s: unknown): unknown {
  for (let i = 0; i < 10; i++) {
    const def = (s as { def?: Record<string, unknown> } | undefined)?.def;
    if (!def) return s;
    if (def.type === "optional" || def.type === "nullable" || def.type === "default") s = def.innerType;
    else if (def.type === "lazy") s = (def.getter as () => unknown)();
    else return s;
  }
  return s;
}

function issueToDiagnostics(f: YamlFile, issue: Issue, schema: z.ZodType, base: readonly PropertyKey[] = []): Diagnostic[] {
  const path = [...base, ...issue.path] as (string | number)[];
  const where = path.length ? `'${path.join(".")}'` : "the file";
  if (issue.code !== "unrecognized_keys" && "input" in issue && issue.input === undefined && path.length > 0) {
    const parent = path.slice(0, -1);
    const [s, e] = locate(f, parent, parent.length ? "key" : "value");
    return [diagAt(f, s, parent.length ? e : Math.min(e, s + 1), "missing-field", `missing required key '${String(path[path.length - 1])}' in ${parent.length ? `'${parent.join(".")}'` : "the file"}`)];
  }
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((k) => {
        const [s, e] = locate(f, [...path, k], "key");
        return diagAt(f, s, e, "unknown-key", `unknown key '${k}' in ${where}${didYouMean(k, shapeKeys(schema, path))}`);
      });
    case "invalid_union": {
      // Report the alternative that got furthest, judged by how deep its first problem lies; one
      // that accepted the value's type but not the value itself (an enum) beats a type mismatch.
      const branches = issue.errors.filter((b) => b.length > 0);
      const best = branches.sort((a, b) => depth(b) - depth(a) || a.length - b.length)[0];
      if (best && depth(best) >= 0) return best.flatMap((i) => issueToDiagnostics(f, i, schema, path));
      const [s, e] = locate(f, path);
      return [diagAt(f, s, e, "invalid-type", `${where} has the wrong type${unionHint(issue)}`)];
    }
    case "invalid_key": {
      const [s, e] = locate(f, path, "key");
      const inner = issue.issues[0]?.message ?? issue.message;
      return [diagAt(f, s, e, "invalid-name", `invalid name '${String(path[path.length - 1])}': ${inner}`)];
    }
    case "invalid_type": {
      const [s, e] = locate(f, path);
      return [diagAt(f, s, e, "invalid-type", `${where}: expected ${issue.expected}, got ${describe(issue.input)}`)];
    }
    default: {
      const [s, e] = locate(f, path);
      return [diagAt(f, s, e, "invalid-value", `${where}: ${issue.message}`)];
    }
  }
}

function depth(branch: readonly Issue[]): number {
  return Math.max(...branch.map((i) => i.path.length + (i.code === "invalid_type" && i.path.length === 0 ? -1 : 0)));
}

function unionHint(issue: Extract<Issue, { code: "invalid_union" }>): string {
  const expected = issue.errors.flatMap((b) => b.filter((i) => i.code === "invalid_type" && i.path.length === 0).map((i) => (i as { expected: string }).expected));
  return expected.length ? `: expected ${[...new Set(expected)].join(" or ")}` : "";
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${JSON.stringify(v)}`;
}
