// Azerbaijani inflection for scripts/lexicon/generate.js. Azerbaijani is agglutinative and regular:
// every form a frame needs is the verb stem plus suffixes chosen by vowel harmony (two-way a/ə,
// four-way ı/i/u/ü) with a buffer y or n after a vowel. The grammar file lists infinitives
// ("öldürmək", "məhv etmək", "baş* kəsmək": only the last word inflects) and, rarely, a flag:
//   short: true        the bare 2nd-person imperative is another word ("as" = English "as", "vur" hit)
//   ambiguous: true    the verb has an everyday sense too ("yandırmaq" to light, "vurmaq" to hit):
//                      its directive forms count only after a target, a frame or at clause start
//   jussive: false     the 3rd-person jussive folds to a common word ("ölsün" = "olsun", let it be)
// Forms and where they go (the engine folds ə→e, ı→i, ş→s, ç→c, ğ→g, ö→o, ü→u on both sides, so
// text typed without Azerbaijani letters matches: "gullelemek lazimdir"):
//   imperative 2pl "öldürün", 1pl "öldürək/öldürəx", jussive "öldürsün(lər)", passive jussive
//   "öldürülsün", necessitative "öldürməli(dir)", passive "öldürülməli(dir)", "öldürmək lazımdır"
//       → violence.call (a call by their form)
//   infinitive "öldürmək", bare imperative "öldür", "öldürməyə"
//       → violence.verb (after a frame) and violence.infinitive (after its target: "Rusları öldür!",
//         "hamısını güllələmək"; SOV puts the object first)
//   future and aorist 1st person "öldürəcəyəm", "öldürərik"            → violence.intent
//   past, evidential and present 3rd person "öldürdülər", "öldürüblər" → violence.reported
//   "<infinitive> istəyir", "<infinitive> üçün": someone's aim, reported or a purpose, which SOV puts
//       after the verb where cue.desire-report cannot see it           → figurative.idiom
// Dying verbs (`dying`): jussive "gəbərsin(lər)", "məhv olsun(lar)", necessitative "ölməlidir" →
// violence.call (ambiguous ones "yansın" only after a wish: violence.wish-verb); their futures and
// aorists "qırılacaq", "ölərlər" after a hope → violence.wish-verb; "nə vaxt gəbərəcəklər?" (and a
// killing verb's "nə vaxt öldürəcəklər?") → violence.call.
// Slogans (`nouns`): a target in the dative before the noun, "Putinə ölüm!", "Ruslara güllə!".

import { dedupe } from "../dedupe.js";
import { fileObjectVerbs } from "./objects.js";

const BACK = new Set(["a", "ı", "o", "u"]);
const VOWELS = "aıoueəiöü";

/** The last vowel of a word, or "" if it has none. */
function lastVowel(w) {
  for (let i = w.length - 1; i >= 0; i--) if (VOWELS.includes(w[i])) return w[i];
  return "";
}
/** Two-way harmony: "a" after a back vowel, "ə" after a front one. */
const A = (w) => (BACK.has(lastVowel(w)) ? "a" : "ə");
/** Four-way harmony: ı / u / i / ü. */
function I(w) {
  const v = lastVowel(w);
  if (v === "a" || v === "ı") return "ı";
  if (v === "o" || v === "u") return "u";
  if (v === "ö" || v === "ü") return "ü";
  return "i";
}
const endsVowel = (w) => VOWELS.includes(w[w.length - 1]);

/**
 * Adds a suffix written with harmony placeholders to a stem: "A" two-way, "I" four-way, "(y)" a
 * buffer after a vowel. "et" (do) becomes "ed" before a vowel. Harmony follows the word so far.
 */
function suffix(stem, pattern) {
  let w = stem;
  let p = pattern;
  if (p.startsWith("(y)")) {
    p = p.slice(3);
    if (endsVowel(w)) w += "y";
  }
  const first = p[0];
  if ((first === "A" || first === "I" || VOWELS.includes(first)) && /(^|\s)et$/.test(w)) w = `${w.slice(0, -1)}d`;
  for (const ch of p) {
    if (ch === "A") w += A(w);
    else if (ch === "I") w += I(w);
    else w += ch;
  }
  // The back/front ğ~y and q~k alternations: "-acağam" / "-əcəyəm", "-acağıq" / "-əcəyik", "-maq" / "-mək".
  // The future's k is q after a back vowel ("qıracaq", "qıracaqlar"; front "öldürəcək").
  return w.replace(/əcəğ/g, "əcəy").replace(/([əeiöü])q$/, "$1k").replace(/acak(lar)?$/, "acaq$1");
}

