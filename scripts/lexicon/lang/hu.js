// Hungarian inflection for scripts/lexicon/generate.js. Hungarian is agglutinative, but the forms a
// call takes are few and regular once a verb's principal parts are known, and they are whole words,
// not stems: a stem such as "lő*" would also be "lőtér" (shooting range) and "lövés" (a shot), and
// "megöl*" folds to "megol*", the start of "megoldás" (solution). So the module writes out every form
// where a stem would reach other words (or, one typo away, other forms: "végezz*" would be the past
// "végezték"), and uses stems only inside phrases whose other words hold them to the verb: the
// infinitive's persons before -ni after a modal ("meg kell* ~2 öln*"), "kell*" for kell / kellene /
// kellett (volna).
// A verb in the grammar file: { pv: meg, stem: öl, inf: ölni, imp: ölj, pres1: ölöm, past: ölték }
//   pv     its preverb (meg, le, fel, ki, el, agyon, szét, halálra …), which stands before the verb in
//          the infinitive and the indicative ("megölni", "megölöm", "megölték") and after it in a
//          command ("öljétek meg"), and is split from it by a modal ("meg kell ölni")
//   imp    the stem of the imperative-subjunctive (ölj, lőj, akassz, irts, végezz, égess, tegy),
//          from which every person follows by vowel harmony: öld / öljétek / öljük / ölje / öljék
//          (definite), öljetek / öljünk / öljön / öljenek (indefinite)
//   pres1  1sg definite present, the speaker's intent ("megölöm", "lelövöm")
//   past   3pl definite past, for reports ("megölték"; also "megölte", "megöltük", "megöltek")
//   pres3  3pl definite present when irregular ("lövik", "végzik"), for hopes ("remélem, lelövik")
//   d      the short 2sg definite imperative when it is not the imp stem + d ("lődd", "akaszd")
//   bare-imp: true  its command without the preverb is a directive too ("öljétek a megszállókat")
//   bare: true   the verb without its preverb is violent too ("ölni kell", "lőni kell"), so its
//                bare infinitive counts after a modal ("végezni", "verni" are everyday verbs)
//   ambiguous: true  also said of things ("elégetni" burn, "felgyújtani" set fire): its commands
//                count only after a target, a frame or at the start of a clause
//   then   words that follow every form ("a föld színéről", "elevenen")
// Where the forms go:
//   commands and "let's" ("öljétek meg", "lőjük le", "lője le valaki"), "PV kell INF" and
//       "INF kell" ("le kell lőni", "lelőni kéne"), gerundives ("kiirtandó") → violence.call
//   the infinitive with its preverb ("lelőni") → violence.verb (after kell / kéne) and
//       violence.infinitive ("Putyint lelőni!", "Lelőni mindet!")
//   "-va/-ve" participles ("kivégezve") → violence.passive (after "legyen")
//   1st-person definite presents and "meg fogom ölni" → violence.intent
//   past forms ("lelőtték", "szétlőttük") → violence.reported
// Nouns (`nouns`): a target in the dative, then the noun ("megszállóknak egy golyót", "ruszkiknak
// halál") → violence.call.
// Dying verbs give their commands and wishes ("dögöljön meg", "haljanak meg") → violence.call, and
// the indicative and conditional after a hope ("remélem, meghal", "bárcsak megdögölne") →
// violence.wish-verb; their presents (`pres`) split by "mikor" ("mikor döglenek már meg?") and the
// killing verbs' ("mikor lövik már le?") → violence.call.

import { dedupe } from "../dedupe.js";
import { fileObjectVerbs } from "./objects.js";

const BACK = /[aáoóuú]/;
const LAST_VOWEL = /[aáeéiíoóöőuúüű](?=[^aáeéiíoóöőuúüű]*$)/;

/** Back or front harmony of a stem; `rounded` when its last vowel is ö, ő, ü or ű. */
function harmony(stem, forced) {
  const back = forced ?? BACK.test(stem);
  const last = LAST_VOWEL.exec(stem)?.[0] ?? "e";
  return { back, rounded: !back && /[öőüű]/.test(last) };
}

