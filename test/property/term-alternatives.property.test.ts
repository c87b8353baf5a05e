import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandAlternatives, MAX_EXPANSION } from "../../src/match/term-alternatives.js";
import { check, timeout } from "./harness.js";

// The expansion of alternatives ({a|b}) against a reference written the naive way: the cartesian
// product counted like an odometer (the last group fastest), its strings tidied, each kept the first
// time it comes; and every term without '{', '|' or '}' comes back as it was written.

/** Text between groups and inside them: words, gaps, stems, odd spacing; never '{', '|' or '}'. */
const TEXT = fc.array(fc.constantFrom("kill", "them", "на", "смерть", "~2", "~4!nie", "вбий*", " ", "  ", "\t", "", "a", "a "), { maxLength: 4 }).map((a) => a.join(""));
type Piece = string | string[];
const PIECES = fc.array(fc.oneof(TEXT, fc.array(TEXT, { minLength: 1, maxLength: 4 })), { maxLength: 6 });

function source(pieces: readonly Piece[]): string {
  return pieces.map((p) => (typeof p === "string" ? p : `{${p.join("|")}}`)).join("");
}

/** The reference: every choice of one alternative per group, as an odometer of indices. */
function naive(pieces: readonly Piece[]): string[] {
  const groups = pieces.filter((p): p is string[] => typeof p !== "string");
  const idx = groups.map(() => 0);
  const out: string[] = [];
  for (;;) {
    let g = 0;
    const s = pieces.map((p) => (typeof p === "string" ? p : (p[idx[g++] as number] as string))).join("");
    const t = s.trim().split(/\s+/u).join(" ");
    if (!out.includes(t)) out.push(t);
    let k = groups.length - 1;
    while (k >= 0 && (idx[k] as number) + 1 === (groups[k] as string[]).length) idx[k--] = 0;
    if (k < 0) return out;
    idx[k] = (idx[k] as number) + 1;
  }
}

describe("alternatives in terms (properties)", () => {
  it(
    "expand to the cartesian product of their groups, in order, without repeats",
    () =>
      check(
        "alternatives: product",
        fc.property(PIECES, (pieces) => {
          const groups = pieces.filter((p) => typeof p !== "string");
          const empty = groups.some((g) => (g as string[]).every((a) => a.trim() === ""));
          const x = expandAlternatives(source(pieces));
          if (groups.length === 0) expect(x).toEqual({ ok: true, terms: [source(pieces)], grouped: false, duplicates: [] });
          else if (empty) expect(!x.ok && x.code).toBe("empty-group");
          else {
            const size = groups.reduce((n, g) => n * (g as string[]).length, 1);
            if (size > MAX_EXPANSION) expect(!x.ok && x.code).toBe("too-many-expansions");
            else expect(x.ok && x.terms).toEqual(naive(pieces));
          }
        }),
        300,
      ),
    timeout(),
  );

  it(
    "leave a term without braces or bars as it was written",
    () =>
      check(
        "alternatives: no group",
        fc.property(
          fc.string({ maxLength: 40 }).filter((s) => !/[{|}]/u.test(s)),
          (s) => {
            expect(expandAlternatives(s)).toEqual({ ok: true, terms: [s], grouped: false, duplicates: [] });
          },
        ),
        300,
      ),
    timeout(),
  );
});
