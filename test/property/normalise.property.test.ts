import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalise, toOriginal } from "../../src/text/normalise.js";
import { tokenise } from "../../src/text/tokenise.js";
import { check, timeout } from "./harness.js";

// Extends the properties of test/text/normalise.test.ts (short arbitrary strings) to long and hostile
// posts: runs of combining marks, invisible characters, control characters and disguises, and
// clean text in the scripts the bundled policies cover.

const HOSTILE = fc.constantFrom(
  "\u0301", "\u0338", "\u200b", "\u200d", "\u00ad", "\ufeff", "\u202e", "\u2066", "\u0000", "\u001b", "\r", "\n", "\t", "\uD800", "\uDC00", "💀", "🇺🇦", "ﬁ", "İ", "ß", "Ｐ", "𝐃", "ⓚ",
  "K i l l", "С.м.е.р.т.ь", "d3@th", "0кyпант", "deeeeath", "k-i-l-l", "a", "ж", " ", "  ", ".", "!", "'", "’",
);
const LONG = fc.array(fc.oneof(HOSTILE, fc.string({ maxLength: 6 })), { maxLength: 400 }).map((a) => a.join(""));
const CLEAN_WORD = fc.oneof(fc.stringMatching(/^[a-z]{2,9}$/), fc.constantFrom("смерть", "окупантам", "мир", "дякую", "війна", "так"));
const CLEAN = fc.array(fc.tuple(CLEAN_WORD, fc.constantFrom(" ", ", ", ". ", "! ", "? ", "\n")), { minLength: 1, maxLength: 12 }).map((ws) => ws.map(([w, sep]) => w + sep).join("").trimEnd());

describe("normaliser (properties)", () => {
  it(
    "long hostile posts: every normalised unit and word maps inside the original, in order",
    () =>
      check(
        "normalise: long hostile posts",
        fc.property(LONG, (s) => {
          const n = normalise(s);
          let prev = 0;
          for (let i = 0; i < n.text.length; i++) {
            const [a, b] = toOriginal(n, i, i + 1);
            expect(a).toBeGreaterThanOrEqual(prev);
            expect(b).toBeGreaterThanOrEqual(a);
            expect(b).toBeLessThanOrEqual(s.length);
            prev = a;
          }
          const t = tokenise(n.text);
          t.words.forEach((_, w) => {
            const [a, b] = toOriginal(n, t.starts[w] as number, t.ends[w] as number);
            expect(0 <= a && a < b && b <= s.length).toBe(true);
          });
          expect(normalise(s)).toEqual(n);
        }),
        150,
      ),
    timeout(),
  );

  it(
    "clean text (lower-case words, plain punctuation, in Latin or Cyrillic) is unchanged",
    () =>
      check(
        "normalise: clean text unchanged",
        fc.property(CLEAN, (s) => {
          expect(normalise(s).text).toBe(s);
        }),
        300,
      ),
    timeout(),
  );
});
