import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eld } from "eld/medium";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LANGUAGE_MODEL_FORMAT_VERSION, LanguageModel, type ByteSource, type LanguageGuess } from "../../src/text/language-id.js";
import { plausible, type LanguageDetector } from "../../src/text/language.js";
import { EDGE_TEXTS, generatedTexts, SENTENCES } from "./language-samples.js";
import { SCANNER_TEXT } from "./reference-arbitraries.js";

// The model the test global setup built from the installed eld, as the build does for dist/.
const BYTES = readFileSync(join(process.env.MODPOL_PRECOMPILED_DIR!, "language-model.bin"));
const model = LanguageModel.fromBytes(BYTES);

/** How `guess` differs from eld's own result for `text` (eld/medium, imported in full here). */
function mismatch(text: string, guess: LanguageGuess): string | undefined {
  const r = eld.detect(text);
  const expected = Object.entries(r.getScores());
  const problems: string[] = [];
  if (guess.best !== (r.language === "" ? null : r.language)) problems.push(`best ${guess.best} where eld says '${r.language}'`);
  if (guess.reliable !== r.isReliable()) problems.push(`reliable ${guess.reliable} where eld says ${r.isReliable()}`);
  const order = guess.scores.map(([l]) => l).join(",");
  if (order !== expected.map(([l]) => l).join(",")) problems.push(`order ${order} where eld has ${expected.map(([l]) => l).join(",")}`);
  else if (guess.scores.some(([, s], i) => !(Math.abs(s - expected[i]![1]) <= 1e-12))) problems.push(`scores ${JSON.stringify(guess.scores)} where eld has ${JSON.stringify(expected)}`);
  return problems.length > 0 ? `${JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text)}: ${problems.join("; ")}` : undefined;
}

const mismatches = (texts: readonly string[], m = model): string[] => texts.flatMap((t) => mismatch(t, m.detect(t)) ?? []);

/** The model's bytes with its JSON header edited in place (the edit must keep its length). */
function withHeader(edit: (json: string) => string): Uint8Array {
  const bytes = new Uint8Array(BYTES);
  const length = new DataView(bytes.buffer).getUint32(12, true);
  const json = Buffer.from(bytes.subarray(16, 16 + length)).toString("latin1");
  const edited = edit(json);
  expect(edited).not.toBe(json);
  expect(edited.length).toBe(json.length);
  bytes.set(Buffer.from(edited, "latin1"), 16);
  return bytes;
}

