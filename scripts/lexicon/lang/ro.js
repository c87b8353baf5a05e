// Romanian inflection for scripts/lexicon/generate.js. A verb is its infinitive (without "a") and
// its conjugation class; the grammar file gives the forms a class does not predict (the subjunctive
// "să împuște" of "împușca", the participle "ucis" of "ucide", all of "omorî").
//   class a    împușca: 2pl împușcați, 1pl împușcăm, subj. să spânzure, pres. spânzură, part. spânzurat
//   class ez   masacra: 2pl masacrați, 1pl masacrăm, subj. să masacreze, pres. masacrează, part. masacrat
//   class e    ucide:   2pl ucideți, 1pl ucidem, subj. să ucidă, pres. ucide / ucid (participle given)
//   class esc  nimici:  2pl nimiciți, 1pl nimicim, subj. să nimicească, pres. nimicește, part. nimicit
//   class î    omorî:   2pl omorâți, 1pl omorâm, part. omorât (subj. / pres. given: să omoare, omoară)
// Where the forms go (clitics are separate words after the engine's tokenising: "ucideți-i" = ucideți i):
//   imperatives with a clitic ("ucideți-i", "omoară-l"), "hai să-i omorâm", the supine after "sunt/e"
//       ("sunt de împușcat") → violence.call; the 2pl in -eți ("ucideți") → violence.call
//   the 2pl in -ați/-iți/-âți, which is also the plural participle ("au fost împușcați" = were shot)
//       → violence.verb (a call at the start of a clause or after a frame)
//   the subjunctive with "să" ("să moară", "să-l împuște", "să fie spânzurați") → violence.infinitive:
//       Romanian's directive, a call at the start of a clause ("Să moară Putin"), right after whom
//       it is aimed at ("Orcii ăștia să ardă") or after a frame ("trebuie să"), not after "vrea /
//       încearcă / ca să" (cue.desire-report)
//   participles (all genders and numbers) → violence.passive ("trebuie împușcați", "merită uciși")
//   "vom / voi / o să / îi vom …" → violence.intent
//   "vor / va …" (3rd-person future) → violence.wish-verb: after a wish or a promise ("băieții noștri
//       îi vor împușca", "sper că îi va ucide cineva")
//   "au / a / am + participle", present 3rd persons ("armata omoară copii") → violence.reported
//   "mă omoară", "mă ucide": said of oneself, hyperbole → figurative.idiom
// Dying verbs give their subjunctives ("să moară", "să crape", "să mori"): violence.infinitive and,
// after a hope ("sper să moară"), violence.wish-verb.

import { dedupe } from "../dedupe.js";
import { fileObjectVerbs } from "./objects.js";

const list = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The stem of an infinitive of class `c`: "împușca" → "împușc", "nimici" → "nimic", "omorî" → "omor". */
function stemOf(lemma, c) {
  if (c === "e") return lemma.replace(/e$/, "");
  if (c === "esc") return lemma.replace(/i$/, "");
  if (c === "î") return lemma.replace(/î$/, "");
  return lemma.replace(/a$/, "");
}

/** The plural of a masculine participle: "împușcat" → "împușcați", "ucis" → "uciși", "bătut" → "bătuți". */
function plural(part) {
  if (part.endsWith("t")) return `${part.slice(0, -1)}ți`;
  if (part.endsWith("s")) return `${part.slice(0, -1)}și`;
  return `${part}i`;
}

/** The forms of one verb, by name. */
function forms(v) {
  const c = v.class ?? "a";
  const s = stemOf(v.lemma, c);
  const f = {
    a: { imp2pl: `${s}ați`, imp2sg: `${s}ă`, p1pl: `${s}ăm`, subj3: `${s}e`, p1sg: s, p3: [`${s}ă`], part: `${s}at` },
    ez: { imp2pl: `${s}ați`, imp2sg: `${s}ează`, p1pl: `${s}ăm`, subj3: `${s}eze`, p1sg: `${s}ez`, p3: [`${s}ează`], part: `${s}at` },
    e: { imp2pl: `${s}eți`, imp2sg: v.lemma, p1pl: `${s}em`, subj3: `${s}ă`, p1sg: s, p3: [v.lemma, s], part: v.part },
    // -ui verbs keep their i before -ește: "schingiui" → "schingiuiește", "schingiuiască".
    esc: ((e) => ({ imp2pl: `${s}iți`, imp2sg: `${e}ește`, p1pl: `${s}im`, subj3: `${e}ească`, p1sg: `${e}esc`, p3: [`${e}ește`, `${e}esc`], part: `${s}it` }))(/[aeiouăâî]i$/.test(v.lemma) ? v.lemma : s),
    î: { imp2pl: `${s}âți`, imp2sg: v.pres3, p1pl: `${s}âm`, subj3: v.subj, p1sg: v.pres1, p3: [v.pres3], part: `${s}ât` },
  }[c];
  if (!f) throw new Error(`ro: '${v.lemma}': unknown class '${c}'`);
  if (v.subj) f.subj3 = v.subj;
  if (v.pres3) f.imp2sg = v.pres3, f.p3 = [v.pres3, ...(c === "e" ? [s] : [])];
  if (v.pres1) f.p1sg = v.pres1;
  if (v.pres1pl) f.p1pl = v.pres1pl;
  if (v.part) f.part = v.part;
  if (!f.part || !f.subj3 || !f.imp2sg || !f.p1sg) throw new Error(`ro: '${v.lemma}' needs its irregular forms (part, subj, pres3, pres1)`);
  const m = f.part;
  f.parts = [m, `${m}ă`, plural(m), `${m}e`];
  return f;
}

