import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvLine, jsonlLine, offsetsFor, type ResultItem } from "../../src/report/eval-format.js";
import { PLAIN } from "../../src/report/style.js";
import type { WorkMeter } from "../../src/evaluate/context-index.js";

/** The conversion as it was, one scan from the start of the text per offset: the reference. */
function scanFromStart(text: string, utf16: number): number {
  if (!/[\uD800-\uDFFF]/.test(text)) return utf16;
  let cps = 0;
  for (let i = 0; i < utf16; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) cps++;
  }
  return cps;
}

// Texts long enough to cross the conversion's checkpoints, with pairs, lone halves of them and BMP text.
const piece = fc.constantFrom("a", "Смерть ", "🇺🇦", "😀", "\uD800", "\uDC00", "𝕂", "\uD83D\uDE00x", "0123456789abcdef".repeat(5));
const longText = fc.array(piece, { maxLength: 60 }).map((ps) => ps.join(""));

describe("offsetsFor", () => {
  it("gives what a scan from the start gives, for every offset of any text (lone surrogates, outside the text)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary" }), longText), (text) => {
        const at = offsetsFor(text, "codepoint");
        const us = Array.from({ length: text.length + 5 }, (_, i) => i - 2);
        expect(us.map(at)).toEqual(us.map((u) => scanFromStart(text, u)));
      }),
      { numRuns: 300 },
    );
  });

  it.each([63, 64, 65, 127, 128, 129, 192])("converts every offset of a %i-unit text with emoji, its end included (a checkpoint when a multiple of 64)", (len) => {
    const text = "😀 StandWithUkraine 🇺🇦 ".repeat(20).slice(0, len);
    const at = offsetsFor(text, "codepoint");
    const us = Array.from({ length: len + 1 }, (_, i) => i);
    expect(us.map(at)).toEqual(us.map((u) => scanFromStart(text, u)));
  });

  it("keeps UTF-16 offsets as they are", () => {
    const at = offsetsFor("🇺🇦 x", "utf16");
    expect([0, 2, 4, 5].map(at)).toEqual([0, 2, 4, 5]);
  });

  it("scans nothing for a post with no offset to convert", () => {
    const meter: WorkMeter = { steps: 0 };
    offsetsFor("🇺🇦".repeat(1000), "codepoint", meter);
    expect(meter.steps).toBe(0);
  });
});

/** A post of `bytes` UTF-8 bytes or so: a chunk with emoji repeated, one match in every chunk. */
function longPost(bytes: number): ResultItem {
  const chunk = "Death to Putin! 🇺🇦🔥 Смерть окупантам 😀 ";
  const n = Math.max(1, Math.round(bytes / Buffer.byteLength(chunk)));
  const text = chunk.repeat(n);
  const matches = Array.from({ length: n }, (_, i) => ({ signal: "call-form", term: "death to", text: "Death to", start: i * chunk.length, end: i * chunk.length + 8, lexicon: "l", lang: "en", transforms: [] }));
  return { kind: "decision", id: "p", line: 1, text, decision: { decision: "violating", rule: "r", reason: "x", policy: "p", country: "UA", lang: "en", matches } };
}

/** Units scanned by the offset conversion per UTF-8 byte of the post, writing it as `write` does. */
function stepsPerByte(item: ResultItem, write: typeof jsonlLine): number {
  const meter: WorkMeter = { steps: 0 };
  write(item, { offsets: "codepoint", style: PLAIN, meter });
  return meter.steps / Buffer.byteLength((item as { text: string }).text);
}

describe("output cost is linear in the post's length", () => {
  it.each([
    ["jsonl", jsonlLine],
    ["csv", csvLine],
  ] as const)("%s: a 1 MB post with emoji costs no more per byte than a 1 KB one (within 1.5x)", (_, write) => {
    const small = stepsPerByte(longPost(1_000), write);
    const large = stepsPerByte(longPost(1_000_000), write);
    expect(small).toBeGreaterThan(0);
    expect(large).toBeLessThanOrEqual(1.5 * small);
  });

  it("the offsets written are those of the scan from the start", () => {
    const item = longPost(5_000);
    const line = JSON.parse(jsonlLine(item, { offsets: "codepoint", style: PLAIN })) as { matches: { start: number; end: number }[] };
    const text = (item as { text: string }).text;
    const ms = (item as unknown as { decision: { matches: { start: number; end: number }[] } }).decision.matches;
    expect(line.matches.map((m) => [m.start, m.end])).toEqual(ms.map((m) => [scanFromStart(text, m.start), scanFromStart(text, m.end)]));
  });
});
