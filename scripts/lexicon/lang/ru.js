// Russian inflection for scripts/lexicon/generate.js. A verb in scripts/lexicon/grammar/ru.yaml is its
// infinitive, its conjugation class and its aspect; from those this module derives the forms each
// frame of a call uses, and files them under the lexicon that frame reads (as uk.js does):
//
//   imperative 2sg/2pl       убей, убейте                 violence.call
//   infinitive               убить, расстреливать         violence.infinitive (directive, after a modal)
//   3sg/3pl future (perf.)   убьет, убьют                 with пусть/пускай: violence.call ("пусть их убьют")
//   past, every gender       убили, накрыло               with чтоб/хоть бы/вот бы: violence.call
//   1sg/1pl future (perf.)   убью, убьем                  violence.intent
//   passive participle       убит, уничтожены, убитыми    violence.passive (after "должны быть")
//   past, 3pl present, -я    убили, обстреливают, убивая  violence.reported
//
// Verbs of dying ("dying:") give the curse imperative (сдохни), the infinitive after a modal (должен
// сдохнуть, violence.verb), the 3rd person after a wish (пусть сдохнет, violence.wish-verb) and the
// past after чтоб (чтоб ты сдох). `object: target` / `object: pronoun` as in uk.js: slang that is
// violent only when aimed at someone (валить "to leave", косить "to mow", гасить "to put out");
// `object: frame` lets the infinitive stand as a directive too (мочить: "кацапов мочить"); `wish:
// true` lets пусть + 3rd person aim it; `hope: true` files a killing verb's 3rd person future under
// violence.wish-verb, so that every wish or hope of cue.wish aims it ("надеюсь, ВСУ их перебьют",
// "молюсь, чтобы…"): only verbs whose object is a person (not уничтожить: "уничтожат мост") ("пусть мобиков хоронят батальонами").
//
// Classes (ё is written е: the matcher folds it):
//   ать    I, vowel stem:          убива-ть → убиваю, убивают; убивай; past убивал; participle -анный
//   овать  I, -ова-/-ева- → -у-:   ликвидировать → ликвидирую; ликвидируй; ликвидированный
//   ить    II (-ить/-еть/-ать after a husher given as `pres`): уничтож-ить → уничтожу, уничтожат;
//          1sg and participle alternate (с→ш, з→ж, т→ч, д→ж, ст→щ; labials add л); `imp: stem`
//          for a stem-stressed imperative (уничтожь, повесь), default ending-stressed (казни)
//   j      I, j-stem: у-би-ть → убью, убьют; убей; убит. сгни-ть → сгнию (a vowel before -ить)
//   нуть   I, -ну-: сдох-нуть → сдохну, сдохнет; сдохни; past given or -нул
//   I      I, consonant stem in `pres`: зарезать (pres: зареж) → зарежу, зарежут; зарежь
// Irregular forms are written in the grammar: `pres`, `present` (1sg, 3sg, 1pl, 3pl), `imp`,
// `imperative`, `past` (m, f, n, pl), `participle` (a stem in н/т, or false), `aspect`, `prefixes`,
// `reflexive`, `then`, `reported: false`, `object`, `curse: false`, `homographs` (forms never made:
// they are other words).
//
// Beyond the frames above, every verb also gives: 'когда уже/когда же' + 3rd person (a question that
// wishes it), 'чтоб/хоть бы/вот бы кто-нибудь' + masculine past, 'найти и' + infinitive; slang
// (`object: target`) also takes a manner that aims it at people (без пощады, пачками, до одного).
import { fileObjectVerbs } from "./objects.js";

