#!/usr/bin/env node
// Folds the copies of a lexicon list in the rule files into the named lexicon groups that stand for
// them (docs/policy-language.md#lexicon-groups). A guard such as "any of the war's targets" was
// written out a hundred times, and each copy could drift; a group names the list once.
//
// Mechanical, and safe to run again on any later tree (it changes nothing the second time):
//  1. The groups are whatever the rule files define under `lexicon-groups:`. If none of the groups
//     below (SEED) is defined anywhere yet, they are written into rules/shared/signals.yaml, which
//     every bundled policy includes, just before its `lexicons:`.
//  2. Every list of lexicons in a signal (`lexicon:`, a context's `lexicon`, `stop`, `contrast`,
//     `negated-by`, `outside`, `skip`, and the lists of `targets:`) is read as the set of lexicons it
//     stands for. A list whose set is exactly a group's becomes that group's name; a list whose set
//     holds a group and more becomes the group and the other names, the group where its first
//     lexicon stood ("[cue.clause-opener, war-targets-or-pronoun]"). The largest group that fits is
//     taken first, then the largest that fits what is left. A list that lacks any lexicon of a
//     group keeps it written out: it means something else, or it has drifted, and the report says
//     which (below). Groups' own definitions and generated files ("# GENERATED") are left alone.
//  3. It prints, per group, how many lists became exactly the group and how many the group and
//     more, and every list that comes close to a group without holding all of it (two thirds of a
//     group of three or more): the copies a policy author should look at.
//
// Only flow lists ("[a, b]", as every rule file writes them) are rewritten, in place, so that the
// rest of each file (comments, spacing, key order) stays byte for byte as it was.
//
//   node scripts/lexicon/fold-groups.js            rewrite rules/ and print the report
//   node scripts/lexicon/fold-groups.js --check    exit 1 if some list would be rewritten
//   node scripts/lexicon/fold-groups.js --quiet    no report
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import { ruleFiles } from "./rule-files.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const RULES = join(ROOT, "rules");
const SIGNALS_FILE = join(RULES, "shared", "signals.yaml");

/** The groups written into signals.yaml when the tree defines none of them: one per meaning. */
export const SEED = `# Lists of lexicons named once and used by name wherever a list of lexicons is read
# (docs/policy-language.md#lexicon-groups): a guard written as a group means the same everywhere, and a
# list written out that differs from a group is a different meaning, said where it is written.
lexicon-groups:
  # Putin and Lukashenko, the heads of state the exception speaks of.
  heads-of-state: [target.putin, target.lukashenko]
  # Anyone a call of the war can be aimed at: every target lexicon the rules tell apart.
  war-targets: [target.invaders, target.russian-military, target.pow, target.russians, target.civilians, heads-of-state, target.other, target.ambiguous]
  # The same, or someone a pronoun points back to ("them", "їх", "ich").
  war-targets-or-pronoun: [war-targets, cue.pronoun]

`;

/** Keys of a context whose value is a list of lexicons. */
const LIST_KEYS = new Set(["lexicon", "stop", "contrast", "negated-by", "outside", "skip"]);

/** Every group defined in the texts given: name → members as written. */
export function definedGroups(texts) {
  const groups = new Map();
  for (const text of texts) {
    const g = parseDocument(text).toJS()?.["lexicon-groups"];
    if (g && typeof g === "object") for (const [name, members] of Object.entries(g)) if (Array.isArray(members) && !groups.has(name)) groups.set(name, members.map(String));
  }
  return groups;
}

/** Each group's lexicons, in order of first mention, each once (groups inside groups expanded). */
export function expandGroups(groups) {
  const out = new Map();
  const expand = (name, seen) => {
    if (out.has(name)) return out.get(name);
    const list = [];
    for (const m of groups.get(name) ?? []) {
      if (groups.has(m) && !seen.has(m)) list.push(...expand(m, new Set([...seen, m])));
      else if (!groups.has(m)) list.push(m);
    }
    const unique = [...new Set(list)];
    out.set(name, unique);
    return unique;
  };
  for (const name of groups.keys()) expand(name, new Set([name]));
  return out;
}

/**
 * A list written with `names`, folded into the groups it holds: undefined when it holds none. The
 * result is a name (a list that is exactly one group) or a list of names.
 */
export function fold(names, expanded) {
  const flat = [...new Set(names.flatMap((n) => expanded.get(n) ?? [n]))];
  const left = new Set(flat);
  const chosen = [];
  // Largest first: "war-targets-or-pronoun" before "war-targets" before "heads-of-state".
  const bySize = [...expanded.entries()].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  for (const [name, lexs] of bySize) {
    if (lexs.length > 0 && lexs.every((l) => left.has(l))) {
      chosen.push(name);
      for (const l of lexs) left.delete(l);
    }
  }
  if (chosen.length === 0) return undefined;
  const owner = new Map();
  for (const g of chosen) for (const l of expanded.get(g)) owner.set(l, g);
  const out = [...new Set(flat.map((l) => owner.get(l) ?? l))];
  return out.length === 1 ? out[0] : out;
}

