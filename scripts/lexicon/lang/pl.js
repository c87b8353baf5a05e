// Polish inflection for scripts/lexicon/generate.js. A lemma (the infinitive), its conjugation class
// and, where the verb is irregular, the forms the grammar file spells out give every form a frame
// uses. Perfective verbs are made from an imperfective base by its `prefixes` (mordować → zamordować,
// wymordować); each prefixed verb is perfective, so its present-tense form is a future.
//
// Classes (named after the present tense):
//   uje   -ować/-ywać/-iwać → -uję, -uje, -ują     mordować: morduj, mordował, mordowany
//   am    -ać → -am, -a, -ają                      rozstrzelać: rozstrzelaj, rozstrzelał, rozstrzelany
//   ie    -ać → -ię, -ie, -ią (labial stems)       zakopać: zakop, zakopał, zakopany
//   i     -ić/-yć → -ę, -i/-y, -ą with the         powiesić: powieszę, powiesi, powieszą; powieś;
//         consonant alternation of the stem        powiesił; powieszony, powieszeni
//   j     -ić/-yć/-uć → -ję, -je, -ją              zabić: zabij, zabił, zabity, zabici
//   nie   -nąć → -nę, -nie, -ną                    zginąć: zgiń, zginął, zginęli; wyrżnąć: wyrżnij, wyrżnięty
//   irr   every form from the grammar file (pres, imp, past, part)
// Any class takes explicit `pres: [1sg, 3sg, 3pl, 1pl]`, `imp: 2sg`, `past: [masc, virile pl]`
// (feminine, neuter and non-virile plural add -a, -o, -y to the masculine), `part: [masc, virile]`
// for what the class would get wrong.
//
// Where the forms go (see the call-* signals in rules/shared/signals.yaml):
//   imperative 2sg, 2pl, 1pl  violence.call      "zabijcie", "powieśmy" (a call by its form)
//   infinitive                violence.infinitive "Putina powiesić", "trzeba rozstrzelać"
//   passive participle        violence.passive    "powinni zostać rozstrzelani"
//   3rd person future/present violence.wish-verb  "niech ich powieszą", "kiedy ktoś go odstrzeli"
//   and the past              violence.wish-verb  "oby ktoś go zastrzelił", "żeby zdechli"
//   "czemu nikt nie" + past    violence.call       "Czemu nikt jeszcze nie zastrzelił …?" (a question as a call)
//   1st person future         violence.intent     "wybijemy", "powieszę" (perfective only)
//   1st person conditional    violence.intent     "zastrzeliłbym", "sam bym go powiesił"
//   3rd person past, present  violence.reported   "rozstrzelali", "bombardują", "zabijając"
// Verbs of dying (`dying:`) give the imperative as a curse ("zdychaj") and everything else to
// violence.wish-verb, infinitive included ("musi zginąć" is a wish after a modal; "Zginąć za ojczyznę"
// alone is no call).
//
// Folding (ę→e) makes the 1st person singular of the classes uje, ie and j the same word as the 3rd
// ("zabiję" = "zabije", he will kill): those 1sg forms are an intent only with "cię"/"was" or "ja".
// `no:` drops forms that fold onto other words (imp2sg "spal" = "spał"), `then:` follows every form
// ("spalić ~2 żywcem"), `only:` keeps some kinds of form.
import { fileObjectVerbs } from "./objects.js";

const VOWEL = /[aąeęioóuy]$/;
const LABIAL_ETC = /[pbmwfn]$/;

/** The present-tense stem of an -ić verb with its consonant alternation (powies → powiesz). */
function softStem(st) {
  if (st.endsWith("śc")) return `${st.slice(0, -2)}szcz`;
  if (st.endsWith("źdz")) return `${st.slice(0, -3)}żdż`;
  if (st.endsWith("dz") || st.endsWith("c") || st.endsWith("l") || st.endsWith("j")) return st;
  if (st.endsWith("s")) return `${st.slice(0, -1)}sz`;
  if (st.endsWith("z")) return `${st.slice(0, -1)}ż`;
  if (LABIAL_ETC.test(st)) return `${st}i`;
  return st;
}

/** The imperative of an -ić verb: powieś, zgładź, skróć, utop, spal, unicestwij. */
function softImp(st) {
  if (/[^aąeęioóuy][pbmwfnl]$/.test(st) && !st.endsWith("rl")) return `${st}ij`;
  if (st.endsWith("śc")) return `${st.slice(0, -2)}ść`;
  if (st.endsWith("dz")) return `${st.slice(0, -2)}dź`;
  if (st.endsWith("c")) return `${st.slice(0, -1)}ć`;
  if (st.endsWith("s")) return `${st.slice(0, -1)}ś`;
  if (st.endsWith("z")) return `${st.slice(0, -1)}ź`;
  if (st.endsWith("n")) return `${st.slice(0, -1)}ń`;
  return st;
}

