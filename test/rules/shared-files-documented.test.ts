import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// docs/policy-language.md has one table row per shared phenomenon file: a file added to
// rules/shared/ without one is a phenomenon an analyst cannot find.
const shared = readdirSync(new URL("../../rules/shared/", import.meta.url)).filter((f) => f.endsWith(".yaml") && f !== "signals.yaml");
const doc = readFileSync(new URL("../../docs/policy-language.md", import.meta.url), "utf8");
const rows = new Set([...doc.matchAll(/^\| `([a-z0-9-]+\.yaml)` \|/gmu)].map((m) => m[1]));

describe("the shared files of the bundled policies", () => {
  it("each has a row in the policy language's table", () => {
    expect(shared.filter((f) => !rows.has(f))).toEqual([]);
  });
  it("each row names a file that exists", () => {
    expect([...rows].filter((f) => !shared.includes(f as string))).toEqual([]);
  });
});