describe("LanguageModel, read from the model the build derives from eld", () => {
  it("tells eld's languages apart, in eld's order, and says where its data comes from", () => {
    expect(model.languages).toEqual(Object.values(eld.info().Languages));
    expect(model.languages).toHaveLength(60);
    for (const l of ["en", "uk", "ru", "pl", "be", "sk", "lt", "lv", "et", "ro", "hu", "ka", "hy", "az"]) expect(model.languages).toContain(l);
    const installed = JSON.parse(readFileSync("node_modules/eld/package.json", "utf8")) as { version: string };
    expect(model.source).toEqual({ package: "eld", version: installed.version, license: "Apache-2.0", database: "medium", dataType: "M60" });
    expect(model.notice).toMatch(/Copyright 2023 Nito T\.M\..*Apache License, Version 2\.0/);
  });

  it("gives eld's result for hand-written sentences in 24 languages, alone and run together", () => {
    const sentences = Object.values(SENTENCES).flat();
    expect(mismatches([...sentences, Object.values(SENTENCES).map((s) => s[0]).join(" ")])).toEqual([]);
    // Not a vacuous comparison: eld (and so the model) names most of these languages.
    const named = Object.entries(SENTENCES).filter(([lang, ss]) => ss.every((s) => model.detect(s).best === lang));
    expect(named.length).toBeGreaterThan(18);
    expect(model.detect(SENTENCES.uk![0]!)).toMatchObject({ best: "uk", reliable: true });
  });

  it("gives eld's result on edge cases: separators, apostrophes, case folds, cut-offs, long words", () => {
    expect(mismatches(EDGE_TEXTS)).toEqual([]);
    expect(model.detect("")).toEqual({ best: null, scores: [], reliable: false, ngrams: 0 });
  });

  it("gives eld's result on 4000 generated texts: mixed languages and scripts, emoji, digits, long texts", () => {
    const texts = generatedTexts(4000, 20240611);
    expect(texts.some((t) => t.length > 1000)).toBe(true);
    expect(mismatches(texts)).toEqual([]);
  });

  it("property: gives eld's result on arbitrary strings", () => {
    const piece = fc.oneof(
      fc.string({ unit: "binary", maxLength: 8 }),
      fc.string({ unit: "grapheme", maxLength: 8 }),
      fc.constantFrom(...Object.values(SENTENCES).flat().flatMap((s) => s.split(" "))),
      fc.constantFrom(" ", "  ", "'", "’", "`", "-", ".", "😀", "👍🏽", "123", "\n", "Σ", "İ", "\uD800", "\uDC00"),
    );
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      SCANNER_TEXT,
      fc.array(piece, { maxLength: 60 }).map((a) => a.join("")),
      fc.array(piece, { minLength: 150, maxLength: 400 }).map((a) => a.join(" ")),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(mismatch(t, model.detect(t))).toBeUndefined();
      }),
      { numRuns: 1500 },
    );
  });

  it("property: a start/end range gives what the substring gives, and eld's result for it", () => {
    const texts = [...Object.values(SENTENCES).flat(), ...generatedTexts(200, 7)];
    const arb = fc.constantFrom(...texts).chain((t) => fc.tuple(fc.constant(t), fc.nat(t.length), fc.nat(t.length)));
    fc.assert(
      fc.property(arb, ([t, a, b]) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        const g = model.detect(t, start, end);
        expect(g).toEqual(model.detect(t.slice(start, end)));
        expect(mismatch(t.slice(start, end), g)).toBeUndefined();
      }),
      { numRuns: 1000 },
    );
    // Past eld's 1000 characters: the range is cut at 1000 from its start, not from the text's.
    const long = `${"x".repeat(600)} ${SENTENCES.pl!.join(" ").repeat(12)}`;
    expect(model.detect(long, 601, long.length)).toEqual(model.detect(long.slice(601)));
    expect(mismatch(long.slice(601), model.detect(long, 601))).toBeUndefined();
  });

  it("is the language identifier that language scoping expects", () => {
    const detector: LanguageDetector = model;
    expect([...plausible(detector.detect(SENTENCES.uk![1]!))]).toContain("uk");
    expect(detector.detect("Kill them all!", 0, 9).best).toBe(model.detect("Kill them").best);
  });

  it("reads texts that lower-casing changes in length or context (İ, Σ) the long way, with eld's result", () => {
    // eld-words.ts reads a text in one pass when lower-casing it keeps its length and it has no
    // capital sigma; that relies on no character lower-casing to a shorter one.
    for (let c = 0; c <= 0x10ffff; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      const ch = String.fromCodePoint(c);
      if (ch.toLowerCase().length < ch.length) expect.fail(`U+${c.toString(16)} lower-cases to a shorter string`);
    }
    const texts = ["İstanbul'da BÜYÜK bir toplantı VAR.", "ΟΔΟΣ ΣΟΦΟΣ. Σήμερα ΟΛΟΙ ΕΊΝΑΙ ΕΔΏ", "ΑΣ'Β ΑΣ.Β ΑΣ Β", "Σ", "...Σ...", "İİİ İ"];
    expect(mismatches([...texts, ...texts.map((t) => `${t} ${SENTENCES.tr![0]!}`)])).toEqual([]);
  });

  it("keeps no state from one text to the next", () => {
    const a = SENTENCES.lv![0]!;
    const first = model.detect(a);
    model.detect(SENTENCES.hy![1]!);
    model.detect("a".repeat(400));
    expect(model.detect(a)).toEqual(first);
  });

  it("refuses a range outside the text", () => {
    expect(() => model.detect("abc", -1)).toThrow(RangeError);
    expect(() => model.detect("abc", 2, 1)).toThrow(RangeError);
    expect(() => model.detect("abc", 0, 4)).toThrow(RangeError);
    expect(() => model.detect("abc", 0.5)).toThrow(RangeError);
  });

  it("the comparison with eld can fail: a model with two languages swapped disagrees with it", () => {
    const swapped = LanguageModel.fromBytes(withHeader((j) => j.replace('"en","es"', '"es","en"')));
    expect(swapped.detect(SENTENCES.en![0]!).best).toBe("es");
    expect(mismatches(SENTENCES.en!, swapped)).toHaveLength(3);
  });
});

