import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TermMemo } from "../../src/compile/compile-lexicons.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";

// Policies compiled in one run (`check` and `test` over a folder, the build's precompile) share the
// terms they parse (compile-lexicons.ts, TermMemo): the shared result must compile each policy
// exactly as a compile of its own would.

const dir = mkdtempSync(join(tmpdir(), "modpol-memo-"));
writeFileSync(
  join(dir, "shared.yaml"),
  `lexicons:\n  call: { terms: { en: [kill, "shoot ~2 dead", "{hang|burn} them"], uk: [вбити, "смерть"] } }\n  target: { terms: { en: [invader*, "the occupiers"], uk: [окупант*] }, except: { en: [invalid] } }\n`,
);
const policy = (id: string, decision: string) =>
  `id: ${id}\ninclude: [shared.yaml]\nlexicons:\n  extra: { terms: { en: [kill, "the occupiers"] } }\nsignals:\n  call: { lexicon: [call, extra] }\n  target: { lexicon: target, near: call }\nrules:\n  - { id: r1, when: call and target, decision: ${decision}, reason: x }\ndefault: clear\n`;
writeFileSync(join(dir, "a.yaml"), policy("a", "violating"));
writeFileSync(join(dir, "b.yaml"), policy("b", "review"));

const posts = ["kill the invaders", "shoot them all dead, the occupiers", "burn them, invaders", "смерть окупантам", "an invalid kill", "hello"].map((text) => ({ text, country: "UA" }));

describe("terms parsed once for the policies of a run", () => {
  it("compiles each policy as a compile of its own does, and parses each written term once", () => {
    const memo: TermMemo = new Map();
    const shared = { cache: new Map(), terms: memo };
    const a = loadYamlPolicy(join(dir, "a.yaml"), shared).policy!;
    const sizeAfterFirst = memo.size;
    const b = loadYamlPolicy(join(dir, "b.yaml"), shared).policy!;
    // The second policy wrote nothing the first had not: no term was parsed again.
    expect(sizeAfterFirst).toBeGreaterThan(5);
    expect(memo.size).toBe(sizeAfterFirst);
    for (const [mine, id] of [[a, "a.yaml"], [b, "b.yaml"]] as const) {
      const alone = loadYamlPolicy(join(dir, id)).policy!;
      expect(mine.index.terms).toEqual(alone.index.terms);
      for (const p of posts) expect(evaluate(p, mine)).toEqual(evaluate(p, alone));
    }
    // And the two policies hold one parse of a term they share.
    const kill = (p: typeof a) => p.index.terms.find((t) => t.source === "kill")!.parts;
    expect(kill(a)).toBe(kill(b));
    expect(evaluate(posts[0]!, a).decision).toBe("violating");
    expect(evaluate(posts[0]!, b).decision).toBe("review");
  });
});
