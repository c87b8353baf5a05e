import type { CompiledPolicy } from "../compile/types.js";
import { loadPolicy } from "../pipeline.js";
import type { Io } from "./io.js";
import { reportLoad } from "./open-policy.js";
import { limitsFromEnv } from "../load/limits.js";

export { UsageError, type Io } from "./io.js";
export { openPolicyOrReport } from "./open-policy.js";

/** Loads a policy through the full pipeline (synchronously); on failure prints its diagnostics. */
export function loadPolicyOrReport(ref: string, io: Io): CompiledPolicy | undefined {
  return reportLoad(ref, loadPolicy(ref, { cwd: io.cwd, limits: limitsFromEnv(io.env) }), io);
}
