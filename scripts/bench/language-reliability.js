#!/usr/bin/env node
// How far the language identifier's "reliable" can be trusted, against eld's own flag: for JSONL
// posts with a `text` and their true `lang`, run from dist/ (npm run build first):
//   node scripts/bench/language-reliability.js FILE.jsonl [FILE.jsonl …]
// For posts in a language the bundled policies cover: the share labelled right, the share called
// sure, and of those the share right. For posts in other languages: the share given a covered
// language, and given one while called sure (the harmful error: a covered lexicon then applies).
// eld = LanguageModel.detect (eld 2.1.0's answer and its isReliable()); modpol = LanguageIdentifier
// (script pre-step, letter veto, margin, n-gram minimum and eld's average-score test).
import { readFileSync } from "node:fs";
import { LanguageModel } from "../../dist/text/language-id.js";
import { LanguageIdentifier } from "../../dist/text/language-identify.js";

const COVERED = new Set(["en", "uk", "ru", "pl", "be", "sk", "lt", "lv", "et", "ro", "hu", "ka", "hy", "az"]);
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node scripts/bench/language-reliability.js FILE.jsonl [FILE.jsonl …]");
  process.exit(2);
}
const model = LanguageModel.fromBytes(readFileSync(new URL("../../dist/bundled/language-model.bin", import.meta.url)));
const identifier = new LanguageIdentifier(model);
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)} %` : "-");

for (const file of files) {
  const posts = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
  console.log(`\n${file}`);
  for (const [name, detect] of [["eld", (t) => model.detect(t)], ["modpol", (t) => identifier.detect(t)]]) {
    const c = { n: 0, right: 0, sure: 0, sureRight: 0, o: 0, oCovered: 0, oSureCovered: 0 };
    for (const p of posts) {
      const g = detect(p.text);
      if (COVERED.has(p.lang)) {
        c.n++;
        if (g.best === p.lang) c.right++;
        if (g.reliable) {
          c.sure++;
          if (g.best === p.lang) c.sureRight++;
        }
      } else {
        c.o++;
        if (COVERED.has(g.best)) {
          c.oCovered++;
          if (g.reliable) c.oSureCovered++;
        }
      }
    }
    const covered = c.n ? `covered ${c.n}: right ${pct(c.right, c.n)}, sure ${pct(c.sure, c.n)}, right when sure ${pct(c.sureRight, c.sure)}` : "";
    const other = c.o ? `other ${c.o}: given a covered language ${pct(c.oCovered, c.o)}, and sure ${pct(c.oSureCovered, c.o)}` : "";
    console.log(`  ${name.padEnd(7)} ${[covered, other].filter(Boolean).join("; ")}`);
  }
}
