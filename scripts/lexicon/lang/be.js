// Belarusian inflection for scripts/lexicon/generate.js: the same frames as uk.js and ru.js
// (imperative → violence.call; infinitive → violence.infinitive; perfective 1sg/1pl → violence.intent;
// 3rd person after хай/няхай and past after каб/хоць бы → violence.call; participle →
// violence.passive; past → violence.reported; dying verbs → curse, violence.verb, violence.wish-verb).
//
// Classes (Belarusian writes what it says, so unstressed endings vary: where they do, the grammar
// gives `present` [1sg, 3sg, 1pl, 3pl] and `participle` explicitly):
//   аць    I, vowel stem:       забіва-ць → забіваю, забівае, забіваем, забіваюць; забівай
//   аваць  I, -ава- → -у-:      ліквідаваць → ліквідую, ліквідуюць; ліквідуй; ліквідаваны
//   іць    II (-іць/-ыць/-эць):  знішч-ыць → знішчу, знішчыць, знішчым, знішчаць; 1sg alternates
//          (с→ш, з→ж, т→ч, д→дж, ст→шч; labials add л); imperative знішчы/спалі, `imp: stem` павесь
//   j      I, j-stem:           за-бі-ць → заб'ю, заб'е, заб'ём, заб'юць; забі; забіты
//   нуць   I, -ну-:             здох-нуць → здохну, здохне; здохні; past given
//   I      I, consonant stem: `present` given (зарэзаць → зарэжу, зарэжа, зарэжам, зарэжуць)
// `past` (m, f, n, pl), `imperative`, `participle` (a stem in н/т, or false), `aspect`, `object`,
// `reflexive`, `then`, `curse: false`, `homographs` as in the other modules.
//
// Beyond these: 'калі ўжо' + 3rd person, 'каб/хоць бы хтосьці' + masculine past, 'знайсці і' +
// infinitive, slang with a manner (без жалю, пачкамі), and every form (but the reported past) again
// in Belarusian Latin (łacinka, folded: 'Kab jany ŭsie zdochli' → kab … zdochli), minus the
// `latin-homographs` of the grammar (Latin forms that are Polish words).
import { fileObjectVerbs } from "./objects.js";

/** …and the questions that wish it: "калі ўжо іх закапаюць?" */
const WISH_PRESENT = ["хай", "няхай", "калі ўжо", "калі нарэшце"];
const WISH_PAST = ["каб", "хоць бы", "хай бы", "хутчэй бы", "вось бы", "абы толькі", "толькі б"];
const GAP_STOP = "!не,ні,ніхто,нікога";
/** "усіх" after a vowel is "ўсіх" ("трэба ўсіх пастраляць"): both are written. */
const OBJECTS = ["іх", "яго", "усіх", "ўсіх", "гэтых", "кожнага"];
/** "Хоць бы хтосьці яго атруціў": a wish that someone do it, with the masculine past that "someone" takes. */
const WISH_SOMEONE = ["каб", "хоць бы", "вось бы"];
const SOMEONE = ["хтосьці", "хто-небудзь"];
/** …and the wish with the bare "anyone": "хай бы хто стрэліў". */
const WISH_ANYONE = ["хай бы хто"];
/** …and "someone would" with the wish word after it: "хтосьці б ужо яго атруціў". */
const SOMEONE_WOULD = ["хтосьці б"];
/** Manners that aim slang at people: "біце іх без жалю", "касіць пачкамі". */
const MANNER = ["без жалю", "без літасці", "пачкамі", "да аднаго", "да апошняга"];
/** "Марадзёраў знайсці і павесіць": finding, then the act. */
const FIND = ["знайсці і", "знайсці ды"];

const VOWEL = /[аеёіоуыэюя]$/;
const LABIAL = /[бпвмф]$/;
const HARD = /[жчшрў]$/;

function alternate(stem) {
  for (const [from, to] of [["ст", "шч"], ["с", "ш"], ["з", "ж"], ["ц", "ч"], ["т", "ч"], ["дз", "дж"], ["д", "дж"]]) {
    if (stem.endsWith(from)) return stem.slice(0, -from.length) + to;
  }
  if (LABIAL.test(stem)) return `${stem}л`;
  return stem;
}

const list = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const iy = (s) => (HARD.test(s) ? "ы" : "і");

