import { describe, expect, it } from "vitest";
import { importEdges, layerViolations, LAYERS } from "./import-graph.js";

describe("the layering of src/", () => {
  const edges = importEdges("src");

  it("finds the imports (static, re-exports and dynamic)", () => {
    // Sanity: the checker must see the edges it judges, or it would pass on anything.
    expect(edges.length).toBeGreaterThan(200);
    expect(edges).toContainEqual(expect.objectContaining({ from: "use-cases/load-policy.ts", to: "use-cases/load-yaml-policy" }));
    expect(edges.some((e) => e.from === "evaluate/evaluate.ts" && e.to === "match/index")).toBe(true);
  });

  it("has no module importing from a later phase or layer", () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it("flags an import from a later layer, an unknown folder and the public entry point", () => {
    expect(layerViolations([
      { from: "compile/compile.ts", to: "evaluate/evaluate", line: 3 },
      { from: "evaluate/evaluate.ts", to: "compile/types", line: 1 },
      { from: "extras/x.ts", to: "base/dates", line: 1 },
      { from: "report/junit.ts", to: "index", line: 2 },
    ])).toEqual([
      "src/compile/compile.ts:3 imports src/evaluate/evaluate: 'compile' comes before 'evaluate', so it may not depend on it",
      "src/extras/x.ts: folder 'extras' is not in LAYERS",
      "src/report/junit.ts:2 imports the public entry point src/index",
    ]);
  });

  it("lists every folder of src/ as a layer", async () => {
    const { readdirSync, statSync } = await import("node:fs");
    const folders = readdirSync("src").filter((n) => statSync(`src/${n}`).isDirectory()).sort();
    expect(folders).toEqual([...LAYERS].sort());
  });
});
