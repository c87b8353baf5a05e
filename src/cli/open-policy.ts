import type { CompiledPolicy } from "../compile/types.js";
import { formatDiagnosticLine, type Diagnostic } from "../diagnostics.js";
import { loadPolicy } from "../policy-loader.js";
import type { Io } from "./io.js";

/** Prints why a policy could not be loaded and returns undefined (the caller exits 2), or the policy. */
export function reportLoad(ref: string, r: { readonly policy?: CompiledPolicy; readonly diagnostics: readonly Diagnostic[] }, io: Io): CompiledPolicy | undefined {
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (r.policy && errors.length === 0) return r.policy;
  for (const d of errors) io.stderr.write(`${formatDiagnosticLine(d)}\n`);
  io.stderr.write(`modpol: policy '${ref}' cannot be loaded (${errors.length} error${errors.length === 1 ? "" : "s"}); run 'modpol check ${ref}' for details\n`);
  return undefined;
}

/** Loads a policy for eval/diff, from its precompiled form when it can (fast start-up). */
export async function openPolicyOrReport(ref: string, io: Io): Promise<CompiledPolicy | undefined> {
  return reportLoad(ref, await loadPolicy(ref, { cwd: io.cwd }), io);
}
