import type { Timeline, TimelineVersion } from "../compile/types.js";
import type { CompiledPolicy } from "../compile/types.js";
import { describePeriod, parseInstant } from "../base/dates.js";

/** What posts are evaluated under: one policy, or a timeline that picks a version per post. */
export type PolicyOrTimeline = CompiledPolicy | Timeline;

/** True when `p` is a timeline rather than a single policy. */
export function isTimeline(p: PolicyOrTimeline): p is Timeline {
  return (p as Partial<Timeline>).kind === "timeline";
}

/** The version of a timeline in force at an instant (from inclusive, until exclusive), if any. */
export function versionAt(t: Timeline, ms: number): TimelineVersion | undefined {
  if ((t.fromMs !== undefined && ms < t.fromMs) || (t.untilMs !== undefined && ms >= t.untilMs)) return undefined;
  return t.versions.find((v) => (v.fromMs === undefined || ms >= v.fromMs) && (v.untilMs === undefined || ms < v.untilMs));
}

/** Why no policy could be chosen for a post: each becomes an error record, and the run goes on. */
export type SelectionError = "missing-date" | "invalid-date" | "outside-timeline";

/** The policy that decides a post, and for a timeline the date used and the version it picked. */
export type Selection =
  | { readonly ok: true; readonly policy: CompiledPolicy; readonly dated?: { readonly date: string; readonly version: TimelineVersion } }
  | { readonly ok: false; readonly code: SelectionError; readonly message: string };

/**
 * Picks the policy for a post. A single policy decides every post, whatever its date. A timeline
 * picks the version in force on the post's `date`, or on `at` (`--at`) when the post has none; a
 * post with neither, with a date that is not ISO 8601, or dated outside the timeline cannot be
 * decided, and says why. Pure.
 */
export function selectPolicy(p: PolicyOrTimeline, date: string | undefined, at: string | undefined): Selection {
  if (!isTimeline(p)) return { ok: true, policy: p };
  const when = date ?? at;
  if (when === undefined) {
    return { ok: false, code: "missing-date", message: `the post has no "date" and '${p.id}' is a timeline, which picks the policy version by date: give the post a date, or use --at DATE` };
  }
  const ms = parseInstant(when);
  if (ms === undefined) {
    return { ok: false, code: "invalid-date", message: `"date" '${when}' is not an ISO 8601 date or timestamp (2022-03-11, 2022-03-11T09:30:00Z), which timeline '${p.id}' needs to pick a version` };
  }
  const version = versionAt(p, ms);
  if (!version) {
    return { ok: false, code: "outside-timeline", message: `no version of timeline '${p.id}' is in force on ${when}: it covers ${describePeriod(p.from, p.until)}` };
  }
  return { ok: true, policy: version.policy, dated: { date: when, version } };
}

/** A short description for reports: `{id, title, file}`, and for a timeline its versions and their dates. */
export function describeSource(p: PolicyOrTimeline): Record<string, unknown> {
  if (!isTimeline(p)) return { id: p.id, title: p.title, file: p.file, effective: p.effective };
  return {
    id: p.id,
    title: p.title,
    file: p.file,
    timeline: true,
    ...(p.from !== undefined ? { from: p.from } : {}),
    ...(p.until !== undefined ? { until: p.until } : {}),
    versions: p.versions.map((v) => ({ id: v.id, ...(v.from !== undefined ? { from: v.from } : {}), ...(v.until !== undefined ? { until: v.until } : {}) })),
  };
}
