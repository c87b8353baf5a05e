import type { Readable, Writable } from "node:stream";
import type { CompiledPolicy } from "../compile/types.js";
import { formatDiagnosticLine } from "../diagnostics.js";
import { loadPolicy } from "../pipeline.js";

/** What a command may touch: everything the process would give it, passed in so tests can run in-process. */
export interface Io {
  readonly stdin: Readable | AsyncIterable<Buffer | string>;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Record<string, string | undefined>;
  readonly cwd: string;
}

/** A mistake in how the command was called: reported in one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Loads a policy for eval/test/diff; on failure prints its diagnostics and returns undefined (exit 2). */
export function loadPolicyOrReport(ref: string, io: Io): CompiledPolicy | undefined {
  const r = loadPolicy(ref, { cwd: io.cwd });
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (r.policy && errors.length === 0) return r.policy;
  for (const d of errors) io.stderr.write(`${formatDiagnosticLine(d)}\n`);
  io.stderr.write(`modpol: policy '${ref}' cannot be loaded (${errors.length} error${errors.length === 1 ? "" : "s"}); run 'modpol check ${ref}' for details\n`);
  return undefined;
}
