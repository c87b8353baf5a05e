#!/usr/bin/env node
// Folds the products written out one string at a time in hand-edited lexicon files into terms with
// alternatives ("stone him", "stone her", "flog him", "flog her" → "{stone|flog} {him|her}"), where
// the fold is exact: the folded term expands (by the engine's own expandAlternatives, from dist/) to
// the very strings it replaces, in the very order they were written. Order is kept, not merely the
// set, because the compiler numbers terms in the order it reads them (the precompiled index and the
// order matches are found in follow it); with it kept, the compiled policy is the same term for term.
//
// Only runs of neighbouring terms in one list are folded; a comment between two terms, a term that
// is not whitespace-normalised (two spaces, a leading space: the expansion would tidy it) or a term
// with braces the script did not write stops a run. Generated files ("# GENERATED" at the top) are
// left alone: their generator writes them. Idempotent: a second run finds nothing more to fold.
//
//   node scripts/lexicon/fold-alternatives.js [--check] [--min N] [DIR]   (DIR defaults to rules/)
//
// --check folds nothing and exits 1 when something would be folded. --min: the fewest strings a
// fold must replace (default 3: two strings read as well written out as folded).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import { ruleFiles } from "./rule-files.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The engine's expansion and term parser, from the build: a fold is exact by the engine's reading. */
async function engine() {
  const mod = join(ROOT, "dist", "match", "index.js");
  if (!existsSync(mod)) throw new Error("the fold is checked by the engine in dist/: run npm run build first");
  const m = await import(pathToFileURL(mod).href);
  return { expand: m.expandAlternatives, parseTerm: m.parseTerm, max: m.MAX_EXPANSION };
}

const tidy = (s) => s.trim().split(/\s+/u).join(" ");

/**
 * A term as slots, each a list of alternatives (a plain word is a slot of one): what folds compare.
 * Undefined for a term this script cannot take apart (braces inside a word, a stray '|').
 */
export function slotsOf(term) {
  if (term !== tidy(term)) return undefined;
  const out = [];
  let i = 0;
  while (i < term.length) {
    if (term[i] === "{") {
      const end = term.indexOf("}", i);
      if (end < 0) return undefined;
      const inner = term.slice(i + 1, end);
      if (inner.includes("{")) return undefined;
      if (end + 1 < term.length && term[end + 1] !== " ") return undefined;
      out.push(inner.split("|"));
      i = end + 2;
    } else {
      const end = term.indexOf(" ", i) < 0 ? term.length : term.indexOf(" ", i);
      const tok = term.slice(i, end);
      if (/[{}|]/u.test(tok)) return undefined;
      out.push([tok]);
      i = end + 1;
    }
  }
  return out;
}

/** A term from its slots. */
export function termOf(slots) {
  return slots.map((s) => (s.length === 1 ? s[0] : `{${s.join("|")}}`)).join(" ");
}

const sameSlot = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The alternatives a run of slots is, as one slot; undefined when it is not one (two groups, a group
 * and words), or when an alternative would be more than `words` words or hold a gap: a group of
 * phrases ("{over them all|~2 over them and}") reads worse than the phrases written out.
 */
function flatten(m, words) {
  if (m.length === 0) return [""];
  if (m.every((s) => s.length === 1)) return m.length <= words && !m.some((s) => s[0].startsWith("~")) ? [m.map((s) => s[0]).join(" ")] : undefined;
  if (m.length === 1) return m[0];
  return undefined;
}

/**
 * X and Y (neighbours, X first) as one term whose expansion is X's then Y's, or undefined. They may
 * differ in one place only, between a common beginning and a common end; the beginning must be
 * plain words (a group there would make the merged term interleave X's and Y's expansions), and
 * what they share must hold a word or a group, not only gaps ("{stab|shank}" is a list, not a product).
 */
export function merge(x, y, words = 2) {
  const n = Math.min(x.length, y.length);
  let p = 0;
  while (p < n && sameSlot(x[p], y[p]) && x[p].length === 1) p++;
  let q = 0;
  while (q < n - p && sameSlot(x[x.length - 1 - q], y[y.length - 1 - q])) q++;
  const shared = [...x.slice(0, p), ...x.slice(x.length - q)];
  if (!shared.some((s) => s.length > 1 || !s[0].startsWith("~"))) return undefined;
  const a = flatten(x.slice(p, x.length - q), words);
  const b = flatten(y.slice(p, y.length - q), words);
  if (!a || !b) return undefined;
  const alts = [...a, ...b];
  if (new Set(alts).size !== alts.length) return undefined;
  return [...x.slice(0, p), alts, ...x.slice(x.length - q)];
}

/**
 * Folds a list of terms: groups of neighbours, each { from, to (exclusive), term }, for the runs that
 * fold into one term of at least `min` strings. `exact(term, strings)` confirms a fold by the engine.
 */
export function foldList(terms, min, exact) {
  let items = terms.map((t, i) => ({ slots: slotsOf(t), from: i, to: i + 1 }));
  // Alternatives of one word first, to a fixed point, then of two: merging neighbours greedily,
  // a two-word alternative taken early would keep a longer shared part from being found.
  for (const words of [1, 2])
  for (let changed = true; changed; ) {
    changed = false;
    const next = [];
    for (const it of items) {
      const last = next[next.length - 1];
      const m = last && last.slots && it.slots ? merge(last.slots, it.slots, words) : undefined;
      if (m && exact(termOf(m), terms.slice(last.from, it.to))) {
        next[next.length - 1] = { slots: m, from: last.from, to: it.to };
        changed = true;
      } else next.push(it);
    }
    items = next;
  }
  return items
    .filter((it) => it.to - it.from > 1)
    .map((it) => ({ ...it, term: termOf(it.slots), count: terms.slice(it.from, it.to).reduce((n, t) => n + (exact.count(t) ?? 1), 0) }))
    .filter((it) => it.count >= min);
}

