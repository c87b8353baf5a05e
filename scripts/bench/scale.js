// Enlarged copies of the bundled rules for `npm run bench -- --scale`: every lexicon's term list
// grown ×F by deterministic synthetic terms, keeping the real ones (which stay in their files; the
// synthetic terms go to extra library files that the policies include). A synthetic term copies the
// shape of a real term of the same list (number of words, stems, ~N gaps), with each word replaced
// by a made-up word in the lexicon language's script (e.g. "kilomuvet*", "борувелан", "დოკამელი").
// Made-up words within one edit of a word the benchmark corpus can contain (or of its start) are rejected,
// so the enlarged policies decide every post of the corpus exactly as the real ones do (the bench
// checks that), and only the cost of carrying more rules and terms is measured.
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { expandTerms } from "../lexicon/alternatives.js";
import { dirname, join, relative, resolve, sep } from "node:path";
import { isScalar, isSeq, parse, parseDocument } from "yaml";
import { mulberry32, vocabulary } from "./corpus.js";

const LATIN_C = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"];
const LATIN_V = ["a", "e", "i", "o", "u"];
const sets = (c, v, coda = c) => ({ c, v, coda });
/** Syllable inventories per language; the script is what matters for the matcher. */
const ALPHABETS = {
  en: sets([...LATIN_C, "th", "sh", "ch", "w"], [...LATIN_V, "oo", "ea"]),
  pl: sets(["b", "d", "g", "k", "l", "ł", "m", "n", "p", "r", "s", "t", "w", "z", "sz", "cz", "rz", "ż"], ["a", "e", "i", "o", "u", "y", "ą", "ę", "ó"]),
  sk: sets([...LATIN_C, "č", "š", "ž", "ľ"], ["a", "e", "i", "o", "u", "á", "é", "ô"]),
  lt: sets([...LATIN_C, "č", "š", "ž"], ["a", "e", "i", "o", "u", "ė", "ū", "ą"]),
  lv: sets([...LATIN_C, "č", "š", "ž", "ķ"], ["a", "e", "i", "o", "u", "ā", "ē", "ī"]),
  et: sets(LATIN_C, ["a", "e", "i", "o", "u", "ä", "õ", "ö", "ü"]),
  ro: sets([...LATIN_C, "ș", "ț"], ["a", "e", "i", "o", "u", "ă", "â"]),
  hu: sets([...LATIN_C, "gy", "sz", "zs"], ["a", "e", "i", "o", "u", "á", "é", "ö", "ü"]),
  az: sets([...LATIN_C, "ş", "ç", "ğ"], ["a", "e", "i", "o", "u", "ə", "ı", "ö", "ü"]),
  uk: sets(["б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "х", "ц", "ч", "ш"], ["а", "е", "и", "і", "о", "у", "ю", "я", "ї", "є"]),
  ru: sets(["б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "х", "ц", "ч", "ш"], ["а", "е", "и", "о", "у", "ы", "ю", "я", "э"]),
  be: sets(["б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "х", "ц", "ч", "ш", "ў"], ["а", "е", "і", "о", "у", "ы", "ю", "я", "э"]),
  ka: sets(["ბ", "გ", "დ", "ვ", "ზ", "თ", "კ", "ლ", "მ", "ნ", "პ", "რ", "ს", "ტ", "ფ", "ქ", "ღ", "შ", "ჩ", "ხ"], ["ა", "ე", "ი", "ო", "უ"]),
  hy: sets(["բ", "գ", "դ", "զ", "թ", "լ", "խ", "կ", "հ", "մ", "ն", "շ", "պ", "ռ", "ս", "վ", "տ", "ր", "ք", "ֆ"], ["ա", "ե", "ի", "ո", "ու", "է"]),
};
function alphabetFor(lang, sample) {
  if (ALPHABETS[lang]) return ALPHABETS[lang];
  if (/\p{Script=Cyrillic}/u.test(sample)) return ALPHABETS.ru;
  if (/\p{Script=Georgian}/u.test(sample)) return ALPHABETS.ka;
  if (/\p{Script=Armenian}/u.test(sample)) return ALPHABETS.hy;
  return ALPHABETS.en;
}

/** A rough normal form (lower case, Latin diacritics folded) for comparing with the corpus vocabulary. */
const fold = (w) => w.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l");

// A Latin word in a post is also compared with the transliteration skeleton of Cyrillic terms
// ("smert" ~ "смерть"), so a made-up Cyrillic word must not transliterate to a corpus word either.
// This mirrors the skeleton of src/text/keys.ts; if it drifts, the bench's "same decisions" check
// reports it.
const CYRILLIC_ROMAN = {
  а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", е: "e", є: "ie", ж: "zh", з: "z", и: "i", і: "i",
  ї: "i", й: "i", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u",
  ў: "u", ф: "f", х: "h", ц: "c", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "i", ь: "", э: "e", ю: "iu",
  я: "ia", "'": "",
};
const LATIN_CANON = [
  [/shch|szcz|sch/g, "shch"], [/kh/g, "h"], [/tch|cz/g, "ch"], [/sz/g, "sh"], [/ts|tz/g, "c"],
  [/(?:y|j|i)e/g, "ie"], [/(?:y|j|i)u/g, "iu"], [/(?:y|j|i)a/g, "ia"], [/(?:y|j|i)o/g, "io"],
  [/[yj]/g, "i"], [/w/g, "v"], [/x/g, "ks"], [/q/g, "k"], [/'/g, ""],
];
/** The transliteration skeleton of a Cyrillic or plain Latin word, or undefined. */
function skeleton(word) {
  let latin = "";
  if (/\p{Script=Cyrillic}/u.test(word)) for (const ch of word) latin += CYRILLIC_ROMAN[ch] ?? ch;
  else if (/^[a-z']+$/.test(word)) latin = word;
  else return undefined;
  for (const [re, to] of LATIN_CANON) latin = latin.replace(re, to);
  return latin.replace(/(.)\1+/gu, "$1");
}

function deletions(w) {
  const cs = [...w];
  return cs.map((_, i) => cs.slice(0, i).join("") + cs.slice(i + 1).join(""));
}
function addWithDeletions(set, w) {
  set.add(w);
  for (const d of deletions(w)) set.add(d);
}
/** True when `w` is within one edit (insertion, deletion, substitution, swap) of a word in `set`. */
const nearAny = (set, w) => set.has(w) || deletions(w).some((d) => set.has(d));

/** Makes made-up words: 2–4 syllables, maybe a final consonant, never near a corpus word (or its start). */
class WordMaker {
  constructor(seed, corpusWords) {
    this.rng = mulberry32(seed);
    // Corpus words (and, for stems, every start of one) with their one-letter deletions: a
    // candidate within one edit of any of them is rejected, since some lexicons match one typo away.
    this.words = new Set();
    this.prefixes = new Set();
    for (const w of corpusWords) {
      for (const f of new Set([fold(w), skeleton(fold(w))])) {
        if (!f) continue;
        addWithDeletions(this.words, f);
        for (let i = 1; i <= f.length; i++) addWithDeletions(this.prefixes, f.slice(0, i));
      }
    }
    this.used = new Set();
  }
  word(alpha, stem) {
    const { rng } = this;
    const p = (list) => list[Math.floor(rng() * list.length)];
    for (;;) {
      const syllables = 2 + Math.floor(rng() * 3);
      let w = "";
      for (let i = 0; i < syllables; i++) w += p(alpha.c) + p(alpha.v);
      if (rng() < 0.5) w += p(alpha.coda);
      if (this.used.has(w)) continue;
      const f = fold(w);
      const avoid = stem ? this.prefixes : this.words;
      // Only Cyrillic terms are compared with Latin words through their transliteration.
      const sk = /\p{Script=Cyrillic}/u.test(f) ? skeleton(f) : undefined;
      if (nearAny(avoid, f) || (sk && nearAny(avoid, sk))) continue;
      this.used.add(w);
      return w;
    }
  }
}

/** A synthetic term shaped like `model` ("death to", "окупант*", "хай ~2 здохн*"). */
function synthTerm(maker, alpha, model) {
  return model
    .trim()
    .split(/\s+/)
    .map((tok) => {
      if (/^~\d$/.test(tok)) return tok;
      const stem = tok.endsWith("*");
      return maker.word(alpha, stem) + (stem ? "*" : "");
    })
    .join(" ");
}

// modpol refuses rule files over 4 MiB; a UTF-16 code unit is at most 3 bytes of UTF-8.
const MAX_SYNTH_FILE_CHARS = 1_000_000;

/** The real terms of one YAML file, as [{ lexicon, lang, terms }], or null when it has no lexicons. */
function realTermLists(path) {
  const data = parse(readFileSync(path, "utf8"));
  if (!data || typeof data !== "object" || !data.lexicons || typeof data.lexicons !== "object") return null;
  const out = [];
  // A term with alternatives is the terms it expands to: the curve counts (and copies) those.
  const strings = (xs) => expandTerms(Array.isArray(xs) ? xs.filter((x) => typeof x === "string") : []);
  for (const [lexicon, lex] of Object.entries(data.lexicons)) {
    if (Array.isArray(lex)) out.push({ lexicon, lang: data.language, terms: strings(lex) });
    else if (lex && typeof lex === "object") {
      if (Array.isArray(lex.terms)) out.push({ lexicon, lang: lex.language ?? data.language, terms: strings(lex.terms) });
      else if (lex.terms && typeof lex.terms === "object") for (const [lang, ts] of Object.entries(lex.terms)) out.push({ lexicon, lang, terms: strings(ts) });
    }
  }
  return out.filter((l) => l.terms.length > 0);
}

/**
 * Writes the synthetic terms for the real lists of `src` (factor − 1 per real term) into library
 * files next to it, `<name>.synthetic-<lang>-<k>.yaml`, each under 3 MB. Lexicons of
 * the same name in several files are merged by modpol, so these only add terms. Returns the new
 * files and the number of real and added terms.
 */
function writeSynthetic(src, lists, factor, maker) {
  const files = [];
  let real = 0;
  let added = 0;
  const byLang = new Map();
  for (const l of lists) {
    real += l.terms.length;
    if (!l.lang) continue; // a short list with no language: modpol would refuse it anyway
    if (!byLang.has(l.lang)) byLang.set(l.lang, []);
    byLang.get(l.lang).push(l);
  }
  const base = src.replace(/\.ya?ml$/, "");
  for (const [lang, ls] of byLang) {
    let k = 0;
    let body = "";
    const flush = () => {
      if (!body) return;
      const file = `${base}.synthetic-${lang}-${++k}.yaml`;
      writeFileSync(file, `# Synthetic terms for the benchmark's lexicon size curve (never match real posts).\nlanguage: ${lang}\nlexicons:\n${body}`);
      files.push(file);
      body = "";
    };
    for (const { lexicon, terms } of ls) {
      const alpha = alphabetFor(lang, terms.join(" "));
      const key = `  ${JSON.stringify(lexicon)}:\n`;
      let block = "";
      for (let i = 1; i < factor; i++) {
        for (const model of terms) {
          const line = `    - ${JSON.stringify(synthTerm(maker, alpha, model))}\n`;
          added++;
          if (body.length + key.length + block.length + line.length > MAX_SYNTH_FILE_CHARS) {
            if (block) body += key + block;
            block = "";
            flush();
          }
          block += line;
        }
      }
      if (block) body += key + block;
    }
    flush();
  }
  return { files, real, added };
}

function yamlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFiles(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

/** Adds `extra` (map: included path → paths to add after it) to the include list of a policy file. */
function addIncludes(policyPath, extra, ownExtra) {
  const doc = parseDocument(readFileSync(policyPath, "utf8"));
  let include = doc.get("include", true);
  const adds = [];
  if (isSeq(include)) {
    for (const item of include.items) {
      const rel = isScalar(item) ? String(item.value) : "";
      const target = resolve(dirname(policyPath), rel);
      for (const f of extra.get(target) ?? []) adds.push(relative(dirname(policyPath), f).split(sep).join("/"));
    }
  }
  for (const f of ownExtra) adds.push(relative(dirname(policyPath), f).split(sep).join("/"));
  if (adds.length === 0) return false;
  if (!isSeq(include)) {
    doc.set("include", doc.createNode([]));
    include = doc.get("include", true);
  }
  for (const a of adds) include.add(a);
  writeFileSync(policyPath, doc.toString({ lineWidth: 0 }));
  return true;
}

/**
 * Copies `srcDir` (the rules folder) to `destDir` and grows every lexicon ×factor: for each file
 * with lexicons, synthetic library files are written beside it and added to the include list of
 * every policy that includes it. Returns { dir, factor, realTerms, terms, files }.
 */
export function buildScaledRules(srcDir, destDir, factor, { seed = 7 } = {}) {
  mkdirSync(destDir, { recursive: true });
  cpSync(srcDir, destDir, { recursive: true, dereference: true });
  const maker = new WordMaker(seed * 1000 + factor, vocabulary());
  const all = yamlFiles(destDir).filter((f) => !relative(destDir, f).split(sep).includes("cases")); // test cases: not used by eval
  let realTerms = 0;
  let terms = 0;
  const synthetic = new Map(); // absolute source path → its synthetic files
  const withLexicons = [];
  for (const f of all) {
    const lists = realTermLists(f);
    if (!lists) continue;
    withLexicons.push(relative(destDir, f));
    const r = factor > 1 ? writeSynthetic(f, lists, factor, maker) : { files: [], real: lists.reduce((n, l) => n + l.terms.length, 0), added: 0 };
    realTerms += r.real;
    terms += r.real + r.added;
    if (r.files.length) synthetic.set(f, r.files);
  }
  if (factor > 1) {
    for (const f of all) {
      const data = parse(readFileSync(f, "utf8"));
      if (data && typeof data === "object" && "rules" in data) addIncludes(f, synthetic, synthetic.get(f) ?? []);
    }
  }
  const syntheticFiles = [...synthetic.values()].flat().map((f) => relative(destDir, f));
  return { dir: destDir, factor, realTerms, terms, files: withLexicons, syntheticFiles };
}
