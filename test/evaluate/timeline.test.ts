import { describe, expect, it } from "vitest";
import { formatInstant, parseInstant } from "../../src/base/dates.js";
import { isTimeline, selectPolicy, versionAt } from "../../src/evaluate/timeline.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";
import { loadTimelineFile } from "../../src/use-cases/load-yaml-timeline.js";

const TIMELINE = "test/fixtures/timeline/mini.timeline.yaml";

describe("dates (UTC)", () => {
  it.each([
    ["2022-03-10", Date.UTC(2022, 2, 10)],
    ["2022-03-10T09:30:00Z", Date.UTC(2022, 2, 10, 9, 30)],
    ["2022-03-10T09:30", Date.UTC(2022, 2, 10, 9, 30)],
    ["2022-03-10 09:30:15.250", Date.UTC(2022, 2, 10, 9, 30, 15, 250)],
    ["2022-03-13T01:00:00+03:00", Date.UTC(2022, 2, 12, 22)],
    ["2022-03-12T23:30-0200", Date.UTC(2022, 2, 13, 1, 30)],
  ])("%s", (s, ms) => expect(parseInstant(s)).toBe(ms));

  it.each(["2022-02-30", "2022-13-01", "10 March 2022", "2022-03-10T25:00", "", "2022-3-10"])("rejects %j", (s) => expect(parseInstant(s)).toBeUndefined());

  it("shows midnight as a day and anything else as a timestamp", () => {
    expect(formatInstant(Date.UTC(2022, 2, 10))).toBe("2022-03-10");
    expect(formatInstant(Date.UTC(2022, 2, 10, 9, 30))).toBe("2022-03-10T09:30:00Z");
  });
});

describe("a timeline picks the version in force on a post's date", () => {
  const loaded = loadTimelineFile(`${process.cwd()}/${TIMELINE}`);
  const t = loaded.timeline;

  it("loads, with its versions in date order", () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(t?.versions.map((v) => [v.id, v.from, v.until])).toEqual([
      ["mini-v1", undefined, "2022-03-10"],
      ["mini-v2", "2022-03-10", "2022-03-13"],
      ["mini-v3", "2022-03-13", undefined],
    ]);
  });

  it("from is inclusive, until exclusive, compared as UTC instants", () => {
    if (!t) throw new Error("no timeline");
    const at = (s: string) => versionAt(t, parseInstant(s) as number)?.id;
    expect(at("2022-03-09T23:59:59Z")).toBe("mini-v1");
    expect(at("2022-03-10")).toBe("mini-v2");
    expect(at("2022-03-12T23:59:59Z")).toBe("mini-v2");
    expect(at("2022-03-13")).toBe("mini-v3");
    // 01:00 in Kyiv on 13 March is still 12 March in UTC.
    expect(at("2022-03-13T01:00:00+03:00")).toBe("mini-v2");
    expect(at("1970-01-01")).toBe("mini-v1");
  });

  it("a post's date wins over --at; without either, or with a bad date, the post cannot be decided", () => {
    if (!t) throw new Error("no timeline");
    expect(isTimeline(t)).toBe(true);
    const pick = (date?: string, at?: string) => {
      const s = selectPolicy(t, date, at);
      return s.ok ? s.policy.id : s.code;
    };
    expect(pick("2022-03-09", "2022-03-14")).toBe("mini-v1");
    expect(pick(undefined, "2022-03-14")).toBe("mini-v3");
    expect(pick()).toBe("missing-date");
    expect(pick("March 11")).toBe("invalid-date");
  });

  it("a single policy decides every post, whatever its date", () => {
    const p = loadYamlPolicy("test/fixtures/mini/policy.yaml").policy;
    if (!p) throw new Error("no policy");
    const s = selectPolicy(p, undefined, undefined);
    expect(s.ok && s.policy.id).toBe("mini");
  });

  it("posts outside the timeline's own period are outside every version", () => {
    if (!t) throw new Error("no timeline");
    const bounded = { ...t, from: "2022-03-01", fromMs: parseInstant("2022-03-01") };
    const s = selectPolicy(bounded, "2022-02-28", undefined);
    expect(s.ok ? s.policy.id : [s.code, s.message]).toEqual(["outside-timeline", "no version of timeline 'mini-timeline' is in force on 2022-02-28: it covers from 2022-03-01"]);
  });
});
