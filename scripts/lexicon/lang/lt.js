// Lithuanian inflection for scripts/lexicon/generate.js. The future, the imperative, the
// conditional and the past passive participle are regular: all are made from the infinitive stem
// (the infinitive without -ti). The present and the past are not (žudyti: žudo, žudė; pakarti:
// karia, korė; šauti: šauna, šovė), so the grammar file gives the 3rd person of each. Lithuanian has
// one 3rd-person form for singular and plural, which keeps this short. Prefixed verbs (nužudyti,
// išžudyti) come from a base by `prefixes`; the prefix goes in front of every form.
//
//   infinitive   nužudyti, and the spoken short form nužudyt   violence.infinitive ("reikia sušaudyt")
//   imperative   nužudyk, nužudykit(e), nužudykim(e)           violence.call (the spoken 2pl -kit too)
//   3rd future   nužudys                                       violence.wish-verb ("tegul juos sušaudys")
//   3rd present  (given) žudo                                   violence.call as "tegul ~4 žudo" only
//   conditional  nužudytų (3rd), nužudyčiau (1sg), nužudytume  violence.wish-verb ("kad sudvėstų"; of dying also
//                nudvėstum (2sg), nudvėstumėt (2pl): "kad tu nudvėstum"),
//                                                              violence.intent ("aš juos sušaudyčiau")
//   1st future   nužudysiu, nužudysim(e)                       violence.intent
//   participle   nužudytas, nužudyta, nužudytos                violence.passive ("turi būti sunaikinti")
//   3rd past     (given) nužudė                                violence.reported
// Verbs of dying (`dying:`) give the imperative as a curse and the rest to violence.wish-verb.
import { fileObjectVerbs } from "./objects.js";

const SIB = /[sšzž]$/;

/** The future 3rd person: stem + s, where a final s/š/z/ž absorbs it (išskers, užmuš). */
const futStem = (st) => st.replace(/ž$/, "š").replace(/z$/, "s");
const fut3 = (st) => (SIB.test(st) ? futStem(st) : `${st}s`);
/** The future 1st person singular and plural. */
const fut1 = (st) => (SIB.test(st) ? [`${futStem(st)}iu`, `${futStem(st)}ime`, `${futStem(st)}im`] : [`${st}siu`, `${st}sime`, `${st}sim`]);

export function conjugate(lemma, o = {}) {
  if (!lemma.endsWith("ti")) throw new Error(`${lemma}: a Lithuanian infinitive ends in -ti`);
  const st = lemma.slice(0, -2);
  const [f1sg, f1pl, f1plShort] = o.fut1 ?? fut1(st);
  return {
    inf: [lemma, `${st}t`],
    imp: o.imp ?? [`${st}k`, `${st}kite`, `${st}kit`, `${st}kim`, `${st}kime`],
    fut3: o.fut3 ?? fut3(st),
    fut1: [f1sg, f1pl, f1plShort],
    pres3: o.pres,
    cond3: o.cond3 ?? `${st}tų`,
    cond1: o.cond1 ?? [`${st}čiau`, `${st}tume`, `${st}tumėme`],
    cond2: [`${st}tum`, `${st}tumei`, `${st}tumėte`, `${st}tumėt`],
    part: o.part ?? [`${st}tas`, `${st}ta`, `${st}ti`, `${st}tos`],
    past: o.past,
  };
}

const list = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const withThen = (form, then) => (then ? `${form} ${then}` : form);
const KINDS = ["imp", "inf", "part", "wish", "intent", "reported"];