/** `bytes` as a file read by offset, counting what is read. */
function source(bytes: Uint8Array): ByteSource & { read: number } {
  const src = {
    size: bytes.length,
    read: 0,
    slice(start: number, end: number): Uint8Array {
      src.read += end - start;
      return bytes.slice(start, end);
    },
  };
  return src;
}

describe("LanguageModel.open: the model read a piece at a time", () => {
  it("reads a few kilobytes for a short post, not the whole file", () => {
    const src = source(BYTES);
    const m = LanguageModel.open(src);
    const opened = src.read;
    expect(m.detect(SENTENCES.uk![0]!)).toEqual(model.detect(SENTENCES.uk![0]!));
    expect(opened).toBeLessThan(40_000);
    expect(src.read - opened).toBeLessThan(20_000);
    expect(src.read).toBeLessThan(BYTES.length / 20);
  });

  it("gives eld's result before and after it reads the whole file (a few hundred look-ups on)", () => {
    const src = source(BYTES);
    const m = LanguageModel.open(src);
    const texts = [...Object.values(SENTENCES).flat(), ...EDGE_TEXTS, ...generatedTexts(1500, 20261205)];
    expect(mismatches(texts, m)).toEqual([]);
    // The look-ups crossed the switch: the whole file was read once, and the results stayed eld's.
    expect(src.read).toBeGreaterThan(BYTES.length);
    expect(src.read).toBeLessThan(1.5 * BYTES.length);
  });
});

describe.each([
  ["LanguageModel.fromBytes", (b: Uint8Array) => LanguageModel.fromBytes(b)],
  ["LanguageModel.open", (b: Uint8Array) => LanguageModel.open(source(b))],
])("%s", (_name, make) => {
  const refused = (bytes: Uint8Array): string => {
    try {
      make(bytes);
    } catch (e) {
      return (e as Error).message;
    }
    return "accepted";
  };

  it("refuses another file, another format version, a truncated or padded model", () => {
    expect(refused(new Uint8Array(0))).toMatch(/not a usable modpol language model: 0 bytes/);
    expect(refused(new TextEncoder().encode("id: meta-baseline\nrules: []\n"))).toMatch(/signature/);
    const v2 = new Uint8Array(BYTES);
    new DataView(v2.buffer).setUint32(8, LANGUAGE_MODEL_FORMAT_VERSION + 1, true);
    expect(refused(v2)).toMatch(/format version 2, this modpol reads version 1/);
    expect(refused(BYTES.subarray(0, BYTES.length - 8))).toMatch(/ends early|where its tables take/);
    expect(refused(BYTES.subarray(0, 4000))).toMatch(/ends early|header runs past/);
    const padded = new Uint8Array(BYTES.length + 8);
    padded.set(BYTES);
    expect(refused(padded)).toMatch(/bytes where its tables take/);
  });

  it("refuses a damaged header or tables that do not match it", () => {
    expect(refused(withHeader((j) => `x${j.slice(1)}`))).toMatch(/header is not JSON/);
    expect(refused(withHeader((j) => j.replace('"languages":["am"', '"languages":[123 ')))).toMatch(/no valid languages/);
    expect(refused(withHeader((j) => j.replace(/"keys":\d+/, (m) => `${m.slice(0, -2)}.5`)))).toMatch(/table sizes/);
    expect(refused(withHeader((j) => j.replace(/"pairs":1/, '"pairs":2')))).toMatch(/ends early|tables take|do not match/);
    expect(refused(withHeader((j) => j.replace('"notice":', '"notise":')))).toMatch(/where its data comes from/);
    // The last entry of the n-grams' prefix index, after the two 8 KB character tables and the
    // byte dictionary, must be the number of n-grams.
    const headerEnd = (16 + new DataView(BYTES.buffer, BYTES.byteOffset).getUint32(12, true) + 7) & ~7;
    const lastPrefix = headerEnd + 8192 + 8192 + 256 + 4 * 65536;
    const broken = new Uint8Array(BYTES);
    const view = new DataView(broken.buffer);
    view.setUint32(lastPrefix, view.getUint32(lastPrefix, true) + 1, true);
    expect(refused(broken)).toMatch(/tables do not match its header/);
  });

  it("reads bytes that are not 8-byte aligned (from a copy)", () => {
    const shifted = new Uint8Array(BYTES.length + 3);
    shifted.set(BYTES, 3);
    const m = make(shifted.subarray(3));
    for (const s of SENTENCES.ka!) expect(m.detect(s)).toEqual(model.detect(s));
  });
});
