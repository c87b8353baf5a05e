import { readFileSync } from "node:fs";
import { expandTerms } from "../alternatives.js";
import { parse } from "yaml";
import { dedupe } from "../dedupe.js";
import { fileObjectVerbs } from "./objects.js";

// Georgian inflection for scripts/lexicon/generate.js. Georgian verbs change preverb, version vowel,
// thematic suffix and root vowel from one screeve to the next (მოკლავს / მოკლა / მოკალი), so the
// grammar file gives each verb's principal parts, as a dictionary does, and the module derives the
// persons of each: the 1st-plural optative gives the 3rd persons (მოვკლათ → მოკლას, მოკლან), the
// 1st-singular future gives the plural and the "you" object (მოვკლავ → მოვკლავთ, მოგკლავ), the 2nd-
// singular imperative (= aorist) gives the plural (მოკალი → მოკალით).
//   imp  2sg imperative        violence.call ("მოკალით!"; an ambiguous verb's after a target/frame)
//   opt  1pl optative, "let's" violence.call ("მოვკლათ"); its 3rd persons after უნდა / ნეტავ /
//        ვინმემ → violence.verb
//   fut  1sg future            violence.intent ("მოვკლავთ", "დავხოცავთ")
//   ger  "to be …-ed" stem     violence.call ("მოსაკლავია", "ჩამოსახრჩობია")
//   part participle stem      violence.passive
//   aor  3rd-person aorists     violence.reported ("დახვრიტეს": whom they shot is a victim)
//   pres 3rd-person presents    violence.reported
//   lemma, the verbal noun      violence.call after საჭიროა / აუცილებელია ("საჭიროა მათი მოკვლა")
// Dying verbs give their 3rd-person optatives (`opt3`): a wish by themselves after their subject or
// at the start of a clause ("პუტინი მოკვდეს!") → violence.infinitive and violence.wish-verb; plural
// optatives spelt like the aorist ("მოკვდნენ" = may they die / they died) only after უნდა / ნეტავ.
// Their futures, derived from the optative ("ამოწყდეს" → "ამოწყდება / ამოწყდებიან"), are wishes
// after a hope (violence.wish-verb), and questions with როდის ("when, at last?") are calls.
// Every form is also written in the Latin letters Georgians type ("unda mokvdes", "daxvritet").

/** Georgian letters to the Latin spellings used online, most common first. */
const LATIN = {
  ა: ["a"], ბ: ["b"], გ: ["g"], დ: ["d"], ე: ["e"], ვ: ["v"], ზ: ["z"], თ: ["t"], ი: ["i"], კ: ["k"],
  ლ: ["l"], მ: ["m"], ნ: ["n"], ო: ["o"], პ: ["p"], ჟ: ["j", "zh"], რ: ["r"], ს: ["s"], ტ: ["t"], უ: ["u"],
  ფ: ["f", "p"], ქ: ["q", "k"], ღ: ["g", "gh", "r"], ყ: ["y", "k", "q"], შ: ["sh", "s"], ჩ: ["ch", "c"],
  ც: ["c", "ts"], ძ: ["dz", "z"], წ: ["w", "ts", "c"], ჭ: ["ch", "w"], ხ: ["x", "kh", "h"], ჯ: ["j"], ჰ: ["h"],
};

/**
 * Latin spellings of a Georgian term (stems and gaps kept): "დახვრიტეთ" → "daxvritet", "dakhvritet"…,
 * the commonest first: every letter's first spelling, then one letter spelt otherwise, then two…
 */
export function latin(term, max = 6) {
  // A writer keeps one scheme through a word ("chamoakhrchon": kh and ch together), so the
  // commonest spelling and the whole scholarly "kh/gh/ts" scheme come first, then single letters
  // spelt otherwise.
  const chars = [...term];
  const scheme = chars.map((c) => SCHEME_KH[c] ?? LATIN[c]?.[0] ?? c).join("");
  const rest = spellings(chars.map((c) => LATIN[c] ?? [c]), max + 1);
  return [...new Set([rest[0], scheme, ...rest.slice(1)])].slice(0, max);
}

/** The "kh" scheme: ხ kh, ღ gh, ც/წ ts, ჟ zh, ყ q, ფ p, ქ k. */
const SCHEME_KH = { ხ: "kh", ღ: "gh", ც: "ts", წ: "ts", ჟ: "zh", ყ: "q", ფ: "p", ქ: "k" };

/**
 * The national romanisation, which marks the ejectives with an apostrophe (კ k', ტ t', პ p', წ ts',
 * ჭ ch', ყ q') beside the "kh" scheme's letters: "mok'alit", "unda mok'vdes", "dakhvrit'et". Only for
 * a term with an ejective (without one it is the "kh" scheme); the apostrophe is part of the word.
 */
