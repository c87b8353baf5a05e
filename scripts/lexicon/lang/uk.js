// Ukrainian inflection for scripts/lexicon/generate.js. A verb in scripts/lexicon/grammar/uk.yaml is its
// infinitive, its conjugation class and its aspect; from those this module derives the forms each
// frame of a call uses, and files them under the lexicon that frame reads:
//
//   imperative 2sg/2pl/1pl   вбий, вбийте, вбиймо        violence.call     (a call by its form)
//   infinitive               вбити, розстрілювати        violence.infinitive (directive, after a modal)
//   3sg/3pl future (perf.)   вб'є, вб'ють                with хай/нехай: violence.call ("хай їх вб'ють")
//   past, every gender       вбили, накрило              with щоб/хай би/аби: violence.call ("щоб їх накрило")
//   1sg/1pl future           вб'ю, вб'ємо, вбиватимемо   violence.intent   (the speaker's own intent)
//   passive participle       вбитий, знищені, знищеними  violence.passive  (after "мають бути")
//   past, 3pl present, -чи   вбили, обстрілюють, вбиваючи violence.reported (done: its object is a victim)
//
// Verbs of dying ("dying:" in the grammar) give the curse imperative (здохни), the infinitive after a
// modal (мають здохнути, violence.verb), the 3rd person after a wish (хай здохне, violence.wish-verb)
// and the past after щоб (щоб ти здох). They are never reported acts nor intents.
//
// A verb with `object: target` is war slang that is violent only when aimed at someone (валити
// "to drop" is also "to leave", косити "to mow" also "to dodge the draft", гасити "to put out"): its
// call forms go to violence.noun, which a following target or pronoun must complete ("валіть
// орків", "косити цих вагнерівців"), and phrases with a pronoun object go to violence.call ("валіть
// їх", "їх усіх мочити"). `object: pronoun` keeps only the pronoun phrases (поховати: "поховаємо
// їх", never "поховаємо бабусю"); `object: frame` lets the infinitive stand as a directive too
// (мочити, кончити: "кацапів мочити"); `wish: true` lets хай + 3rd person aim it ("хай їх ховають").
//
// Classes (the present stem comes from the infinitive unless `pres:` gives it):
//   ати    I conjugation, vowel stem:     вбива-ти → вбива-ю, вбива-ють; вбивай
//   увати  I, -ува-/-юва- → -у-/-ю-:      знищувати → знищу-ю; знищуй; participle знищ-ований
//   ити    II conjugation (-ити/-іти/-їти): знищ-ити → знищ-у, знищ-ать; 1sg and participle alternate
//          the last consonant (с→ш, з→ж, т→ч, д→дж, ст→щ, зд→ждж; labials add л, also in 3pl);
//          `imp: stem` for a stem-stressed imperative (знищ, повісь), default ending-stressed (спали)
//   j      I, j-stem:                      вби-ти → вб'-ю, вб'-ють; вбий; вбитий; накри-ти → накри-ю
//   нути   I, -ну-:                        здох-нути → здохну, здохне; здохни; past given or -нув
//   I      I, consonant stem in `pres:`:   різати (pres: ріж) → ріжу, ріжуть; стати (pres: стан)
// Irregular forms are given in the grammar: `pres`, `present` (1sg, 3sg, 1pl, 3pl), `imp` (a 2sg form or stem/end), `past` (m, f, n,
// pl), `participle` (a stem ending in н/т), `aspect` (perf/impf; ати/увати default to impf),
// `prefixes` (more lemmas, perfective unless the class is увати), `reflexive` (add -ся),
// `then` (words after every form: "забити ~2 до смерті"), `reported: false`, `homographs` (forms
// never made because they are other words: спали "they slept", бомби "bombs").
//
// Beyond the frames above, every verb also gives: 'коли вже/коли нарешті' + 3rd person (a question that
// wishes it), 'щоб/хоч би/от би хтось' + masculine past (someone wished to do it), 'знайти і' + infinitive
// (find and …, violence.infinitive); slang (`object: target`) also takes a manner that aims it at
// people (без жалю, пачками, до одного).
import { fileObjectVerbs } from "./objects.js";