function lemmas(entry) {
  const v = typeof entry === "string" ? { lemma: entry } : entry;
  const out = [];
  const pre = (p, x) => (x === undefined ? undefined : Array.isArray(x) ? x.map((f) => p + f) : p + x);
  if (v.base !== false) out.push(v);
  for (const p of list(v.prefixes)) {
    const { prefixes, base, ...rest } = v;
    out.push({ ...rest, lemma: p + v.lemma, pres: pre(p, v.pres), past: pre(p, v.past) });
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
    "violence.jussive-verb": [],
    "violence.intent": [],
    "violence.reported": [],
    "cue.negation": [],
  };
  const add = (lex, forms, thens) => {
    for (const f of forms) if (f) for (const t of thens) out[lex].push(withThen(f, t));
  };
  for (const [group, dying] of [["verbs", false], ["dying", true]]) {
    for (const entry of grammar[group] ?? []) {
      for (const v of lemmas(entry)) {
        for (const k of list(v.no)) if (!KINDS.includes(k)) throw new Error(`${v.lemma}: unknown form kind ${k}`);
        const no = new Set(list(v.no));
        const use = (k) => !no.has(k);
        const f = conjugate(v.lemma, v);
        const thens = v.then === undefined ? [undefined] : list(v.then);
        if (use("imp")) add("violence.call", f.imp, thens);
        // The negated forms ("nešaudykite", "nežudyti", "nenužudysim") are words of their own, listed
        // as negation: "ne" is a word too, so an unlisted "nešaudykite" would be read as "ne" run
        // into the call "šaudykite".
        out["cue.negation"].push(...[...f.imp, ...f.inf, ...f.fut1, f.fut3].filter((x) => x && !x.includes(" ")).map((x) => `ne${x}`));
        // the present is a wish only after "tegul"/"tegu" ("tegul miršta"); after "kad" it is a report
        // ("girdėjau, kad rusai šaudo"), where only the conditional wishes ("kad sudvėstų")
        const wish = [f.fut3, f.cond3];
        // a phrase that holds its own "tegul" is a call by its form (a cue inside a match is the match's)
        // (up to 5 words between: a subject with its place, "tegul kiekvienas rusų okupantas Ukrainoje gauna",
        // "tegul kiekviena rusų kolona su Z raide sudega")
        // (the old optative "lai", "lai dega kartu su miestais", too)
        // `pres-wish: true` (rotting: "tegul supūva kalėjime" is a sentence, not a death): the present
        // goes to violence.wish-verb after "tegul", where the exclusions (an idiom, justice) can reach
        // it; a whole "tegul ~5 supūva" match would hold the idiom inside it.
        if (use("wish") && v["pres-wish"]) add("violence.wish-verb", list(f.pres3), thens);
        else if (use("wish")) add("violence.call", list(f.pres3).flatMap((p) => [`tegul ~5 ${p}`, `tegu ~5 ${p}`, `lai ~5 ${p}`, `te ~5 ${p}`]), thens);
        // the old jussive "te-" written on the verb: "tedvesia", "težūva", "tesudega"
        if (use("wish") && !v["pres-wish"]) add("violence.call", list(f.pres3).map((p) => `te${p}`), thens);
        if (dying) {
          // the present alone (no "tegul" in the match) for a "tegul" that a relative clause parts from
          // it: "Tegul tie rusai, kurie šaukia „Z“ ir džiaugiasi karu, žūsta" (signal
          // call-jussive-relative; never after "kad", where the present is a report)
          if (use("wish") && !v["pres-wish"]) add("violence.jussive-verb", list(f.pres3), thens);
          // and its negation a word of its own ("tegul nežūsta": may they not perish)
          if (use("wish") && !v["pres-wish"]) out["cue.negation"].push(...list(f.pres3).filter((x) => !x.includes(" ")).map((x) => `ne${x}`));
          // the second person too, a curse: "kad tu nudvėstum", "kad jūs išdvėstumėt"
          if (use("wish")) add("violence.wish-verb", [...f.inf, ...wish, ...f.cond2], thens);
          continue;
        }
        // "Kodėl niekas dar nenušovė …?": asking why no one has done it yet is a call (the negation
        // is inside the match)
        if (use("imp")) add("violence.call", list(f.past).map((p) => `kodėl ~3 niekas ~2 ne${p}`), thens);
        if (use("inf")) add("violence.infinitive", f.inf, thens);
        if (use("part")) add("violence.passive", f.part, thens);
        if (use("wish")) add("violence.wish-verb", wish, thens);
        if (use("intent")) add("violence.intent", [...f.fut1, ...f.cond1], thens);
        if (use("reported")) add("violence.reported", list(f.past), thens);
      }
    }
  }
  fileObjectVerbs(out, grammar, (e) => {
    const f = conjugate(e.lemma, e);
    return { call: [...f.imp, ...f.fut1], inf: f.inf, part: f.part, third: [f.fut3, ...list(f.pres3)] };
  });
  return out;
}
