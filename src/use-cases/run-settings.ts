import { parseSettingValue, withSettings, type SettingValue } from "../compile/settings.js";
import type { CompiledPolicy } from "../compile/types.js";
import { isTimeline, type PolicyOrTimeline } from "../evaluate/timeline.js";

/** Settings given at run time (`--set NAME=VALUE`), by name, as written. */
export type RawSettings = ReadonlyMap<string, string>;

/** The result of giving settings to a policy or timeline: the changed one and what was set, or why not. */
export type SettingsResult =
  | { readonly ok: true; readonly value: PolicyOrTimeline; readonly echo: Readonly<Record<string, SettingValue>> }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Each setting typed for one policy: the values it has settings for, and the errors. */
function typedFor(p: CompiledPolicy, raw: RawSettings, only: (name: string) => boolean): { values: Map<string, SettingValue>; errors: string[] } {
  const values = new Map<string, SettingValue>();
  const errors: string[] = [];
  for (const [name, text] of raw) {
    if (!only(name)) continue;
    const r = parseSettingValue(p, name, text);
    if ("value" in r) values.set(name, r.value);
    else errors.push(r.error);
  }
  return { values, errors };
}

/** The names of the settings a policy has, or any version of a timeline has. */
export function settingNames(source: PolicyOrTimeline): ReadonlySet<string> {
  const policies = isTimeline(source) ? source.versions.map((v) => v.policy) : [source];
  return new Set(policies.flatMap((p) => [...p.settings.keys()]));
}

/**
 * Gives run-time values to settings of a policy, or of every version of a timeline that has them
 * (a timeline's versions are all loaded to check them). A setting that no policy has, or a value
 * of the wrong type, is an error; nothing is changed in the policy given.
 */
export function applyRunSettings(source: PolicyOrTimeline, raw: RawSettings): SettingsResult {
  if (raw.size === 0) return { ok: true, value: source, echo: {} };
  const echo: Record<string, SettingValue> = {};
  if (!isTimeline(source)) {
    const { values, errors } = typedFor(source, raw, () => true);
    if (errors.length > 0) return { ok: false, errors };
    for (const [k, v] of values) echo[k] = v;
    return { ok: true, value: withSettings(source, values), echo };
  }
  const policies = source.versions.map((v) => v.policy);
  const errors: string[] = [];
  for (const name of raw.keys()) {
    if (!policies.some((p) => p.settings.has(name))) errors.push(`no version of timeline '${source.id}' has a setting '${name}' (${policies.map((p) => p.id).join(", ")})`);
  }
  const versions = source.versions.map((v) => {
    const { values, errors: e } = typedFor(v.policy, raw, (n) => v.policy.settings.has(n));
    errors.push(...e);
    for (const [k, x] of values) echo[k] ??= x;
    return Object.freeze({ ...v, policy: withSettings(v.policy, values) });
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: Object.freeze({ ...source, versions }), echo };
}

/**
 * Gives run-time values to the settings of several policies (`modpol test`): each policy takes the
 * settings it has; a setting that none of them has is an error.
 */
export function applyRunSettingsToAll(policies: readonly CompiledPolicy[], raw: RawSettings): { ok: true; values: CompiledPolicy[]; echo: Readonly<Record<string, SettingValue>> } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  for (const name of raw.keys()) {
    if (!policies.some((p) => p.settings.has(name))) errors.push(`no policy of the run has a setting '${name}' (${policies.map((p) => p.id).join(", ")})`);
  }
  const echo: Record<string, SettingValue> = {};
  const values = policies.map((p) => {
    const { values: v, errors: e } = typedFor(p, raw, (n) => p.settings.has(n));
    errors.push(...e);
    for (const [k, x] of v) echo[k] ??= x;
    return withSettings(p, v);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values, echo };
}