/** Every list of lexicons written in the signals of a parsed file: its node and where it is. */
function lexiconLists(doc) {
  const out = [];
  const walk = (node, parentKey) => {
    if (isMap(node)) {
      for (const p of node.items) {
        const key = isScalar(p.key) ? String(p.key.value) : "";
        if ((LIST_KEYS.has(key) || parentKey === "targets") && isSeq(p.value)) out.push(p.value);
        else walk(p.value, key);
      }
    } else if (isSeq(node)) for (const x of node.items) walk(x, parentKey);
  };
  walk(doc.get("signals", true), "signals");
  return out;
}

/** The group of three or more lexicons a set holds the largest share of (two thirds at least), if any. */
export function closestGroup(flat, expanded) {
  let best;
  let bestShare = 2 / 3;
  for (const [g, lexs] of expanded) {
    if (lexs.length < 3) continue;
    const share = lexs.filter((l) => flat.has(l)).length / lexs.length;
    if (share < 1 && (share > bestShare || (share === bestShare && best === undefined))) {
      best = [g, lexs];
      bestShare = share;
    }
  }
  return best;
}

const render = (folded) => (typeof folded === "string" ? folded : `[${folded.join(", ")}]`);

/** The file's text with its lists folded, and what was done to each list. */
export function foldText(text, expanded) {
  const doc = parseDocument(text);
  const edits = [];
  const seen = [];
  for (const seq of lexiconLists(doc)) {
    const names = seq.items.map((i) => (isScalar(i) ? String(i.value) : ""));
    const line = text.slice(0, seq.range[0]).split("\n").length;
    seen.push({ line, names });
    if (!seq.flow || names.includes("")) continue;
    const folded = fold(names, expanded);
    if (folded === undefined) continue;
    const next = render(folded);
    const [start, end] = seq.range;
    if (text.slice(start, end) !== next) edits.push({ start, end, next });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.next + out.slice(e.end);
  return { text: out, lists: seen, changed: edits.length };
}

/** Puts the seed groups into signals.yaml's text, before its `lexicons:`. */
export function seedGroups(text) {
  const at = text.search(/^lexicons:/m);
  if (at < 0) throw new Error("rules/shared/signals.yaml has no top-level 'lexicons:' to put the groups before");
  return text.slice(0, at) + SEED + text.slice(at);
}

function main(argv) {
  const check = argv.includes("--check");
  const quiet = argv.includes("--quiet");
  const files = ruleFiles(RULES);
  const texts = new Map(files.map((f) => [f, readFileSync(f, "utf8")]));
  const seedNames = [...definedGroups([SEED]).keys()];
  if (!seedNames.some((n) => definedGroups([...texts.values()]).has(n))) texts.set(SIGNALS_FILE, seedGroups(texts.get(SIGNALS_FILE)));
  const groups = definedGroups([...texts.values()]);
  const expanded = expandGroups(groups);

  const exact = new Map([...groups.keys()].map((g) => [g, 0]));
  const within = new Map([...groups.keys()].map((g) => [g, 0]));
  const near = [];
  let changed = 0;
  for (const [file, text] of texts) {
    const r = foldText(text, expanded);
    const rel = relative(ROOT, file);
    for (const { line, names } of r.lists) {
      const flat = new Set(names.flatMap((n) => expanded.get(n) ?? [n]));
      const folded = fold(names, expanded);
      if (typeof folded === "string") exact.set(folded, exact.get(folded) + 1);
      else if (folded) for (const g of folded) if (groups.has(g)) within.set(g, within.get(g) + 1);
      // A list that holds no group of three or more but comes close to one (two thirds of it or
      // more): the closest such group, and what the list lacks of it and adds to it.
      const holds = [folded ?? []].flat().some((g) => (expanded.get(g) ?? []).length >= 3);
      const closest = holds ? undefined : closestGroup(flat, expanded);
      if (closest) {
        const [g, lexs] = closest;
        const adds = [...flat].filter((l) => !lexs.includes(l));
        near.push(`${rel}:${line}: ${g} without ${lexs.filter((l) => !flat.has(l)).join(", ")}${adds.length > 0 ? `, with ${adds.join(", ")}` : ""}`);
      }
    }
    if (r.text !== readFileSync(file, "utf8")) {
      changed += r.changed;
      if (!check) writeFileSync(file, r.text);
    }
  }
  if (!quiet) {
    console.log(`${changed} lists rewritten${check ? " (would be)" : ""}`);
    for (const g of groups.keys()) console.log(`  ${g}: ${exact.get(g)} lists are exactly the group, ${within.get(g)} the group and more`);
    console.log(`${near.length} lists close to a group without all of it:`);
    for (const n of near) console.log(`  ${n}`);
  }
  if (check && changed > 0) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