/** Wish words that take the present/future: "хай їх вб'ють", "нехай згорять". */
/** …and the questions that wish it: "коли вже їх усіх закопають?" */
const WISH_PRESENT = ["хай", "нехай", "коли вже", "коли нарешті"];
/** Wish words that take the past: "щоб ти здох", "хай би їх накрило", "аби вони згоріли". */
const WISH_PAST = ["щоб", "шоб", "хай би", "нехай би", "аби", "хоч би", "от би", "скоріше б", "швидше б", "лише б", "лиш би", "тільки б", "тільки би"];
/** The commonest of them, for the past of violent verbs ("щоб їх усіх перестріляли"). */
const WISH_PAST_ACT = ["щоб", "хай би", "нехай би"];
/** Words a wish gap never crosses: a negated wish is no call ("щоб вони не загинули"). */
const GAP_STOP = "!не,ні,ніхто,знали";
/** Pronoun objects that complete a verb which is violent only when aimed at someone. */
const OBJECTS = ["їх", "його", "всіх", "усіх", "цих"];
/** "Хоч би хтось його отруїв": a wish that someone do it, with the masculine past that "someone" takes. */
const WISH_SOMEONE = ["щоб", "хоч би", "от би"];
const SOMEONE = ["хтось", "хто-небудь"];
/** …and "someone would" with the wish word after it: "хтось би вже нарешті його отруїв". */
const SOMEONE_WOULD = ["хтось би"];
/** Manners that aim slang at people: "валіть без жалю", "косити їх пачками". */
const MANNER = ["без жалю", "без жалості", "без пощади", "пачками", "до одного", "до останнього"];
/** "Мародерів знайти і повісити": finding, then the act. */
const FIND = ["знайти і", "знайти й", "знайти та"];

const VOWEL = /[аеєиіїоуюя]$/;
const LABIAL = /[бпвмф]$/;
const HUSHER = /[жчшщ]$/;

/** The 1sg / participle stem of a II-conjugation verb: повіс → повіш, страт → страч, втоп → втопл. */
function alternate(stem) {
  for (const [from, to] of [["зд", "ждж"], ["ст", "щ"], ["с", "ш"], ["з", "ж"], ["т", "ч"], ["д", "дж"]]) {
    if (stem.endsWith(from)) return stem.slice(0, -from.length) + to;
  }
  if (LABIAL.test(stem)) return `${stem}л`;
  return stem;
}

/** "ю" after a vowel, a soft л/н/р or an inserted л; else "у". */
const softU = (s) => (VOWEL.test(s) || /[лнрй]$/.test(s) ? "ю" : "у");
/** A stem-stressed imperative takes ь after a consonant that has a soft pair. */
const softSign = (s) => (/[лнсзтдц]$/.test(s) ? `${s}ь` : s);

const list = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Every form of one lemma: { inf, pres: {s1, s3, p1, p3}, imp: [2sg, 2pl, 1pl], past: [m, f, n, pl],
 * fut: [1sg, 1pl] (imperfective synthetic future), part: [...], gerund: [...], aspect }.
 */
