import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { CompiledPolicy } from "../../src/compile/types.js";
import { DECISIONS } from "../../src/base/decisions.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { explain } from "../../src/evaluate/explain.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";
import { loadPolicy } from "../../src/use-cases/load-policy.js";
import { check, timeout } from "./harness.js";

// The evaluator on posts built to hurt: disguises, control characters, lone surrogates, runs of
// combining marks, very long words. For every post and country: no exception, a decision the SPEC
// knows, a deciding rule the policy has, evidence that is exactly the text at its offsets, the same
// answer every time, and `--explain` agreeing with the plain decision.

const PIECES = fc.constantFrom(
  "Death to", "death to putin", "kill them all", "Смерть окупантам!", "Śmierć wrogom.", "смерть", "вбийте", "d3ath t0", "K i l l", "k\u200bi\u200bl\u200bl", "Ｐｕｔｉｎ", "putin", "invaders",
  "\"", "«", "»", "'", " ", "  ", "\n", "\r\n", "\t", ".", "!", "?", ",", "…", "—", "(", ")", "not", "don't", "no one", "in Kyiv", "with a knife",
  "\u0000", "\u001b[31m", "\u202e", "\u2066", "\uFEFF", "\u00AD", "\u0301\u0301\u0301\u0301", "\uD800", "\uDFFF", "💀", "🇺🇦", "ﬁ", "İ", "ß", "a".repeat(40), "deathto", "killthem",
);
const POST = fc.oneof(
  { weight: 4, arbitrary: fc.array(PIECES, { maxLength: 25 }).map((p) => p.join(" ")) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 80 }) },
);
const COUNTRY = fc.constantFrom(null, "UA", "PL", "DE", "RU", "US", "LV");

let policies: { name: string; policy: CompiledPolicy }[] = [];

beforeAll(async () => {
  const bundled = await loadPolicy("meta-2022-03-10");
  const mini = loadYamlPolicy("test/fixtures/mini/policy.yaml");
  const hostile = loadYamlPolicy("test/fixtures/hostile/rules/catastrophic-patterns.yaml");
  policies = [bundled, mini, hostile].map((r, i) => {
    if (!r.policy) throw new Error(`policy ${i} did not load: ${JSON.stringify(r.diagnostics.slice(0, 3))}`);
    return { name: r.policy.id, policy: r.policy };
  });
});

describe("evaluator (properties)", () => {
  it(
    "any post, any country: a valid decision, a known rule, exact evidence, stable, and explain agrees",
    () =>
      check(
        "evaluate: hostile posts",
        fc.property(POST, COUNTRY, fc.nat(), (text, country, which) => {
          const { policy } = policies[which % policies.length] as { policy: CompiledPolicy };
          const post = { text, country };
          const d = evaluate(post, policy);
          expect(DECISIONS).toContain(d.decision);
          if (d.rule !== null) expect(policy.rules.map((r) => r.id)).toContain(d.rule);
          expect(d.policy).toBe(policy.id);
          for (const m of d.matches) {
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeGreaterThan(m.start);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(m.start, m.end)).toBe(m.text);
          }
          expect(evaluate(post, policy)).toEqual(d);
          const x = explain(post, policy);
          expect([x.decision, x.rule]).toEqual([d.decision, d.rule]);
        }),
        120,
      ),
    timeout(),
  );
});
