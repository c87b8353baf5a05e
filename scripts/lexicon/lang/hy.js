import { readFileSync } from "node:fs";
import { expandTerms } from "../alternatives.js";
import { parse } from "yaml";
import { dedupe } from "../dedupe.js";
import { fileObjectVerbs } from "./objects.js";

// Armenian (Eastern) inflection for scripts/lexicon/generate.js. Armenian verbs are regular by
// conjugation: the grammar file lists infinitives, and the module makes from each the forms a frame
// needs. Only the last word of a lemma inflects ("կախաղան հանել" → "կախաղան հանեք").
//   1st conjugation -ել (սպանել):   imperative սպանիր / սպանեք, "let's" սպանենք, subjunctive
//       սպանի / սպանեն, future կսպանեմ / կսպանենք, "going to" սպանելու եմ, passive սպանվի / սպանվեն,
//       participle սպանված, aorist սպանեց / սպանեցին, present սպանում են.
//   causatives -(ա)ցնել (ոչնչացնել): imperative ոչնչացրու / ոչնչացրեք, aorist ոչնչացրեց / ոչնչացրին,
//       passive ոչնչացվի; the rest as the 1st conjugation on the stem ոչնչացն-.
//   2nd conjugation -ալ (մահանալ) is rare among these verbs: its forms are listed in the grammar.
// Where the forms go:
//   imperatives, "let's", "going to"-less futures of the speaker → violence.call / violence.intent
//   infinitive → violence.verb (after պետք է / պիտի / թող); "<infinitive> պետք է", "<infinitive> է
//       պետք" (the modal after the verb) → violence.call
//   subjunctive 3rd person → violence.verb (after թող, պետք է); of dying verbs ("սատկի", "մեռնեն") →
//       violence.wish-verb, and violence.infinitive for the unambiguous ones: a wish by itself after
//       its subject ("Պուտինը շուտ սատկի")
//   passive subjunctive and participle → violence.passive (after a modal)
//   aorist, present and perfect 3rd person → violence.reported; the perfect (infinitive-shaped
//       participle + auxiliary: "գնդակահարել են") → figurative.idiom, so that a headline
//       "Գնդակահարել են …" is not read as the infinitive directive "Գնդակահարել բոլորին"
// Every form is also written in the Latin letters Armenians type online ("tox satken", "petq a
// spanel"): see `latin` below; the engine counts such Latin words where the text is not reliably in
// a Latin-script language.

/** Armenian letters to the Latin spellings used online, most common first. */
const LATIN = {
  ա: ["a"], բ: ["b"], գ: ["g"], դ: ["d"], ե: ["e"], զ: ["z"], է: ["e"], ը: ["y", "e"], թ: ["t"],
  ժ: ["j", "zh"], ի: ["i"], լ: ["l"], խ: ["x", "kh"], ծ: ["c", "ts"], կ: ["k"], հ: ["h"], ձ: ["dz", "z"],
  ղ: ["x", "gh"], ճ: ["ch", "j"], մ: ["m"], յ: ["y"], ն: ["n"], շ: ["sh"], ո: ["o"], չ: ["ch"], պ: ["p"],
  ջ: ["j"], ռ: ["r"], ս: ["s"], վ: ["v"], տ: ["t"], ր: ["r"], ց: ["c", "ts"], ւ: ["v"], փ: ["p", "f"],
  ք: ["q", "k"], օ: ["o"], ֆ: ["f"],
};
/**
 * Latin spellings of an Armenian term (stems and gaps kept): "թող սատկեն" → "tox satken", "togh
 * satken"…, the commonest first: every letter's first spelling, then one letter spelt otherwise…
 */
export function latin(term, max = 6) {
  const t = term.replace(/և/g, "եւ");
  const options = [];
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    const prev = i === 0 ? " " : t[i - 1];
    if (c === "ո" && t[i + 1] === "ւ") {
      options.push(["u"]);
      i++;
    } else if (c === "ե" && /\s/.test(prev) && /[^\s]{3}/.test(t.slice(i, i + 4))) options.push(["e", "ye"]);
    // A word-initial ո is "vo" ("vor", "voch"), but "ov" before վ ("ov", who): "och" would be a
    // word of the policy, and Slovak locatives ("tankoch") would split on it as run-together words.
    else if (c === "ո" && /\s/.test(prev)) options.push(t[i + 1] === "վ" ? ["o"] : ["vo"]);
    else options.push(LATIN[c] ?? [c]);
  }
  return spellings(options, max);
}

