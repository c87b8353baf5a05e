// Slovak inflection for scripts/lexicon/generate.js. A lemma (the infinitive), its conjugation class
// and, for irregular verbs, the forms the grammar file spells out give every form a frame uses.
// Perfective verbs are made from a base by its `prefixes` (strieľať → postrieľať, vystrieľať); a
// prefixed verb is perfective, so its present-tense form is a future.
//
// Classes (named after the present tense; the rhythmic law shortens a long ending after a long
// syllable: strieľam, not strieľám; matching folds length anyway, the terms stay correct Slovak):
//   uje  -ovať → -ujem, -uje, -ujú              zlikvidovať: zlikviduj, zlikvidoval, zlikvidovaný
//   a    -ať → -ám, -á, -ajú                    postrieľať: postrieľaj, postrieľal, postrieľaný
//   i    -iť/-ieť → -ím, -í, -ia                zastreliť: zastreľ, zastrelil, zastrelený
//   j    -iť → -ijem, -ije, -ijú                zabiť: zabi, zabil, zabitý, zabití
//   ne   -núť → -nem, -ne, -nú                  zdochnúť: zdochni, zdochol (given), —
//   irr  every form from the grammar file
// Any class takes `pres: [1sg, 3sg, 3pl, 1pl]`, `imp: 2sg`, `past: [masc, plural]`,
// `part: [masc, masc animate plural]` where the class would get them wrong.
//
// Where the forms go (see the call-* signals in rules/shared/signals.yaml):
//   imperative 2sg, 2pl, 1pl  violence.call        "postrieľajte", "zastreľme"
//   infinitive                violence.infinitive  "treba odstreliť", "Putina obesiť"
//   passive participle        violence.passive     "mali by byť popravení"
//   3rd person future/present violence.wish-verb   "nech ich postrieľajú", "nech zdochne"
//   and the past (l-form)     violence.wish-verb   "aby zdochli", "kiež by zhorel"
//   1st person future         violence.intent      "postrieľame", "obesím" (perfective only)
//   1st person conditional    violence.intent      "by som ich postrieľal", "povešal by som"
//   "prečo nikto ne" + past    violence.call        "Prečo ich ešte nikto nezastrelil?"
//   3rd person past, present  violence.reported    "postrieľali", "bombardujú"
// Verbs of dying (`dying:`) give the imperative as a curse and everything else to
// violence.wish-verb (the infinitive too: "musí zomrieť" is a wish after a modal).
//
// Folding: the 2pl imperative "zabite" is the participle "zabité" (killed): for the j class the
// 2pl is written with its object ("zabite ich"); `no:` drops other colliding forms (imp2sg "spáľ"
// = "spal", slept; "zavraždi" = "zavraždí", will murder).
import { fileObjectVerbs } from "./objects.js";

const LONG = /[áéíóúýôäĺŕ]|ie|ia|iu/;

/** Whether the last syllable of a stem is long (the rhythmic law). */
function longLast(stem) {
  const m = stem.match(/(ie|ia|iu|[aáäeéiíoóôuúyýĺŕ])[^aáäeéiíoóôuúyýĺŕ]*$/);
  return m ? LONG.test(m[1]) : false;
}

/** The soft final consonant of an imperative: zastreľ, vyhlaď, umláť, zhyň. */
function soften(st) {
  const map = { d: "ď", t: "ť", n: "ň", l: "ľ" };
  const last = st.slice(-1);
  return map[last] ? st.slice(0, -1) + map[last] : st;
}

const CONS = /[^aáäeéiíoóôuúyýĺŕ]$/;

function pastSet(m, pl) {
  return { m, f: `${m.replace(/ol$/, "l")}a`, n: `${m.replace(/ol$/, "l")}o`, pl };
}
function partSet(m, vir) {
  const b = m.slice(0, -1);
  return { m, f: `${b}á`, n: `${b}é`, vir };
}

