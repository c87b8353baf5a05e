import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CompiledPolicy } from "../../src/compile/types.js";
import type { WorkMeter } from "../../src/evaluate/context-index.js";
import { analyse, decide } from "../../src/evaluate/evaluate.js";
import { normalise } from "../../src/text/normalise.js";
import { jsonlLine } from "../../src/report/eval-format.js";
import { PLAIN } from "../../src/report/style.js";
import { loadPolicy } from "../../src/use-cases/load-policy.js";

// A long post must cost no more per byte than short ones made of the same text (issue 16: "a 1 MB
// post with emoji: cost per byte within 1.5× that of a 1 KB post"). Measured as linear-time.test.ts
// measures, by the steps modpol counts, never by the clock: the context checks, the units the
// normaliser handles one at a time (each cluster NFKC looks at, each code point lowered alone, each
// unit of a replacement) and its runs, and the offset conversion of the output. A step that went
// unit by unit over the whole of a post as soon as one character anywhere in it asked for it (one
// styled letter, one "İ") made a long post, which nearly always holds such a character, pay on
// every unit what short posts pay only when they hold one: 1.9× the CPU a byte (1 MB against 1 KB
// posts, before).

/** Posts of the spent blind rounds, run together with emoji and, now and then, a disguise, as the long-post series does. */
function realText(bytes: number): string[] {
  const posts: string[] = [];
  for (let r = 1; r <= 12; r++) {
    for (const line of readFileSync(`test/fixtures/blind/round-${r}.jsonl`, "utf8").split("\n")) {
      if (line.trim() !== "") posts.push((JSON.parse(line) as { text: string }).text);
    }
  }
  const disguises = ["Ｄｅａｔｈ to Ｐｕｔｉｎ", "İstanbul", "k1ll them", "K i l l", "Смeрть", "ﬁght", "Σ ΑΣ"];
  const parts: string[] = [];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const t = `${posts[k % posts.length]} ${k % 7 === 6 ? "🇺🇦🔥 " : ""}${k % 53 === 52 ? `${disguises[(k / 53) % disguises.length | 0]} ` : ""}`;
    parts.push(t);
    size += Buffer.byteLength(t);
  }
  return parts;
}

/** The same parts as one post, and as posts of about `bytes` bytes each. */
function asPosts(parts: readonly string[], bytes: number): string[] {
  const out: string[] = [];
  let cur = "";
  for (const p of parts) {
    cur += p;
    if (Buffer.byteLength(cur) >= bytes) {
      out.push(cur);
      cur = "";
    }
  }
  if (cur !== "") out.push(cur);
  return out;
}

const bytesOf = (texts: readonly string[]): number => texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

let policy: CompiledPolicy;
let parts: string[];
beforeAll(async () => {
  const p = (await loadPolicy("meta-2022-03-10")).policy;
  if (!p) throw new Error("policy did not load");
  policy = p;
  parts = realText(1_000_000);
});

/** Steps of normalising each text, per byte. */
const normaliseStepsPerByte = (texts: readonly string[]): number => {
  const meter: WorkMeter = { steps: 0 };
  for (const t of texts) normalise(t, undefined, meter);
  return meter.steps / bytesOf(texts);
};

/** Steps of evaluating each text and writing its JSONL line (code point offsets), per byte. */
const evalStepsPerByte = (texts: readonly string[]): number => {
  const meter: WorkMeter = { steps: 0 };
  const fo = { offsets: "codepoint" as const, style: PLAIN, meter };
  texts.forEach((text, i) => {
    const a = analyse({ text, country: "UA" }, policy, meter);
    jsonlLine({ kind: "decision", id: String(i), line: i + 1, text, decision: decide(a, policy) }, fo);
  });
  return meter.steps / bytesOf(texts);
};

describe("a long post costs no more per byte than short posts of the same text", () => {
  it("normalisation: one 1 MB post with emoji and disguises against the same text as 1 KB posts (counted units)", () => {
    const long = normaliseStepsPerByte([parts.join("")]);
    const short = normaliseStepsPerByte(asPosts(parts, 1_000));
    expect(long, `${long.toFixed(4)} steps/byte in one 1 MB post, ${short.toFixed(4)} in 1 KB posts`).toBeLessThanOrEqual(1.5 * short + 0.01);
  }, 120_000);

  it("evaluation and output: one 1 MB post with emoji against the same text as 1 KB posts (counted steps)", () => {
    const long = evalStepsPerByte([parts.join("")]);
    const short = evalStepsPerByte(asPosts(parts, 1_000));
    // Twice, as linear-time.test.ts asks: the CPU a byte is the same (1.0–1.03× over 1 MB of the
    // benchmark's real text), but counted look-ups weigh more in a long post, where every lexicon's
    // list has matches, than in short ones, where most are empty (8.4 against 5.6 steps a byte here,
    // 1.5×; before, 38 against 13 without counting the look-ups themselves).
    expect(long, `${long.toFixed(4)} steps/byte in one 1 MB post, ${short.toFixed(4)} in 1 KB posts`).toBeLessThanOrEqual(2 * short + 0.05);
  }, 240_000);

  it("the meter counts what going unit by unit costs: a styled letter and an İ in a post", () => {
    // The units a piece of text with a styled letter or a length-changing capital are handled one by one.
    const meter: WorkMeter = { steps: 0 };
    normalise("Ｐ İ", undefined, meter);
    expect(meter.steps).toBeGreaterThanOrEqual(3);
    // A long clean stretch around them is not.
    const long: WorkMeter = { steps: 0 };
    normalise(`${"a quiet sentence. ".repeat(5_000)}Ｐ İ${" and more.".repeat(5_000)}`, undefined, long);
    expect(long.steps).toBeLessThan(180_000 / 20);
  });
});
