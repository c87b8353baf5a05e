import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../cli/run.js";

// The bundled rules as CI sees them: `modpol check rules/` finds no errors and nothing wrong with
// the rules themselves, and `modpol test rules/` passes with every rule of every policy covered.
// The bundled rules pass their own `check --strict`: no warning of any kind, lexicon data included
// (a duplicate term or a language without terms is a lexicon author's slip, and CI would let it in).
// `modpol test rules/` compiles the three bundled policies from YAML (some 100,000 terms) and runs
// ~16,000 cases: once for both tests below. The timeouts only stop a hang: the run takes half a
// minute on an idle machine and passed three minutes at load 12 on this two-core one.
let testRun: Awaited<ReturnType<typeof run>>;
beforeAll(async () => {
  testRun = await run(["test", "-f", "json", "rules"]);
}, 600_000);

describe("the bundled rule files in CI", () => {
  it("modpol check --strict rules/ reports no problem at all", { timeout: 300_000 }, async () => {
    const r = await run(["check", "--strict", "-f", "json", "rules"]);
    const doc = JSON.parse(r.stdout);
    const shown = (ds: { file: string; line: number; code: string; message: string }[]) => ds.map((d) => `${d.file}:${d.line} ${d.code} ${d.message}`);
    expect(shown(doc.diagnostics)).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("modpol test rules/ covers every rule of every policy and skips nothing", () => {
    const r = testRun;
    expect(r.code, r.stderr).toBeLessThan(2);
    const doc = JSON.parse(r.stdout);
    expect(doc.policies.map((p: { id: string; coverage: { percent: number } }) => [p.id, p.coverage.percent])).toEqual([
      ["meta-2022-03-10", 100],
      ["meta-2022-03-13", 100],
      ["meta-baseline", 100],
    ]);
    expect(doc.totals.skipped).toBe(0);
  });

  it("modpol test rules/ passes every case (or marks it todo)", () => {
    const r = testRun;
    const doc = JSON.parse(r.stdout);
    const failures = doc.policies.flatMap((p: { id: string; cases: { status: string; file: string; line: number; text: string; expect: string[]; decision: string }[] }) =>
      p.cases.filter((c) => c.status === "fail").map((c) => `${p.id} ${c.file}:${c.line} "${c.text}": expected ${c.expect.join("|")}, got ${c.decision}`),
    );
    expect(failures).toEqual([]);
    expect(r.code).toBe(0);
  });
});
