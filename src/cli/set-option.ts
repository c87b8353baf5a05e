import type { PolicyOrTimeline } from "../evaluate/timeline.js";
import { applyRunSettings, type RawSettings } from "../use-cases/run-settings.js";
import type { SettingValue } from "../compile/settings.js";
import { UsageError } from "./io.js";
import type { OptionSpec } from "./option-spec.js";

/** `--set NAME=VALUE`, as eval and test list it. */
export const SET_OPTION: OptionSpec = { flags: "--set <name=value>", description: "give a setting of the policy another value for this run (repeatable)", repeatable: true };

/** Reads `--set NAME=VALUE` options (the last value of a name wins); `flag` names the option in errors. */
export function parseSetOptions(list: readonly string[] | undefined, flag = "--set"): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of list ?? []) {
    const eq = item.indexOf("=");
    const name = eq < 0 ? "" : item.slice(0, eq).trim();
    if (eq < 0 || name === "") throw new UsageError(`${flag}: '${item}' is not NAME=VALUE (e.g. ${flag} credibility-threshold=2)`);
    out.set(name, item.slice(eq + 1));
  }
  return out;
}

/** Applies run-time settings to a loaded policy or timeline; a bad name or value is a usage error. */
export function setOrThrow(source: PolicyOrTimeline, raw: RawSettings, flag = "--set"): { value: PolicyOrTimeline; echo: Readonly<Record<string, SettingValue>> } {
  const r = applyRunSettings(source, raw);
  if (!r.ok) throw new UsageError(`${flag}: ${r.errors.join("; ")}`);
  return { value: r.value, echo: r.echo };
}