/** Up to `max` strings from per-position options, by how many positions leave their first option. */
function spellings(options, max) {
  let all = [{ s: "", cost: 0 }];
  for (const opts of options) {
    const next = [];
    for (const v of all) opts.forEach((o, k) => next.push({ s: v.s + o, cost: v.cost + (k > 0 ? 1 : 0) }));
    next.sort((a, b) => a.cost - b.cost);
    all = next.slice(0, max * 8);
  }
  return [...new Set(all.sort((a, b) => a.cost - b.cost).map((v) => v.s))].slice(0, max);
}

/** "սպանել" → { head: "", stem: "սպան", kind: "el" }; "ոչնչացնել" → kind "causative", stem "ոչնչաց". */
function split(lemma, v) {
  const words = lemma.trim().split(/\s+/);
  const last = words.pop();
  const head = words.length ? `${words.join(" ")} ` : "";
  if (v.causative) return { head, stem: last.replace(/նել$/, ""), kind: "causative" };
  if (!last.endsWith("ել")) throw new Error(`hy: '${lemma}' is not a verb in -ել (list 2nd-conjugation forms in the grammar)`);
  return { head, stem: last.slice(0, -2), kind: "el" };
}

/** The forms of one verb, by name. */
function forms(lemma, v) {
  const { head, stem, kind } = split(lemma, v);
  const h = (s) => head + s;
  const present = stem + (kind === "causative" ? "ն" : "");
  const f = {
    inf: h(`${present}ել`),
    imp2sg: h(kind === "causative" ? `${stem}րու` : `${stem}իր`),
    imp2pl: h(kind === "causative" ? `${stem}րեք` : `${stem}եք`),
    subj1pl: h(`${present}ենք`),
    subj3sg: h(`${present}ի`),
    subj3pl: h(`${present}են`),
    subj2sg: h(`${present}ես`),
    subj2pl: h(`${present}եք`),
    fut1sg: h(`կ${present}եմ`),
    fut1pl: h(`կ${present}ենք`),
    going1: [h(`${present}ելու եմ`), h(`${present}ելու ենք`)],
    pass3sg: h(`${stem}վի`),
    pass3pl: h(`${stem}վեն`),
    participle: h(`${stem}ված`),
    aor3: kind === "causative" ? [h(`${stem}րեց`), h(`${stem}րին`), h(`${stem}րինք`)] : [h(`${stem}եց`), h(`${stem}եցին`), h(`${stem}եցինք`)],
    pres3: [h(`${present}ում են`), h(`${present}ում էին`), h(`${present}ում է`)],
  };
  for (const [k, val] of Object.entries(v.forms ?? {})) f[k] = val;
  return f;
}

/**
 * The past subjunctive from the present one: 3sg "սպանի" → "սպաներ", 3pl "սպանեն" → "սպանեին";
 * the 2nd conjugation "մահանա" → "մահանար", "մահանան" → "մահանային".
 */
function pastSubj(x) {
  if (x.endsWith("են")) return `${x.slice(0, -2)}եին`;
  if (x.endsWith("ի")) return `${x.slice(0, -1)}եր`;
  if (x.endsWith("ան")) return `${x.slice(0, -1)}յին`;
  if (x.endsWith("ա")) return `${x}ր`;
  return x;
}

