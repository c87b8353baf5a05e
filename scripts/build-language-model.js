#!/usr/bin/env node
// Build step: writes <dir>/language-model.bin, the language-identification model that
// src/text/language-model-file.ts reads, derived from the n-gram database of the npm package `eld`
// (Nito-ELD, Apache-2.0, "medium" database).
//
// Why not import eld at run time: `eld/medium` builds a JavaScript object of its ~105,000 n-grams
// when it is imported, which costs 0.5-1 s; a one-post modpol run must start in about 100 ms. This
// script reads eld's data once, at build time, and packs it into flat tables that the detector
// searches in place (no object per n-gram). Nothing of eld is needed after the build, and eld is a
// devDependency only.
//
// Usage: node scripts/build-language-model.js <output-dir>
// Also imported by test/global-setup.ts, which writes the model beside the policies it precompiles.
//
// The file (all numbers little-endian; every section starts at a multiple of 8):
//   magic "MPLANGID" | u32 format version | u32 header length | header (JSON, ASCII only)
//   letters   8192 bytes  bit c set: UTF-16 code unit c is a letter for eld's separator regex
//   keep      8192 bytes  bit c set: c is a non-letter that the regex keeps at the end of a run
//   byteChars  256 bytes  eld's byte dictionary: the character code (< 0x100) that stands for byte b
//   prefixes  u32 × 65537 the keys are sorted; those whose first two bytes are (a, b) are the
//                         records [prefixes[a << 8 | b], prefixes[(a << 8 | b) + 1])
//   keyRest   u32 × N     each key's bytes 2-5 (byte 2 in the top bits), 0-padded: a fixed-width
//                         record per key, its first two bytes given by the prefix index
//   pairStart u32 × N+1   key i's (language, score) pairs are [pairStart[i], pairStart[i + 1])
//   pairs   u8 × 2 × P    pair j: bytes 2j (language index) and 2j + 1 (eld's score, before its
//                         base of 53 is added), side by side since they are read together
// The prefix index (256 KB, 3,141 of its prefixes in use with eld 2.1.0) narrows a look-up to the
// few hundred keys sharing its first two bytes, instead of a binary search of 17 steps over all
// 105,548, most of them cache misses; the keys then need only their other four bytes.
// The header holds the format, eld's version and data type, the language codes, eld's average
// score per language (its reliability test), the counts N and P, and eld's licence notice.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The model's file name, in the folder of the precompiled policies. */
export const LANGUAGE_MODEL_FILE = "language-model.bin";
/** Keep in step with src/text/language-model-file.ts, which refuses any other. */
export const FORMAT_VERSION = 1;
const MAGIC = "MPLANGID";
const DATABASE = "medium";
const MAX_KEY_BYTES = 6;

/** eld's package folder: its `exports` hide package.json and src/, so it is found by path. */
function eldDir() {
  const require = createRequire(import.meta.url);
  for (const base of require.resolve.paths("eld") ?? []) {
    const dir = join(base, "eld");
    if (existsSync(join(dir, "package.json"))) return dir;
  }
  throw new Error("the package 'eld' is not installed (it is a devDependency: run 'npm ci')");
}

const importFrom = (dir, rel) => import(pathToFileURL(join(dir, rel)).href);

/**
 * eld's text processing replaces every run of non-letters with a space, except for the apostrophes
 * its regex keeps at the end of a run (`[^L]+(?<!['`’])`). The detector needs that as a table:
 * each BMP code unit is classed by running eld's own regex on it, so the table is eld's, whatever
 * its letter list.
 */
function characterClasses(separators) {
  const letters = new Uint8Array(8192);
  const keep = new Uint8Array(8192);
  const sep = (s) => s.replace(separators, " ");
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (sep(ch) === " ") continue;
    if (sep(ch) !== ch) throw new Error(`eld's separator regex turns U+${c.toString(16)} into something else than itself or a space`);
    const followed = sep(ch + "!");
    if (followed === ch + " ") letters[c >> 3] |= 1 << (c & 7);
    else if (followed === " ") keep[c >> 3] |= 1 << (c & 7);
    else throw new Error(`eld's separator regex treats U+${c.toString(16)} in an unexpected way`);
  }
  // The class lists BMP characters only (no surrogate, no \u{…} or \p{…}), so under the u flag no
  // astral character is in it: all are separators. A sample of them checks that reading.
  if (/[\ud800-\udfff]|\\u\{|\\[pP]\{/.test(separators.source)) throw new Error("eld's separator regex names astral characters: the detector treats them all as separators");
  for (let c = 0x10000; c <= 0x10ffff; c += 251) {
    if (sep(String.fromCodePoint(c) + "'") !== " '") throw new Error(`eld's separator regex does not treat U+${c.toString(16)} as a separator`);
  }
  return { letters, keep };
}

/** The key's bytes as the detector looks them up: bytes 0-1 as `prefix`, 2-5 as `rest`, 0-padded. */
function keyParts(key) {
  if (key.length < 1 || key.length > MAX_KEY_BYTES) throw new Error(`eld n-gram ${JSON.stringify(key)} is not 1-${MAX_KEY_BYTES} characters long`);
  const b = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    // 0 is the padding, so no key may hold it; anything from 0x100 on would not fit a byte.
    if (c === 0 || c > 0xff) throw new Error(`eld n-gram ${JSON.stringify(key)} holds U+${c.toString(16)}, not one byte`);
    b[i] = c;
  }
  return { prefix: (b[0] << 8) | b[1], rest: ((b[2] << 24) | (b[3] << 16) | (b[4] << 8) | b[5]) >>> 0 };
}

const align8 = (n) => (n + 7) & ~7;

