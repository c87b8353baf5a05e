import { parseInstant } from "../base/dates.js";
import { COUNTRY_CODES } from "../base/countries.js";
import { closest, didYouMean } from "../base/suggest.js";
import type { SourceRef } from "../load/yaml-file.js";
import type { CmpOp, Expr, Range, ValueExpr } from "./expression.js";
import type { Reporter } from "./reporter.js";
import type { CondC, FieldC, SignalC, ValueC } from "./types.js";

/** Everything a condition's names can refer to, and where to report what is wrong with them. */
export interface CondScope {
  readonly ref: SourceRef;
  readonly path: readonly (string | number)[];
  readonly r: Reporter;
  readonly byName: ReadonlyMap<string, SignalC>;
  readonly settings: ReadonlyMap<string, number | boolean | string>;
  readonly countrySets: ReadonlyMap<string, ReadonlySet<string>>;
  readonly stringSets: ReadonlyMap<string, ReadonlySet<string>>;
  readonly fields: readonly FieldC[];
  readonly fieldIndex: ReadonlyMap<string, number>;
  /** The policy's declared languages, for `lang in languages`. */
  readonly languages: readonly string[];
  /** Names a condition uses, recorded for lint ("unused setting"). */
  readonly used: { readonly signals: Set<string>; readonly countrySets: Set<string>; readonly settings: Set<string>; readonly sets: Set<string> };
  /**
   * Settings defined with an invalid value (already reported), in a document rebuilt to check the
   * rest of an invalid policy: a condition using one is not reported again, whatever its type.
   */
  readonly stubbed?: ReadonlySet<string> | undefined;
}

/**
 * The type of a value in a comparison. `enum` carries the values an enum field may take; `literal`
 * is the text of a string literal or string setting, which may turn out to be a date or must be
 * one of an enum's values depending on what it is compared with.
 */
type Typed = { readonly v: ValueC; readonly type: "number" | "string" | "boolean" | "date" | "list" | "error"; readonly values?: readonly string[] | undefined; readonly setting?: string | undefined };

const TYPE_WORDS: Record<Typed["type"], string> = { number: "a number", string: "text", boolean: "true or false", date: "a date", list: "a list of strings", error: "" };

function describeTyped(t: Typed, src: string, s: CondScope): string {
  if (t.v.k === "field") return `'${src}' is ${t.values ? "an enum" : `a ${s.fields[t.v.field]?.type ?? t.type}`} field`;
  if (t.setting !== undefined) return `setting '${t.setting}' is ${TYPE_WORDS[t.type]}`;
  if (t.v.k === "lang") return "the post's language is text";
  return `${src} is ${TYPE_WORDS[t.type]}`;
}

