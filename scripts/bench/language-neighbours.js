#!/usr/bin/env node
// How well the language identifier names short posts in covered languages written without their
// diacritics or in Latin letters, and how often it gives their look-alike neighbours a covered
// language (run from dist/, npm run build first):
//   node scripts/bench/language-neighbours.js [FILE.jsonl]
// FILE (default test/fixtures/language-neighbours.jsonl): posts with `text` and their true `lang`.
// Each post is read as written and with its diacritics stripped (NFD, combining marks dropped,
// ł → l, ə → e, ı → i); posts of uk/ru/be are already in Latin letters. For each language and
// form: the share identified right (for a covered language) or, for a neighbour, the share given a
// covered language (the harmful error), and the identifier's µs per post.
import { readFileSync } from "node:fs";
import { LanguageModel } from "../../dist/text/language-id.js";
import { LanguageIdentifier } from "../../dist/text/language-identify.js";

const COVERED = new Set(["en", "uk", "ru", "pl", "be", "sk", "lt", "lv", "et", "ro", "hu", "ka", "hy", "az"]);
const file = process.argv[2] ?? new URL("../../test/fixtures/language-neighbours.jsonl", import.meta.url);
const posts = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const model = LanguageModel.fromBytes(readFileSync(new URL("../../dist/bundled/language-model.bin", import.meta.url)));
const identifier = new LanguageIdentifier(model);
const bare = (t) => t.normalize("NFD").replace(/\p{M}/gu, "").replace(/ł/g, "l").replace(/Ł/g, "L").replace(/ə/g, "e").replace(/Ə/g, "E").replace(/ı/g, "i").replace(/đ/g, "dj");

const rows = new Map();
const add = (key, ok) => {
  const r = rows.get(key) ?? { n: 0, ok: 0 };
  r.n++;
  if (ok) r.ok++;
  rows.set(key, r);
};
const texts = [];
for (const p of posts) {
  const forms = [["as written", p.text]];
  if (bare(p.text) !== p.text) forms.push(["bare", bare(p.text)]);
  for (const [form, text] of forms) {
    texts.push(text);
    const g = identifier.detect(text);
    const covered = COVERED.has(p.lang);
    add(`${p.lang.padEnd(3)}${form.padEnd(11)}`, covered ? g.best === p.lang : !COVERED.has(g.best ?? ""));
    if (process.env.VERBOSE) console.log(`${p.lang} ${g.best} ${g.reliable ? "sure  " : "unsure"} ${text}`);
  }
}
console.log("lang form       right (covered) / no covered language given (neighbour)");
for (const [key, r] of [...rows].sort()) console.log(`${key}${String(r.ok).padStart(3)}/${String(r.n).padEnd(3)} ${((100 * r.ok) / r.n).toFixed(0).padStart(3)} %`);
const rounds = 200;
const t0 = process.hrtime.bigint();
for (let k = 0; k < rounds; k++) for (const t of texts) identifier.detect(t);
const us = Number(process.hrtime.bigint() - t0) / 1000 / (rounds * texts.length);
console.log(`identifier: ${us.toFixed(1)} µs/post over ${texts.length} posts`);