const EJECTIVE = { კ: "k'", ტ: "t'", პ: "p'", წ: "ts'", ჭ: "ch'", ყ: "q'", ჩ: "ch", შ: "sh", ძ: "dz", თ: "t" };
export function apostrophed(term) {
  if (!/[კტპწჭყ]/.test(term)) return [];
  // An apostrophe that no letter follows ("dasakhvret'*") is no part of a word: dropped, and the term
  // left out when none is left (it is then another scheme's spelling).
  const x = [...term].map((c) => EJECTIVE[c] ?? SCHEME_KH[c] ?? LATIN[c]?.[0] ?? c).join("").replace(/'(?![a-z])/g, "");
  return x.includes("'") ? [x] : [];
}

/** Up to `max` strings from per-position options, by how many positions leave their first option. */
function spellings(options, max) {
  let all = [{ s: "", cost: 0 }];
  for (const opts of options) {
    const next = [];
    for (const v of all) opts.forEach((o, k) => next.push({ s: v.s + o, cost: v.cost + (k > 0 ? 1 : 0) }));
    // Enough cheap candidates are kept to fill `max` after the costliest are cut.
    next.sort((a, b) => a.cost - b.cost);
    all = next.slice(0, max * 8);
  }
  return [...new Set(all.sort((a, b) => a.cost - b.cost).map((v) => v.s))].slice(0, max);
}

const PREVERB = /^(ჩამო|გადმო|შემო|წამო|გამო|ამო|გადა|მო|და|ჩა|გა|შე|წა|მი|ა)?ვ(.+)$/;

/** "მოვკლათ" → ["მოკლას", "მოკლან", "მოკლათ"]: the 3rd persons and the 2nd plural of a 1pl optative. */
function optPersons(opt1pl) {
  const m = PREVERB.exec(opt1pl);
  if (!m || !/[აოე]თ$/.test(opt1pl)) throw new Error(`ka: '${opt1pl}' is not a 1st-plural optative (ვ…ათ/ოთ/ეთ)`);
  const base = (m[1] ?? "") + m[2].slice(0, -1);
  return { sg: `${base}ს`, pl: `${base}ნ`, you: `${base}თ` };
}

/** "მოვკლავ" → ["მოვკლავთ", "მოგკლავ", "მოგკლავთ"]. */
function futPersons(fut1sg) {
  const m = PREVERB.exec(fut1sg);
  const you = m ? `${m[1] ?? ""}გ${m[2]}` : null;
  return [fut1sg, `${fut1sg}თ`, ...(you ? [you, `${you}თ`] : [])];
}

const list = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

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
    "violence.future-passive": [],
    "figurative.idiom": [],
  };
  const SUPPORT = new Set(["violence.reported", "figurative.idiom", "method"]);
  /** The speaker's "I'll kill" of verbs marked `hyperbole`, for the idioms below. */
  const hyper = [];
  const add = (lex, ...terms) => {
    for (const t of terms.flat()) {
      out[lex].push(t);
      for (const l of latin(t, SUPPORT.has(lex) ? 1 : 4)) out[lex].push(l);
      if (!SUPPORT.has(lex)) out[lex].push(...apostrophed(t));
    }
  };
  /** A rarer form (a question waiting for deaths): its commonest Latin spelling only. */
  const addRare = (lex, ...terms) => {
    for (const t of terms.flat()) out[lex].push(t, ...latin(t, 1));
  };

  for (const v of grammar.verbs ?? []) {
    // A verb that names a method (shoot, hang, poison, burn, stab) is one in every form: "lője le".
    const mark = Object.fromEntries(Object.entries(out).map(([k, t]) => [k, t.length]));
    // A head ("თავ*", "ცოცხლად") comes before every form: "თავი მოაჭერით", "ცოცხლად დაწვით".
    const h = (f) => (v.head ? `${v.head} ${f}` : f);
    const direct = v.ambiguous ? "violence.infinitive" : "violence.call";
    for (const imp of list(v.imp)) add(direct, h(imp), h(`${imp}თ`));
    // A tail after the command and "let's" when the head may also follow ("სცემეთ სიკვდილამდე",
    // "სცემეთ ეს ოკუპანტები სიკვდილამდე"): `tail`, up to three words between.
    if (v.tail) for (const x of [...list(v.imp).flatMap((i) => [i, `${i}თ`]), ...list(v.opt)]) add(direct, `${x} ~3 ${v.tail}`);
    for (const opt of list(v.opt)) {
      const p = optPersons(opt);
      add(direct, h(opt));
      add("violence.verb", h(p.sg), h(p.pl), h(p.you), h(opt));
      // With its head ("ცოცხლად დაწვან", "ნოვიჩოკი უნდა დაალევინონ") the 3rd persons say the act
      // by themselves: a call wherever they stand.
      if (v.head && !v.ambiguous) add("violence.call", h(p.sg), h(p.pl));
    }
    if (v.hyperbole) hyper.push(...list(v.fut).map(h));
    for (const fut of list(v.fut)) add("violence.intent", futPersons(fut).map(h));
    // The conditional of the speaker ("მოვკლავდი", "I would kill"), and starting to ("დავიწყოთ
    // ორკების ხოცვა(ს)", "let's start killing the orcs").
    for (const fut of list(v.fut)) add("violence.intent", h(`${fut}დი`), h(`${fut}დით`));
    // The imperfective verbal noun (`ipf`: "ხოცვა" beside "დახოცვა") names the same act.
    for (const n of [v.lemma, ...list(v.ipf)]) {
      for (const start of ["დავიწყოთ", "დავიწყებთ", "დაიწყეთ"]) add(direct, `${start} ~2 ${h(n)}`, `${start} ~2 ${h(n)}ს`, `${h(n)}ს ${start}`);
    }
    // A person marker is one letter ("მოვკლავდი" I would kill, "მოკლავდი" you would): the other
    // persons are idioms here, so that a typo-tolerant match of the speaker's form never takes them.
    // The 3rd persons ("დახოცავს", "დახოცავენ") are a wish after a hope ("იმედია, ზსუ ყველა
    // ოკუპანტს დახოცავს", cue.wish), so that "ის მოკლავს" stays a statement.
    for (const fut of list(v.fut)) {
      const m = PREVERB.exec(fut);
      if (m) for (const x of ["", "თ", "დი", "დით"]) add("figurative.idiom", h(`${m[1] ?? ""}${m[2]}${x}`));
      if (m) add("violence.wish-verb", h(`${m[1] ?? ""}${m[2]}ს`), h(`${m[1] ?? ""}${m[2]}ენ`));
      // The wish mood: the conditional after ნეტავ ("ნეტავ მოსკოვსაც დაბომბავდნენ", "ნეტავ ვინმე
      // მოკლავდა"), 3sg -და, 3pl -დნენ: a wish only after cue.wish ("თუ მოკლავდა" stays a condition).
      if (m) addRare("violence.wish-verb", h(`${m[1] ?? ""}${m[2]}და`), h(`${m[1] ?? ""}${m[2]}დნენ`));
      // Waited for in a question: "როდის მოკლავს ვინმე პუტინს?", "როდის დახოცავენ ბოლოს და ბოლოს?"
      if (m && !v.ambiguous) addRare("violence.call", `როდის ~3 ${h(`${m[1] ?? ""}${m[2]}ს`)}`, `როდის ~3 ${h(`${m[1] ?? ""}${m[2]}ენ`)}`);
    }
    for (const g of list(v.ger)) add("violence.call", `${h(g)}*`);
    for (const p of list(v.part)) add("violence.passive", `${h(p)}*`);
    // The future passive, auxiliary after the participle ("ყველა ოკუპანტი დახვრეტილი იქნება", "ისინი
    // მოკლულები იქნებიან"): a threat with a universal and a target (call-future-passive).
    for (const p of list(v.part)) add("violence.future-passive", `${h(p)}ი ~1 იქნება`, `${h(p)}ი ~1 იქნებიან`, `${h(p)}ები ~1 იქნებიან`);
    // The participle with its modal after it and the copula's optative ("ყველა რუსი ჯარისკაცი
    // დახვრეტილი უნდა იყოს", "ისინი მოკლულები უნდა იყვნენ"): "must be shot", a call by its form; not for
    // verbs also said of things (`ambiguous`: "ეს ტანკი განადგურებული უნდა იყოს"), never with "არ" between.
    if (!v.ambiguous) for (const p of list(v.part)) add("violence.call", `${h(p)}ი უნდა იყოს`, `${h(p)}ი უნდა იყვნენ`, `${h(p)}ები უნდა იყვნენ`);
    // The verbal noun is a call after "it is necessary" ("საჭიროა მათი განადგურება"), not after
    // უნდა, which with a dative subject means "wants" ("პუტინს უნდა უკრაინის განადგურება").
    for (const n of [v.lemma, ...list(v.ipf)]) add("violence.call", `საჭიროა ~2 ${h(n)}`, `აუცილებელია ~2 ${h(n)}`, `${h(n)} საჭიროა`, `${h(n)}ა საჭირო`);
    // "They need hanging": the verbal noun before უნდა / უნდათ with the doomed as its dative
    // ("მოღალატეებს ჩამოხრჩობა უნდათ"), for verbs marked `need` (execution verbs: hanging, shooting);
    // a verb whose noun is also what someone wants ("პუტინს უკრაინის განადგურება უნდა") is not marked.
    if (v.need) for (const n of [v.lemma]) addRare("violence.call", `${h(n)} უნდა`, `${h(n)} უნდათ`, `${h(n)} სჭირდება`, `${h(n)} სჭირდებათ`);
    if (v.reported !== false) add("violence.reported", list(v.aor), list(v.pres));
    if (v.method) for (const k of ["violence.call", "violence.verb", "violence.infinitive", "violence.passive"]) out.method.push(...out[k].slice(mark[k]));
  }

  for (const v of grammar.dying ?? []) {
    const h = (f) => (v.head ? `${v.head} ${f}` : f);
    const own = list(v.opt3).map(h);
    const homograph = list(v.homograph).map(h);
    add("violence.wish-verb", own, homograph, list(v.opt2).map(h));
    add("violence.verb", own, homograph, list(v.opt2).map(h));
    add(v.ambiguous ? "violence.wish-verb" : "violence.infinitive", own);
    if (v.hostile) add("violence.call", own);
    add("violence.call", list(v.imp).map(h));
    for (const t of list(v.then)) for (const w of [...own, ...homograph]) add("violence.call", `${t} ~3 ${w}`, `${w} ~3 ${t}`);
    // The future, a wish after a hope ("იმედია, ყველა ამოწყდება"), derived from the optative
    // ("ამოწყდეს" → "ამოწყდება", "ამოწყდებიან"; `fut3` where it is irregular: "დაიხრჩობა"); and
    // waited for in a question ("როდის დაიხოცებიან ბოლოს და ბოლოს?") when the verb is unambiguous.
    const fut3 = v.fut3 ? list(v.fut3) : list(v.opt3).filter((o) => /[აეო]ს$/.test(o)).map((o) => `${o.slice(0, -2)}ება`);
    const futs = fut3.flatMap((f) => [h(f), h(`${f.slice(0, -1)}იან`)]);
    add("violence.wish-verb", futs);
    if (!v.ambiguous) for (const f of futs) addRare("violence.call", `როდის ~3 ${f}`);
  }

  for (const raw of grammar.nouns ?? []) {
    // { noun: სიკვდილი, targets: [რუსებს, …] }: the slogan with its target first, "რუსებს სიკვდილი!".
    for (const t of raw.targets ?? []) add("violence.call", `${t} ${raw.noun}`);
    // …with where it goes between them (`between`): "ოკუპანტებს თავში ტყვია!"
    for (const t of raw.targets ?? []) for (const b of raw.between ?? []) add("violence.call", `${t} ${b} ${raw.noun}`);
  }

  // Everyday hyperbole ("I'll kill my brother if he eats my pizza again", "megölöm a szomszédot"):
  // the speaker's own "I'll kill" aimed at someone of their daily life is set aside as an idiom.
  for (const obj of grammar.hyperbole?.objects ?? []) for (const f of hyper) add("figurative.idiom", `${f} ~2 ${obj}`, `${obj} ~2 ${f}`);

  // The hand-written lexicon's terms in Latin letters, for the lexicons the grammar names under
  // `latin` (targets, frames, cues): one source, the Georgian spelling. A single short word
  // is left out ("არ" → "ar" is the Romanian "would"): only words of five Latin letters or more, or phrases.
  // Short words kept all the same: "unda" (must) is the modal of most Latin-letter calls ("unda
  // chamoakhrchon") and is no common word of a Latin-script language.
  const SHORT_OK = new Set(["unda"]);
  const hand = parse(readFileSync(new URL("../../../rules/lexicons/ka.yaml", import.meta.url), "utf8"))?.lexicons ?? {};
  for (const name of grammar.latin ?? []) {
    const def = hand[name];
    const terms = expandTerms(Array.isArray(def) ? def : def?.terms ?? []);
    out[name] ??= [];
    for (const t of terms.filter((x) => /[\u10D0-\u10FF]/.test(String(x)))) for (const l of latin(String(t), 3)) if (/\s/.test(l.trim()) || l.replace(/[^a-z]/g, "").length >= 5 || SHORT_OK.has(l)) out[name].push(l);
  }
  fileObjectVerbs(out, grammar, undefined);
  return dedupe(out);
}