function participles(stem) {
  const y = HARD.test(stem.slice(0, -1)) ? "ы" : "ы";
  return [`${stem}${y}`, `${stem}ая`, `${stem}ае`, `${stem}ыя`, `${stem}ым`, `${stem}ымі`];
}

export function forms(lemma, v) {
  const cls = v.class;
  const aspect = v.aspect ?? (cls === "аць" || cls === "аваць" ? "impf" : "perf");
  const f = { inf: lemma, pres: {}, imp: [], past: [], part: [], aspect };
  const base = lemma.replace(/ць$/, "");
  if (cls === "аць") {
    const s = base;
    f.pres = { s1: `${s}ю`, s3: `${s}е`, p1: `${s}ем`, p3: `${s}юць` };
    f.imp = [`${s}й`, `${s}йце`];
    f.past = [`${s}ў`, `${s}ла`, `${s}ла`, `${s}лі`];
    f.part = participles(`${s}н`);
  } else if (cls === "аваць") {
    const s = lemma.replace(/аваць$/, "у");
    f.pres = { s1: `${s}ю`, s3: `${s}е`, p1: `${s}ем`, p3: `${s}юць` };
    f.imp = [`${s}й`, `${s}йце`];
    f.past = [`${base}ў`, `${base}ла`, `${base}ла`, `${base}лі`];
    f.part = participles(`${base}н`);
  } else if (cls === "іць") {
    const m = /^(.*)[іыэе]ць$/.exec(lemma);
    if (!m) throw new Error(`be: '${lemma}' is not an -іць/-ыць verb`);
    const s = m[1];
    const alt = alternate(s);
    const i = iy(s);
    f.pres = { s1: `${alt}${VOWEL.test(alt) || /[лнр]$/.test(alt) ? "ю" : "у"}`, s3: `${s}${i}ць`, p1: `${s}${i}м`, p3: `${s}${HARD.test(s) ? "аць" : "яць"}` };
    if (v.imp === "stem") f.imp = [`${s}ь`, `${s}ьце`];
    else f.imp = [`${s}${i}`, `${s}${i}це`];
    f.past = [`${s}${i}ў`, `${s}${i}ла`, `${s}${i}ла`, `${s}${i}лі`];
    f.part = participles(`${alt}ан`);
  } else if (cls === "j") {
    const s = base; // забі
    const ps = /[бпвмф]і$/.test(s) ? `${s.slice(0, -1)}'` : s;
    f.pres = { s1: `${ps}ю`, s3: `${ps}е`, p1: `${ps}ём`, p3: `${ps}юць` };
    f.imp = [s, `${s}це`];
    f.past = [`${s}ў`, `${s}ла`, `${s}ла`, `${s}лі`];
    f.part = participles(`${s}т`);
  } else if (cls === "нуць") {
    const s = lemma.replace(/нуць$/, "");
    f.pres = { s1: `${s}ну`, s3: `${s}не`, p1: `${s}нем`, p3: `${s}нуць` };
    f.imp = [`${s}ні`, `${s}ніце`];
    f.past = [`${s}нуў`, `${s}нула`, `${s}нула`, `${s}нулі`];
    f.part = [];
  } else if (cls === "I") {
    f.imp = [];
    f.past = [`${base}ў`, `${base}ла`, `${base}ла`, `${base}лі`];
  } else throw new Error(`be: unknown class '${cls}' of '${lemma}'`);
  if (v.present !== undefined) {
    const [s1, s3, p1, p3] = list(v.present);
    f.pres = { s1, s3, p1, p3 };
  }
  for (const k of Object.keys(f.pres)) if (f.pres[k]?.includes("'")) f.pres[`${k}_`] = f.pres[k].replace("'", "");
  if (v.past !== undefined) f.past = list(v.past);
  if (v.participle === false) f.part = [];
  else if (v.participle !== undefined) f.part = list(v.participle).flatMap(participles);
  if (v.imperative !== undefined) f.imp = list(v.imperative);
  const drop = new Set(list(v.homographs));
  for (const k of ["imp", "past", "part"]) f[k] = f[k].filter((w) => !drop.has(w));
  for (const k of Object.keys(f.pres)) if (drop.has(f.pres[k])) delete f.pres[k];
  return f;
}