/** Past forms from the masculine and the virile plural. */
function pastSet(m, vir) {
  return { m, f: `${m}a`, n: `${m}o`, vir, nonvir: `${m}y` };
}

/** Participle forms from the masculine (-ny, -ty) and the virile plural. */
function partSet(m, vir) {
  const base = m.slice(0, -1);
  return { m, f: `${base}a`, n: `${base}e`, vir };
}

/** Imperatives 2sg, 2pl, 1pl from the 2sg. */
function impSet(sg) {
  return [sg, `${sg}cie`, `${sg}my`];
}

/** The forms of one lemma of a class. */
export function conjugate(lemma, cls, o = {}) {
  let pres, imp, past, part, adv;
  const L = lemma;
  switch (cls) {
    case "uje": {
      // -ować → -uję, -(ow)ywać → -(ow)uję, -iwać → -iwuję
      const b = L.endsWith("iwać") ? `${L.slice(0, -2)}u` : L.replace(/(ow|yw)ać$/, "u");
      if (b === L) throw new Error(`${L}: class uje needs -ować/-ywać/-iwać`);
      pres = [`${b}ję`, `${b}je`, `${b}ją`, `${b}jemy`];
      imp = `${b}j`;
      past = pastSet(`${L.slice(0, -1)}ł`, `${L.slice(0, -1)}li`);
      part = partSet(`${L.slice(0, -1)}ny`, `${L.slice(0, -1)}ni`);
      adv = `${b}jąc`;
      break;
    }
    case "am": {
      if (!L.endsWith("ać")) throw new Error(`${L}: class am needs -ać`);
      const s = L.slice(0, -2);
      pres = [`${s}am`, `${s}a`, `${s}ają`, `${s}amy`];
      imp = `${s}aj`;
      past = pastSet(`${s}ał`, `${s}ali`);
      part = partSet(`${s}any`, `${s}ani`);
      adv = `${s}ając`;
      break;
    }
    case "ie": {
      if (!L.endsWith("ać")) throw new Error(`${L}: class ie needs -ać`);
      const s = L.slice(0, -2);
      pres = [`${s}ię`, `${s}ie`, `${s}ią`, `${s}iemy`];
      imp = s;
      past = pastSet(`${s}ał`, `${s}ali`);
      part = partSet(`${s}any`, `${s}ani`);
      adv = `${s}iąc`;
      break;
    }
    case "i": {
      if (!/[iy]ć$/.test(L)) throw new Error(`${L}: class i needs -ić/-yć`);
      const y = L.endsWith("yć");
      const s = L.slice(0, -2);
      const soft = y ? s : softStem(s);
      const third = L.slice(0, -1);
      pres = [`${soft}ę`, third, `${soft}ą`, `${third}my`];
      imp = y ? s : softImp(s);
      past = pastSet(`${third}ł`, `${third}li`);
      const pm = `${soft}ony`;
      part = partSet(pm, pm.replace(/ony$/, "eni"));
      adv = `${soft}ąc`;
      break;
    }
    case "j": {
      if (!/[iyu]ć$/.test(L)) throw new Error(`${L}: class j needs -ić/-yć/-uć`);
      const s = L.slice(0, -1);
      pres = [`${s}ję`, `${s}je`, `${s}ją`, `${s}jemy`];
      imp = `${s}j`;
      past = pastSet(`${s}ł`, `${s}li`);
      part = partSet(`${s}ty`, `${s}ci`);
      adv = `${s}jąc`;
      break;
    }
    case "nie": {
      if (!L.endsWith("nąć")) throw new Error(`${L}: class nie needs -nąć`);
      const s = L.slice(0, -2);
      pres = [`${s}ę`, `${s}ie`, `${s}ą`, `${s}iemy`];
      imp = VOWEL.test(s.slice(0, -1)) ? `${s.slice(0, -1)}ń` : `${s}ij`;
      past = { m: `${s}ął`, f: `${s}ęła`, n: `${s}ęło`, vir: `${s}ęli`, nonvir: `${s}ęły` };
      part = partSet(`${s}ięty`, `${s}ięci`);
      adv = `${s}ąc`;
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
  if (o.adv) adv = o.adv;
  if (!pres || !imp || !past) throw new Error(`${L}: class irr needs pres, imp and past`);
  return { inf: L, pres, imp: impSet(imp), past, part, adv };
}

/** "zabiję" folds onto "zabije": the 1sg of these classes is the 3sg once diacritics are folded. */
const fold = (s) => s.normalize("NFD").replace(/\p{M}/gu, "").replace(/ł/g, "l");
const ONE_IS_THREE = (f) => fold(f.pres[0]) === fold(f.pres[1]);

const list = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const withThen = (form, then) => (then ? `${form} ${then}` : form);

/** Each lemma of an entry: the base and its prefixed (perfective) verbs. */
function lemmas(entry) {
  const v = typeof entry === "string" ? { lemma: entry } : entry;
  const out = [];
  if (v.base !== false) out.push({ ...v, aspect: v.aspect ?? "pf" });
  for (const p of list(v.prefixes)) {
    const { prefixes, base, ...rest } = v;
    const o = { ...rest, lemma: p + v.lemma, aspect: "pf" };
    // irregular forms given for the base take the same prefix
    if (v.pres) o.pres = v.pres.map((f) => p + f);
    if (v.imp) o.imp = p + v.imp;
    if (v.past) o.past = v.past.map((f) => p + f);
    if (v.part) o.part = v.part.map((f) => p + f);
    if (v.adv) o.adv = p + v.adv;
    out.push(o);
  }
  return out;
}

const KINDS = ["imp", "imp2sg", "inf", "part", "wish", "intent", "reported", "question"];

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
        const no = new Set(list(v.no));
        const only = v.only ? new Set(list(v.only)) : new Set(KINDS);
        const use = (k) => only.has(k) && !no.has(k);
        for (const k of list(v.no).concat(list(v.only))) if (!KINDS.includes(k)) throw new Error(`${v.lemma}: unknown form kind ${k}`);
        const thens = v.then === undefined ? [undefined] : list(v.then);
        const pf = v.aspect === "pf";
        const pastAll = [f.past.m, f.past.f, f.past.n, f.past.vir, f.past.nonvir];
        if (use("imp")) add("violence.call", use("imp2sg") ? f.imp : f.imp.slice(1), thens);
        if (dying) {
          if (use("wish")) add("violence.wish-verb", [f.inf, f.pres[1], f.pres[2], ...pastAll], thens);
          continue;
        }
        if (use("inf")) add("violence.infinitive", [f.inf], thens);
        if (use("part") && f.part) add("violence.passive", [f.part.m, f.part.f, f.part.n, f.part.vir], thens);
        // "niech ich powieszą", "oby ktoś go zastrzelił"; an imperfective's 3sg present is a report
        if (use("wish")) add("violence.wish-verb", [...(pf ? [f.pres[1]] : []), f.pres[2], ...pastAll], thens);
        // "Czemu nikt jeszcze nie rozwalił tych …?": a question why no one has done it yet is a call;
        // the "nie" and "nikt" are inside the match, so the negation does not set it aside.
        if (use("question") && pf)
          add("violence.call", [`czemu ~1 nikt ~2 nie ${f.past.m}`, `dlaczego ~1 nikt ~2 nie ${f.past.m}`], thens);
        if (use("intent") && pf) {
          add("violence.intent", [f.pres[3]], thens);
          if (ONE_IS_THREE(f) && thens[0] === undefined)
            add("violence.intent", [`${f.pres[0]} cię`, `cię ${f.pres[0]}`, `${f.pres[0]} was`, `was ${f.pres[0]}`, `ja ~2 ${f.pres[0]}`], [undefined]);
          else add("violence.intent", [f.pres[0]], thens);
          // "zastrzeliłbym", "powiesiłabym", "wybilibyśmy"; "sam bym go powiesił", "ja bym tych żołnierzy wszystkich rozstrzelał"
          add("violence.intent", [`${f.past.m}bym`, `${f.past.f}bym`, `${f.past.vir}byśmy`], thens);
          add("violence.intent", [`bym ~5!nie ${f.past.m}`, `bym ~5!nie ${f.past.f}`, `byśmy ~5!nie ${f.past.vir}`], thens);
        }
        if (use("reported") && v.reported !== false) {
          add("violence.reported", [f.past.m, f.past.f, f.past.vir, f.past.nonvir], thens);
          if (!pf) add("violence.reported", [f.pres[2], ...(f.adv ? [f.adv] : [])], thens);
        }
      }
    }
  }
  fileObjectVerbs(out, grammar, (e) => {
    const f = conjugate(e.lemma, e.class ?? "irr", e);
    const pf = (e.aspect ?? "pf") === "pf";
    return {
      call: [...f.imp, ...(pf ? [f.pres[0], f.pres[3]] : [])],
      inf: [f.inf],
      part: pf && f.part ? [f.part.m, f.part.f, f.part.vir] : [],
      third: [f.pres[1], f.pres[2]],
    };
  });
  return out;
}