export function conjugate(lemma, cls, o = {}) {
  const L = lemma;
  let pres, imp, past, part;
  switch (cls) {
    case "uje": {
      if (!L.endsWith("ovať")) throw new Error(`${L}: class uje needs -ovať`);
      const b = L.slice(0, -4);
      pres = [`${b}ujem`, `${b}uje`, `${b}ujú`, `${b}ujeme`];
      imp = `${b}uj`;
      past = pastSet(`${b}oval`, `${b}ovali`);
      part = partSet(`${b}ovaný`, `${b}ovaní`);
      break;
    }
    case "a": {
      if (!L.endsWith("ať")) throw new Error(`${L}: class a needs -ať`);
      const b = L.slice(0, -2);
      const long = longLast(b);
      pres = long ? [`${b}am`, `${b}a`, `${b}ajú`, `${b}ame`] : [`${b}ám`, `${b}á`, `${b}ajú`, `${b}áme`];
      imp = `${b}aj`;
      past = pastSet(`${b}al`, `${b}ali`);
      part = long ? partSet(`${b}aný`, `${b}aní`) : partSet(`${b}aný`, `${b}aní`);
      break;
    }
    case "i": {
      if (!/(iť|ieť)$/.test(L)) throw new Error(`${L}: class i needs -iť/-ieť`);
      const ie = L.endsWith("ieť");
      const b = L.slice(0, ie ? -3 : -2);
      const long = longLast(b);
      const v = long ? "i" : "í";
      pres = [`${b}${v}m`, `${b}${v}`, `${b}ia`, `${b}${v}me`];
      imp = CONS.test(b.slice(0, -1)) && CONS.test(b) ? `${b}i` : soften(b);
      past = ie ? pastSet(`${b}el`, `${b}eli`) : pastSet(`${b}il`, `${b}ili`);
      part = partSet(`${b}ený`, `${b}ení`);
      break;
    }
    case "j": {
      if (!L.endsWith("iť")) throw new Error(`${L}: class j needs -iť`);
      const b = L.slice(0, -2);
      pres = [`${b}ijem`, `${b}ije`, `${b}ijú`, `${b}ijeme`];
      imp = `${b}i`;
      past = pastSet(`${b}il`, `${b}ili`);
      part = partSet(`${b}itý`, `${b}ití`);
      break;
    }
    case "ne": {
      if (!/n[úu]ť$/.test(L)) throw new Error(`${L}: class ne needs -núť/-nuť`);
      const b = L.slice(0, -3);
      const long = longLast(b);
      pres = long ? [`${b}nem`, `${b}ne`, `${b}nu`, `${b}neme`] : [`${b}nem`, `${b}ne`, `${b}nú`, `${b}neme`];
      imp = `${b}ni`;
      past = pastSet(`${b}nul`, `${b}nuli`);
      part = partSet(`${b}nutý`, `${b}nutí`);
      break;
    }
    case "irr":
      break;
    default:
      throw new Error(`${L}: unknown class ${cls}`);
  }
  if (o.pres) pres = o.pres;
  if (o.imp) imp = o.imp;
  if (o.past) past = pastSet(o.past[0], o.past[1]);
  if (o.part) part = partSet(o.part[0], o.part[1]);
  if (!pres || !imp || !past) throw new Error(`${L}: class irr needs pres, imp and past`);
  // 2pl and 1pl: "zastreľte", "zastreľme"; "zabi" → "zabite", "zabime"
  const stemImp = imp;
  return { inf: L, pres, imp: [stemImp, `${stemImp}te`, `${stemImp}me`], past, part };
}

const list = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const withThen = (form, then) => (then ? `${form} ${then}` : form);
const KINDS = ["imp", "imp2sg", "inf", "part", "wish", "intent", "reported", "question"];

function lemmas(entry) {
  const v = typeof entry === "string" ? { lemma: entry } : entry;
  const out = [];
  if (v.base !== false) out.push({ ...v, aspect: v.aspect ?? "pf" });
  for (const p of list(v.prefixes)) {
    const { prefixes, base, ...rest } = v;
    const o = { ...rest, lemma: p + v.lemma, aspect: "pf" };
    if (v.pres) o.pres = v.pres.map((f) => p + f);
    if (v.imp) o.imp = p + v.imp;
    if (v.past) o.past = v.past.map((f) => p + f);
    if (v.part) o.part = v.part.map((f) => p + f);
    out.push(o);
  }
  return out;
}