function reflexive(w) {
  return VOWEL.test(w) ? [`${w}ся`, `${w}ся`.replace(/ся$/, "ся")] : [`${w}ся`];
}

// Belarusian Latin (łacinka), as many Belarusians write online ("Kab jany ŭsie zdochli", "Łuku treba
// paviesić"): every form is also written in it, folded as modpol folds Latin text (ŭ→u, č→c, ł→l,
// ć→c…). The engine's transliteration of Cyrillic terms reads х as h and е as e; łacinka writes
// ch and ie/je, so it needs forms of its own. The phrase gaps (~5!не,ні) are kept as they are.
const LAC = {
  а: "a", б: "b", в: "v", г: "h", ґ: "g", д: "d", ж: "z", з: "z", й: "j", к: "k", л: "l", м: "m", н: "n",
  о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ў: "u", ф: "f", х: "ch", ц: "c", ч: "c", ш: "s", ы: "y",
  э: "e", і: "i", ь: "",
};
const IOTATED = { е: "e", ё: "o", ю: "u", я: "a" };
const CYR = /[\u0400-\u04ff]/;
export function lacinka(word) {
  let out = "";
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const prev = chars[i - 1];
    if (c in IOTATED) {
      // after a consonant: softness (sia, nia; after л just the vowel: la, le); else j (ja, je)
      if (prev === "л") out += IOTATED[c];
      else if (prev !== undefined && prev in LAC && !/[аеёіоуыэюяўь]/.test(prev)) out += `i${IOTATED[c]}`;
      else out += `j${IOTATED[c]}`;
    } else if (c === "'") continue; // заб'ю → zabju: the vowel after it takes the j
    else if (c in LAC) out += LAC[c];
    else out += c;
  }
  return out;
}
const lacinkaTerm = (t) => t.split(" ").map((w) => (w.startsWith("~") || !CYR.test(w) ? w : lacinka(w))).join(" ");

