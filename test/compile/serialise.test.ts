import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deserialisePolicy, deserialiseTimeline, parsePolicyIR, serialisePolicy, serialiseTimeline, type TimelineIR } from "../../src/compile/serialise.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { selectPolicy } from "../../src/evaluate/timeline.js";
import { loadPolicy } from "../../src/pipeline.js";
import { loadPrecompiledTimeline } from "../../src/policy-loader.js";
import { loadTimelineFile } from "../../src/timeline-pipeline.js";

const posts = [
  { text: "Death to the Russian invaders!", country: "UA" },
  { text: "Death to Putin!", country: "PL" },
  { text: "Someone should shoot Putin.", country: "UA" },
  { text: "Glory to the nation, death to the enemies!", country: "UA" },
  { text: "Смерть окупантам!", country: "DE" },
  { text: "He wrote 'death to all Russians' and was banned.", country: "UA" },
];

describe("precompiled policies", () => {
  it.each(["meta-2022-03-10", "meta-2022-03-13", "meta-baseline"])("%s decides exactly as the YAML it was built from", (id) => {
    const full = loadPolicy(id).policy!;
    const copy = deserialisePolicy(parsePolicyIR(serialisePolicy(full, [])));
    expect(copy.rules.map((r) => r.id)).toEqual(full.rules.map((r) => r.id));
    expect(copy.index.terms.length).toBe(full.index.terms.length);
    for (const p of posts) expect(evaluate(p, copy)).toEqual(evaluate(p, full));
  });
});

describe("precompiled timelines", () => {
  const t = loadTimelineFile(join(process.cwd(), "test/fixtures/timeline/mini.timeline.yaml")).timeline!;

  it("load each version only when a post first needs it", () => {
    const loaded: string[] = [];
    const ir = JSON.parse(serialiseTimeline(t, [])) as TimelineIR;
    const copy = deserialiseTimeline(ir, (id) => {
      loaded.push(id);
      return t.versions.find((v) => v.id === id)!.policy;
    });
    expect(copy.versions.map((v) => [v.id, v.from, v.until])).toEqual(t.versions.map((v) => [v.id, v.from, v.until]));
    const s = selectPolicy(copy, "2022-03-11", undefined);
    expect(s.ok && evaluate({ text: "Death to Putin", country: "PL" }, s.policy).decision).toBe("exempt");
    selectPolicy(copy, "2022-03-12", undefined).ok && copy.versions[1]!.policy;
    expect(loaded).toEqual(["mini-v2"]);
  });

  it("are read from the build folder, and ignored when a source has changed since", () => {
    const dir = mkdtempSync(join(tmpdir(), "modpol-pre-"));
    for (const v of t.versions) writeFileSync(join(dir, `${v.id}.json`), serialisePolicy(v.policy, []));
    writeFileSync(join(dir, "mini.timeline.json"), serialiseTimeline(t, []));
    const pre = loadPrecompiledTimeline("mini", dir);
    const s = pre && selectPolicy(pre, "2022-03-14", undefined);
    expect(s && s.ok && evaluate({ text: "Death to Putin", country: "PL" }, s.policy).rule).toBe("hos-never");
    writeFileSync(join(dir, "stale.timeline.json"), serialiseTimeline(t, [{ path: "meta-2022-03-10.yaml", size: 1, mtimeMs: 1 }]));
    expect(loadPrecompiledTimeline("stale", dir)).toBeUndefined();
  });
});
