import { appendFileSync } from "node:fs";
import fc from "fast-check";

/**
 * How much each property is exercised. `npm test` runs every property a small number of times, so
 * the suite stays quick; `npm run fuzz` (scripts/fuzz.js) multiplies that by FUZZ_FACTOR and logs
 * what ran to FUZZ_LOG. FAST_CHECK_RUNS sets one count for every property instead; FAST_CHECK_SEED
 * replays a run (fast-check prints the seed and path of any failure).
 */
const FACTOR = Math.max(1, Number(process.env.FUZZ_FACTOR) || 1);
const FIXED = Number(process.env.FAST_CHECK_RUNS) || 0;
const SEED = process.env.FAST_CHECK_SEED !== undefined ? Number(process.env.FAST_CHECK_SEED) : undefined;

/** Whether this is a long fuzz run rather than `npm test`. */
export const FUZZING = FACTOR > 1 || FIXED > 0;

/** The number of runs for a property whose quick count is `quick`. */
export function runs(quick: number): number {
  return FIXED > 0 ? FIXED : quick * FACTOR;
}

/** A vitest timeout that grows with the number of runs (none to speak of when fuzzing). */
export function timeout(quickMs = 20_000): number {
  return FUZZING ? 24 * 3600_000 : quickMs;
}

function record(name: string, d: fc.RunDetails<unknown>): void {
  const log = process.env.FUZZ_LOG;
  if (log) appendFileSync(log, `${JSON.stringify({ name, runs: d.numRuns, skipped: d.numSkips, failed: d.failed, seed: d.seed, counterexample: d.failed ? fc.stringify(d.counterexample) : undefined })}\n`);
}

/**
 * Checks a property `quick` times (scaled as above) and fails with fast-check's report, which names
 * the seed and the shrunk counterexample. Records what ran when FUZZ_LOG is set.
 */
export async function check<T>(name: string, property: fc.IProperty<T> | fc.IAsyncProperty<T>, quick: number): Promise<void> {
  const d = await fc.check(property as fc.IAsyncProperty<T>, { numRuns: runs(quick), includeErrorInReport: true, ...(SEED !== undefined ? { seed: SEED } : {}) });
  record(name, d as fc.RunDetails<unknown>);
  if (d.failed) throw new Error(fc.defaultReportMessage(d as fc.RunDetails<unknown>) ?? `property ${name} failed`);
}
