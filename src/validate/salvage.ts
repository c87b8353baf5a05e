import type { z } from "zod";
import { closest } from "../base/suggest.js";
import { DEFAULT_LIMITS, type ResourceLimits } from "../load/limits.js";
import { toPlain, type YamlFile } from "../load/yaml-file.js";
import { LexiconDef, LexiconFileDef, LexiconGroupMembers, PolicyDef, RuleDef, SignalDef, TestDef, type LexiconDoc, type LexiconFileDoc, type PolicyDoc, type SignalDoc } from "./schema.js";

/**
 * A document rebuilt from a file that failed validation, for checking the names it uses: every part
 * that is valid as written, parts with unknown keys without those keys, and in place of each
 * definition that is still invalid a neutral stand-in under the same name (a signal that never
 * holds, a lexicon without terms, an empty country set), so that a rule naming it is not reported
 * as naming nothing. Its problems were reported by validation; this only lets the compiler find
 * the others ("a misspelt key in rule 0 hides an unknown signal in rule 1" no more).
 */
export interface Salvaged<T> {
  readonly doc: T;
  /**
   * False when some definitions may be missing altogether (a definitions section of the wrong type,
   * a misspelt section name, a rule without an id): names that look unknown may then exist, so
   * nothing may be reported as unknown.
   */
  readonly complete: boolean;
  /** Settings whose value was invalid: a condition may use them as numbers or as booleans. */
  readonly stubbedSettings: ReadonlySet<string>;
}

/** The sections that define names: a misspelling of one of them hides definitions. */
const DEFINING = ["lexicons", "lexicon-groups", "signals", "countries", "settings", "fields", "sets", "rules", "include"];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === "object" && !Array.isArray(v);

/** The shape of a strict object schema: its fields, and which may be left out. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  return ((schema as unknown as { def: { shape?: Record<string, z.ZodType> } }).def.shape ?? {}) as Record<string, z.ZodType>;
}

function optional(s: z.ZodType | undefined): boolean {
  return (s as unknown as { def?: { type?: string } } | undefined)?.def?.type === "optional";
}

/**
 * `value` made valid for `schema` (a strict object) where it can be: unknown keys (anywhere inside)
 * dropped, invalid optional fields dropped, invalid fields named in `stubs` replaced. Undefined when
 * a required field is invalid or the value is not an object at all.
 */
export function repairObject<T>(schema: z.ZodType, value: unknown, stubs: Obj = {}): T | undefined {
  if (!isObj(value)) return undefined;
  let v: unknown = structuredClone(value);
  const shape = shapeOf(schema);
  // Each round fixes every problem it sees; nested unknown keys may take a few rounds.
  for (let round = 0; round < 8; round++) {
    const r = schema.safeParse(v);
    if (r.success) return r.data as T;
    for (const issue of r.error.issues) {
      if (issue.code === "unrecognized_keys") {
        const at = getIn(v, issue.path);
        if (isObj(at)) for (const k of issue.keys) delete at[k];
        continue;
      }
      const field = issue.path[0];
      if (typeof field !== "string") return undefined;
      if (field in stubs) (v as Obj)[field] = stubs[field];
      else if (optional(shape[field])) delete (v as Obj)[field];
      else return undefined;
    }
  }
  return undefined;
}

function getIn(v: unknown, path: readonly PropertyKey[]): unknown {
  let x = v;
  for (const k of path) x = isObj(x) || Array.isArray(x) ? (x as Record<PropertyKey, unknown>)[k] : undefined;
  return x;
}

/** Each entry of a definitions map, repaired or stood in for. */
function definitions<T>(raw: unknown, repair: (v: unknown) => T | undefined, stub: T): Record<string, T> | undefined {
  if (raw === undefined || raw === null) return {};
  if (!isObj(raw)) return undefined;
  const out: Record<string, T> = {};
  for (const [name, def] of Object.entries(raw)) out[name] = repair(def) ?? stub;
  return out;
}

const LEXICON_STUB: LexiconDoc = {};
// `any: []` passes the compiler (a union of nothing: never holds) though the schema wants one member.
const SIGNAL_STUB = { any: [] } as unknown as SignalDoc;

function repairLexicon(v: unknown): LexiconDoc | undefined {
  const r = LexiconDef.safeParse(v);
  if (r.success) return r.data;
  return repairObject<LexiconDoc>((LexiconDef as unknown as { def: { options: z.ZodType[] } }).def.options[1] as z.ZodType, v);
}

function repairSignal(v: unknown): SignalDoc | undefined {
  if (!isObj(v)) return undefined;
  const r = repairObject<SignalDoc>(SignalDef, v);
  // A signal whose candidates (`lexicon`, `any`) are invalid is a stand-in as a whole: without them
  // it would be reported as having neither, a problem the user does not have.
  return r && (r.lexicon !== undefined) === (v.lexicon !== undefined) && (r.any !== undefined) === (v.any !== undefined) ? r : undefined;
}

function repairCountries(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((c) => typeof c === "string") ? (v as string[]) : undefined;
}

/** A group's members, kept only when every one is a valid name (an invalid group stands in empty). */
function repairGroup(v: unknown): string[] | undefined {
  const r = LexiconGroupMembers.safeParse(v);
  return r.success ? r.data : undefined;
}

