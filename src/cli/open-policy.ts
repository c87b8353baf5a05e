import type { CompiledPolicy } from "../compile/types.js";
import { formatDiagnosticLine, type Diagnostic } from "../base/diagnostics.js";
import type { PolicyOrTimeline } from "../evaluate/timeline.js";
import { loadPolicy, loadPolicyOrTimeline } from "../use-cases/load-policy.js";
import type { Io } from "./io.js";
import { limitsFromEnv } from "../load/limits.js";
import { BUNDLED_IDS, BUNDLED_TIMELINES } from "../load/files.js";

/** Prints why a policy could not be loaded and returns undefined (the caller exits 2), or the policy. */
export function reportLoad<T = CompiledPolicy>(ref: string, r: { readonly policy?: T; readonly diagnostics: readonly Diagnostic[] }, io: Io): T | undefined {
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (r.policy && errors.length === 0) return r.policy;
  for (const d of errors) io.stderr.write(`${formatDiagnosticLine(d)}\n`);
  // A reference that names nothing has nothing to check: `modpol check REF` would fail the same way.
  if (errors.length > 0 && errors.every((d) => d.code === "policy-not-found" && d.file === ref)) {
    io.stderr.write(`modpol: policy '${ref}' not found; give a policy or timeline file, or a bundled id: ${[...BUNDLED_IDS, ...BUNDLED_TIMELINES].join(", ")}\n`);
    return undefined;
  }
  io.stderr.write(`modpol: policy '${ref}' cannot be loaded (${errors.length} error${errors.length === 1 ? "" : "s"}); run 'modpol check ${ref}' for details\n`);
  return undefined;
}

/** Loads a policy for eval/diff, from its precompiled form when it can (fast start-up). */
export async function openPolicyOrReport(ref: string, io: Io): Promise<CompiledPolicy | undefined> {
  return reportLoad(ref, await loadPolicy(ref, { cwd: io.cwd, limits: limitsFromEnv(io.env) }), io);
}

/** Loads a policy or a timeline for eval/diff (`--policy`, `--from`, `--to`), precompiled when it can be. */
export async function openSourceOrReport(ref: string, io: Io): Promise<PolicyOrTimeline | undefined> {
  const r = await loadPolicyOrTimeline(ref, { cwd: io.cwd, limits: limitsFromEnv(io.env) });
  return reportLoad(ref, { ...(r.value ? { policy: r.value } : {}), diagnostics: r.diagnostics }, io);
}