export function forms(lemma, v) {
  const cls = v.class ?? guessClass(lemma);
  let aspect = v.aspect ?? (cls === "ати" || cls === "увати" ? "impf" : "perf");
  const f = { inf: lemma, pres: {}, imp: [], past: [], fut: [], part: [], gerund: [], aspect };
  const base = lemma.replace(/(ти|ть)$/, "");
  if (cls === "ати") {
    const s = v.pres ?? base; // вбива, стріля
    f.pres = { s1: `${s}ю`, s3: `${s}є`, p1: `${s}ємо`, p3: `${s}ють` };
    f.imp = [`${s}й`, `${s}йте`, `${s}ймо`];
    f.past = [`${base}в`, `${base}ла`, `${base}ло`, `${base}ли`];
    f.part = participles(`${base}н`, "ий");
    f.gerund = [`${s}ючи`];
  } else if (cls === "увати") {
    const m = /^(.*)(у|ю)вати$/.exec(lemma);
    if (!m) throw new Error(`uk: '${lemma}' is not an -увати/-ювати verb`);
    const s = `${m[1]}${m[2]}`; // знищу, розстрілю
    f.pres = { s1: `${s}ю`, s3: `${s}є`, p1: `${s}ємо`, p3: `${s}ють` };
    f.imp = [`${s}й`, `${s}йте`, `${s}ймо`];
    f.past = [`${base}в`, `${base}ла`, `${base}ло`, `${base}ли`];
    f.part = participles(`${m[1]}${m[2] === "ю" ? "ьов" : "ов"}ан`, "ий");
    f.gerund = [`${s}ючи`];
  } else if (cls === "ити") {
    const m = /^(.*)([иії])ти$/.exec(lemma);
    if (!m) throw new Error(`uk: '${lemma}' is not an -ити/-іти/-їти verb`);
    const s = v.pres ?? m[1];
    const th = m[2]; // и, і or ї
    const vowelStem = th === "ї" || VOWEL.test(s);
    const alt = vowelStem ? s : alternate(s);
    const i = vowelStem ? "ї" : "и";
    f.pres = {
      s1: `${alt}${softU(alt)}`,
      s3: `${s}${i}ть`,
      p1: `${s}${i}мо`,
      p3: LABIAL.test(s) ? `${s}лять` : HUSHER.test(s) ? `${s}ать` : `${s}ять`,
    };
    if (v.imp === "stem") {
      const two = softSign(s);
      f.imp = [two, `${two}те`, `${two}мо`];
    } else if (typeof v.imp === "string" && v.imp !== "end") {
      f.imp = [v.imp, `${v.imp}те`, `${v.imp}мо`];
    } else {
      const e = vowelStem ? "ї" : "і";
      f.imp = [`${s}${vowelStem ? "ї" : "и"}`, `${s}${e}ть`, `${s}${e}мо`];
    }
    const pv = th === "і" ? "і" : th === "ї" ? "ї" : "и";
    f.past = [`${s}${pv}в`, `${s}${pv}ла`, `${s}${pv}ло`, `${s}${pv}ли`];
    f.part = participles(vowelStem ? `${s}єн` : `${alt}ен`, "ий");
    f.gerund = [`${f.pres.p3.slice(0, -2)}чи`];
  } else if (cls === "j") {
    const s = base; // вби, накри, гни
    const ps = v.pres ?? (/^(.*[бпвмф])и$/.test(s) ? `${s.slice(0, -1)}'` : s);
    f.pres = { s1: `${ps}ю`, s3: `${ps}є`, p1: `${ps}ємо`, p3: `${ps}ють` };
    f.imp = [`${s}й`, `${s}йте`, `${s}ймо`];
    f.past = [`${s}в`, `${s}ла`, `${s}ло`, `${s}ли`];
    f.part = participles(`${s}т`, "ий");
    f.gerund = [`${ps}ючи`];
  } else if (cls === "нути") {
    const s = lemma.replace(/нути$/, "");
    f.pres = { s1: `${s}ну`, s3: `${s}не`, p1: `${s}немо`, p3: `${s}нуть` };
    f.imp = [`${s}ни`, `${s}ніть`, `${s}німо`];
    f.past = [`${s}нув`, `${s}нула`, `${s}нуло`, `${s}нули`];
    f.part = participles(`${s}нут`, "ий");
  } else if (cls === "I") {
    const p = v.pres;
    if (!p) throw new Error(`uk: '${lemma}' (class I) needs its present stem in 'pres'`);
    const u = VOWEL.test(p) ? "ю" : "у"; // помр-у, стан-у: no softening in the I conjugation
    f.pres = { s1: `${p}${u}`, s3: `${p}${u === "ю" ? "є" : "е"}`, p1: `${p}${u === "ю" ? "є" : "е"}мо`, p3: `${p}${u}ть` };
    if (v.imp === "stem") {
      const two = softSign(p);
      f.imp = [two, `${two}те`, `${two}мо`];
    } else if (typeof v.imp === "string" && v.imp !== "end") f.imp = [v.imp, `${v.imp}те`, `${v.imp}мо`];
    else f.imp = [`${p}и`, `${p}іть`, `${p}імо`];
    f.past = [`${base}в`, `${base}ла`, `${base}ло`, `${base}ли`];
    f.part = base.endsWith("а") ? participles(`${base}н`, "ий") : [];
  } else throw new Error(`uk: unknown class '${cls}' of '${lemma}'`);

  // `present: [1sg, 3sg, 1pl, 3pl]` where the stem softens (перемолоти → перемелю, перемеле).
  if (v.present !== undefined) {
    const [s1, s3, p1, p3] = list(v.present);
    f.pres = { s1, s3, p1, p3 };
  }
  // Apostrophe-less spellings are how many people type: вбю, вбємо.
  for (const k of Object.keys(f.pres)) if (f.pres[k].includes("'")) f.pres[`${k}_`] = f.pres[k].replace("'", "");
  if (v.past !== undefined) f.past = list(v.past);
  if (v.participle === false) f.part = [];
  else if (v.participle !== undefined) f.part = list(v.participle).flatMap((p) => participles(p, "ий"));
  if (v.imperative !== undefined) f.imp = list(v.imperative);
  // Imperfective: present forms are no intent, the synthetic future is (вбиватиму, вбиватимемо).
  if (aspect === "impf") f.fut = [`${lemma}му`, `${lemma}мемо`].filter((x) => x.endsWith("тиму") || x.endsWith("тимемо"));
  // Forms that are other, commoner words (страчу ~ Polish "strachu") are never made.
  const drop = new Set(list(v.homographs));
  if (drop.size > 0) {
    for (const k of ["imp", "past", "fut", "part", "gerund"]) f[k] = f[k].filter((w) => !drop.has(w));
    for (const k of Object.keys(f.pres)) if (drop.has(f.pres[k])) delete f.pres[k];
  }
  return f;
}