/** Resolves a parsed condition: every name to what it denotes, every comparison type-checked. */
export function resolveCondition(e: Expr, s: CondScope, src: string): CondC {
  const err = (at: Range, code: string, msg: string) => s.r.error(s.ref, s.path, code, msg, "value", at);
  switch (e.k) {
    case "or":
    case "and":
      return { k: e.k, items: e.items.map((x) => resolveCondition(x, s, src)), at: e.at };
    case "not":
      return { k: "not", item: resolveCondition(e.item, s, src), at: e.at };
    case "const":
      return e;
    case "name":
      return resolveName(e.name, e.at, s);
    case "country-in": {
      if (e.set === null) {
        for (const c of e.codes) if (!COUNTRY_CODES.has(c)) err(e.setAt, "invalid-country", `'${c}' is not an ISO 3166-1 alpha-2 country code`);
        return { k: "country-in", codes: new Set(e.codes), set: null, at: e.at };
      }
      const set = s.countrySets.get(e.set);
      s.used.countrySets.add(e.set);
      if (!set) err(e.setAt, "unknown-country-set", `unknown country set '${e.set}'${didYouMean(e.set, s.countrySets.keys())}`);
      return { k: "country-in", codes: set ?? new Set(), set: e.set, at: e.at };
    }
    case "country-known":
    case "lang-known":
      return e;
    case "lang-in": {
      if (e.set === "languages") {
        if (s.languages.length === 0) err(e.setAt, "unknown-language-set", "'lang in languages' needs the policy's languages: list them under languages:");
        return { k: "lang-in", codes: new Set(s.languages), set: "languages", at: e.at };
      }
      if (e.set !== null) return { k: "lang-in", codes: stringSet(e.set, e.setAt, s), set: e.set, at: e.at };
      for (const c of e.codes) if (!/^[a-z]{2,3}$/.test(c)) err(e.setAt, "invalid-value", `'${c}' is not an ISO 639 language code such as en, uk or pl`);
      return { k: "lang-in", codes: new Set(e.codes), set: null, at: e.at };
    }
    case "has": {
      if (e.path === "lang") return { k: "lang-known", known: true, at: e.at };
      if (e.path === "country") return { k: "country-known", known: true, at: e.at };
      const f = field(e.path, e.pathAt, s);
      return f === undefined ? { k: "const", value: false, at: e.at } : { k: "has", field: f, at: e.at };
    }
    case "in": {
      const f = field(e.name, e.nameAt, s);
      if (f === undefined) return { k: "const", value: false, at: e.at };
      const def = s.fields[f] as FieldC;
      const values = e.set === null ? new Set(e.items) : stringSet(e.set, e.setAt, s);
      if (def.type === "list") err(e.nameAt, "type-mismatch", `'${e.name}' is a list field: write '${e.name} contains ${src.slice(e.setAt[0], e.setAt[1])}' to test its items`);
      else if (def.type !== "string" && def.type !== "enum") err(e.nameAt, "type-mismatch", `'${e.name}' is a ${def.type} field; 'in' tests text (a string or enum field)`);
      else checkEnum(def, values, e.set, e.setAt, s);
      return { k: "field-in", field: f, values, set: e.set, at: e.at };
    }
    case "contains": {
      const f = field(e.name, e.nameAt, s);
      if (f === undefined) return { k: "const", value: false, at: e.at };
      const def = s.fields[f] as FieldC;
      if (def.type !== "list") err(e.nameAt, "type-mismatch", `'${e.name}' is a ${def.type} field; 'contains' tests the items of a list field${def.type === "string" || def.type === "enum" ? ` (use == or in)` : ""}`);
      if (e.item.k === "string") return { k: "contains", field: f, values: new Set([e.item.value]), set: null, at: e.at };
      const name = e.item.k === "ref" ? e.item.name : "";
      return { k: "contains", field: f, values: stringSet(name, e.item.at, s), set: name, at: e.at };
    }
    case "cmp":
      return compareValues(e.op, value(e.left, s), value(e.right, s), e.at, s, src);
  }
}

/** A name standing as a condition: a signal, a boolean setting or a boolean field. */
function resolveName(name: string, at: Range, s: CondScope): CondC {
  const err = (code: string, msg: string) => s.r.error(s.ref, s.path, code, msg, "value", at);
  const sig = s.byName.get(name);
  if (sig) {
    s.used.signals.add(name);
    return { k: "signal", signal: sig.index, at };
  }
  const v = s.settings.get(name);
  if (v !== undefined) {
    s.used.settings.add(name);
    if (typeof v === "boolean") return { k: "const", value: v, at, setting: name };
    if (s.stubbed?.has(name)) return { k: "const", value: false, at };
    err("invalid-setting-type", `setting '${name}' is ${typeof v}; only a boolean setting can stand as a condition`);
    return { k: "const", value: false, at };
  }
  const f = s.fieldIndex.get(name);
  if (f !== undefined) {
    const def = s.fields[f] as FieldC;
    if (def.type === "boolean") return { k: "flag", field: f, at };
    err("type-mismatch", `'${name}' is a ${def.type} field; only a boolean field can stand as a condition (test a field's presence with has(${name}))`);
    return { k: "const", value: false, at };
  }
  const booleanFields = s.fields.filter((x) => x.type === "boolean").map((x) => x.path);
  err("unknown-signal", `unknown signal '${name}'${didYouMean(name, [...s.byName.keys(), ...s.settings.keys(), ...booleanFields])}`);
  return { k: "const", value: false, at };
}

