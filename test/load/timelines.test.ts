import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";
import { loadTimelineFile } from "../../src/use-cases/load-yaml-timeline.js";
import { checkWorkspace, loadWorkspace } from "../../src/use-cases/workspace.js";
import { asMarks, marksIn } from "../helpers/marks.js";

const DIR = "test/fixtures/broken/timelines";
const cwd = process.cwd();
const timelines = readdirSync(DIR).filter((f) => f.endsWith(".timeline.yaml"));
const policies = readdirSync(DIR).filter((f) => f.endsWith(".yaml") && !f.endsWith(".timeline.yaml"));

// Each timeline here marks what loading it must report, in itself: every marked problem at that
// line and column, and nothing else. Its versions' own problems stay in their files.
describe("broken timelines", () => {
  it("has fixtures", () => expect(timelines.length).toBeGreaterThanOrEqual(7));

  it.each(timelines)("%s reports exactly the marked problems", (name) => {
    const path = join(DIR, name);
    const r = loadTimelineFile(join(cwd, path), { cwd });
    expect(r.timeline).toBeUndefined();
    const expected = marksIn(path, readFileSync(path, "utf8")).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(asMarks(r.diagnostics)).toEqual(expected);
  });

  it.each(policies)("version %s reports exactly its marked problems", (name) => {
    const path = join(DIR, name);
    const r = loadYamlPolicy(path);
    expect(asMarks(r.diagnostics.filter((d) => d.severity === "error"))).toEqual(marksIn(path, readFileSync(path, "utf8")).sort());
  });

  it("says which versions and which dates", () => {
    const message = (name: string) => loadTimelineFile(join(cwd, DIR, name), { cwd }).diagnostics.map((d) => d.message);
    expect(message("gap.timeline.yaml")).toEqual(["no version is in force from 2022-03-10 until 2022-03-13: 'p-until-10' (until 2022-03-10) ends before 'p-from-13' (from 2022-03-13) begins"]);
    expect(message("overlap.timeline.yaml")[0]).toBe("'p-12-20' (from 2022-03-12 until 2022-03-20) overlaps 'p-10-13' (from 2022-03-10 until 2022-03-13): both are in force from 2022-03-12 until 2022-03-13; a date must pick one version");
    expect(message("no-dates.timeline.yaml")[0]).toMatch(/overlaps 'p-no-dates' \(at all times\)/);
    expect(message("uncovered.timeline.yaml")[0]).toMatch(/^posts dated before 2022-03-10 are outside every version/);
  });

  it("check reports them, with the timeline's versions loaded once", () => {
    const ws = loadWorkspace([DIR], { cwd });
    expect(ws.timelines).toHaveLength(timelines.length);
    const ds = checkWorkspace(ws).filter((d) => d.file.endsWith(".timeline.yaml"));
    expect(asMarks(ds)).toEqual(timelines.flatMap((t) => marksIn(join(DIR, t), readFileSync(join(DIR, t), "utf8"))).sort());
  });
});

describe("the bundled timeline", () => {
  it("meta-2022: baseline, then 10 March, then 13 March, with no gap, overlap or uncovered date", () => {
    const ws = loadWorkspace(["meta-2022"], { cwd });
    expect(checkWorkspace(ws)).toEqual([]);
    const t = ws.timelines[0]?.result.timeline;
    expect(t?.versions.map((v) => [v.id, v.from ?? null, v.until ?? null])).toEqual([
      ["meta-baseline", null, "2022-03-10"],
      ["meta-2022-03-10", "2022-03-10", "2022-03-13"],
      ["meta-2022-03-13", "2022-03-13", null],
    ]);
  });

  it("a timeline id must not be the id of a policy checked with it", () => {
    const dir = mkdtempSync(join(tmpdir(), "modpol-timeline-"));
    writeFileSync(join(dir, "p.yaml"), "id: same\nrules:\n  - { id: r, when: \"true\", decision: clear, reason: always }\ndefault: clear\n");
    writeFileSync(join(dir, "t.timeline.yaml"), "timeline:\n  id: same\n  policies: [p.yaml]\n");
    const ds = checkWorkspace(loadWorkspace([dir], { cwd: dir }));
    expect(ds.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual(["t.timeline.yaml:2:7 duplicate-policy-id timeline id 'same' is already used by p.yaml"]);
  });
});