/** Nominative m/f/n/pl and instrumental sg/pl of a passive participle: знищен → знищений, знищені… */
function participles(stem, _ending) {
  return [`${stem}ий`, `${stem}а`, `${stem}е`, `${stem}і`, `${stem}им`, `${stem}ими`];
}

/** A class from the infinitive's ending when the grammar gives none. */
function guessClass(lemma) {
  if (/[ую]вати$/.test(lemma)) return "увати";
  if (/[ая]ти$/.test(lemma)) return "ати";
  if (/нути$/.test(lemma)) return "нути";
  if (/[иії]ти$/.test(lemma)) return "ити";
  throw new Error(`uk: cannot guess the class of '${lemma}'`);
}

/** Adds -ся to every form (-сь as well after a vowel): повісився, повісилась, повісься. */
function reflexive(w) {
  return VOWEL.test(w) ? [`${w}ся`, `${w}сь`] : [`${w}ся`];
}

/** The lemmas of one grammar entry: its lemma (or lemmas) and every prefixed lemma. */
function lemmasOf(v) {
  const out = [];
  for (const l of list(v.lemma)) {
    out.push([l, v]);
    for (const p of list(v.prefixes)) {
      const cls = v.class ?? guessClass(l);
      out.push([`${p}${l}`, { ...v, aspect: cls === "увати" ? v.aspect ?? "impf" : "perf", prefixes: undefined }]);
    }
  }
  return out;
}

const entryOf = (raw) => {
  const e = typeof raw === "string" ? { lemma: raw } : raw;
  // This module writes `then` after each form as it is: a list would become one term, commas and all.
  if (e.then !== undefined && typeof e.then !== "string") throw new Error(`lemma ${JSON.stringify(e.lemma)}: \`then\` is one string in this grammar; list the lemma once for each`);
  return e;
};