/** Drops top-level keys the schema does not know; a misspelt definitions section makes it incomplete. */
function knownKeys(raw: Obj, schema: z.ZodType, defining: readonly string[] = DEFINING): { known: Obj; complete: boolean } {
  const shape = shapeOf(schema);
  const known: Obj = {};
  let complete = true;
  for (const [k, v] of Object.entries(raw)) {
    if (k in shape) known[k] = v;
    else if (closest(k, defining) !== undefined) complete = false;
  }
  return { known, complete };
}

/** Optional top-level fields that define nothing: kept when valid, dropped when not. */
function plainFields(known: Obj, schema: z.ZodType, names: readonly string[], into: Obj): void {
  const shape = shapeOf(schema);
  for (const k of names) {
    if (known[k] === undefined) continue;
    const r = shape[k]?.safeParse(known[k]);
    if (r?.success) into[k] = r.data;
  }
}

/**
 * Record fields and sets of strings, kept whole when valid. A stand-in for an invalid field would
 * need a type, and any type would make conditions over it report mismatches that are not there:
 * an invalid section makes the document incomplete instead (see {@link Salvaged.complete}).
 */
function fieldSections(known: Obj, schema: z.ZodType, into: Obj): boolean {
  const shape = shapeOf(schema);
  let ok = true;
  for (const k of ["fields", "sets"]) {
    if (known[k] === undefined || known[k] === null) continue;
    const r = shape[k]?.safeParse(known[k]);
    if (r?.success) into[k] = r.data;
    else ok = false;
  }
  return ok;
}

/** A policy file that failed validation, rebuilt for name checks (see {@link Salvaged}). */
export function salvagePolicy(f: YamlFile, limits: Partial<ResourceLimits> = DEFAULT_LIMITS): Salvaged<PolicyDoc> | undefined {
  const plain = toPlain(f, limits);
  if (!("value" in plain) || !isObj(plain.value)) return undefined;
  const { known, complete: keysOk } = knownKeys(plain.value, PolicyDef);
  let complete = keysOk;
  const out: Obj = {};
  plainFields(known, PolicyDef, ["title", "description", "sources", "effective", "languages", "include"], out);
  out.id = typeof known.id === "string" ? known.id : "invalid";
  const stubbedSettings = new Set<string>();
  const lexicons = definitions(known.lexicons, repairLexicon, LEXICON_STUB);
  const signals = definitions(known.signals, repairSignal, SIGNAL_STUB);
  const countries = definitions(known.countries, repairCountries, []);
  const groups = definitions(known["lexicon-groups"], repairGroup, []);
  const settingsRaw = isObj(known.settings) ? known.settings : known.settings === undefined || known.settings === null ? {} : undefined;
  const settings: Record<string, number | boolean | string> = {};
  for (const [name, v] of Object.entries(settingsRaw ?? {})) {
    if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") settings[name] = v;
    else stubbedSettings.add(name);
  }
  if (!lexicons || !signals || !countries || !groups || !settingsRaw || !fieldSections(known, PolicyDef, out)) complete = false;
  Object.assign(out, { lexicons: lexicons ?? {}, "lexicon-groups": groups ?? {}, signals: signals ?? {}, countries: countries ?? {}, settings });
  const rules: unknown[] = [];
  if (known.rules !== undefined && !Array.isArray(known.rules)) complete = false;
  (Array.isArray(known.rules) ? known.rules : []).forEach((r) => {
    // Stand-ins for what a rule needs besides its id: its condition is still checked if valid.
    const fixed = repairObject(RuleDef, r, { when: "false", decision: "clear", reason: "-" });
    if (fixed) rules.push(fixed);
    else complete = false; // no usable id: a test naming the rule could not be checked
  });
  out.rules = rules;
  out.default = PolicyDef.shape.default.safeParse(known.default).success ? known.default : "clear";
  if (Array.isArray(known.tests)) out.tests = known.tests.flatMap((t) => repairObject(TestDef, t) ?? []);
  return { doc: out as unknown as PolicyDoc, complete, stubbedSettings };
}

/** A library file that failed validation, rebuilt for name checks (see {@link Salvaged}). */
export function salvageLibrary(f: YamlFile, limits: Partial<ResourceLimits> = DEFAULT_LIMITS): Salvaged<LexiconFileDoc> | undefined {
  const plain = toPlain(f, limits);
  if (!("value" in plain) || !isObj(plain.value)) return undefined;
  const { known, complete: keysOk } = knownKeys(plain.value, LexiconFileDef, [...DEFINING, "language"]);
  let complete = keysOk;
  const out: Obj = {};
  plainFields(known, LexiconFileDef, ["description", "include"], out);
  const lang = LexiconFileDef.shape.language.safeParse(known.language);
  // Without its language, every short-form lexicon would be reported as having none.
  if (lang.success) out.language = lang.data;
  else complete = false;
  const lexicons = definitions(known.lexicons, repairLexicon, LEXICON_STUB);
  const signals = definitions(known.signals, repairSignal, SIGNAL_STUB);
  const countries = definitions(known.countries, repairCountries, []);
  const groups = definitions(known["lexicon-groups"], repairGroup, []);
  if (!lexicons || !signals || !countries || !groups || !fieldSections(known, LexiconFileDef, out)) complete = false;
  Object.assign(out, { lexicons: lexicons ?? {}, "lexicon-groups": groups ?? {}, signals: signals ?? {}, countries: countries ?? {} });
  return { doc: out as unknown as LexiconFileDoc, complete, stubbedSettings: new Set() };
}
