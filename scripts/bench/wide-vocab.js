#!/usr/bin/env node
// A harder corpus for `npm run bench -- --input`: the generated corpus has a small vocabulary
// (under a thousand distinct words), which flatters modpol's per-word memo. This adds N made-up words
// to every post (default 4), drawn Zipf-wise (s = 1) from a vocabulary of V words (default 200,000),
// half Latin and half Cyrillic, 4–10 letters, none of them in any lexicon in all likelihood: like
// the names, tags and rare words of real exports, each new one pays for a full look-up.
//   node scripts/bench/wide-vocab.js IN.jsonl OUT.jsonl [--words N] [--vocabulary V] [--seed S]
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { mulberry32 } from "./corpus.js";

const LATIN = "abcdefghijklmnoprstuwyz";
const CYRILLIC = "абвгдежзиклмнопрстуфхцчшыэюяіє";

/**
 * The JSONL `lines` with `words` made-up words added to each post's text, drawn Zipf-wise from a
 * vocabulary of `vocabulary` words made with `seed`.
 */
export function addWords(lines, { words = 4, vocabulary = 200_000, seed = 12345 } = {}) {
  const rnd = mulberry32(seed);
  const V = vocabulary;
  const vocab = Array.from({ length: V }, () => {
    const letters = rnd() < 0.5 ? LATIN : CYRILLIC;
    const n = 4 + Math.floor(rnd() * 7);
    let w = "";
    for (let k = 0; k < n; k++) w += letters[Math.floor(rnd() * letters.length)];
    return w;
  });
  // Zipf: word i (1-based) drawn with weight 1/i, by binary search in the cumulative weights.
  const cumulative = new Float64Array(V);
  let total = 0;
  for (let i = 0; i < V; i++) cumulative[i] = total += 1 / (i + 1);
  const draw = () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = V - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo];
  };
  return lines.map((line) => {
    const r = JSON.parse(line);
    r.text = [r.text, ...Array.from({ length: words }, draw)].join(" ");
    return JSON.stringify(r);
  });
}

// As a script (not when imported by the benchmark).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { words: { type: "string", default: "4" }, vocabulary: { type: "string", default: "200000" }, seed: { type: "string", default: "12345" } },
  });
  if (positionals.length !== 2) {
    process.stderr.write("usage: node scripts/bench/wide-vocab.js IN.jsonl OUT.jsonl [--words N] [--vocabulary V] [--seed S]\n");
    process.exit(2);
  }
  const lines = readFileSync(positionals[0], "utf8").split("\n").filter(Boolean);
  const out = addWords(lines, { words: Number(values.words), vocabulary: Number(values.vocabulary), seed: Number(values.seed) });
  writeFileSync(positionals[1], `${out.join("\n")}\n`);
  const distinct = new Set(out.flatMap((l) => JSON.parse(l).text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean)));
  process.stdout.write(`${out.length} posts, ${distinct.size} distinct words -> ${positionals[1]}\n`);
}