/** Object clitics after an imperative: "ucideți-i", "omoară-l", "împușcați-le". */
const CLITICS = ["i", "l", "le"];
/** Object clitics before a subjunctive or future: "să-i omoare", "îi vom îngropa". */
const PRE = ["i", "l", "le", "îi", "îl", "le", "vă"];

/** Every form of every lemma of `grammar`, by the lexicon each form serves. */
export function inflect(grammar) {
  const out = {
    "violence.call": [],
    "violence.verb": [],
    "violence.infinitive": [],
    "violence.passive": [],
    "violence.wish-verb": [],
    "violence.intent": [],
    "violence.reported": [],
    method: [],
    "figurative.idiom": [],
    "target.putin": [],
  };
  /** The speaker's "I'll kill" of verbs marked `hyperbole`, for the idioms below. */
  const hyper = [];
  const add = (lex, ...terms) => out[lex].push(...terms.flat());

  for (const v of grammar.verbs ?? []) {
    // A verb that names a method (shoot, hang, poison, burn, stab) is one in every form: "lője le".
    const mark = Object.fromEntries(Object.entries(out).map(([k, t]) => [k, t.length]));
    const f = forms(v);
    // `then` follows every call form ("bateți-i până la moarte", "ardeți-i de vii"); a verb that is a
    // call only with it lists `only-then`. With its `then`, an ambiguous verb is unambiguous.
    const thens = list(v.then);
    const direct = v.ambiguous ? "violence.infinitive" : "violence.call";
    const put = (lex, ...forms) => {
      for (const form of forms.flat()) {
        if (!v["only-then"]) add(lex, form);
        add(lex === "violence.infinitive" && v.ambiguous ? "violence.call" : lex, thens.map((t) => `${form} ~2 ${t}`));
      }
    };
    // Imperatives with an object clitic are calls; the bare 2pl in -eți is unambiguous.
    for (const k of CLITICS) put(direct, `${f.imp2pl} ${k}`, `${f.imp2sg} ${k}`);
    put(f.imp2pl.endsWith("eți") ? direct : "violence.verb", f.imp2pl);
    // The bare 2sg command is also the 3rd-person present ("armata omoară civili"): only with a clitic.
    put("violence.verb", f.p1pl, f.subj3, v.lemma);
    // "Hai să-i omorâm", "să-i omorâm pe toți".
    for (const hai of ["hai să", "haideți să"]) {
      put(direct, `${hai} ${f.p1pl}`);
      for (const k of ["i", "l", "le"]) put(direct, `${hai} ${k} ${f.p1pl}`);
    }
    // The subjunctive with "să": "să-l împuște", "să-i omorâm", "să-i spânzurați" (the 2pl
    // subjunctive is the 2pl present), "să fie spânzurați".
    const subj = [`să ${f.subj3}`, `să ${f.p1pl}`, `să ${f.imp2pl}`];
    for (const k of PRE) subj.push(`să ${k} ${f.subj3}`, `să ${k} ${f.p1pl}`, `să ${k} ${f.imp2pl}`);
    for (const p of f.parts) subj.push(`să fie ${p}`);
    put("violence.infinitive", subj);
    // The ultimatum "Dacă nu pleacă până la iarnă, să-i îngropăm pe toți": its "nu" belongs to the
    // condition, not to the call (whose "să" the negation would otherwise reach as "…, that").
    // An everyday verb ("să distrugem tot") is an ultimatum only with its `then` ("de vii", "cu toții").
    // A term's gap is at most 5 words: a longer condition is met at its deadline ("până la iarnă").
    const ultimatum = subj.filter((x) => !/^să (îi|îl|vă) /.test(x)).flatMap((x) => [`dacă nu ~5 ${x}`, `dacă nu ~4 până ~3 ${x}`]);
    if (!v.ambiguous) put("violence.call", ultimatum);
    else for (const x of ultimatum) add("violence.call", thens.map((t) => `${x} ~2 ${t}`));
    // "Sunt de împușcat", "toți de spânzurat".
    for (const b of ["sunt", "e", "este", "ar fi", "toți", "toate"]) put(direct, `${b} de ${f.part}`);
    put("violence.passive", f.parts);
    // The rhetorical question that asks for it: "De ce nu i-a împușcat nimeni pe orcii ăștia?", "de ce
    // încă nu-i omoară cineva?" (its "nu" is the question's, not a negation of the call).
    if (!v.ambiguous) put("violence.call", ["a", "au"].map((a) => `de ce ~1 nu ~2 ${a} ${f.part}`), f.p3.map((p) => `de ce ~1 nu ~2 ${p}`));
    // The speaker's intent: "îi vom îngropa", "o să-i omorâm", "te omor".
    if (v.hyperbole) hyper.push(f.p1sg);
    // "vom ucide" holds "îi vom ucide"; a gap lets a clitic stand in "o să-i omorâm", "am să-l omor".
    const intent = [`vom ${v.lemma}`, `voi ${v.lemma}`, `o să ~1 ${f.p1pl}`, `o să ~1 ${f.p1sg}`, `am să ~1 ${f.p1sg}`, `te ${f.p1sg}`];
    for (const k of PRE) intent.push(`${k} ${f.p1sg}`, `${k} ${f.p1pl}`);
    // The 3rd-person future after a wish or a promise: "băieții noștri îi vor împușca pe toți", "sper
    // că îi va ucide cineva" (not the ambiguous verbs: "vor distruge" is of things too).
    if (!v.ambiguous) add("violence.wish-verb", `vor ${v.lemma}`, `va ${v.lemma}`);
    // The wish mood, the conditional after "măcar de" / "de-ar" / "aș vrea să": "măcar de l-ar împușca
    // cineva", "de-ar fi spânzurat toți" (a wish only after cue.wish; "dacă l-ar împușca" stays a condition).
    if (!v.ambiguous) add("violence.wish-verb", `ar ${v.lemma}`, `ar fi ${f.part}`);
    // The conditional of the speaker: "l-aș spânzura", "i-am împușca".
    for (const k of ["i", "l", "le"]) intent.push(`${k} aș ${v.lemma}`, `${k} am ${v.lemma}`);
    put(v.ambiguous ? "violence.infinitive" : "violence.intent", intent);
    if (v.reported !== false) {
      for (const aux of ["au", "a", "am", "ați", "ai"]) add("violence.reported", `${aux} ${f.part}`);
      add("violence.reported", f.p3);
    }
    // "Mă omoară (căldura)", "mă ucide": said of oneself, hyperbole.
    if (!v["only-then"]) add("figurative.idiom", `mă ${f.p3[0]}`);
    if (v.method) for (const k of ["violence.call", "violence.verb", "violence.infinitive", "violence.passive"]) out.method.push(...out[k].slice(mark[k]));
  }

  for (const v of grammar.dying ?? []) {
    // { lemma: muri, subj: [moară, mori, muriți] }: "să moară", "să mori".
    const subj = list(v.subj);
    const thens = list(v.then);
    const forms3 = subj.flatMap((s) => [`să ${s}`, ...thens.map((t) => `să ${s} ~2 ${t}`)]);
    // Bare subjunctives are short and one letter from other languages' words ("piară" / Spanish
    // "para"): only with "să" ("sper să moară"), never alone.
    add(v.ambiguous ? "violence.wish-verb" : "violence.infinitive", forms3);
    for (const s of subj) for (const t of thens) add("violence.call", `să ${s} ~2 ${t}`);
    // The group as subject after the verb: "să crape toți", "să moară cu toții" (people: masculine
    // "toți"; "să ardă toate" may be lights), anywhere in the sentence ("… și să crape toți orcii").
    if (!v.ambiguous) for (const s of subj) add("violence.call", `să ${s} toți`, `să ${s} cu toții`);
    // "Să moară Putin": the subject after the verb; "puțin" folds to "putin", so Putin is named
    // only where the grammar says it is the subject.
    for (const s of subj) add("target.putin", `${s} putin`);
    // "Putin să moară": the target before the subjunctive must be matched as the phrase "putin să",
    // which overlaps the call "să moară" and so cannot stand before it: the call names him itself.
    for (const s of subj) add("violence.call", `putin să ${s}`);
    // The ultimatum: "dacă nu se retrag, să moară toți" (see the verbs above).
    if (!v.ambiguous) for (const s of subj) add("violence.call", `dacă nu ~5 să ${s}`, `dacă nu ~4 până ~3 să ${s}`);
  }

  // Everyday hyperbole ("I'll kill my brother if he eats my pizza again", "megölöm a szomszédot"):
  // the speaker's own "I'll kill" aimed at someone of their daily life is set aside as an idiom.
  for (const obj of grammar.hyperbole?.objects ?? []) for (const f of hyper) add("figurative.idiom", `${f} ~2 ${obj}`, `${obj} ~2 ${f}`);
  fileObjectVerbs(out, grammar, undefined);
  return dedupe(out);
}