/** …and the questions that wish it: "когда уже их всех закопают?" */
const WISH_PRESENT = ["пусть", "пускай", "когда уже", "когда же", "когда наконец"];
const WISH_PAST = ["чтоб", "чтобы", "хоть бы", "вот бы", "хорошо бы", "скорей бы", "скорее бы", "лишь бы", "только бы"];
/** The commonest of them, for the past of violent verbs ("чтоб их всех перестреляли"). */
const WISH_PAST_ACT = ["чтоб", "чтобы", "хорошо бы"];
// "друг" in the gap: "чтобы мы друг друга перестреляли" is a lament of fratricide, not a wish aimed at anyone
const GAP_STOP = "!не,ни,никто,знали,друг";
const OBJECTS = ["их", "его", "всех", "этих"];
/** "Хоть бы кто-нибудь его отравил": a wish that someone do it, with the masculine past that "someone" takes. */
const WISH_SOMEONE = ["чтоб", "чтобы", "хоть бы", "вот бы"];
const SOMEONE = ["кто-нибудь", "кто-то"];
/** …and "someone would" with the wish word after it: "кто-нибудь бы уже его пристрелил". */
const SOMEONE_WOULD = ["кто-нибудь бы"];
/** Manners that aim slang at people: "валить без жалости", "мочить их пачками". */
const MANNER = ["без жалости", "без пощады", "пачками", "до одного", "до последнего"];
/** "Мародеров найти и повесить": finding, then the act. */
const FIND = ["найти и", "найти да"];
/** The whole group a conditional past is aimed at: "всех бы перестрелял". */
const GROUP = ["всех"];

const VOWEL = /[аеиоуыэюяё]$/;
const LABIAL = /[бпвмф]$/;
const HUSHER = /[жчшщ]$/;

/** The 1sg / participle stem of a II-conjugation verb: повес → повеш, отрав → отравл. */
function alternate(stem) {
  for (const [from, to] of [["ст", "щ"], ["с", "ш"], ["з", "ж"], ["т", "ч"], ["д", "ж"]]) {
    if (stem.endsWith(from)) return stem.slice(0, -from.length) + to;
  }
  if (LABIAL.test(stem)) return `${stem}л`;
  return stem;
}

/** 1sg ending: "ю" after a vowel or a soft consonant, "у" after a husher or a hard one. */
const endU = (s, soft) => (VOWEL.test(s) || (soft && !HUSHER.test(s)) ? "ю" : "у");
/** A stem-stressed imperative takes ь after a consonant (уничтожь, повесь, режь). */
const softSign = (s) => (VOWEL.test(s) ? `${s}й` : `${s}ь`);

const list = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function participles(stem) {
  // Long forms end in -нный for -ан/-ен stems (убитый for -т): убит, убита, убито, убиты, убитый…
  const long = stem.endsWith("н") ? `${stem}н` : stem;
  return [stem, `${stem}а`, `${stem}о`, `${stem}ы`, `${long}ый`, `${long}ая`, `${long}ые`, `${long}ым`, `${long}ыми`];
}