/** The notice that goes into the header: eld's copyright and licence, and what was done to its data. */
function notice(version) {
  return [
    `Language data derived from eld ${version} (Nito-ELD, Efficient Language Detector), '${DATABASE}' n-gram database (src/ngrams/${DATABASE}.js, src/avgScore.js, src/dictionary.js, src/regexPatterns.js).`,
    "Copyright 2023 Nito T.M. (https://github.com/nitotm). Source: https://github.com/nitotm/efficient-language-detector-js, npm package 'eld'.",
    "Licensed under the Apache License, Version 2.0 (https://www.apache.org/licenses/LICENSE-2.0); a copy is in language-model.LICENSE beside this file.",
    "Modified by modpol's scripts/build-language-model.js: the same n-grams, scores, average scores and character classes, re-encoded as binary tables.",
  ].join(" ");
}

/**
 * Reads eld's medium database and returns the model file's bytes, and eld's LICENSE text (shipped
 * beside the model, as the Apache licence asks of anyone redistributing the work).
 */
export async function languageModelBytes() {
  const dir = eldDir();
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const { ngramsData } = await importFrom(dir, `src/ngrams/${DATABASE}.js`);
  const { avgScore } = await importFrom(dir, "src/avgScore.js");
  const { dictionary } = await importFrom(dir, "src/dictionary.js");
  const { separators } = await importFrom(dir, "src/regexPatterns.js");

  const languages = Object.keys(ngramsData.languages).map((k, i) => {
    if (k !== String(i)) throw new Error(`eld's language indexes are not 0..n-1 (found ${k} at ${i})`);
    return ngramsData.languages[k];
  });
  if (languages.length < 1 || languages.length > 255) throw new Error(`eld lists ${languages.length} languages; a pair stores the index in one byte`);

  const byteChars = new Uint8Array(256);
  if (dictionary.length !== 256) throw new Error(`eld's byte dictionary has ${dictionary.length} entries, not 256`);
  dictionary.forEach((ch, b) => {
    const c = ch.charCodeAt(0);
    if (ch.length !== 1 || c === 0 || c > 0xff) throw new Error(`eld's byte dictionary maps ${b} to ${JSON.stringify(ch)}, not one character below U+0100`);
    byteChars[b] = c;
  });

  const entries = Object.entries(ngramsData.ngrams).map(([key, scores]) => ({ ...keyParts(key), scores }));
  entries.sort((a, b) => a.prefix - b.prefix || a.rest - b.rest);
  for (let i = 1; i < entries.length; i++) {
    if (entries[i].prefix === entries[i - 1].prefix && entries[i].rest === entries[i - 1].rest) throw new Error("two eld n-grams encode alike");
  }
  let pairs = 0;
  for (const e of entries) pairs += Object.keys(e.scores).length;

  const n = entries.length;
  const header = {
    format: "modpol language model",
    formatVersion: FORMAT_VERSION,
    source: { package: "eld", version: pkg.version, license: pkg.license, database: DATABASE, dataType: ngramsData.type },
    notice: notice(pkg.version),
    languages,
    // eld's isReliable() compares the best score with 0.75 × this; a language it lacks gets null.
    avgScore: languages.map((l) => (typeof avgScore[l] === "number" ? avgScore[l] : null)),
    keys: n,
    pairs,
  };
  // ASCII only, so the detector can read it without a text decoder.
  const json = JSON.stringify(header).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

  const sizes = [8192, 8192, 256, 4 * 65537, 4 * n, 4 * (n + 1), 2 * pairs];
  const start = align8(16 + json.length);
  const offsets = [];
  let at = start;
  for (const s of sizes) {
    offsets.push(at);
    at = align8(at + s);
  }
  const out = Buffer.alloc(at);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(FORMAT_VERSION, 8);
  out.writeUInt32LE(json.length, 12);
  out.write(json, 16, "latin1");

  const { letters, keep } = characterClasses(separators);
  out.set(letters, offsets[0]);
  out.set(keep, offsets[1]);
  out.set(byteChars, offsets[2]);
  let p = 0;
  let prefix = 0;
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    while (prefix <= e.prefix) out.writeUInt32LE(i, offsets[3] + 4 * prefix++);
    out.writeUInt32LE(e.rest, offsets[4] + 4 * i);
    out.writeUInt32LE(p, offsets[5] + 4 * i);
    for (const [lang, score] of Object.entries(e.scores)) {
      const l = Number(lang);
      if (!Number.isInteger(l) || l < 0 || l >= languages.length) throw new Error(`eld n-gram scores an unknown language ${lang}`);
      if (!Number.isInteger(score) || score < 0 || score > 255) throw new Error(`eld n-gram score ${score} does not fit a byte`);
      out[offsets[6] + 2 * p] = l;
      out[offsets[6] + 2 * p + 1] = score;
      p++;
    }
  }
  while (prefix <= 65536) out.writeUInt32LE(n, offsets[3] + 4 * prefix++);
  out.writeUInt32LE(p, offsets[5] + 4 * n);
  return { bytes: out, license: readFileSync(join(dir, "LICENSE"), "utf8"), eldVersion: pkg.version };
}

/** Writes `<dir>/language-model.bin` and eld's licence beside it; returns the model's path. */
export async function buildLanguageModel(dir) {
  const { bytes, license } = await languageModelBytes();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, LANGUAGE_MODEL_FILE);
  writeFileSync(file, bytes);
  writeFileSync(join(dir, "language-model.LICENSE"), license);
  return file;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error(`usage: node ${join("scripts", "build-language-model.js")} <output-dir>`);
    process.exit(2);
  }
  const file = await buildLanguageModel(resolve(dir));
  console.log(`wrote ${file} (${readFileSync(file).length} bytes) from eld's ${DATABASE} database`);
}