/** Every list of terms in a lexicon file: YAML sequences under lexicons.<name>(.terms)(.<lang>). */
function termLists(doc) {
  const out = [];
  const lex = doc.get("lexicons", true);
  if (!isMap(lex)) return out;
  for (const pair of lex.items) {
    const def = pair.value;
    if (isSeq(def)) out.push(def);
    else if (isMap(def)) {
      const terms = def.get("terms", true);
      if (isSeq(terms)) out.push(terms);
      else if (isMap(terms)) for (const p of terms.items) if (isSeq(p.value)) out.push(p.value);
    }
  }
  return out;
}

/** The folded text of one file, and what was folded; the text unchanged when nothing was. */
export function foldFile(text, min, eng) {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return { text, folds: [] };
  const expandOk = (term) => {
    const x = eng.expand(term);
    return x.ok && x.duplicates.length === 0 && x.terms.every((t) => eng.parseTerm(t).ok) ? x.terms : undefined;
  };
  const exact = (term, strings) => {
    const want = strings.flatMap((s) => expandOk(s) ?? [Symbol("not a term")]);
    const got = expandOk(term);
    return got !== undefined && got.length <= eng.max && got.length === want.length && got.every((t, i) => t === want[i]);
  };
  exact.count = (t) => expandOk(t)?.length;
  const edits = [];
  const folds = [];
  for (const seq of termLists(doc)) {
    const items = seq.items;
    if (!items.every((it) => isScalar(it) && typeof it.value === "string" && it.range)) continue;
    // A comment between two terms belongs to the terms after it: a run stops there.
    const runs = [];
    let run = [];
    items.forEach((it, i) => {
      const between = i === 0 ? "" : text.slice(items[i - 1].range[1], it.range[0]);
      const own = text.slice(it.range[1], it.range[2]);
      if (between.includes("#") && run.length > 0) {
        runs.push(run);
        run = [];
      }
      run.push(i);
      if (own.includes("#")) {
        runs.push(run);
        run = [];
      }
    });
    if (run.length > 0) runs.push(run);
    for (const r of runs) {
      const values = r.map((i) => items[i].value);
      for (const f of foldList(values, min, exact)) {
        const first = items[r[f.from]];
        const last = items[r[f.to - 1]];
        // The folded term where the first string was; the others, with what separated them, gone.
        edits.push({ start: first.range[0], end: last.range[1], text: JSON.stringify(f.term) });
        folds.push({ line: text.slice(0, first.range[0]).split("\n").length, strings: f.to - f.from, count: f.count, term: f.term });
      }
    }
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { text: out, folds };
}

/**
 * {@link foldFile} to a fixed point: folding again what was folded can fold further (a group of
 * two-word alternatives, made in the later phase, meets a one-word neighbour), and a second run of
 * the script must fold nothing.
 */
export function foldText(text, min, eng) {
  let out = text;
  for (let more = true; more; ) {
    const step = foldFile(out, min, eng);
    more = step.folds.length > 0;
    out = step.text;
  }
  return out;
}

/** The expanded terms of every list of a file, in order: what a fold must leave as it was. */
export function expandedLists(text, eng) {
  const doc = parseDocument(text);
  return termLists(doc).map((seq) => seq.items.flatMap((it) => (isScalar(it) && typeof it.value === "string" ? (eng.expand(it.value).ok ? eng.expand(it.value).terms : [`!${it.value}`]) : [String(it)])));
}

/** The terms with groups of a file, and the strings they stand for: what a run folded is the difference. */
function grouped(text, eng) {
  const doc = parseDocument(text);
  let terms = 0;
  let strings = 0;
  for (const seq of termLists(doc))
    for (const it of seq.items)
      if (isScalar(it) && typeof it.value === "string" && /[{|}]/u.test(it.value)) {
        const x = eng.expand(it.value);
        terms++;
        strings += x.ok ? x.terms.length : 0;
      }
  return { terms, strings, minus: (o) => ({ terms: terms - o.terms, strings: strings - o.strings }) };
}

async function main(argv) {
  const check = argv.includes("--check");
  const mi = argv.indexOf("--min");
  const min = mi >= 0 ? Number(argv[mi + 1]) : 3;
  const dir = argv.filter((a, i) => !a.startsWith("--") && (mi < 0 || i !== mi + 1))[0] ?? join(ROOT, "rules");
  const eng = await engine();
  let strings = 0;
  let terms = 0;
  let changedFiles = 0;
  for (const file of ruleFiles(dir)) {
    const text = readFileSync(file, "utf8");
    const out = foldText(text, min, eng);
    if (out === text) continue;
    const folds = grouped(out, eng).minus(grouped(text, eng));
    // The proof of each file: every list expands to the same strings in the same order as before.
    const before = JSON.stringify(expandedLists(text, eng));
    const after = JSON.stringify(expandedLists(out, eng));
    if (before !== after) throw new Error(`${file}: the folded file does not expand to the terms it had; nothing written`);
    changedFiles++;
    strings += folds.strings;
    terms += folds.terms;
    const rel = relative(process.cwd(), file);
    console.log(`${rel}: ${folds.strings} strings folded into ${folds.terms} terms, ${Buffer.byteLength(text)} → ${Buffer.byteLength(out)} bytes`);
    if (!check) writeFileSync(file, out);
  }
  console.log(`${strings} strings folded into ${terms} terms in ${changedFiles} files${check ? " (--check: nothing written)" : ""}`);
  if (check && terms > 0) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main(process.argv.slice(2));
