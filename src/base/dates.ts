/**
 * Dates of policy versions and of posts, as instants in UTC.
 *
 * Policy files and timelines write effective dates as `YYYY-MM-DD` (or a timestamp); posts carry a
 * `date` that may be either. Both are read the same way, so a boundary and a post compare exactly:
 * a date alone is midnight UTC at its start; a timestamp with a zone (`Z`, `+02:00`) is that
 * instant; a timestamp without one is taken as UTC. JavaScript's own `Date.parse` would read a
 * zone-less timestamp in the local zone of the machine, so the same post could be decided by a
 * different version on a different machine: these functions never do that.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * The instant (milliseconds since the epoch, UTC) an ISO 8601 date or timestamp names, or undefined
 * when the string is not one (or names a day that does not exist, such as 2022-02-30).
 */
export function parseInstant(s: string): number | undefined {
  const m = ISO.exec(s.trim());
  if (!m) return undefined;
  const [y, mo, d, h = "0", mi = "0", sec = "0", frac = "", zone] = m.slice(1) as [string, string, string, string?, string?, string?, string?, string?];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(sec);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const ms = Number(frac.slice(0, 3).padEnd(3, "0"));
  let t = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 2022-02-30 over to 2 March; a day that does not exist is not a date.
  if (new Date(t).getUTCDate() !== day) return undefined;
  if (zone && zone.toUpperCase() !== "Z") {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (!z) return undefined;
    const offset = (Number(z[2]) * 60 + Number(z[3])) * 60_000;
    t -= z[1] === "+" ? offset : -offset;
  }
  return t;
}

/** An instant as people read it in reports: `YYYY-MM-DD` at midnight UTC, else an ISO timestamp. */
export function formatInstant(t: number): string {
  const iso = new Date(t).toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(".000Z", "Z");
}

/** "from 2022-03-10 until 2022-03-13", "until 2022-03-10", "from 2022-03-13", or "at all times". */
export function describePeriod(from: string | undefined, until: string | undefined): string {
  if (from === undefined && until === undefined) return "at all times";
  return [from !== undefined ? `from ${from}` : "", until !== undefined ? `until ${until}` : ""].filter(Boolean).join(" ");
}
