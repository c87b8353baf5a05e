import { VERSION } from "../base/version.js";

/**
 * What an internal error tells the user. Anything a user can cause (a bad option, policy or input
 * record) has its own message and exit code; reaching this means modpol itself is wrong, so the
 * message says so, and how to report it, instead of showing a stack trace.
 */
export const HOW_TO_REPORT = `please report it to the modpol maintainers (see "Reporting bugs" in the README) with the command you ran, modpol ${VERSION}, and what MODPOL_DEBUG=1 prints`;

/** Exit code of an internal error (EX_SOFTWARE in BSD sysexits), distinct from every SPEC code. */
export const EXIT_INTERNAL = 70;

/** The message (and, with MODPOL_DEBUG set, the stack) printed for an internal error. */
export function internalErrorMessage(e: unknown, env: Readonly<Record<string, string | undefined>>): string {
  const err = e instanceof Error ? e : undefined;
  const what = err?.message ?? String(e);
  const stack = env.MODPOL_DEBUG && err?.stack ? `${err.stack}\n` : "";
  return `modpol: internal error: ${what}\nThis is a bug in modpol, not in your input or policy: ${HOW_TO_REPORT}.\n${stack}`;
}

/** The message of an error record for a post whose evaluation failed inside modpol. */
export function internalRecordMessage(e: unknown): string {
  const what = e instanceof Error ? e.message : String(e);
  return `internal error while evaluating this record (${what}); this is a bug in modpol: ${HOW_TO_REPORT}`;
}