/** "öldürmək" → { head: "", stem: "öldür" }; "məhv etmək" → { head: "məhv ", stem: "et" }. */
function split(lemma) {
  const words = lemma.trim().split(/\s+/);
  const last = words.pop();
  const stem = last.replace(/m[aə][qk]$/, "");
  if (stem === last) throw new Error(`az: '${lemma}' is not an infinitive in -maq/-mək`);
  return { head: words.length ? `${words.join(" ")} ` : "", stem };
}

/** The passive stem: "öldürül", "güllələn", "edil", "silin". */
function passive(stem) {
  if (stem === "et" || stem.endsWith(" et")) return `${stem.slice(0, -2)}edil`;
  if (endsVowel(stem)) return `${stem}n`;
  if (stem.endsWith("l")) return suffix(stem, "In");
  return suffix(stem, "Il");
}

/** The dative of an infinitive: "öldürməyə", "asmağa". */
const datInf = (stem) => `${stem}${BACK.has(lastVowel(stem)) ? "mağa" : "məyə"}`;

/** Dative of a noun: "putinə", "rusiyaya", "ruslara". */
const dative = (noun) => suffix(noun, "(y)A");

/** Words after a verb that make an infinitive someone's aim or a purpose, not a call. */
const AIM = ["istəyir", "istəyirlər", "istəyib", "istəyiblər", "istəyirdi", "istəyirdilər", "üçün", "niyyətindədir", "planlaşdırır"];
/** Words after an infinitive that make it a call ("öldürmək lazımdır"). */
const MODAL_AFTER = ["lazımdır", "lazımdı", "lazım", "gərəkdir", "gərək", "vacibdir", "şərtdir"];
/** Objects after a bare imperative ("öldür onları"). */
const OBJECTS = ["onları", "onu", "hamısını", "bunları", "bunu", "hamısın"];

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
  const add = (lex, ...forms) => out[lex].push(...forms);

  for (const raw of grammar.verbs ?? []) {
    const v = typeof raw === "string" ? { lemma: raw } : raw;
    // A verb that names a method (shoot, hang, poison, burn, stab) is one in every form: "lője le".
    const mark = Object.fromEntries(Object.entries(out).map(([k, t]) => [k, t.length]));
    const { head, stem } = split(v.lemma);
    const f = (p) => head + suffix(stem, p);
    const inf = f("mAq");
    const imp = head + stem;
    const dat = head + datInf(stem);
    // Directives: an unambiguous verb's are calls anywhere; an ambiguous one's ("yandırın" light,
    // "vurun" hit) need a target before them, a frame, or the start of a clause.
    const direct = v.ambiguous ? "violence.infinitive" : "violence.call";
    add(direct, f("(y)In"), f("(y)InIz"), f("(y)Aq"), f("(y)Ax"), f("sIn"), f("sInlAr"), `${f("mAlI")}*`, `${dat} layiq*`);
    for (const o of OBJECTS) add(direct, `${imp} ${o}`);
    for (const m of MODAL_AFTER) add(direct, `${inf} ${m}`);
    // …and negated after it: "öldürmək lazım deyil" (it is not necessary to kill), whose negation the
    // phrase "öldürmək lazım" would take inside its own words: the whole negated phrase covers it.
    add("figurative.idiom", ...["lazım deyil", "lazım deyildir", "gərək deyil"].map((n) => `${inf} ${n}`));
    // Passive: "öldürülsün", "güllələnməlidir", "öldürülməyə layiqdir"; a verb in "etmək" has two
    // ("məhv edilməlidir" and "məhv olunmalıdır").
    const p = passive(head + stem);
    const ps = /(^|\s)et$/.test(head + stem) ? [p, `${head}olun`] : [p];
    for (const q of ps) {
      add(direct, suffix(q, "sIn"), suffix(q, "sInlAr"), `${suffix(q, "mAlI")}*`, `${datInf(q)} layiq*`, `${suffix(q, "mAq")} lazımdır`);
      add("violence.passive", datInf(q), suffix(q, "mIş"));
      // The future passive ("güllələnəcək", "məhv ediləcəklər"): a threat with a universal and a
      // target (call-future-passive), a forecast without.
      add("violence.future-passive", suffix(q, "(y)AcAk"), suffix(q, "(y)AcAklAr"));
    }
    // The rhetorical question that asks for it: "Niyə heç kim bu orkları öldürmür?", "niyə hələ də
    // güllələmirlər?" (the negation is the question's).
    if (!v.ambiguous) add("violence.call", `niyə ~4 ${f("mIr")}`, `niyə ~4 ${f("mIrlAr")}`, `niyə ~4 ${f("mAyIblAr")}`);
    // …and why nobody has done it yet: "Niyə hələ heç kim Putini öldürməyib?", "niyə bu vaxta qədər
    // heç kim onu güllələmədi?" (the negated perfect and past of the third person singular, with
    // "heç kim": without it "niyə öldürmədi?" may ask about a report).
    if (!v.ambiguous) add("violence.call", `niyə ~4 heç kim ~3 ${f("mAyIb")}`, `niyə ~4 heç kim ~3 ${f("mAdI")}`, `niyə ~4 heç kəs ~3 ${f("mAyIb")}`, `niyə ~4 heç kəs ~3 ${f("mAdI")}`);
    // A hope for what others will do: "ümid edirəm ki, ZSU onları məhv edəcək", "inşallah hamısını
    // qıracaqlar": a wish after a hope (cue.wish); "tez qıracaqlar" alone is a prediction.
    // An everyday verb's future ("rekordu qıracaq", "ocağı yandıracaq") only with a pronoun object.
    // The wish mood after "kaş": the wished past "kaş kimsə onu asaydı / asa idi", "kaş hamısını
    // güllələsəydilər", and the optative "kaş onları qıralar" (a wish only after kaş/qoy: cue.wish).
    add("violence.wish-verb", f("sAydI"), f("sAydIlAr"), f("(y)AydI"), f("(y)AydIlAr"), f("(y)AlAr"), `${f("(y)A")} idi`);
    if (!v.ambiguous) add("violence.wish-verb", f("(y)AcAk"), f("(y)AcAklAr"));
    else for (const o of OBJECTS) add("violence.wish-verb", `${o} ~1 ${f("(y)AcAk")}`, `${o} ~1 ${f("(y)AcAklAr")}`);
    // After a frame, or a target before it.
    add("violence.verb", inf, dat);
    add("violence.infinitive", inf);
    if (!v.short) add("violence.verb", imp), add("violence.infinitive", imp);
    // First person: "öldürəcəyəm", "öldürəcəm", "öldürərik".
    if (v.hyperbole) hyper.push(f("(y)AcAğAm"), f("(y)AcAm"), f("(y)Ar") + (BACK.has(lastVowel(f("(y)Ar"))) ? "am" : "əm"));
    add("violence.intent", f("(y)AcAğAm"), f("(y)AcAğIq"), f("(y)AcAm"), f("(y)AcAyIq"), f("(y)Ar") + (BACK.has(lastVowel(f("(y)Ar"))) ? "am" : "əm"), suffix(f("(y)Ar"), "Iq"));
    // Reported: "öldürdülər", "öldürüblər", "öldürürlər", "qırdıq".
    // The conditional of the speaker ("öldürərdim"), and starting to ("qırmağa başlayaq").
    add("violence.intent", suffix(f("(y)Ar"), "dIm"), suffix(f("(y)Ar"), "dIq"));
    for (const b of ["başlayaq", "başlayın", "başlayacağıq", "başlamalıyıq", "başlamaq lazımdır", "başlamaq vaxtıdır"]) add(direct, `${dat} ${b}`);
    // Waited for in a question: "nə vaxt öldürəcəklər bu işğalçıları?", "nə vaxt güllələyəcəklər?"
    if (!v.ambiguous) add("violence.call", `nə vaxt ~3 ${f("(y)AcAk")}`, `nə vaxt ~3 ${f("(y)AcAklAr")}`);
    // The present says what is done ("Ruslar uşaqları öldürür"): a report, and a word of its own, so
    // that the matcher never splits it into "öldür" + a suffix (the present 3sg beside the 3pl).
    if (v.reported !== false) add("violence.reported", f("dI"), f("dIlAr"), f("dIq"), f("(y)Ib"), f("(y)IblAr"), f("(y)Ir"), f("(y)IrlAr"), ...ps.flatMap((q) => [suffix(q, "dI"), suffix(q, "dIlAr")]));
    // Someone's aim, reported ("Ukraynanı məhv etmək istəyir"), or a purpose ("öldürmək üçün").
    for (const a of AIM) add("figurative.idiom", `${inf} ${a}`);
    add("figurative.idiom", `${dat} çalışır`, `${dat} çalışırlar`, `${dat} gəliblər`);
    if (v.method) for (const k of ["violence.call", "violence.verb", "violence.infinitive", "violence.passive"]) out.method.push(...out[k].slice(mark[k]));
  }

  for (const raw of grammar.dying ?? []) {
    const v = typeof raw === "string" ? { lemma: raw } : raw;
    const { head, stem } = split(v.lemma);
    const f = (p) => head + suffix(stem, p);
    const wish = [f("sInlAr")];
    if (v.jussive !== false) wish.push(f("sIn"));
    // "Kaş öləydi", "kaş gəbərsəydi": the wished past, a wish only after "kaş" ("ölsəydi" is also "if
    // he had died").
    add("violence.wish-verb", ...wish, f("(y)AydI"), f("(y)AydIlAr"), f("sAydI"), f("sAydIlAr"));
    // The future and the aorist, a wish after a hope ("ümid edirəm, hamısı qırılacaq", "inşallah donub
    // ölərlər"); a prediction without one. Waited for in a question ("nə vaxt gəbərəcəklər?").
    // An everyday verb's ("işıq yanacaq", the light will be on) only with its own words after it.
    const fut = [f("(y)AcAk"), f("(y)AcAklAr")];
    if (!v.ambiguous) {
      add("violence.wish-verb", ...fut, f("(y)Ar"), suffix(f("(y)Ar"), "lAr"));
      for (const x of fut) add("violence.call", `nə vaxt ~3 ${x}`);
    } else for (const t of v.then ?? []) for (const x of fut) add("violence.wish-verb", `${x} ~3 ${t}`, `${t} ~3 ${x}`);
    if (!v.ambiguous) {
      add("violence.call", ...wish, `${f("mAlI")}*`, `${head + datInf(stem)} layiq*`);
      if (!v.short) add("violence.call", f("(y)In"), head + stem);
    } else add("violence.infinitive", ...wish);
    add("violence.verb", f("mAq"), f("mAlI"));
    for (const t of v.then ?? []) for (const w of wish) add("violence.call", `${w} ~3 ${t}`, `${t} ~3 ${w}`);
    // an ambiguous verb's necessitative with its own words ("Ukrayna torpağında çürüməlidir", must rot in
    // the land), never alone ("meyvə çürüməlidir")
    if (v.ambiguous) for (const t of v.then ?? []) add("violence.call", `${t} ~3 ${f("mAlI")}*`);
  }

  for (const raw of grammar.nouns ?? []) {
    // { noun: ölüm, targets: [putin, ruslar, …] }: "Putinə ölüm!"
    for (const t of raw.targets ?? []) {
      const d = typeof t === "string" ? dative(t) : t.dative;
      add("violence.call", `${d} ${raw.noun}`);
    }
  }

  // Everyday hyperbole ("I'll kill my brother if he eats my pizza again", "megölöm a szomszédot"):
  // the speaker's own "I'll kill" aimed at someone of their daily life is set aside as an idiom.
  for (const obj of grammar.hyperbole?.objects ?? []) for (const f of hyper) add("figurative.idiom", `${f} ~2 ${obj}`, `${obj} ~2 ${f}`);
  fileObjectVerbs(out, grammar, undefined);
  return dedupe(out);
}