/** The persons of the imperative-subjunctive from its stem: "ölj" → öljétek, öljük, ölje … */
function imperative(imp, stem, d, back0) {
  const { back, rounded } = harmony(stem, back0);
  const pick = (b, f, r = f) => (back ? b : rounded ? r : f);
  const short = d ?? (imp.endsWith("j") ? `${imp.slice(0, -1)}d` : /(zz|ss|ssz)$/.test(imp) ? `${imp.replace(/(z|s|sz)$/, "")}d` : `${imp}d`);
  return {
    def2sg: short,
    def2pl: imp + pick("átok", "étek"),
    def1pl: imp + pick("uk", "ük"),
    def3sg: imp + pick("a", "e"),
    def3pl: imp + pick("ák", "ék"),
    ind2sg: imp,
    ind2pl: imp + pick("atok", "etek"),
    ind1pl: imp + pick("unk", "ünk"),
    ind3sg: imp + pick("on", "en", "ön"),
    ind3pl: imp + pick("anak", "enek"),
  };
}

/** The 1pl definite present: stem + juk/jük, with s, sz, z assimilating the j ("végezzük", "tesszük"). */
function present1pl(stem, back0) {
  const { back } = harmony(stem, back0);
  const suf = back ? "uk" : "ük";
  if (stem.endsWith("sz")) return `${stem.slice(0, -2)}ssz${suf}`;
  if (/[sz]$/.test(stem)) return stem + stem.slice(-1) + suf;
  return `${stem}j${suf}`;
}

/**
 * The 3pl definite present: back stems take -ják (s, sz, z assimilating the j: "nyúzzák",
 * "tapossák"), front stems -ik ("ölik", "égetik"); the grammar gives irregular ones ("lövik").
 */
function present3pl(stem, back0) {
  const { back } = harmony(stem, back0);
  if (!back) return `${stem}ik`;
  if (stem.endsWith("sz")) return `${stem.slice(0, -2)}sszák`;
  if (/[sz]$/.test(stem)) return `${stem}${stem.slice(-1)}ák`;
  return `${stem}ják`;
}

/** The modals that make an infinitive a call; up to two words (an object, "már") may follow them. */
const MODALS = ["kell*", "kéne", "muszáj", "lehetne"];
/** The speaker's own "will" / "want" before an infinitive split from its preverb: "meg fogom ölni". */
const INTENT = ["fogom", "fogjuk", "fogok", "fogunk", "akarom", "akarjuk"];

