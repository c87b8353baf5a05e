// Estonian inflection for scripts/lexicon/generate.js. Estonian is agglutinative but its stems
// change by consonant gradation (tappa / tapan / tapetud, lüüa / löö / lõi), so stems with a wildcard
// would be both too short and wrong ("tap*" is also "tapeet", wallpaper): the grammar gives each verb's
// principal parts, as a dictionary does, and the module derives every person from them.
//   ma     ma-infinitive ("tapma": after "peab", "hakkame")
//   da     da-infinitive ("tappa": after "tuleb", "tuleks", "on vaja", "võiks", "tahaks")
//   pres   present stem = 2sg imperative ("tapa"): 1sg tapan, 1pl tapame, 3sg tapab, 3pl tapavad,
//          conditional tapaks / tapaksin
//   imp    2pl imperative ("tapke"): 1pl tapkem, jussive tapku ("let them kill")
//   tud    passive participle ("tapetud"): impersonal jussive tapetagu ("let them be killed"),
//          impersonal past tapeti
//   past   3sg and 3pl past ("tappis", "tapsid")
//   particle  the adverb that completes the verb ("maha lasta", "üles puua", "surnuks peksta",
//          "põlema panna"), before or after it, with up to three words between in a command
//          ("laske nad kõik maha"); `required: false` when the verb is violent without it ("tappa")
// Where the forms go:
//   2pl and 1pl commands, jussives ("laske maha", "tapkem", "tapetagu") → violence.call
//   infinitives → violence.verb (after a modal) and violence.infinitive (right after the target:
//       "Kõik okupandid maha lasta!"); the bare 2sg command ("Tapa!") → violence.verb
//   participles → violence.passive; 1st-person present and conditional ("lasen su maha",
//       "tapaksin") → violence.intent; past and present 3rd persons → violence.reported; present 3rd persons
//       (also the future) → violence.wish-verb too, for a wish or a promise ("meie poisid lasevad nad maha")
// Dying verbs: their jussive ("surgu", "kärvagu") → violence.call; present and conditional ("las ta
// sureb", "loodan, et ta kärvab", "kui ta ometi sureks") → violence.wish-verb; ma-/da-infinitives
// ("peab surema") → violence.verb.

import { dedupe } from "../dedupe.js";
import { fileObjectVerbs } from "./objects.js";