/** Every form of every lemma of `grammar`, by the lexicon each form serves. */
export function inflect(grammar) {
  const out = {
    "violence.call": [],
    "violence.infinitive": [],
    "violence.verb": [],
    "violence.passive": [],
    "violence.wish-verb": [],
    "violence.intent": [],
    "violence.noun": [],
    "violence.reported": [],
  };
  const push = (lex, words, then) => {
    for (const w of words) out[lex].push(then ? `${w} ${then}` : w);
  };
  const wishPhrases = (ws, forms3, then) => {
    for (const w of ws) for (const f of forms3) out["violence.call"].push(`${w} ~4${GAP_STOP} ${f}${then ? ` ${then}` : ""}`);
  };
  const wishPastPhrases = (pastForms, then, words = WISH_PAST) => {
    for (const w of words) for (const f of pastForms) out["violence.call"].push(`${w} ~5${GAP_STOP} ${f}${then ? ` ${then}` : ""}`);
  };

  for (const raw of grammar.verbs ?? []) {
    const v = entryOf(raw);
    for (const [lemma, e] of lemmasOf(v)) {
      const f = forms(lemma, e);
      const rx = (ws) => (e.reflexive ? ws.flatMap(reflexive) : ws);
      const then = e.then;
      const perf = f.aspect === "perf";
      const third = perf ? [f.pres.s3, f.pres.p3, f.pres.s3_, f.pres.p3_].filter(Boolean) : [];
      const intent = perf ? [f.pres.s1, f.pres.p1, f.pres.s1_, f.pres.p1_].filter(Boolean) : f.fut;
      if (e.object) {
        // Violent only when aimed at someone: a target (or pronoun) must follow, or a pronoun object.
        // `object: frame` also lets the infinitive be a directive like any other ("кацапів мочити").
        const callForms = rx([...f.imp, f.inf, ...intent]);
        if (e.object !== "pronoun") push("violence.noun", callForms, then);
        if (e.object === "frame") push("violence.infinitive", rx([f.inf]), then);
        // The colloquial infinitive in -ть ("їх усіх треба мочить") only where an object fixes it.
        const colloquial = f.inf.endsWith("ти") ? [`${f.inf.slice(0, -2)}ть`] : [];
        for (const w of callForms) for (const o of OBJECTS) out["violence.call"].push(`${w} ~1 ${o}${then ? ` ${then}` : ""}`);
        for (const w of rx([...f.imp, f.inf, ...colloquial])) for (const o of ["їх", "всіх", "усіх"]) out["violence.call"].push(`${o} ~2 ${w}${then ? ` ${then}` : ""}`);
        // `aim: true`: the war's slang names of the enemy (the grammar's `slang-objects`, accusative) before the
        // infinitive or the plural imperative, across a modal and a place: "чмобіків треба валити", "орків гасіть".
        if (e.aim) for (const t of list(grammar["slang-objects"])) for (const w of rx([f.inf, ...f.imp.slice(1, 2)])) out["violence.call"].push(`${t} ~4!не,ні ${w}${then ? ` ${then}` : ""}`);
        // "Ми їх поховаємо", "я вас закопаю": the pronoun before a first-person future.
        for (const w of rx(intent)) for (const o of ["їх", "вас", "всіх"]) out["violence.call"].push(`${o} ~2 ${w}${then ? ` ${then}` : ""}`);
        const wishThird = e.wish ? rx([f.pres.p3, f.pres.s3]) : perf ? rx(third) : [];
        for (const w of WISH_PRESENT) for (const x of wishThird) {
          if (e.wish) out["violence.call"].push(`${w} ~4${GAP_STOP} ${x}${then ? ` ${then}` : ""}`);
          else for (const o of OBJECTS) out["violence.call"].push(`${w} ${o} ~2 ${x}${then ? ` ${then}` : ""}`);
        }
        // "Хай би всіх окупантів накрило": the wish itself aims the impersonal past.
        wishPastPhrases(rx(f.past.filter((p) => p.endsWith("ли") || p.endsWith("ло"))), then, e.wish ? WISH_PAST : WISH_PAST_ACT);
      } else {
        push("violence.call", rx(f.imp), then);
        push("violence.infinitive", rx([f.inf]), then);
        push("violence.intent", rx(intent), then);
        if (perf) push("violence.passive", f.part, then);
        // `wish: true` on an imperfective verb: "хай бомблять Москву" (not "коли вже бомблять": a present)
        if (e.wish && !perf) wishPhrases(WISH_PRESENT.slice(0, 2), rx([f.pres.p3, f.pres.s3]), then);
        else wishPhrases(WISH_PRESENT, rx(third), then);
        // `hope: true`: the 3rd person future after any wish or hope ("сподіваюсь, ЗСУ переб'ють усіх вагнерівців")
        if (perf && e.hope) push("violence.wish-verb", rx(third), then);
        // …and the speaker's own wish to do it, with б/би: "вбити б його", "пристрелити б" (not the past: "вбив би за каву" is hyperbole).
        if (perf && e.hope) push("violence.intent", [`${f.inf} б`, `${f.inf} би`], then);
        // …and the conditional past aimed at a whole group, the speaker's own: "всіх би перестріляв", "я б їх усіх
        // перевішав" (`hope` or `would`; "всіх" keeps out the lone "вбив би за каву").
        if (perf && (e.hope || e.would)) for (const x of rx([f.past[0], f.past[3]].filter(Boolean))) out["violence.intent"].push(`всіх би ~1 ${x}${then ? ` ${then}` : ""}`, `усіх би ~1 ${x}${then ? ` ${then}` : ""}`, `б ~1 всіх ${x}${then ? ` ${then}` : ""}`, `б ~1 усіх ${x}${then ? ` ${then}` : ""}`, `${x} би ~1 всіх${then ? ` ${then}` : ""}`);
        // The future passive foretold of whom the post names: "кожен окупант буде вбитий", "всі будуть знищені"
        // (killing verbs only: "все права будут уничтожены" is of things).
        if (perf && e.hope && f.part.length) {
          const [m, fem, , pl] = f.part;
          for (const x of [m, fem]) out["violence.call"].push(`буде ~1${GAP_STOP} ${x}${then ? ` ${then}` : ""}`);
          out["violence.call"].push(`будуть ~1${GAP_STOP} ${pl}${then ? ` ${then}` : ""}`);
        }
        wishPastPhrases(rx(f.past.filter((p) => p.endsWith("ли") || p.endsWith("ло") || e.reflexive)), then, WISH_PAST_ACT);
      }
        // Beyond the wish words: someone wished to do it ("хоч би хтось вбив", in the masculine past, as the
        // subject is named), a manner that aims slang at people ("валіть без жалю", "косити пачками"),
        // and "find and …" ("знайти і повісити"), whose object is whom the post has just named.
        // The object may come first, as the wish is mostly written: "хоч би його хтось пристрелив", "хоч би їх
        // хтось перестріляв" (up to two words, never across a negation).
        for (const w of WISH_SOMEONE) for (const s of SOMEONE) for (const x of rx(f.past.slice(0, 1))) out["violence.call"].push(`${w} ~2${GAP_STOP} ${s} ~3${GAP_STOP} ${x}${then ? ` ${then}` : ""}`);
        for (const s of SOMEONE_WOULD) for (const x of rx(f.past.slice(0, 1))) out["violence.call"].push(`${s} ~3${GAP_STOP} ${x}${then ? ` ${then}` : ""}`);
        if (e.object && e.object !== "pronoun") for (const w of rx([...f.imp, f.inf])) for (const m of MANNER) out["violence.call"].push(`${w} ~2 ${m}${then ? ` ${then}` : ""}`);
        for (const w of rx([f.inf])) for (const p of FIND) out["violence.infinitive"].push(`${p} ${w}${then ? ` ${then}` : ""}`);
      if (e.reported !== false) {
        push("violence.reported", rx(f.past), then);
        if (!perf) push("violence.reported", rx([f.pres.p3, ...f.gerund].filter(Boolean)), then);
      }
    }
  }

  for (const raw of grammar.dying ?? []) {
    const v = entryOf(raw);
    for (const [lemma, e] of lemmasOf(v)) {
      const f = forms(lemma, e);
      const rx = (ws) => (e.reflexive ? ws.flatMap(reflexive) : ws);
      const then = e.then;
      if (e.curse !== false) push("violence.call", rx(f.imp), then);
      push("violence.verb", rx([f.inf]), then);
      push("violence.wish-verb", rx([f.pres.s3, f.pres.p3, f.pres.s3_, f.pres.p3_].filter(Boolean)), then);
      // The past only right after щоб/хай би ("щоб ти здох"): a past form after any call frame
      // would be a report ("хочу нагадати, як він помер").
      wishPastPhrases(rx(f.past), then);
    }
  }
  fileObjectVerbs(out, grammar, (e) => {
    const f = forms(e.lemma, e);
    const perf = f.aspect === "perf";
    const p = f.pres;
    return {
      call: [...f.imp, ...(perf ? [p.s1, p.p1, p.s1_, p.p1_] : f.fut)],
      inf: [f.inf],
      part: perf ? f.part : [],
      third: [p.s3, p.p3, p.s3_, p.p3_],
    };
  });
  return out;
}