/** The index of a declared field, or undefined (reported) when no field has that path. */
function field(path: string, at: Range, s: CondScope): number | undefined {
  const f = s.fieldIndex.get(path);
  if (f === undefined) s.r.error(s.ref, s.path, "unknown-field", `unknown field '${path}'${didYouMean(path, s.fieldIndex.keys())}${s.fields.length === 0 ? "; declare the record fields the rules read under fields:" : ""}`, "value", at);
  return f;
}

/** The strings of a named set (reported when there is none). */
function stringSet(name: string, at: Range, s: CondScope): ReadonlySet<string> {
  const set = s.stringSets.get(name);
  s.used.sets.add(name);
  if (!set) {
    const also = s.countrySets.has(name)
      ? ` ('${name}' is a country set: it is for 'country in ${name}')`
      : s.settings.has(name)
        ? ` ('${name}' is a setting: compare with it by ==)`
        : didYouMean(name, s.stringSets.keys());
    s.r.error(s.ref, s.path, "unknown-set", `unknown set '${name}'${also}`, "value", at);
  }
  return set ?? new Set();
}

/** Every value compared with an enum field must be one of its values: anything else is a typo. */
function checkEnum(def: FieldC, values: Iterable<string>, set: string | null, at: Range, s: CondScope, setting?: string): void {
  if (!def.values) return;
  for (const v of values) {
    if (def.values.includes(v)) continue;
    const where = setting !== undefined ? `setting '${setting}' is '${v}', which` : set === null ? `'${v}'` : `set '${set}' holds '${v}', which`;
    s.r.error(s.ref, s.path, "unknown-enum-value", `${where} is not a value of enum field '${def.path}' (${def.values.join(", ")})${didYouMean(v, def.values)}`, "value", at);
  }
}

/** Resolves one value of a comparison and gives its type. */
function value(n: ValueExpr, s: CondScope): Typed {
  const sig = (name: string, at: Range): number => {
    const x = s.byName.get(name);
    if (x) s.used.signals.add(name);
    else s.r.error(s.ref, s.path, "unknown-signal", `unknown signal '${name}'${didYouMean(name, s.byName.keys())}`, "value", at);
    return x?.index ?? -1;
  };
  switch (n.k) {
    case "number":
      return { v: { k: "value", value: n.value, at: n.at }, type: "number" };
    case "string":
      return { v: { k: "text", value: n.value, at: n.at }, type: "string" };
    case "bool":
      return { v: { k: "bool", value: n.value, at: n.at }, type: "boolean" };
    case "lang":
      return { v: { k: "lang", at: n.at }, type: "string" };
    case "count":
      return { v: { k: "count", signals: n.names.map((x) => sig(x.name, x.at)), at: n.at }, type: "number" };
    case "matches":
      return { v: { k: "matches", signal: sig(n.name, n.nameAt), at: n.at }, type: "number" };
    case "ref":
      return reference(n.name, n.at, s);
  }
}