const list = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** "tapke" → "tapku", "pooge" → "poogu". */
const jussive = (imp) => imp.replace(/e$/, "u");
/** "tapetud" → "tapetagu", "lastud" → "lastagu", "poodud" → "poodagu". */
const impersonalJussive = (tud) => tud.replace(/([td])ud$/, "$1agu");
/** "tapetud" → "tapeti", "poodud" → "pooti". */
const impersonalPast = (tud) => tud.replace(/dud$/, "ti").replace(/tud$/, "ti");

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
  /** The speaker's "I'll kill" of verbs marked `hyperbole`, for the idioms below. */
  const hyper = [];
  const add = (lex, ...terms) => out[lex].push(...terms.flat());

  for (const v of grammar.verbs ?? []) {
    // A verb that names a method (shoot, hang, poison, burn, stab) is one in every form: "lője le".
    const mark = Object.fromEntries(Object.entries(out).map(([k, t]) => [k, t.length]));
    const p = v.particle;
    const thens = list(v.then);
    // A form with its particle: after it for a finite verb ("laske ~3 maha"), before or after for an
    // infinitive or participle ("maha lasta", "lasta maha"); also alone when the particle is optional.
    const finite = (f, gap = 3) => {
      const forms = p ? [`${f} ~${gap} ${p}`, ...(v.required === false ? [f] : [])] : [f];
      return [...forms, ...forms.flatMap((x) => thens.map((t) => `${x} ~2 ${t}`))];
    };
    const nonfinite = (f) => {
      // The object may stand between an infinitive and its particle ("lasta kõik maha", "lasta need
      // maha"); not for the ambiguous ones, whose everyday objects (things) are read as idioms.
      const after = v.ambiguous ? `${f} ${p}` : `${f} ~2 ${p}`;
      const forms = p ? [`${p} ${f}`, after, ...(v.required === false ? [f] : [])] : [f];
      return [...forms, ...forms.flatMap((x) => thens.map((t) => `${x} ~2 ${t}`))];
    };
    const direct = v.ambiguous ? "violence.infinitive" : "violence.call";
    add(direct, finite(v.imp), finite(`${v.imp}m`), finite(`${v.pres}me`, 3), finite(jussive(v.imp)), finite(impersonalJussive(v.tud), 2));
    add(direct, nonfinite(impersonalJussive(v.tud)));
    add("violence.verb", nonfinite(v.da), nonfinite(v.ma), finite(v.pres, 2));
    add("violence.infinitive", nonfinite(v.da));
    add("violence.passive", nonfinite(v.tud));
    // With the particle after the object too ("tapan oma venna ära"), so that the idiom covers the
    // whole intent "tapan ~2 ära" and not only a part of it.
    if (v.hyperbole) for (const x of [`${v.pres}n`, `${v.pres}me`, `${v.pres}ksin`]) hyper.push(x, ...(p ? [{ f: x, after: p }] : []));
    // "Millal me neid tapma hakkame?", "maha laskma hakkame": the ma-infinitive before "we start".
    add(v.ambiguous ? "violence.infinitive" : "violence.intent", nonfinite(v.ma).flatMap((f) => [`${f} hakkame`, `${f} hakkate`]));
    add("violence.intent", finite(`${v.pres}n`, 2), finite(`${v.pres}me`, 3), finite(`${v.pres}ksin`, 2), finite(`${v.pres}ksime`, 2));
    // The 3rd-person present, which is also the future, after a wish or a promise: "loodan, et nad
    // lasevad nad maha", "meie poisid leiavad nad üles ja lasevad kõik maha" (not the ambiguous verbs).
    if (!v.ambiguous) add("violence.wish-verb", finite(`${v.pres}b`, 2), finite(`${v.pres}vad`, 3));
    // The wish mood, the conditional after "oh et" / "kui ometi" / "las": "oh et keegi Putini maha
    // laseks", "kui nad ometi kõik üles poodaks" (a wish only after cue.wish: "kui ta laseks" is a condition).
    // The particle may stand before it as in a subordinate clause ("et keegi ta maha laseks").
    if (!v.ambiguous) add("violence.wish-verb", finite(`${v.pres}ks`, 3), finite(`${v.pres}ksid`, 3), ...(p ? [`${p} ${v.pres}ks`, `${p} ${v.pres}ksid`] : []));
    if (v.reported !== false) {
      const rep = [...list(v.past), `${v.pres}vad`, impersonalPast(v.tud)];
      add("violence.reported", rep.flatMap((f) => (p ? [`${f} ${p}`, `${p} ${f}`, ...(v.required === false ? [f] : [])] : [f])));
    }
    // Things set burning between the command and its particle ("pane küünal põlema", "pange tuled
    // põlema"): idioms that start with the command, as an exclusion must not lie inside the call.
    if (p) for (const o of list(v.things)) for (const f of [v.pres, v.imp, `${v.pres}me`, `${v.pres}n`, jussive(v.imp)]) add("figurative.idiom", `${f} ~1 ${o} ~1 ${p}`);
    // …and the same things before the infinitive with its particle, where a modal puts the object
    // first ("pildid tuleb seinale üles riputada", "jõulutuled tuleks üles riputada").
    if (p) for (const o of list(v.things)) for (const f of [v.da, v.ma]) add("figurative.idiom", `${o} ~3 ${p} ${f}`);
    if (v.method) for (const k of ["violence.call", "violence.verb", "violence.infinitive", "violence.passive"]) out.method.push(...out[k].slice(mark[k]));
  }

  for (const v of grammar.dying ?? []) {
    const p = v.particle;
    const thens = list(v.then);
    const withP = (f, gap = 2) => (p ? [`${f} ~${gap} ${p}`, ...(v.required === false ? [f] : [])] : [f]);
    const juss = withP(v.jussive);
    add(v.ambiguous ? "violence.wish-verb" : "violence.call", juss);
    for (const j of [v.jussive, ...juss]) for (const t of thens) add("violence.call", `${j} ~4 ${t}`, `${t} ~1 ${j}`);
    // The commands: "kärvake!", "sure ära!" (bare "sure" and "surge" are English words).
    add("violence.call", [v.pres, v.imp].flatMap((f) => (v["bare-imperative"] === false ? (p ? [`${f} ~2 ${p}`] : []) : withP(f))));
    add("violence.wish-verb", list(v.wish), v.jussive);
    add("violence.verb", list(v.wish), v.ma, v.da);
  }

  for (const raw of grammar.nouns ?? []) {
    // { noun: surm, targets: [okupantidele, …] }: the slogan with its target first, "Putinile surm!".
    for (const t of raw.targets ?? []) add("violence.call", `${t} ${raw.noun}`);
  }

  // Everyday hyperbole ("I'll kill my brother if he eats my pizza again", "megölöm a szomszédot"):
  // the speaker's own "I'll kill" aimed at someone of their daily life is set aside as an idiom.
  for (const obj of grammar.hyperbole?.objects ?? []) {
    for (const f of hyper) {
      if (typeof f === "string") add("figurative.idiom", `${f} ~2 ${obj}`, `${obj} ~2 ${f}`);
      else add("figurative.idiom", `${f.f} ~2 ${obj} ~2 ${f.after}`);
    }
  }
  fileObjectVerbs(out, grammar, undefined);
  return dedupe(out);
}
