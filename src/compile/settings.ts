import { parseInstant } from "../base/dates.js";
import { didYouMean } from "../base/suggest.js";
import type { CompiledPolicy, CondC, RuleC, ValueC } from "./types.js";

/** A setting's value: what `settings:` may hold. */
export type SettingValue = number | boolean | string;

/** `{name}` in a reason: the value of the setting `name` (names as settings are written). */
const PLACEHOLDER = /\{([a-z][a-z0-9]*(?:[.-][a-z0-9]+)*)\}/g;

/** The settings a reason names, with their offsets in the reason: `{credibility-threshold}`. */
export function reasonSettings(reason: string): { readonly name: string; readonly at: readonly [number, number] }[] {
  return [...reason.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1] as string, at: [m.index, m.index + m[0].length] as const }));
}

/** The reason with each `{setting}` replaced by the setting's value (an unknown one is left as written). */
export function fillReason(reason: string, settings: ReadonlyMap<string, SettingValue>): string {
  return reason.replace(PLACEHOLDER, (all, name: string) => {
    const v = settings.get(name);
    return v === undefined ? all : String(v);
  });
}

/** What a setting's uses in the conditions require of its value, beyond its type. */
interface Constraint {
  /** It is compared with a date field: it must be a date. */
  date: boolean;
  /** It is compared with enum fields: it must be one of each one's values. */
  enums: { readonly path: string; readonly values: readonly string[] }[];
}

function constraintsOf(policy: CompiledPolicy, name: string): Constraint {
  const c: Constraint = { date: false, enums: [] };
  const walk = (x: CondC): void => {
    if (x.k === "and" || x.k === "or") x.items.forEach(walk);
    else if (x.k === "not") walk(x.item);
    else if (x.k === "cmp") {
      for (const [a, b] of [[x.left, x.right], [x.right, x.left]] as const) {
        if (a.k === "date" && a.setting === name) c.date = true;
        const f = b.k === "field" ? policy.fields[b.field] : undefined;
        if (a.k === "text" && a.setting === name && f?.values) c.enums.push({ path: f.path, values: f.values });
      }
    }
  };
  policy.rules.forEach((r) => walk(r.when));
  return c;
}

/**
 * Reads a value given on the command line (`--set NAME=VALUE`) as the type of the policy's own
 * value: a number, `true`/`false`, or text (a date, or one of an enum's values, where the
 * conditions compare it with one). Returns the value, or why it cannot be used.
 */
export function parseSettingValue(policy: CompiledPolicy, name: string, raw: string): { value: SettingValue } | { error: string } {
  const current = policy.settings.get(name);
  if (current === undefined) return { error: `policy '${policy.id}' has no setting '${name}'${didYouMean(name, policy.settings.keys())}${policy.settings.size === 0 ? " (it has no settings)" : ""}` };
  const text = raw.trim();
  if (typeof current === "number") {
    const n = Number(text);
    if (text === "" || !Number.isFinite(n)) return { error: `'${raw}' is not a number, and setting '${name}' is one (${current} in ${policy.id})` };
    return { value: n };
  }
  if (typeof current === "boolean") {
    if (text !== "true" && text !== "false") return { error: `'${raw}' is not true or false, and setting '${name}' is one (${current} in ${policy.id})` };
    return { value: text === "true" };
  }
  const c = constraintsOf(policy, name);
  if (c.date && parseInstant(raw) === undefined) return { error: `'${raw}' is not a date (YYYY-MM-DD or an ISO 8601 timestamp), and setting '${name}' is compared with dates` };
  for (const e of c.enums) if (!e.values.includes(raw)) return { error: `'${raw}' is not a value of enum field '${e.path}' (${e.values.join(", ")}), which setting '${name}' is compared with${didYouMean(raw, e.values)}` };
  return { value: raw };
}

function rebindValue(v: ValueC, values: ReadonlyMap<string, SettingValue>): ValueC {
  if (!("setting" in v) || v.setting === undefined) return v;
  const x = values.get(v.setting);
  if (x === undefined) return v;
  if (v.k === "date") return { ...v, value: parseInstant(String(x)) ?? v.value, text: String(x) };
  return { ...v, value: x } as ValueC;
}

function rebind(c: CondC, values: ReadonlyMap<string, SettingValue>): CondC {
  switch (c.k) {
    case "and":
    case "or":
      return { ...c, items: c.items.map((x) => rebind(x, values)) };
    case "not":
      return { ...c, item: rebind(c.item, values) };
    case "const": {
      const x = c.setting !== undefined ? values.get(c.setting) : undefined;
      return typeof x === "boolean" ? { ...c, value: x } : c;
    }
    case "cmp":
      return { ...c, left: rebindValue(c.left, values), right: rebindValue(c.right, values) };
    default:
      return c;
  }
}

/**
 * The policy with some settings given other values (values checked by {@link parseSettingValue}):
 * a new immutable policy whose conditions and reasons use them; the lexicons, signals and
 * everything else are shared with `policy`, which is not changed. `settingsSet` records the
 * policy's own values of the settings changed.
 */
export function withSettings(policy: CompiledPolicy, values: ReadonlyMap<string, SettingValue>): CompiledPolicy {
  if (values.size === 0) return policy;
  const settings = new Map(policy.settings);
  const before = new Map(policy.settingsSet ?? []);
  for (const [k, v] of values) {
    if (!before.has(k)) before.set(k, policy.settings.get(k) as SettingValue);
    settings.set(k, v);
  }
  const reason = <T extends { readonly reason: string; readonly reasonTemplate?: string | undefined }>(x: T): T => (x.reasonTemplate === undefined ? x : { ...x, reason: fillReason(x.reasonTemplate, settings) });
  const rules: RuleC[] = policy.rules.map((r) => reason({ ...r, when: rebind(r.when, values) }));
  return Object.freeze({ ...policy, settings, settingsSet: before, rules, fallback: reason(policy.fallback) });
}