export function forms(lemma, v) {
  const cls = v.class ?? guessClass(lemma);
  const aspect = v.aspect ?? (cls === "ать" || cls === "овать" ? "impf" : "perf");
  const f = { inf: lemma, pres: {}, imp: [], past: [], part: [], gerund: [], aspect };
  const base = lemma.replace(/ть$/, "");
  if (cls === "ать") {
    const s = v.pres ?? base;
    f.pres = { s1: `${s}ю`, s3: `${s}ет`, p1: `${s}ем`, p3: `${s}ют` };
    f.imp = [`${s}й`, `${s}йте`];
    f.past = [`${base}л`, `${base}ла`, `${base}ло`, `${base}ли`];
    f.part = participles(`${base}н`);
    f.gerund = [`${s}я`];
  } else if (cls === "овать") {
    const m = /^(.*)(ов|ев)ать$/.exec(lemma);
    if (!m) throw new Error(`ru: '${lemma}' is not an -овать/-евать verb`);
    const s = `${m[1]}${m[2] === "ев" ? "ю" : "у"}`;
    f.pres = { s1: `${s}ю`, s3: `${s}ет`, p1: `${s}ем`, p3: `${s}ют` };
    f.imp = [`${s}й`, `${s}йте`];
    f.past = [`${base}л`, `${base}ла`, `${base}ло`, `${base}ли`];
    f.part = participles(`${m[1]}${m[2]}ан`);
    f.gerund = [`${s}я`];
  } else if (cls === "ить") {
    const m = /^(.*)([иеа])ть$/.exec(lemma);
    if (!m) throw new Error(`ru: '${lemma}' is not an -ить/-еть verb`);
    const s = v.pres ?? m[1];
    const vowelStem = VOWEL.test(s);
    const alt = vowelStem ? s : alternate(s);
    const hush = HUSHER.test(s);
    f.pres = {
      s1: `${alt}${endU(alt, true)}`,
      s3: `${s}${vowelStem ? "ит" : "ит"}`,
      p1: `${s}им`,
      p3: `${s}${hush ? "ат" : "ят"}`,
    };
    if (v.imp === "stem") f.imp = [softSign(s), `${softSign(s)}те`];
    else if (typeof v.imp === "string" && v.imp !== "end") f.imp = [v.imp, `${v.imp}те`];
    else f.imp = [`${s}и`, `${s}ите`];
    f.past = [`${s}${m[2]}л`, `${s}${m[2]}ла`, `${s}${m[2]}ло`, `${s}${m[2]}ли`];
    f.part = participles(`${alt}ен`);
    f.gerund = [`${s}${hush ? "а" : "я"}`];
  } else if (cls === "j") {
    const s = base; // уби, сгни
    const root = s.slice(0, -1);
    const consonantRoot = /[бпвмфл]и$/.test(s);
    const ps = v.pres ?? (consonantRoot ? `${root}ь` : s);
    f.pres = { s1: `${ps}ю`, s3: `${ps}ет`, p1: `${ps}ем`, p3: `${ps}ют` };
    f.imp = consonantRoot ? [`${root}ей`, `${root}ейте`] : [`${s}й`, `${s}йте`];
    f.past = [`${s}л`, `${s}ла`, `${s}ло`, `${s}ли`];
    f.part = participles(`${s}т`);
  } else if (cls === "нуть") {
    const s = lemma.replace(/нуть$/, "");
    f.pres = { s1: `${s}ну`, s3: `${s}нет`, p1: `${s}нем`, p3: `${s}нут` };
    f.imp = [`${s}ни`, `${s}ните`];
    f.past = [`${s}нул`, `${s}нула`, `${s}нуло`, `${s}нули`];
    f.part = participles(`${s}нут`);
  } else if (cls === "I") {
    const p = v.pres;
    if (!p) throw new Error(`ru: '${lemma}' (class I) needs its present stem in 'pres'`);
    const u = VOWEL.test(p) ? "ю" : "у";
    f.pres = { s1: `${p}${u}`, s3: `${p}ет`, p1: `${p}ем`, p3: `${p}${u}т` };
    if (v.imp === "stem") f.imp = [softSign(p), `${softSign(p)}те`];
    else if (typeof v.imp === "string" && v.imp !== "end") f.imp = [v.imp, `${v.imp}те`];
    else f.imp = [`${p}и`, `${p}ите`];
    f.past = [`${base}л`, `${base}ла`, `${base}ло`, `${base}ли`];
    f.part = base.endsWith("а") ? participles(`${base}н`) : [];
  } else throw new Error(`ru: unknown class '${cls}' of '${lemma}'`);

  if (v.present !== undefined) {
    const [s1, s3, p1, p3] = list(v.present);
    f.pres = { s1, s3, p1, p3 };
  }
  if (v.past !== undefined) f.past = list(v.past);
  if (v.participle === false) f.part = [];
  else if (v.participle !== undefined) f.part = list(v.participle).flatMap(participles);
  if (v.imperative !== undefined) f.imp = list(v.imperative);
  return f;
}

function guessClass(lemma) {
  if (/(ов|ев)ать$/.test(lemma)) return "овать";
  if (/[ая]ть$/.test(lemma)) return "ать";
  if (/нуть$/.test(lemma)) return "нуть";
  if (/[ие]ть$/.test(lemma)) return "ить";
  throw new Error(`ru: cannot guess the class of '${lemma}'`);
}

