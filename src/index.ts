/**
 * modpol's programmatic API. Load a policy once, then evaluate posts with it:
 *
 * ```ts
 * import { loadPolicy, evaluate } from "modpol";
 * const { policy, diagnostics } = await loadPolicy("meta-2022-03-10");
 * if (policy) console.log(evaluate({ text: "Death to Putin!", country: "PL" }, policy).decision);
 * ```
 */
export { loadPolicy, loadPolicyOrTimeline } from "./use-cases/load-policy.js";
export { selectPolicy, isTimeline, versionAt, type PolicyOrTimeline, type Selection } from "./evaluate/timeline.js";
export type { Timeline, TimelineVersion } from "./compile/types.js";
export type { WhyNot, Blame } from "./evaluate/why-not.js";
export { diffDecisions, DiffCounter, type PostDiff, type DiffSummary, type Matrix } from "./evaluate/diff.js";
export { parseInstant } from "./base/dates.js";
export type { LoadOptions, PolicyLoadResult, PolicyLoadResult as LoadResult, LoadedFile } from "./use-cases/load-types.js";
export { DEFAULT_LIMITS, limitsFromEnv, LimitSettingError, type ResourceLimits } from "./load/limits.js";
// evaluate, explain and whyNot check the post they are given (its text, its country) first.
export { evaluate, explain, whyNot, checkPost } from "./evaluate/api.js";
export type { Decision, Evidence, Post } from "./evaluate/evaluate.js";
export type { Explanation, RuleTrace, SignalTrace, CondTrace } from "./evaluate/explain.js";
export type { CompiledPolicy } from "./compile/types.js";
export type { Diagnostic } from "./base/diagnostics.js";
export { formatDiagnosticLine } from "./base/diagnostics.js";
export { DECISIONS, type DecisionName } from "./base/decisions.js";
export { BUNDLED_IDS, BUNDLED_TIMELINES, DEFAULT_POLICY } from "./load/files.js";
export { resolveCountry } from "./base/countries.js";