/** Every form of every lemma of `grammar`, by the lexicon each form serves. */
export function inflect(grammar) {
  const out = {
    "violence.call": [],
    "violence.infinitive": [],
    "violence.passive": [],
    "violence.wish-verb": [],
    "violence.intent": [],
    "violence.reported": [],
  };
  const add = (lex, forms, thens) => {
    for (const f of forms) for (const t of thens) out[lex].push(withThen(f, t));
  };
  for (const [group, dying] of [["verbs", false], ["dying", true]]) {
    for (const entry of grammar[group] ?? []) {
      for (const v of lemmas(entry)) {
        const f = conjugate(v.lemma, v.class ?? "irr", v);
        for (const k of list(v.no).concat(list(v.only))) if (!KINDS.includes(k)) throw new Error(`${v.lemma}: unknown form kind ${k}`);
        const no = new Set(list(v.no));
        const only = v.only ? new Set(list(v.only)) : new Set(KINDS);
        const use = (k) => only.has(k) && !no.has(k);
        const thens = v.then === undefined ? [undefined] : list(v.then);
        const pf = v.aspect === "pf";
        const pastAll = [f.past.m, f.past.f, f.past.n, f.past.pl];
        if (use("imp")) {
          const [sg, pl2, pl1] = f.imp;
          if (use("imp2sg")) add("violence.call", [sg], thens);
          // "zabite" is also "zabité" (killed): with its object only
          // (grammar "imp2pl-objects": the pronouns and the war's groups in the accusative, "zabite okupantov")
          if (v.class === "j" && thens[0] === undefined) add("violence.call", list(grammar["imp2pl-objects"] ?? ["ich", "všetkých", "ho", "ju", "tých"]).map((x) => `${pl2} ${x}`), [undefined]);
          else add("violence.call", [pl2], thens);
          add("violence.call", [pl1], thens);
        }
        if (dying) {
          if (use("wish")) add("violence.wish-verb", [f.inf, f.pres[1], f.pres[2], ...pastAll], thens);
          continue;
        }
        // "Prečo ich ešte nikto nezastrelil?": asking why no one has yet done it is a call; the
        // negation (nikto, ne-) is inside the match
        if (use("question") && pf)
          add("violence.call", [`prečo ~3 nikto ~2 ne${f.past.m}`, `prečo ~3 nikto ~2 ne${f.past.pl}`], thens);
        if (use("inf")) add("violence.infinitive", [f.inf], thens);
        if (use("part") && f.part) add("violence.passive", [f.part.m, f.part.f, f.part.n, f.part.vir], thens);
        if (use("wish")) add("violence.wish-verb", [...(pf ? [f.pres[1]] : []), f.pres[2], ...pastAll], thens);
        if (use("intent") && pf) {
          add("violence.intent", [f.pres[0], f.pres[3]], thens);
          // "by som ich všetkých postrieľal", "povešal by som", "by sme ich zničili"
          add("violence.intent", [`${f.past.m} by som`, `${f.past.f} by som`, `${f.past.pl} by sme`], thens);
          add("violence.intent", [`by som ~5!nie ~3!nie ${f.past.m}`, `by som ~5!nie ~3!nie ${f.past.f}`, `by sme ~5!nie ~3!nie ${f.past.pl}`], thens);
        }
        if (use("reported") && v.reported !== false) {
          add("violence.reported", [f.past.m, f.past.f, f.past.pl], thens);
          if (!pf) add("violence.reported", [f.pres[2]], thens);
        }
      }
    }
  }
  fileObjectVerbs(out, grammar, (e) => {
    const f = conjugate(e.lemma, e.class ?? "irr", e);
    const pf = (e.aspect ?? "pf") === "pf";
    return {
      // not the 2sg imperative, which run-together matching finds inside past forms ("rozdrvi|li")
      call: [...f.imp.slice(1), ...(pf ? [f.pres[0], f.pres[3]] : [])],
      inf: [f.inf],
      part: pf && f.part ? [f.part.m, f.part.f, f.part.vir] : [],
      third: [f.pres[1], f.pres[2]],
    };
  });
  return out;
}