/** -ся after a consonant, -сь after a vowel: повесился, повесилась, повесься, повеситься. */
function reflexive(w) {
  if (/[ьй]$/.test(w) && !/ть$/.test(w)) return [`${w}ся`];
  return VOWEL.test(w) ? [`${w}сь`] : [`${w}ся`];
}

function lemmasOf(v) {
  const out = [];
  for (const l of list(v.lemma)) {
    out.push([l, v]);
    for (const p of list(v.prefixes)) {
      const cls = v.class ?? guessClass(l);
      out.push([`${p}${l}`, { ...v, aspect: cls === "овать" && /ыв|ив/.test(l) ? "impf" : "perf", prefixes: undefined }]);
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
  const push = (lex, words, then, drop) => {
    for (const w of words) if (!drop.has(w)) out[lex].push(`${w}${tail(then)}`);
  };
  for (const [group, raws] of [["verbs", grammar.verbs ?? []], ["dying", grammar.dying ?? []]]) {
    for (const raw of raws) {
      const v = entryOf(raw);
      for (const [lemma, e] of lemmasOf(v)) {
        const f = forms(lemma, e);
        const drop = new Set(list(e.homographs));
        const rx = (ws) => (e.reflexive ? ws.flatMap(reflexive) : ws).filter((w) => !drop.has(w));
        const then = e.then;
        const perf = f.aspect === "perf";
        const third = [f.pres.s3, f.pres.p3];
        const wishPast = (forms, words = WISH_PAST) => {
          for (const w of words) for (const x of rx(forms)) out["violence.call"].push(`${w} ~5${GAP_STOP} ${x}${tail(then)}`);
        };
        if (group === "dying") {
          if (e.curse !== false) push("violence.call", rx(f.imp), then, drop);
          push("violence.verb", rx([f.inf]), then, drop);
          push("violence.wish-verb", rx(third), then, drop);
          wishPast(f.past);

          continue;
        }
        const intent = perf ? [f.pres.s1, f.pres.p1] : [];
        if (e.object) {
          const callForms = rx([...f.imp, f.inf, ...intent]);
          if (e.object !== "pronoun") push("violence.noun", callForms, then, drop);
          if (e.object === "frame") push("violence.infinitive", rx([f.inf]), then, drop);
          for (const w of callForms) for (const o of OBJECTS) out["violence.call"].push(`${w} ~1 ${o}${tail(then)}`);
          // `aim: true`: the war's slang names of the enemy (the grammar's `slang-objects`, accusative) before the
          // infinitive or the plural imperative, across a modal and a place: "мобиков надо кончать", "русню в
          // окопах надо просто стирать", "орков гасите".
          if (e.aim) for (const t of list(grammar["slang-objects"])) for (const w of rx([f.inf, ...f.imp.slice(1, 2)])) out["violence.call"].push(`${t} ~4!не,ни ${w}${tail(then)}`);
          for (const w of rx([...f.imp, f.inf])) for (const o of ["их", "всех"]) out["violence.call"].push(`${o} ~2 ${w}${tail(then)}`);
          // "Мы их похороним", "я вас закопаю": the pronoun before a first-person future.
          for (const w of rx(intent)) for (const o of ["их", "вас", "всех"]) out["violence.call"].push(`${o} ~2 ${w}${tail(then)}`);
          const wishThird = e.wish ? rx(third) : perf ? rx(third) : [];
          for (const w of WISH_PRESENT) for (const x of wishThird) {
            if (e.wish) out["violence.call"].push(`${w} ~4${GAP_STOP} ${x}${tail(then)}`);
            else for (const o of OBJECTS) out["violence.call"].push(`${w} ${o} ~2 ${x}${tail(then)}`);
          }
          // "Хорошо бы этих срочников накрыло": the wish itself aims the impersonal past.
          wishPast(f.past.filter((p) => p.endsWith("ли") || p.endsWith("ло")), e.wish ? WISH_PAST : WISH_PAST_ACT);
        } else {
          push("violence.call", rx(f.imp), then, drop);
          push("violence.infinitive", rx([f.inf]), then, drop);
          push("violence.intent", rx(intent), then, drop);
          if (perf) push("violence.passive", f.part.filter((w) => !drop.has(w)), then, drop);
          // `wish: true` on an imperfective verb: "пусть бомбят Москву" (not "когда уже бомбят": a present)
          if (perf || e.wish) for (const w of perf ? WISH_PRESENT : WISH_PRESENT.slice(0, 2)) for (const x of rx(third)) out["violence.call"].push(`${w} ~4${GAP_STOP} ${x}${tail(then)}`);
          // `hope: true`: the 3rd person future after any wish or hope ("надеюсь, ВСУ перебьют всех вагнеровцев")
          if (perf && e.hope) push("violence.wish-verb", rx(third), then, drop);
          // …and the speaker's own wish to do it, with бы: "убить бы его", "пристрелить бы" (first person
          // in meaning; the joke exclusion reads it as the poster's intent: "Убить бы того… Шучу"). Not the past
          // ("убил бы за шаурму": hyperbole far more often than a threat).
          if (perf && e.hope) push("violence.intent", [`${f.inf} бы`], then, drop);
          // …and the conditional past aimed at a whole group, the speaker's own: "всех бы перестрелял", "я бы их всех
          // перевешал", "перебила бы всех" (`hope` or `would`; "всех" keeps out the lone "убил бы за шаурму").
          if (perf && (e.hope || e.would)) for (const x of rx([f.past[0], f.past[3]].filter(Boolean))) for (const o of GROUP) out["violence.intent"].push(`${o} бы ~1 ${x}${tail(then)}`, `бы ~1 ${o} ${x}${tail(then)}`, `${x} бы ~1 ${o}${tail(then)}`);
          // The future passive foretold of whom the post names: "каждый оккупант будет убит", "все они будут
          // уничтожены" (killing verbs only: "все права будут уничтожены" is of things).
          if (perf && e.hope && f.part.length) {
            const [m, fem, n, pl] = f.part;
            for (const x of [m, fem, n]) out["violence.call"].push(`будет ~1${GAP_STOP} ${x}${tail(then)}`);
            out["violence.call"].push(`будут ~1${GAP_STOP} ${pl}${tail(then)}`);
          }
          wishPast(f.past.filter((p) => p.endsWith("ли") || p.endsWith("ло") || e.reflexive), WISH_PAST_ACT);
        }
          // Beyond the wish words: someone wished to do it ("хоч би хтось вбив", in the masculine past, as the
          // subject is named), a manner that aims slang at people ("валіть без жалю", "косити пачками"),
          // and "find and …" ("знайти і повісити"), whose object is whom the post has just named.
          // The object may come first, as the wish is mostly written: "хоть бы его кто-нибудь пристрелил", "вот бы
          // этого урода кто-то прибил" (up to two words, never across a negation).
          for (const w of WISH_SOMEONE) for (const s of SOMEONE) for (const x of rx(f.past.slice(0, 1))) out["violence.call"].push(`${w} ~2${GAP_STOP} ${s} ~3${GAP_STOP} ${x}${tail(then)}`);
          for (const s of SOMEONE_WOULD) for (const x of rx(f.past.slice(0, 1))) out["violence.call"].push(`${s} ~3${GAP_STOP} ${x}${tail(then)}`);
          if (e.object && e.object !== "pronoun") for (const w of rx([...f.imp, f.inf])) for (const m of MANNER) out["violence.call"].push(`${w} ~2 ${m}${tail(then)}`);
          for (const w of rx([f.inf])) for (const p of FIND) out["violence.infinitive"].push(`${p} ${w}${tail(then)}`);
        if (e.reported !== false) {
          push("violence.reported", rx(f.past), then, drop);
          if (!perf) push("violence.reported", rx([f.pres.p3, ...f.gerund]), then, drop);
        }
      }
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