const entryOf = (raw) => {
  const e = typeof raw === "string" ? { lemma: raw } : raw;
  // This module writes `then` after each form as it is: a list would become one term, commas and all.
  if (e.then !== undefined && typeof e.then !== "string") throw new Error(`lemma ${JSON.stringify(e.lemma)}: \`then\` is one string in this grammar; list the lemma once for each`);
  return e;
};

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
  const tail = (then) => (then ? ` ${then}` : "");
  for (const [group, raws] of [["verbs", grammar.verbs ?? []], ["dying", grammar.dying ?? []]]) {
    for (const raw of raws) {
      const v = entryOf(raw);
      for (const lemma of list(v.lemma)) {
        const f = forms(lemma, v);
        const rx = (ws) => [...new Set((v.reflexive ? ws.flatMap(reflexive) : ws).filter(Boolean))];
        const push = (lex, ws) => {
          for (const w of rx(ws)) out[lex].push(`${w}${tail(v.then)}`);
        };
        const perf = f.aspect === "perf";
        const third = [f.pres.s3, f.pres.p3, f.pres.s3_, f.pres.p3_];
        const wishPast = (ws) => {
          for (const w of WISH_PAST) for (const x of rx(ws)) out["violence.call"].push(`${w} ~5${GAP_STOP} ${x}${tail(v.then)}`);
        };
        if (group === "dying") {
          if (v.curse !== false) push("violence.call", f.imp);
          push("violence.verb", [f.inf]);
          push("violence.wish-verb", third);
          wishPast(f.past);
          continue;
        }
        const intent = perf ? [f.pres.s1, f.pres.p1, f.pres.s1_, f.pres.p1_] : [];
        if (v.object) {
          const callForms = rx([...f.imp, f.inf, ...intent]);
          if (v.object === "target") push("violence.noun", callForms);
          for (const w of callForms) for (const o of OBJECTS) out["violence.call"].push(`${w} ~1 ${o}${tail(v.then)}`);
          for (const w of rx([...f.imp, f.inf])) for (const o of ["іх", "усіх", "ўсіх", "яго"]) out["violence.call"].push(`${o} ~2 ${w}${tail(v.then)}`);
          // `aim: true`: the war's slang names of the enemy (the grammar's `slang-objects`, accusative) before the
          // infinitive or the plural imperative, across a modal: "акупантаў трэба абнуліць", "оркаў мінусуйце".
          if (v.aim) for (const t of list(grammar["slang-objects"])) for (const w of rx([f.inf, ...f.imp.slice(1, 2)])) out["violence.call"].push(`${t} ~4!не,ні ${w}${tail(v.then)}`);
          // "Каб іх усіх накрыла": the wish and a pronoun aim the slang's past (plural or impersonal).
          for (const w of WISH_PAST) for (const o of ["іх", "яго", "усіх", "ўсіх"]) for (const x of rx(f.past.filter((p) => p.endsWith("лі") || p.endsWith("ла")))) out["violence.call"].push(`${w} ${o} ~3 ${x}${tail(v.then)}`);
        } else {
          push("violence.call", f.imp);
          push("violence.infinitive", [f.inf]);
          push("violence.intent", intent);
          if (perf) push("violence.passive", f.part);
          if (perf) for (const w of WISH_PRESENT) for (const x of rx(third)) out["violence.call"].push(`${w} ~4${GAP_STOP} ${x}${tail(v.then)}`);
          // `hope: true`: the 3rd person future after any wish or hope ("спадзяюся, іх усіх перастраляюць")
          if (perf && v.hope) push("violence.wish-verb", third.filter(Boolean));
          // …and the speaker's own wish to do it, with бы: "забіць бы яго" (not the past: hyperbole more often).
          if (perf && v.hope) push("violence.intent", [`${f.inf} бы`]);
          // …and the conditional past aimed at a whole group, the speaker's own: "усіх бы перастраляў", "я б іх усіх
          // перавешаў" (`hope` or `would`; "усіх" keeps out the lone "забіў бы за каву").
          if (perf && (v.hope || v.would)) for (const x of rx([f.past[0], f.past[3]].filter(Boolean))) out["violence.intent"].push(`усіх бы ~1 ${x}${tail(v.then)}`, `бы ~1 усіх ${x}${tail(v.then)}`, `${x} бы ~1 усіх${tail(v.then)}`);
          wishPast(f.past.filter((p) => p.endsWith("лі") || p.endsWith("ла")));
        }
        // Beyond the wish words: someone wished to do it ("хоць бы хтосьці атруціў", in the masculine past),
        // a manner that aims slang at people ("біце без жалю"), and "find and …" ("знайсці і павесіць").
        // The object may come first: "хоць бы яго хтосьці застрэліў" (up to two words, never across a negation).
        for (const w of WISH_SOMEONE) for (const s of SOMEONE) for (const x of rx(f.past.slice(0, 1))) out["violence.call"].push(`${w} ~2${GAP_STOP} ${s} ~3${GAP_STOP} ${x}${tail(v.then)}`);
        for (const s of [...SOMEONE_WOULD, ...WISH_ANYONE]) for (const x of rx(f.past.slice(0, 1))) out["violence.call"].push(`${s} ~3${GAP_STOP} ${x}${tail(v.then)}`);
        if (v.object && v.object !== "pronoun") for (const w of rx([...f.imp, f.inf])) for (const m of MANNER) out["violence.call"].push(`${w} ~2 ${m}${tail(v.then)}`);
        for (const w of rx([f.inf])) for (const p of FIND) out["violence.infinitive"].push(`${p} ${w}${tail(v.then)}`);
        if (v.reported !== false) push("violence.reported", f.past);
      }
    }
  }
  // Every form again in Belarusian Latin (never the reported past: a report is no call anyway).
  // A Latin form that is also a Polish word (zabicie "a killing", bicie "beating", kasi "cash") is
  // left out: the grammar lists them under `latin-homographs` (found against a Polish word list).
  const homographs = new Set(list(grammar["latin-homographs"]));
  for (const [lex, terms] of Object.entries(out)) {
    if (lex === "violence.reported") continue;
    for (const t of [...terms]) {
      if (!CYR.test(t)) continue;
      const l = lacinkaTerm(t);
      if (!homographs.has(l)) terms.push(l);
    }
  }
  fileObjectVerbs(out, grammar, (e) => {
    const f = forms(e.lemma, e);
    const perf = f.aspect === "perf";
    const p = f.pres;
    return { call: [...f.imp, ...(perf ? [p.s1, p.p1] : [])], inf: [f.inf], part: perf ? f.part : [], third: [p.s3, p.p3] };
  });
  return out;
}
