// Enlarged copies of the bundled rules for `npm run bench -- --scale`: every lexicon's term list
// grown ×F by deterministic synthetic terms, keeping the real ones. A synthetic term copies the
// shape of a real term of the same list (number of words, stems, ~N gaps), with each word replaced
// by a made-up word in the lexicon language's script (e.g. "kilomuvet*", "борувелан", "დოკამელი").
// Made-up words within one edit of a word the benchmark corpus can contain (or of its start) are rejected,
// so the enlarged policies decide every post of the corpus exactly as the real ones do (the bench
// checks that), and only the cost of carrying more rules and terms is measured.
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { isMap, isScalar, isSeq, parseDocument } from "yaml";
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
      const sk = skeleton(f);
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

/** Appends (factor − 1) synthetic terms per real term to a YAML sequence of terms. Returns [real, added]. */
function growSeq(seq, factor, maker, lang) {
  const real = seq.items.filter((it) => isScalar(it) && typeof it.value === "string").map((it) => it.value);
  if (real.length === 0) return [0, 0];
  const alpha = alphabetFor(lang, real.join(" "));
  let added = 0;
  for (let k = 1; k < factor; k++) {
    for (const model of real) {
      seq.add(synthTerm(maker, alpha, model));
      added++;
    }
  }
  return [real.length, added];
}

/** Grows every lexicon of one YAML file in place. Returns counts, or null when it has no lexicons. */
function growFile(path, factor, maker) {
  const doc = parseDocument(readFileSync(path, "utf8"));
  const lexicons = doc.get("lexicons", true);
  if (!isMap(lexicons)) return null;
  const fileLang = doc.get("language");
  let real = 0;
  let added = 0;
  const count = ([r, a]) => {
    real += r;
    added += a;
  };
  for (const pair of lexicons.items) {
    const lex = pair.value;
    if (isSeq(lex)) count(growSeq(lex, factor, maker, fileLang));
    else if (isMap(lex)) {
      const terms = lex.get("terms", true);
      if (isSeq(terms)) count(growSeq(terms, factor, maker, lex.get("language") ?? fileLang));
      else if (isMap(terms)) for (const t of terms.items) if (isSeq(t.value)) count(growSeq(t.value, factor, maker, String(t.key?.value ?? t.key)));
    }
  }
  if (factor > 1) writeFileSync(path, doc.toString({ lineWidth: 0 }));
  return { real, added };
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

/**
 * Copies `srcDir` (the rules folder) to `destDir` and grows every lexicon ×factor.
 * Returns { dir, factor, realTerms, terms, files } (terms = real + synthetic).
 */
export function buildScaledRules(srcDir, destDir, factor, { seed = 7 } = {}) {
  mkdirSync(destDir, { recursive: true });
  cpSync(srcDir, destDir, { recursive: true, dereference: true });
  const maker = new WordMaker(seed * 1000 + factor, vocabulary());
  let realTerms = 0;
  let terms = 0;
  const files = [];
  for (const f of yamlFiles(destDir)) {
    if (relative(destDir, f).startsWith("cases")) continue; // test cases, not used by eval
    const r = growFile(f, factor, maker);
    if (!r) continue;
    realTerms += r.real;
    terms += r.real + r.added;
    files.push(relative(destDir, f));
  }
  return { dir: destDir, factor, realTerms, terms, files };
}
