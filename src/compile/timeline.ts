import { describePeriod, formatInstant, parseInstant } from "../base/dates.js";
import type { Diagnostic } from "../base/diagnostics.js";
import type { SourceRef } from "../load/yaml-file.js";
import type { TimelineFileDoc } from "../validate/schema.js";
import { Reporter } from "./reporter.js";
import type { CompiledPolicy, Timeline, TimelineVersion } from "./types.js";

export type { Timeline, TimelineVersion };

/** What {@link compileTimeline} needs: the validated file and, per entry, the policy it names. */
export interface TimelineInput {
  readonly doc: TimelineFileDoc["timeline"];
  readonly ref: SourceRef;
  /** For each entry of `policies`, in order: its policy, or undefined when it could not be loaded (already reported). */
  readonly members: readonly (CompiledPolicy | undefined)[];
}

interface Bound {
  readonly text: string | undefined;
  readonly ms: number | undefined;
}

interface Candidate extends TimelineVersion {
  readonly entry: number;
}

const before = (a: number | undefined): number => a ?? -Infinity;
const after = (a: number | undefined): number => a ?? Infinity;
const show = (ms: number): string => formatInstant(ms);

/**
 * Compiles a timeline: reads each version's period (the entry's own `from`/`until`, else the
 * policy's `effective:`), and reports, at the entry concerned, versions that overlap, gaps between
 * versions, dates of the timeline's period that no version covers, periods that end before they
 * begin and a policy listed twice. Returns the timeline only when there are no errors.
 */
export function compileTimeline(input: TimelineInput): { timeline?: Timeline; diagnostics: Diagnostic[] } {
  const { doc, ref } = input;
  const r = new Reporter();
  const at = (i: number): (string | number)[] => ["timeline", "policies", i];
  const bound = (text: string | undefined, path: (string | number)[]): Bound | undefined => {
    if (text === undefined) return { text, ms: undefined };
    const ms = parseInstant(text);
    if (ms === undefined) r.error(ref, path, "invalid-value", `'${text}' is not a date (YYYY-MM-DD) or an ISO 8601 timestamp`);
    return ms === undefined ? undefined : { text, ms };
  };

  const spanFrom = bound(doc.from, ["timeline", "from"]);
  const spanUntil = bound(doc.until, ["timeline", "until"]);
  if (spanFrom && spanUntil && before(spanFrom.ms) >= after(spanUntil.ms)) r.error(ref, ["timeline", "until"], "invalid-effective", `the timeline ends (${doc.until}) before it begins (${doc.from})`);

  const versions: Candidate[] = [];
  const seen = new Map<string, number>();
  doc.policies.forEach((entry, i) => {
    const policy = input.members[i];
    if (!policy) return;
    const prev = seen.get(policy.id);
    if (prev !== undefined) {
      r.error(ref, at(i), "duplicate-policy-id", `policy '${policy.id}' is already version ${prev + 1} of the timeline; list each version once`);
      return;
    }
    seen.set(policy.id, i);
    // An entry's own dates replace the policy's; null clears a bound.
    const own: { from?: string | null; until?: string | null } = typeof entry === "string" ? {} : entry;
    const fromText = own.from !== undefined ? own.from ?? undefined : policy.effective?.from;
    const untilText = own.until !== undefined ? own.until ?? undefined : policy.effective?.until;
    const from = bound(fromText, own.from ? [...at(i), "from"] : at(i));
    const until = bound(untilText, own.until ? [...at(i), "until"] : at(i));
    if (!from || !until) return;
    if (before(from.ms) >= after(until.ms)) {
      r.error(ref, own.until ? [...at(i), "until"] : at(i), "invalid-effective", `version '${policy.id}' ends (${untilText}) before it begins (${fromText})`);
      return;
    }
    versions.push({ entry: i, id: policy.id, policy, from: from.text, until: until.text, fromMs: from.ms, untilMs: until.ms });
  });

  const sorted = [...versions].sort((a, b) => before(a.fromMs) - before(b.fromMs) || after(a.untilMs) - after(b.untilMs) || a.entry - b.entry);
  // Without every version, gaps and uncovered dates would only echo the versions that failed to load.
  if (input.members.every((m) => m !== undefined)) checkCoverage(sorted, spanFrom?.ms, spanUntil?.ms, doc.id, (v, code, message) => r.error(ref, at(v.entry), code, message));
  if (r.hasErrors) return { diagnostics: r.diagnostics };
  const timeline: Timeline = Object.freeze({
    kind: "timeline",
    id: doc.id,
    title: doc.title,
    description: doc.description,
    file: ref.file,
    from: doc.from,
    until: doc.until,
    fromMs: spanFrom?.ms,
    untilMs: spanUntil?.ms,
    versions: sorted.map(({ entry: _entry, ...v }) => Object.freeze(v)),
  });
  return { timeline, diagnostics: r.diagnostics };
}

const period = (v: TimelineVersion): string => `'${v.id}' (${describePeriod(v.from, v.until)})`;

/**
 * Walks the versions in date order with a cursor at the end of what is covered so far: a version
 * starting after the cursor leaves a gap, one starting before it overlaps. Dates before the first
 * version or after the last, inside the timeline's period, are covered by no version at all.
 */
function checkCoverage(sorted: readonly Candidate[], spanFrom: number | undefined, spanUntil: number | undefined, id: string, report: (v: Candidate, code: string, message: string) => void): void {
  let cursor = before(spanFrom);
  let last: Candidate | undefined;
  for (const v of sorted) {
    const start = before(v.fromMs);
    if (start > cursor) {
      if (!last) {
        const what = cursor === -Infinity ? `posts dated before ${show(start)}` : `posts dated from ${show(cursor)} (where timeline '${id}' begins) until ${show(start)}`;
        report(v, "timeline-uncovered", `${what} are outside every version: the earliest, ${period(v)}, begins only then; give it no 'from', add an earlier version, or give the timeline a later 'from'`);
      } else report(v, "timeline-gap", `no version is in force from ${show(cursor)} until ${show(start)}: ${period(last)} ends before ${period(v)} begins`);
    } else if (last && start < cursor) {
      const end = Math.min(cursor, after(v.untilMs));
      const both = `${start === -Infinity ? "since always" : `from ${show(Math.max(start, before(spanFrom)))}`}${end === Infinity ? "" : ` until ${show(end)}`}`;
      report(v, "timeline-overlap", `${period(v)} overlaps ${period(last)}: both are in force ${both}; a date must pick one version`);
    }
    if (after(v.untilMs) > cursor) {
      cursor = after(v.untilMs);
      last = v;
    }
  }
  const end = after(spanUntil);
  if (last && cursor < end) {
    report(last, "timeline-uncovered", `posts dated ${show(cursor)} or later${end === Infinity ? "" : ` (until ${show(end)}, where timeline '${id}' ends)`} are outside every version: the latest, ${period(last)}, ends then; give it no 'until', add a later version, or give the timeline an earlier 'until'`);
  }
}
