import { beforeAll, describe, expect, it } from "vitest";
import type { CompiledPolicy } from "../../src/compile/types.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { normalise } from "../../src/text/normalise.js";
import { loadPolicy } from "../../src/use-cases/load-policy.js";

// Code points that show nothing (or a blank) inside a word, and so were used to split one past the
// matcher: "k\x01ill the invaders" was clear. Each is folded away like the zero-width characters.
const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const FOLDED: readonly number[] = [
  ...range(0x00, 0x08), // C0 controls but tab and line breaks
  ...range(0x0e, 0x1f),
  ...range(0x7f, 0x84), // DEL and the C1 controls but NEL (a line break)
  ...range(0x86, 0x9f),
  0x2800, // blank Braille pattern
  ...range(0xfff9, 0xfffb), // interlinear annotation marks
  ...range(0x13430, 0x1343f), // Egyptian hieroglyph format controls
  0xe0001, // language tag
  ...range(0xe0020, 0xe007f), // tag characters
];
/**
 * Default-ignorable code points the list above missed, found by deciding "k?ill the invaders" for
 * every control, format and default-ignorable code point: format controls of shorthand and music,
 * and code points reserved as default-ignorable (a renderer shows them as nothing).
 */
const MISSED: readonly number[] = [
  ...range(0x1bca0, 0x1bca3), // shorthand format controls
  ...range(0x1d173, 0x1d17a), // musical symbols begin and end beam, tie, slur, phrase
  0x2065,
  ...range(0xfff0, 0xfff8),
  0xe0000,
  ...range(0xe0002, 0xe001f),
  ...range(0xe0080, 0xe00ff),
  ...range(0xe01f0, 0xe0fff).filter((cp) => cp % 61 === 0),
];
const DEFAULT_IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/** Controls that break a line: they separate words, as a line break does. */
const LINE_BREAKS = [0x0b, 0x0c, 0x85];

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

let policy: CompiledPolicy;
beforeAll(async () => {
  const loaded = (await loadPolicy("meta-2022-03-10")).policy;
  if (!loaded) throw new Error("bundled policy did not load");
  policy = loaded;
});

describe("invisible code points inside a word", () => {
  it(`folds all ${FOLDED.length} of them away, alone or in runs`, () => {
    for (const cp of FOLDED) {
      const c = String.fromCodePoint(cp);
      expect(normalise(`k${c}ill`).text, hex(cp)).toBe("kill");
      expect(normalise(`de${c}${c}${c}ath`).text, hex(cp)).toBe("death");
    }
  });

  it("folds every default-ignorable code point away, whatever the Unicode version adds to them", () => {
    let n = 0;
    for (let cp = 0; cp < 0x110000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (!DEFAULT_IGNORABLE.test(c)) continue;
      n++;
      expect(normalise(`k${c}ill`).text, hex(cp)).toBe("kill");
    }
    expect(n).toBeGreaterThan(4000);
  });

  it("decides a call split by any of them as the call itself, with the evidence on what was written", () => {
    const plain = evaluate({ text: "kill the invaders", country: "DE" }, policy);
    expect(plain.decision).toBe("violating");
    for (const cp of [...FOLDED, ...MISSED]) {
      const c = String.fromCodePoint(cp);
      const text = `k${c}ill the invaders`;
      const d = evaluate({ text, country: "DE" }, policy);
      expect([d.decision, d.rule], hex(cp)).toEqual([plain.decision, plain.rule]);
      expect(d.matches[0]?.text, hex(cp)).toBe(`k${c}ill`);
    }
  });

  it("reads escape sequences as nothing, and line-breaking controls as a space", () => {
    expect(normalise("\u001b[31mkill\u001b[0m them").text).toBe("kill them");
    expect(normalise("k\u001b[0mill").text).toBe("kill");
    for (const cp of LINE_BREAKS) expect(normalise(`kill${String.fromCodePoint(cp)}them`).text, hex(cp)).toBe("kill them");
  });
});
