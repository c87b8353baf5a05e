// Latvian inflection for scripts/lexicon/generate.js. The future, the conditional, the debitive
// and the past passive participle are regular from the infinitive stem (the infinitive without -t):
// nogalinā-t → nogalinās, nogalināšu, nogalināsim, nogalinātu, nogalināts. The present (and so the
// imperative and the debitive, which are built on it) and the past of the 1st conjugation are not
// (šaut: šauj, šāva; pakārt: pakar, pakāra; sist: sit, sita), so the grammar file gives the 3rd
// person present `pres` and, where it is not stem + "ja", the 3rd person past `past`. Latvian has
// one 3rd-person form for singular and plural. `prefixes` make the perfective verbs of a base.
//
//   infinitive   nogalināt                     violence.infinitive ("vajag nošaut", "Putinu pakārt")
//   imperative   2sg = 2nd present (given or   violence.call ("nošauj", "nošaujiet", "nošausim")
//                pres), 2pl + "iet", 1pl = future 1pl
//   debitive     jā + present: jānošauj        violence.call ("viņi jānošauj": must be shot)
//   3rd present  (given) sadeg                 violence.wish-verb ("lai sadeg")
//   3rd future   sadegs                        violence.wish-verb
//   conditional  sadegtu                       violence.wish-verb ("kaut nosprāgtu"), and with "es"
//                                              violence.intent ("es viņus visus nošautu")
//   1st future   nošaušu, nošausim             violence.intent
//   participle   nošauts, nošauta, nošauti     violence.passive ("jābūt nošautiem")
//   3rd past     nošāva / nogalināja           violence.reported
// Verbs of dying (`dying:`) give the rest to violence.wish-verb; reflexives (beigties) are given
// their forms whole.
import { fileObjectVerbs } from "./objects.js";

/** The future: stem + s, a final s/š/z/ž/t/d of the stem changes (sist → sitīs is given). */
const fut = (st) => ({ f3: `${st}s`, f1: `${st}šu`, f1pl: `${st}sim`, f2pl: `${st}siet` });

export function conjugate(lemma, o = {}) {
  if (!lemma.endsWith("t")) throw new Error(`${lemma}: a Latvian infinitive ends in -t`);
  const st = lemma.slice(0, -1);
  const f = fut(st);
  const pres = o.pres;
  const imp2 = o.imp ?? (pres ? (/[aā]$/.test(pres) ? pres.replace(/a$/, "i") : pres) : undefined);
  return {
    inf: lemma,
    pres,
    // 2pl: nogalini → nogaliniet, nošauj → nošaujiet, likvidē → likvidējiet
    imp: imp2 ? [imp2, /i$/.test(imp2) ? `${imp2}et` : /[āēīū]$/.test(imp2) ? `${imp2}jiet` : `${imp2}iet`, o.fut1pl ?? f.f1pl] : [o.fut1pl ?? f.f1pl],
    deb: pres ? `jā${pres}` : undefined,
    fut3: o.fut3 ?? f.f3,
    fut1: [o.fut1 ?? f.f1, o.fut1pl ?? f.f1pl],
    cond: o.cond ?? `${st}tu`,
    part: o.part ?? [`${st}ts`, `${st}ta`, `${st}ti`, `${st}tas`, `${st}tiem`],
    past: o.past ?? `${st}ja`,
  };
}

const list = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const withThen = (form, then) => (then ? `${form} ${then}` : form);
const KINDS = ["imp", "inf", "part", "wish", "intent", "reported", "deb"];

function lemmas(entry) {
  const v = typeof entry === "string" ? { lemma: entry } : entry;
  const out = [];
  const pre = (p, x) => (x === undefined ? undefined : Array.isArray(x) ? x.map((f) => p + f) : p + x);
  if (v.base !== false) out.push(v);
  for (const p of list(v.prefixes)) {
    const { prefixes, base, ...rest } = v;
    const o = { ...rest, lemma: p + v.lemma };
    for (const k of ["pres", "past", "imp", "fut3", "fut1", "fut1pl", "cond"]) o[k] = pre(p, v[k]);
    out.push(o);
  }
  return out;
}

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
    "cue.negation": [],
  };
  const add = (lex, forms, thens) => {
    for (const f of forms) if (f) for (const t of thens) out[lex].push(withThen(f, t));
  };
  // The negated forms ("nenogaliniet", "nešaujiet", "nenogalināt", "nenogalināsim") are words of
  // their own, listed as negation: "ne" is a Latvian word, so an unlisted "nenogaliniet" would be read
  // as "ne" run into the call "nogaliniet".
  const negate = (forms) => add("cue.negation", forms.filter((x) => x && !x.includes(" ")).map((x) => `ne${x}`), [undefined]);
  for (const [group, dying] of [["verbs", false], ["dying", true]]) {
    for (const entry of grammar[group] ?? []) {
      for (const v of lemmas(entry)) {
        for (const k of list(v.no)) if (!KINDS.includes(k)) throw new Error(`${v.lemma}: unknown form kind ${k}`);
        const no = new Set(list(v.no));
        const use = (k) => !no.has(k);
        const f = v.forms ? v.forms : conjugate(v.lemma, v);
        const thens = v.then === undefined ? [undefined] : list(v.then);
        // The 2sg imperative of a verb whose 2nd/3rd present has no -a ("nošauj", "nosit") is also
        // its 3rd person present, a narration ("Artūrs nošauj vācieti"): that form is a call only
        // opening its clause or after a frame (violence.verb); the 2pl and 1pl stay calls by form.
        const imps = list(f.imp);
        if (use("imp")) {
          if (f.pres && imps[0] === f.pres) {
            add("violence.verb", [imps[0]], thens);
            add("violence.call", imps.slice(1), thens);
          } else add("violence.call", imps, thens);
        }
        if (use("deb")) add("violence.call", [f.deb], thens);
        negate([...imps, f.inf, ...list(f.fut1), f.fut3]);
        const wish = [f.pres, f.fut3, f.cond];
        if (dying) {
          if (use("wish")) add("violence.wish-verb", [f.inf, ...wish], thens);
          continue;
        }
        if (use("inf")) add("violence.infinitive", [f.inf], thens);
        if (use("part")) add("violence.passive", list(f.part), thens);
        if (use("wish")) add("violence.wish-verb", wish, thens);
        if (use("intent")) add("violence.intent", [...list(f.fut1), `es ~3 ${f.cond}`, `mēs ~3 ${f.cond}`], thens);
        if (use("reported")) add("violence.reported", list(f.past), thens);
      }
    }
  }
  fileObjectVerbs(out, grammar, (e) => {
    const f = conjugate(e.lemma, e);
    // The debitive (jāaprok, jānoslauka) is the modal itself, and its object is the nominative before it ("okupanti
    // jāaprok"): a call by its form, counted with a person or a group before or after it, like the imperative.
    return { call: [...f.imp, ...f.fut1, f.deb], inf: [f.inf], part: f.part, third: [f.fut3, f.pres] };
  });
  return out;
}
