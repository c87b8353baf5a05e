import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenise } from "../../src/text/tokenise.js";
import { wordHash, WordInterner } from "../../src/text/word-intern.js";

// Letters of several scripts, apostrophes, emoji (surrogate pairs), a lone surrogate, quotes and
// spaces: what the tokeniser's word scan and the interner's hash must agree on.
const unit = fc.constantFrom("a", "b", "é", "ж", "ї", "'", "’", " ", " ", ".", "\"", "\\", "😀", "🇺🇦", "\ud800", "\udc00", "1", "\u0301", "ა", "ա");
const text = fc.array(unit, { maxLength: 60 }).map((u) => u.join(""));

describe("WordInterner", () => {
  it("gives back the text's units, one entry for each distinct word", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.nat(), fc.nat()), { maxLength: 30 }), (cuts) => {
        const table = new WordInterner(1000);
        const seen = new Set<string>();
        for (const [t, a, b] of cuts) {
          const start = Math.min(a, b) % (t.length + 1);
          const end = Math.min(t.length, start + (Math.max(a, b) % 20));
          const want = t.slice(start, end);
          expect(table.get(t, start, end, wordHash(t, start, end))).toBe(want);
          seen.add(want);
          expect(table.size).toBe(seen.size);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("copies long words out of their text, whatever they hold, and starts afresh past its limit", () => {
    const table = new WordInterner(4);
    const post = `x ${"з".repeat(20)} "quoted\\word\u0001here" y`;
    expect(table.get(post, 2, 22, wordHash(post, 2, 22))).toBe("з".repeat(20));
    expect(table.get(post, 23, post.length - 2, wordHash(post, 23, post.length - 2))).toBe(post.slice(23, -2));
    for (const w of ["a", "b"]) table.get(w, 0, 1, wordHash(w, 0, 1));
    expect(table.size).toBe(4);
    expect(table.get("d", 0, 1, wordHash("d", 0, 1))).toBe("d");
    expect(table.size).toBe(1);
    expect(table.get("a", 0, 1, wordHash("a", 0, 1))).toBe("a");
    expect(table.size).toBe(2);
  });

  it("finds a word whose hash collides with another's by its units", () => {
    const table = new WordInterner(16);
    expect(table.get("ab", 0, 2, 7)).toBe("ab");
    expect(table.get("cd", 0, 2, 7)).toBe("cd");
    expect(table.get("ab", 0, 2, 7)).toBe("ab");
    expect(table.size).toBe(2);
  });
});

describe("tokenise with interned words", () => {
  it("gives each word the units between its start and end, as a substring would", () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (posts) => {
        // The same posts twice: the second time every word comes from the table.
        for (const t of [...posts, ...posts]) {
          const tokens = tokenise(t);
          tokens.words.forEach((w, i) => expect(w).toBe(t.slice(tokens.starts[i], tokens.ends[i])));
        }
      }),
      { numRuns: 300 },
    );
  });
});