/** A name used as a value: a setting or a declared field. */
function reference(name: string, at: Range, s: CondScope): Typed {
  if (s.stubbed?.has(name)) {
    // Its value was already reported as invalid: whatever it is compared with is not checked again.
    s.used.settings.add(name);
    return { v: { k: "value", value: 0, at }, type: "error" };
  }
  const v = s.settings.get(name);
  if (v !== undefined) {
    s.used.settings.add(name);
    if (typeof v === "number") return { v: { k: "value", value: v, at, setting: name }, type: "number", setting: name };
    if (typeof v === "boolean") return { v: { k: "bool", value: v, at, setting: name }, type: "boolean", setting: name };
    return { v: { k: "text", value: v, at, setting: name }, type: "string", setting: name };
  }
  const f = s.fieldIndex.get(name);
  if (f !== undefined) {
    const def = s.fields[f] as FieldC;
    const type = def.type === "enum" ? "string" : def.type;
    return { v: { k: "field", field: f, at }, type, values: def.values };
  }
  // Which of the two was meant: the closer name decides the code (and the suggestion).
  const near = closest(name, [...s.settings.keys(), ...s.fieldIndex.keys()]);
  const isField = near !== undefined ? s.fieldIndex.has(near) : s.fields.length > 0 && name.includes(".");
  const what = s.fields.length > 0 ? "setting or field" : "setting";
  s.r.error(s.ref, s.path, isField ? "unknown-field" : "unknown-setting", `unknown ${isField ? "field" : what} '${name}'${near ? ` (did you mean '${near}'?)` : ""}`, "value", at);
  return { v: { k: "value", value: 0, at }, type: "error" };
}

const EQUALITY: ReadonlySet<CmpOp> = new Set(["==", "!="]);

/** A comparison, type-checked: numbers and dates compare by order, text and booleans only by equality. */
function compareValues(op: CmpOp, l: Typed, r: Typed, at: Range, s: CondScope, src: string): CondC {
  const text = (t: Typed) => src.slice(t.v.at[0], t.v.at[1]);
  const fail = (blame: Typed, msg: string) => {
    s.r.error(s.ref, s.path, blame.setting !== undefined ? "invalid-setting-type" : "type-mismatch", msg, "value", blame.v.at);
    return { k: "cmp", op, left: l.v, right: r.v, at } as const;
  };
  if (l.type === "error" || r.type === "error") return { k: "cmp", op, left: l.v, right: r.v, at };
  // A text literal (or string setting) compared with a date is a date: checked here, once.
  const [a, b] = [asDate(l, r, s), asDate(r, l, s)];
  if (a.type === "error" || b.type === "error") return { k: "cmp", op, left: a.v, right: b.v, at };
  if (a.type === "list" || b.type === "list") {
    const list = a.type === "list" ? a : b;
    return fail(list, `${describeTyped(list, text(list), s)}; test its items with 'contains'`);
  }
  if (a.type !== b.type) {
    const blame = a.setting !== undefined || (a.v.k !== "field" && b.v.k === "field") ? a : b;
    const other = blame === a ? b : a;
    return fail(blame, `${describeTyped(blame, text(blame), s)} and ${describeTyped(other, text(other), s)}: they cannot be compared`);
  }
  if ((a.type === "string" || a.type === "boolean") && !EQUALITY.has(op)) return fail(a.v.k === "field" ? a : b, `${describeTyped(a, text(a), s)}: ${a.type === "string" ? "text" : "true or false"} is compared only with == or !=`);
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const def = x.v.k === "field" ? s.fields[x.v.field] : undefined;
    if (def?.values && y.v.k === "text") checkEnum(def, [y.v.value], null, y.v.at, s, y.setting);
  }
  return { k: "cmp", op, left: a.v, right: b.v, at };
}

/** `t` as a date when it is text compared with a date (a literal or a string setting must then hold one). */
function asDate(t: Typed, other: Typed, s: CondScope): Typed {
  if (other.type !== "date" || t.v.k !== "text") return t;
  const ms = parseInstant(t.v.value);
  if (ms === undefined) {
    s.r.error(s.ref, s.path, t.setting !== undefined ? "invalid-setting-type" : "type-mismatch", `${t.setting !== undefined ? `setting '${t.setting}'` : `'${t.v.value}'`} is compared with a date but is not one (YYYY-MM-DD or an ISO 8601 timestamp)`, "value", t.v.at);
    return { ...t, type: "error" };
  }
  return { v: { k: "date", value: ms, text: t.v.value, at: t.v.at, ...(t.setting !== undefined ? { setting: t.setting } : {}) }, type: "date", setting: t.setting };
}