/** Auxiliaries of the perfect and pluperfect that follow the participle (not է: "սպանել է պետք"). */
const PERFECT = ["են", "էին", "էր", "ենք", "եմ", "ես", "եք", "էինք"];
/** Modals that follow an infinitive ("սպանել է պետք", colloquial "սպանել պետք ա"). */
const MODAL_AFTER = ["պետք է", "է պետք", "պետք ա", "ա պետք", "պիտի", "պետք էր", "էր պետք"];

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
  };
  // Supporting lexicons (reports, idioms) take only the commonest Latin spelling of a form.
  const SUPPORT = new Set(["violence.reported", "figurative.idiom", "method"]);
  /** The speaker's "I'll kill" of verbs marked `hyperbole`, for the idioms below. */
  const hyper = [];
  const add = (lex, ...terms) => {
    for (const t of terms.flat()) {
      out[lex].push(t);
      for (const l of latin(t, SUPPORT.has(lex) ? 1 : 4)) out[lex].push(l);
    }
  };
  /** A rarer form (a question waiting for deaths): its commonest Latin spelling only. */
  const addRare = (lex, ...terms) => {
    for (const t of terms.flat()) out[lex].push(t, ...latin(t, 1));
  };

  for (const raw of grammar.verbs ?? []) {
    const v = typeof raw === "string" ? { lemma: raw } : raw;
    // A verb that names a method (shoot, hang, poison, burn, stab) is one in every form: "lője le".
    const mark = Object.fromEntries(Object.entries(out).map(([k, t]) => [k, t.length]));
    const f = forms(v.lemma, v);
    // A verb violent only with its complement (`tail`: "մինչև մահ", to death), which may stand before
    // or after it, a few words away: "ծեծեք նրանց մինչև մահ", "մինչև մահ ծեծել", "պետք է ծեծել
    // մինչև մահ". Only those forms are made.
    if (v.tail) {
      const both = (xs) => xs.flatMap((x) => [`${x} ~3 ${v.tail}`, `${v.tail} ~2 ${x}`]);
      add("violence.call", both([f.imp2sg, f.imp2pl, f.subj1pl]));
      add("violence.verb", both([f.inf, f.subj3sg, f.subj3pl]));
      add("violence.intent", both([f.fut1sg, f.fut1pl]));
      continue;
    }
    // "Սպանեք նրանց", "եկեք սպանենք", "կսպանենք": by their form; an ambiguous verb's ("կախեք" hang
    // up, "այրեք" burn) only after a target, a frame or at the start of a clause.
    add(v.ambiguous ? "violence.infinitive" : "violence.call", f.imp2sg, f.imp2pl, f.subj1pl);
    if (v.hyperbole) hyper.push(f.fut1sg, f.going1[0]);
    add("violence.intent", f.fut1sg, f.fut1pl, f.going1);
    // The conditional of the speaker: "կսպանեի", "կսպանեինք".
    add("violence.intent", f.fut1sg.replace(/եմ$/, "եի"), f.fut1pl.replace(/ենք$/, "եինք"));
    add("violence.verb", f.inf, f.subj3sg, f.subj3pl, f.subj1pl, f.imp2sg, f.imp2pl);
    for (const m of MODAL_AFTER) add("violence.call", `${f.inf} ${m}`);
    // The infinitive directive right after its target: "Բոլոր օկուպանտներին ոչնչացնել։". The
    // perfect is spelt the same ("սպանել են") and is set aside below, with the auxiliary after it or,
    // in the plural, before it ("բնակիչների են սպանել").
    if (!v.ambiguous) add("violence.infinitive", f.inf);
    add("figurative.idiom", `են ${f.inf}`, `էին ${f.inf}`);
    // …and fronted before the subject after a question word of a report ("պատմում էր, թե ինչպես են
    // ռուս զինվորները Իզյումում խոշտանգել գերիներին": how they have tortured; d25-precision).
    for (const wh of ["ինչպես", "ինչու", "որտեղ", "քանի"]) addRare("figurative.idiom", `${wh} են ~4 ${f.inf}`, `${wh} էին ~4 ${f.inf}`);
    add("violence.passive", f.pass3sg, f.pass3pl, f.participle);
    if (v.reported !== false) {
      add("violence.reported", f.aor3, f.pres3);
      for (const a of PERFECT) add("violence.reported", `${f.inf.split(" ").pop()} ${a}`);
    }
    // The prohibitive "մի սպանեք" (don't kill): "մի" is also the article "a", so it is no negation
    // cue by itself; the phrase covers the command and sets it aside.
    add("figurative.idiom", `մի ${f.imp2sg}`, `մի ${f.imp2pl}`, `մի ${f.subj3sg}`, `մի ${f.subj3pl}`);
    // A hope for what others will do: "հույս ունեմ՝ ՈՒԶՈՒ-ն բոլոր օկուպանտներին կսպանի", a wish after
    // a hope (cue.wish); "նրանք կսպանեն" alone is a prediction.
    if (!v.ambiguous) add("violence.wish-verb", `կ${f.subj3sg}`, `կ${f.subj3pl}`);
    // The wish mood: the past subjunctive after "երանի" / "թող" / "ախ" ("երանի մեկը Պուտինին
    // թունավորեր", "երանի բոլորին գնդակահարեին") and its conditional "կսպաներ" (a wish only after
    // cue.wish; "եթե սպաներ" stays a condition). Latin in its commonest spelling only.
    addRare("violence.wish-verb", pastSubj(f.subj3sg), pastSubj(f.subj3pl), `կ${pastSubj(f.subj3sg)}`, `կ${pastSubj(f.subj3pl)}`);
    // Waited for in a question: "երբ են վերջապես սպանելու նրանց?", "երբ կգնդակահարեն?"
    if (!v.ambiguous) addRare("violence.call", `երբ ~3 ${f.inf.split(" ").pop()}ու`, `երբ ~3 կ${f.subj3pl.split(" ").pop()}`);
    // Said of oneself, hyperbole: "այս քննությունը ինձ կսպանի" (this exam will kill me), "շոգը ինձ
    // սպանում է"; a threat to "me" is no call of the poster's either.
    for (const me of ["ինձ", "մեզ"]) add("figurative.idiom", `${me} կ${f.subj3sg}`, `${me} կ${f.subj3pl}`, `${me} ${f.pres3[2]}`, `${me} ${f.pres3[0]}`, `${me} ${f.aor3[0]}`);
    // The perfect of the verb itself is enough: "ծեծելով սպանել են" holds "սպանել են".
    for (const a of PERFECT) add("figurative.idiom", `${f.inf.split(" ").pop()} ${a}`);
    if (v.method) for (const k of ["violence.call", "violence.verb", "violence.infinitive", "violence.passive"]) out.method.push(...out[k].slice(mark[k]));
  }

  for (const raw of grammar.dying ?? []) {
    const v = typeof raw === "string" ? { lemma: raw } : raw;
    // Dying verbs may be of either conjugation: their forms are given when irregular.
    const f = v.forms?.subj3sg ? { ...v.forms } : forms(v.lemma, v);
    const wish = [f.subj3sg, f.subj3pl, f.subj2sg, f.subj2pl].filter(Boolean);
    add("violence.wish-verb", wish);
    add("violence.verb", wish, f.inf);
    add("figurative.idiom", [f.imp2sg, f.imp2pl].filter(Boolean).map((x) => `մի ${x}`));
    if (!v.ambiguous) {
      add("violence.infinitive", wish);
      add("violence.call", [f.imp2sg, f.imp2pl].filter(Boolean));
    }
    for (const t of v.then ?? []) for (const w of wish) add("violence.call", `${w} ~3 ${t}`, `${t} ~3 ${w}`);
    // The future, a wish after a hope ("հուսով եմ՝ բոլորը կսատկեն", "կսառչեն ու կմեռնեն"); waited for
    // in a question ("երբ են վերջապես սատկելու?") when the verb is unambiguous.
    add("violence.wish-verb", [f.subj3sg, f.subj3pl].filter(Boolean).map((x) => `կ${x}`));
    // The wished past: "երանի սատկեր", "թող բոլորը մեռնեին".
    addRare("violence.wish-verb", [f.subj3sg, f.subj3pl].filter(Boolean).map(pastSubj));
    if (!v.ambiguous && f.inf) addRare("violence.call", `երբ ~3 ${f.inf}ու`, `երբ ~3 կ${f.subj3pl}`);
  }

  for (const raw of grammar.nouns ?? []) {
    // { noun: մահ, targets: [ռուսներին, …] }: the slogan with its target first, "Ռուսներին մահ!".
    for (const t of raw.targets ?? []) add("violence.call", `${t} ${raw.noun}`);
  }

  // Everyday hyperbole ("I'll kill my brother if he eats my pizza again", "megölöm a szomszédot"):
  // the speaker's own "I'll kill" aimed at someone of their daily life is set aside as an idiom.
  for (const obj of grammar.hyperbole?.objects ?? []) for (const f of hyper) add("figurative.idiom", `${f} ~2 ${obj}`, `${obj} ~2 ${f}`);

  // The hand-written lexicon's terms in Latin letters, for the lexicons the grammar names under
  // `latin` (targets, frames, cues): one source, the Armenian spelling. A single short word
  // is left out ("არ" → "ar" is the Romanian "would"): only words of five Latin letters or more, or phrases.
  // A death-word counts only with a target after it ("mah okupantnerin"), so its short Latin
  // spelling "mah" is safe there.
  const SHORT_OK = new Set(["violence.death-word"]);
  const hand = parse(readFileSync(new URL("../../../rules/lexicons/hy.yaml", import.meta.url), "utf8"))?.lexicons ?? {};
  for (const name of grammar.latin ?? []) {
    const def = hand[name];
    const terms = expandTerms(Array.isArray(def) ? def : def?.terms ?? []);
    out[name] ??= [];
    for (const t of terms.filter((x) => /[\u0531-\u058A]/.test(String(x)))) for (const l of latin(String(t), 3)) if (/\s/.test(l.trim()) || l.replace(/[^a-z]/g, "").length >= 5 || SHORT_OK.has(name)) out[name].push(l);
  }
  fileObjectVerbs(out, grammar, undefined);
  return dedupe(out);
}
