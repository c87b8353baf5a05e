import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import type { CompiledPolicy } from "../../src/compile/types.js";
import { evaluate, type Post } from "../../src/evaluate/evaluate.js";
import { loadPolicy } from "../../src/use-cases/load-policy.js";

// The bundled policies' one rule over a record field: a classifier's scores.violence sends a post
// in which no call was found to review. It must be a second opinion only: without the field every
// post is decided exactly as by the policy without the rule, and with it no decision made on a
// call changes.
const RULE = "classifier-second-opinion";

const posts: Post[] = [
  ...readFileSync("examples/posts.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l) as { text: string; country?: string }),
  ...(parse(readFileSync("rules/cases/en.cases.yaml", "utf8")) as { cases: { text: string; country?: string | null }[] }).cases,
].map((p) => ({ text: p.text, country: p.country ?? null }));

async function bundled(id: string): Promise<CompiledPolicy> {
  const r = await loadPolicy(id);
  if (!r.policy) throw new Error(`${id} did not load`);
  return r.policy;
}

describe.each(["meta-2022-03-10", "meta-2022-03-13", "meta-baseline"])("the classifier rule of %s", (id) => {
  it("changes no decision of a record without scores.violence", async () => {
    const policy = await bundled(id);
    expect(policy.rules.some((r) => r.id === RULE)).toBe(true);
    const without = { ...policy, rules: policy.rules.filter((r) => r.id !== RULE) };
    expect(posts.length).toBeGreaterThan(100);
    const differ = posts.filter((p) => evaluate(p, policy).decision !== evaluate(p, without).decision || evaluate(p, policy).rule === RULE);
    expect(differ.map((p) => p.text)).toEqual([]);
  });

  it("turns only clear decisions into review, and none by a low score", async () => {
    const policy = await bundled(id);
    for (const p of posts) {
      const plain = evaluate(p, policy);
      const high = evaluate({ ...p, fields: { scores: { violence: 0.97 } } }, policy);
      const low = evaluate({ ...p, fields: { scores: { violence: 0.3 } } }, policy);
      expect(low.decision, p.text).toBe(plain.decision);
      if (high.rule === RULE) expect(plain.decision, p.text).toBe("clear");
      else expect(high.decision, p.text).toBe(plain.decision);
    }
    const calm = evaluate({ text: "They will pay for what they did.", country: "PL", fields: { scores: { violence: 0.97 } } }, policy);
    expect([calm.decision, calm.rule]).toEqual(["review", RULE]);
  });
});