/** The personal infinitive of an infinitive in -ni: 3sg "ölnie", 3pl "ölniük", 1pl "ölnünk". */
function personal(inf, forced) {
  const stem = inf.replace(/ni$/, "");
  const { back } = harmony(stem, forced);
  const b = `${stem}n`;
  return back ? [`${b}ia`, `${b}iuk`, `${b}unk`] : [`${b}ie`, `${b}iük`, `${b}ünk`];
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
  /** The speaker's "I'll kill" of verbs marked `hyperbole`, for the idioms below. */
  const hyper = [];
  const add = (lex, ...terms) => out[lex].push(...terms.flat());

  for (const v of grammar.verbs ?? []) {
    // A verb that names a method (shoot, hang, poison, burn, stab) is one in every form: "lője le".
    const mark = Object.fromEntries(Object.entries(out).map(([k, t]) => [k, t.length]));
    const pv = v.pv ?? "";
    const join = (f) => pv + f;
    // The command with its preverb after it ("öljétek meg"), or alone when the verb has none; a
    // particle may stand between ("lője már le", "öljétek hát meg", "akasszátok csak fel").
    const cmd = (f) => (pv ? `${f} ~1 ${pv}` : f);
    const thens = list(v.then);
    const withThen = (forms) => [...(v["only-then"] ? [] : forms), ...forms.flatMap((f) => thens.map((t) => `${f} ~2 ${t}`))];
    const direct = v.ambiguous ? "violence.infinitive" : "violence.call";
    const i = imperative(v.imp, v.stem, v.d, v.back);
    // Each person of the command written out: a stem ("végezz*") is one typo from the past
    // ("végezték ki") to the typo matcher.
    add(direct, withThen([i.def2sg, i.def2pl, i.def1pl, i.def3sg, i.def3pl, i.ind2pl, i.ind1pl, i.ind3sg, i.ind3pl].map(cmd)));
    if (pv) add(direct, withThen([cmd(i.ind2sg)]));
    // The command without its preverb (`bare-imp`), as Hungarian gives an open-ended or ongoing order:
    // "öljétek a megszállókat, ahol éritek", "lőjétek őket!", "irtsátok a férgeket". It names no
    // completed act, so the same form also tells what one does ("öljük az időt"): a directive only
    // opening its clause, after a frame or after whom it is aimed at (violence.infinitive). The 2nd
    // persons and "let's" only: the 3rd ("ölje") is the subjunctive of a purpose clause too.
    // `bare-imp: object`: a verb whose bare command is also said of a game or a camera ("lőjetek!"
    // shoot, at a match; "lőjetek pár képet"; folded, "lőjétek" is "lőjetek") counts only with a
    // person or a group as its object ("lőjétek a ruszkikat", "lőjétek őket": call-object-act).
    if (v["bare-imp"] === "object" && pv) {
      out["violence.object-call"] ??= [];
      add("violence.object-call", withThen([i.def2sg, i.def2pl, i.def1pl, i.ind2pl, i.ind1pl]));
    } else if (v["bare-imp"] && pv) add("violence.infinitive", withThen([i.def2sg, i.def2pl, i.def1pl, i.ind2pl, i.ind1pl]));
    // The subjunctive of others after "hogy", its preverb joined as a subordinate clause has it:
    // "megérdemelnék, hogy felkössék őket", "azt akarom, hogy agyonlőjék": what the poster wants done.
    // Third persons only ("hogy megöljem" is the poster's purpose, often told of the past).
    if (pv) add(direct, withThen([`hogy ${join(i.def3pl)}`, `hogy ${join(i.def3sg)}`]));
    // "le kell lőni", "le kéne őket lőni", "lelőni kell". Only the preverb opening the phrase tells
    // "ki kell végezni" (execute) from "végezni kell" (to be done).
    // The infinitive and the personal infinitive ("le kell lőnie valakinek", "meg kell ölnünk őket",
    // "ki kell végezniük", "kivégeznie kell") share the stem before -ni: "lőn*" holds lőni, lőnie,
    // lőniük, lőnünk; "kell*" holds kell, kellene and kellett (volna).
    const inf = join(v.inf);
    const infN = `${v.inf.replace(/i$/, "")}*`;
    for (const m of MODALS) {
      if (pv) add(direct, withThen([`${pv} ${m} ~2 ${infN}`]));
      add(direct, withThen([`${pv}${infN} ${m}`]));
    }
    add("violence.verb", withThen([inf]));
    add("violence.infinitive", withThen([inf]));
    if (v.bare && pv) add("violence.verb", withThen([v.inf]));
    // "legyen kivégezve", "kiirtandó".
    const part = v.part ?? `${v.inf.replace(/a?ni$|e?ni$/, "")}${harmony(v.stem, v.back).back ? "va" : "ve"}`;
    add("violence.passive", withThen([join(part)]));
    // The future passive with "lesz(nek)" between preverb and participle: "le lesznek lőve", "fel
    // lesz akasztva", "ki lesznek mind irtva" (a threat with a universal and a target: call-future-passive).
    if (pv) add("violence.future-passive", withThen([`${pv} lesznek ~1 ${part}`, `${pv} lesz ~1 ${part}`, `${pv} lesztek ~1 ${part}`, `${join(part)} lesznek`]));
    // The grammar gives the gerundive with its preverb ("kiirtand"): not joined again.
    // An everyday verb's gerundive ("megsemmisítendő iratok", documents to destroy) needs a frame.
    if (v.gerundive) add(v.ambiguous ? "violence.passive" : "violence.call", `${v.gerundive}*`);
    // The speaker's intent: "megölöm", "megöljük", "meg fogom ölni".
    if (v.hyperbole) hyper.push(join(v.pres1));
    add("violence.intent", withThen([join(v.pres1), join(v.pres1pl ?? present1pl(v.stem, v.back))]));
    // …and the indefinite present, with an indefinite or universal object: "megölök minden
    // megszállót", "lelövök mindenkit", "felakasztunk pár árulót" (1sg -k, 1pl -unk/-ünk from the
    // definite 1sg: ölöm → ölök, ölünk; lövöm → lövök, lövünk; akasztom → akasztok, akasztunk)
    const indef = [v.pres1.replace(/m$/, "k"), v.pres1.replace(/om$/, "unk").replace(/[eö]m$/, "ünk")];
    if (v.hyperbole) hyper.push(join(indef[0]));
    add("violence.intent", withThen(indef.map(join)));
    // The conditional of the speaker: "felakasztanám", "lelőném", "megölnénk".
    const back = harmony(v.stem, v.back).back;
    add("violence.intent", withThen([join(v.inf.replace(/ni$/, back ? "nám" : "ném")), join(v.inf.replace(/ni$/, back ? "nánk" : "nénk"))]));
    if (pv) for (const x of INTENT) add("violence.intent", withThen([`${pv} ${x} ~1 ${v.inf}`]));
    // The 1pl present split from its preverb by a question word or focus before it: "mikor
    // akasztjuk már fel őket?", "mindet most lőjük le".
    if (pv) add("violence.intent", withThen([`${v.pres1pl ?? present1pl(v.stem, v.back)} ~1 ${pv}`]));
    // The speaker's own conditional and present split from the preverb by focus before the verb: "én
    // magam lőném le", "szívesen akasztanám fel", "én verném agyon", "én lövöm le" (a negation, "nem
    // lőném le", is the negation's to clear).
    if (pv) add("violence.intent", withThen([v.inf.replace(/ni$/, back ? "nám" : "ném"), v.inf.replace(/ni$/, back ? "nánk" : "nénk"), v.pres1].map((x) => `${x} ~1 ${pv}`)));
    // A hope for what others will do: "remélem, az összes orkot kinyírják", "reméljük, hogy a tüzérség
    // szétlövi őket", "bárcsak felakasztanák": the indicative and conditional are a wish after a hope
    // (cue.wish), so "szerintem lelövik a túszokat" stays a prediction; a negation moves the preverb
    // after the verb ("nem lövik le") and so never matches.
    const p3 = v.pres3 ?? present3pl(v.stem, v.back);
    // The whole conditional after "bárcsak" / "bár" / "hadd": "bárcsak lelőné valaki", "bár
    // felakasztanák", "bárcsak kivégeznének mindenkit" (definite and indefinite, 3sg and 3pl).
    const cond = (x) => join(v.inf.replace(/ni$/, x));
    const others = [join(p3), join(p3.replace(/ják$/, "ja").replace(/ik$/, "i").replace(/(zz|ss|ssz)ák$/, (m) => m.replace(/ák$/, "a"))), ...(back ? ["nák", "ná", "nának"] : ["nék", "né", "nének"]).map(cond)];
    if (pv) for (const x of back ? ["ná", "nák"] : ["né", "nék"]) others.push(`${v.inf.replace(/ni$/, x)} ~1 ${pv}`);
    if (pv) others.push(`${pv} fogják ~1 ${v.inf}`, `${pv} fogja ~1 ${v.inf}`);
    add("violence.wish-verb", withThen(others));
    // The rhetorical question that asks for it: "Miért nem lövi már le valaki?", "miért nem akasztják
    // fel őket?" (the negation moves the preverb after the verb).
    const p3sg = p3.replace(/ják$/, "ja").replace(/ik$/, "i").replace(/(zz|ss|ssz)ák$/, (m) => m.replace(/ák$/, "a"));
    for (const x of [p3, p3sg]) add("violence.call", withThen([pv ? `miért nem ~1 ${x} ~1 ${pv}` : `miért nem ~1 ${x}`]));
    // The question that waits for it: "mikor lövik már le?", "mikor akasztják fel végre Putyint?". A
    // question word moves the preverb after the verb, so the split order is the question's own;
    // "mikor lőtték le" (past) and an everyday verb's ("mikor égetik el a szemetet") stay clear.
    if (pv && !v.ambiguous) for (const x of [p3, p3sg]) add("violence.call", withThen([`mikor ~3 ${x} ~1 ${pv}`]));
    // Why nobody has done it yet: "Miért nem lőtte még le senki Putyint?", "Hogyhogy senki nem ölte
    // még meg?", "Miért nem akasztotta fel eddig senki?" (the definite past, the preverb after it as
    // the negation puts it, and "senki": without it "miért nem ölték meg?" may ask about a report).
    if (v.reported !== false && !v.ambiguous) {
      const ps = v.past.replace(/ák$/, "a").replace(/ék$/, "e");
      const neg = (x) => (pv ? `nem ${x} ~2 ${pv}` : `nem ${x}`);
      for (const x of [v.past, ps]) add("violence.call", withThen([`miért ${neg(x)} ~3 senki`, `miért ~2 senki ~2 ${neg(x)}`, `hogyhogy ~2 senki ~2 ${neg(x)}`, `hogy lehet ~3 senki ~2 ${neg(x)}`]));
    }
    // Reported: "megölték", "megölte", "megöltük", "megöltek".
    if (v.reported !== false) {
      const p = join(v.past);
      add("violence.reported", p, p.replace(/ák$/, "a").replace(/ék$/, "e"), p.replace(/ák$/, "uk").replace(/ék$/, "ük"), p.replace(/ák$/, "ak").replace(/ék$/, "ek"));
    }
    if (v.method) for (const k of ["violence.call", "violence.verb", "violence.infinitive", "violence.passive"]) out.method.push(...out[k].slice(mark[k]));
  }

  for (const v of grammar.dying ?? []) {
    const pv = v.pv ?? "";
    const cmd = (f) => (pv ? `${f} ${pv}` : f);
    const i = imperative(v.imp, v.stem, v.d, v.back);
    const wishes = [i.ind3sg, i.ind3pl, i.ind2sg, i.ind2pl].map(cmd);
    const thens = list(v.then);
    add(v.ambiguous ? "violence.wish-verb" : "violence.call", wishes);
    for (const w of wishes) for (const t of thens) add("violence.call", `${w} ~4 ${t}`);
    // After a hope or a modal: "remélem, meghal", "bárcsak megdögölne", "meg kell halnia".
    add("violence.wish-verb", list(v.wish), [i.ind3sg, i.ind3pl].map((f) => pv + f));
    add("violence.verb", list(v.inf));
    // Necessity with the personal infinitive: "pusztulnia kell", "meg kell halnia", "el kell
    // pusztulniuk", "Putyinnak meg kell dögölnie" (the dying verbs' own infinitives, bare of the preverb).
    const bareInf = [...new Set(list(v.inf).map((x) => (pv && x.startsWith(pv) ? x.slice(pv.length) : x)).filter((x) => /ni$/.test(x)))];
    if (!v.ambiguous) for (const b of bareInf) for (const x of personal(b, v.back).slice(0, 2)) for (const m of ["kell*", "kéne"]) add("violence.call", `${x} ${m}`, ...(pv ? [`${pv} ${m} ~2 ${x}`, `${pv}${x} ${m}`] : []));
    // "Mikor döglenek már meg végre?", "mikor pusztulnak el?": waiting for their death, the
    // indicative split from its preverb by the question (`pres`: 3sg and 3pl present).
    if (pv && !v.ambiguous) for (const p of list(v.pres)) add("violence.call", `mikor ~3 ${p} ~1 ${pv}`);
  }

  // Slogans with the target first, in the dative: "Minden megszállónak egy golyót!", "Putyinnak kötelet!".
  for (const raw of grammar.nouns ?? []) for (const t of raw.targets ?? []) add("violence.call", `${t} ~2 ${raw.noun}`);
  // …and the noun first: "Kötelet Putyinnak!", "Golyót a megszállóknak!" (an accusative noun, so
  // never a plain "halál": "halál a megszállókra" is a slogan of its own).
  for (const raw of grammar.nouns ?? []) if (raw.noun.endsWith("t")) for (const t of raw.targets ?? []) add("violence.call", `${raw.noun} ~2 ${t}`);
  // …and sent into a part of the body, the possessor between: "Kötelet Putyin nyakába!", "golyót
  // minden orosz tiszt fejébe" (`into`: the body part with a possessive and the illative).
  for (const raw of grammar.nouns ?? []) for (const b of list(raw.into)) add("violence.call", `${raw.noun} ~3 ${b}`);

  // Everyday hyperbole ("I'll kill my brother if he eats my pizza again", "megölöm a szomszédot"):
  // the speaker's own "I'll kill" aimed at someone of their daily life is set aside as an idiom.
  for (const obj of grammar.hyperbole?.objects ?? []) for (const f of hyper) add("figurative.idiom", `${f} ~2 ${obj}`, `${obj} ~2 ${f}`);
  fileObjectVerbs(out, grammar, undefined);
  return dedupe(out);
}
