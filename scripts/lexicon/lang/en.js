// English inflection for scripts/lexicon/generate.js. English verbs are regular enough that a
// lemma and, for the irregular ones, their past and participle give every form a call uses:
//   base        "kill"      after a modal ("should kill"), or an imperative opening a clause
//   -s          "dies"      in a wish ("may he die", "I hope he dies", "I hope someone shoots him")
//   participle  "killed"    after "should be", "must be", "get" ("I hope you get shot")
//   -ing        "killing"   after "start", "keep" ("start killing them")
//   you + part. "you'll get shot"  a threat in the second person (filed with the intents)
//   past        "killed"    reported ("troops killed civilians": whom it was done to is a victim)
// `similes` ("like rats") follow every verb with a bare form, and make the `simile-verbs` ("crush")
// violent. `before-passive` lists participles that precede a killing one ("should be tried ~4 and shot").
// A compound lemma inflects its last word ("carpet bomb" → "carpet bombed"). A lemma may carry:
//   then      words that follow every form ("beat ~3 to death"); a list makes one term for each, and
//             "" in the list keeps the bare form
//   particle  a phrasal verb's particle, which may stand before or after the object: "gun ~3 down"
//             matches "gun down the …" and "gun them down"; passive "gunned down"
//   objects   body parts: "break ~3 neck", and the passive with the part first, the English
//             causative ("needs his neck broken", "I hope he gets his legs broken")
//   gap       how many words a phrasal verb's object may have between verb and particle (default 3)
//   reported  false when the past is no report of violence ("they put up a wall")
import { fileObjectVerbs } from "./objects.js";

/** The -s form of a verb: "kills", "crushes", "buries", "goes". */
function third(base) {
  if (/(s|sh|ch|x|z|o)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

/**
 * Doubles a final consonant after a single short vowel in a one-syllable verb: "stab" → "stabb-",
 * "gas" → "gass-", "whip" → "whipp-"; "shoot", "kill", "bomb", "murder" stay. (Two-syllable verbs
 * stressed on the last syllable, "kidnap", list their forms.)
 */
function doubled(base) {
  return /^[^aeiou]*[aeiou][bdglmnprst]$/.test(base) ? base + base.slice(-1) : base;
}

/** "killed", "stabbed", "buried", "hanged", "executed". */
function regularPast(base) {
  if (base.endsWith("e")) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  return `${doubled(base)}ed`;
}

/** "killing", "stabbing", "burning", "dying", "executing", "fleeing". */
function gerund(base) {
  if (base.endsWith("ie")) return `${base.slice(0, -2)}ying`;
  if (base.endsWith("e") && !base.endsWith("ee") && /[aeiou]/.test(base.slice(0, -1))) return `${base.slice(0, -1)}ing`;
  return `${doubled(base)}ing`;
}

const list = (v, fallback) => (v === undefined ? [fallback] : Array.isArray(v) ? v : [v]);
const join = (...parts) => parts.filter((p) => p !== "").join(" ");

/** A compound lemma inflects its last word: f("carpet bomb", regularPast) = "carpet bombed". */
function onLast(lemma, f) {
  const i = lemma.lastIndexOf(" ");
  return i < 0 ? f(lemma) : `${lemma.slice(0, i + 1)}${f(lemma.slice(i + 1))}`;
}

/**
 * The subjects of an intent: the speaker's own future ("I'll kill", "ill kill"). Only the commonest:
 * every other first-person future ("I'm gonna", "we're going to", "imma", "I shall") is in
 * cue.call-frame, which makes a following violent verb a call anyway, so listing each verb after
 * each of them again would only multiply terms.
 */
const INTENT = ["ill", "i'll", "i will", "we'll", "we will"];
/** The speaker's present as a plan ("I'm putting him in the ground"). */
const NOW = ["i'm", "im", "i am", "we're", "we are"];
/**
 * The plain present of "we" as a plan or the answer to a condition ("if they cross, we flatten
 * Moscow", "we send them home in body bags"): only a locution (a `then`) of a verb whose past is a
 * report of violence, so that "we make 200 pizzas" or "we take the kids out" stay clear.
 */
const WE = ["we"];
/** Locutions that "we" also uses of things or games: "we drive over the bridge", "we feed the leftovers to the dogs", "we beat the hell out of them 5-0". */
const WE_SKIP = new Set(["drive", "feed", "throw", "push", "beat", "kick", "set", "stick", "shove", "punch", "smack", "slap", "rip", "tear", "stomp", "whip", "purge", "drone", "poison"]);
/**
 * The speaker's near future, for the verbs of everyday hyperbole only (`hyperbole` in the grammar:
 * "I'm gonna kill my brother lol", "imma strangle him"): these are calls already through
 * cue.call-frame; filed with the intents too, they are the poster's own intent, which a joke marker
 * in the post sets aside (rules/shared/signals.yaml), as it does for "I'll kill him lol"; with the
 * adverbs of hyperbole too ("one more time and I will actually murder him").
 */
const SOON = ["i'm gonna", "im gonna", "imma", "i'm going to", "im going to", "i will ~1!never,not,no", "i'll ~1!never,not,no"];
/**
 * The speaker's own gap never swallows a reflexive: "I'm throwing myself off the nearest bridge" is
 * despair about a football club, not a threat ("i'm throwing ~3!myself,ourselves off ~2 bridge").
 */
const selfless = (phrase) => !/\b(off|front|under|into|overboard|fire|alight|ablaze)\b/.test(phrase) ? phrase : phrase.replace(/^~(\d+)(?=\s|$)/, "~$1!myself,ourselves");
/** A threat in the second person: "you'll get shot", "you will be killed" (plain verbs only). */
const YOU = ["you'll get", "you will get", "you'll be", "you will be", "you're gonna get", "you're going to get", "you are going to get", "you gonna get", "ur gonna get", "u will get", "u will be", "ull get", "u gonna get", "u r gonna get"];
/** Asking why no one has done it yet: "why hasn't anyone shot him", "why has nobody killed her". */
const WHY = ["why hasn't anyone", "why hasnt anyone", "why hasn't anybody", "why hasnt anybody", "why hasn't someone", "why hasnt someone", "why has nobody", "why has no one", "why has noone"];
/** A future passive with a pronoun subject: "they will be shot", "he'll be hunted down". */
const FUTURE = ["they will be", "they'll be", "they will all be", "they'll all be", "they are going to be", "they're gonna be", "he will be", "he'll be", "he's gonna be", "she will be", "she'll be", "all of you will be"];
/** "I hope you get shot": a participle after "get" in a wish. */
const GET = ["get", "gets"];

/**
 * The shapes one lemma takes before its `then`: [active, passive] pairs where `active` is what
 * follows the verb form (the particle after up to three words of object, or the body part) and
 * `passive` what follows or precedes the participle.
 */
function shapes(v) {
  if (v.particle) return [{ active: `~${v.gap ?? 3} ${v.particle}`, passive: (p) => `${p} ${v.particle}` }];
  if (v.objects) {
    // a body part with a particle also takes the particle first: "cut off his hands", "kick in their
    // teeth", "gouge out his eyes" (active only: the passive is "hands cut off")
    const moved = list(v.objects).filter((o) => /^\S+ (in|off|out)$/.test(o)).map((o) => {
      const [part, particle] = o.split(" ");
      return { active: `${particle} ~2 ${part}`, passive: null, partFirst: true };
    });
    return moved.concat(list(v.objects).map((o) => {
      const [part, ...rest] = o.split(" ");
      // "break ~3 neck" / "neck broken"; "cut ~3 head off" / "head cut off"
      return { active: `~3 ${o}`, passive: (p) => join(part, p, ...rest), partFirst: true };
    }));
  }
  return [{ active: "", passive: (p) => p }];
}

/** The speaker's own future or plan, before a verb whose object makes it violent ("we'll bury them"). */
const OBJECT_INTENT = ["i'll", "ill", "i will", "we'll", "we will", "i'm gonna", "im gonna", "i am going to", "we're gonna", "were gonna", "we are going to", "we're going to", "let's", "lets", "let us", "i'd", "i would", "we'd", "we would", "i'm going to", "we shall"];

/**
 * The forms of an object verb (scripts/lexicon/lang/objects.js): a lemma whose FIRST word inflects
 * ("tear apart", "wipe out"; `particle` also after the object: "wipe ~3 out"), its base after a
 * frame or opening a clause, its -s form and base after a wish, the speaker's future.
 */
function enObjects(e) {
  const [head, ...rest] = e.lemma.split(" ");
  const tail = rest.join(" ");
  const shapesOf = (w) => (e.particle ? [join(w, e.particle), join(w, `~5 ${e.particle}`)] : [join(w, tail)]);
  const base = shapesOf(head);
  const third3 = shapesOf(third(head));
  const part = list(e.participle, regularPast(head)).flatMap((p) => (e.particle ? [join(p, e.particle)] : [join(p, tail)]));
  return {
    call: OBJECT_INTENT.flatMap((s) => base.map((b) => join(s, b))),
    inf: base,
    part,
    third: [...base, ...third3],
  };
}

/** Every form of every lemma of `grammar`, by the lexicon each form serves. */
export function inflect(grammar) {
  const out = { "violence.verb": [], "violence.passive": [], "violence.gerund": [], "violence.wish-verb": [], "violence.intent": [], "violence.reported": [] };
  for (const raw of grammar.verbs ?? []) {
    const v = typeof raw === "string" ? { lemma: raw } : raw;
    const base = v.lemma;
    const past = list(v.past, onLast(base, regularPast));
    const part = list(v.participle, past[0]);
    const ing = v.gerund ?? onLast(base, gerund);
    for (const then of list(v.then, "")) {
      for (const s of shapes(v)) {
        out["violence.verb"].push(join(base, s.active, then));
        // "I hope someone shoots him", "hope a truck runs her over"
        out["violence.wish-verb"].push(join(onLast(base, third), s.active, then));
        out["violence.gerund"].push(join(ing, s.active, then));
        for (const subject of INTENT) out["violence.intent"].push(join(subject, base, then ? selfless(join(s.active, then)) : s.active));
        // "I'm putting that traitor in the ground": the present as a plan, only for the locutions (a
        // bare "I'm killing" is mostly "I'm killing it")
        if (then || s.active) for (const subject of NOW) out["violence.intent"].push(join(subject, ing, then ? selfless(join(s.active, then)) : s.active));
        if (then && v.reported !== false && !WE_SKIP.has(base)) for (const subject of WE) out["violence.intent"].push(join(subject, base, s.active, then));
        for (const p of s.passive ? part : []) {
          out["violence.passive"].push(join(s.passive(p), then));
          // "I hope you get shot", "I hope he gets his legs broken"
          for (const g of GET) out["violence.wish-verb"].push(join(g, s.partFirst ? `~2 ${s.passive(p)}` : s.passive(p), then));
          // "you'll get shot", "you will be strung up"
          if (!s.partFirst && !then) for (const y of YOU) out["violence.intent"].push(join(y, s.passive(p)));
          // "traitors will be shot on sight", "they will all be beaten to death": any subject, when the
          // complement leaves no other reading (only verbs whose past is a report of violence)
          if (!s.partFirst && then && v.reported !== false) for (const f of ["will be", "will all be"]) out["violence.intent"].push(join(f, s.passive(p), then));
        }
        if (v.reported !== false) for (const p of past) out["violence.reported"].push(join(p, s.active, then));
      }
    }
  }
  for (const base of grammar.hyperbole ?? []) for (const subject of SOON) out["violence.intent"].push(`${subject} ${base}`);
  // "I'm killing him myself": the present as a plan, with a personal pronoun as whom it is done to
  for (const base of grammar["present-intent"] ?? []) {
    for (const subject of NOW) for (const o of grammar["present-objects"] ?? []) out["violence.intent"].push(`${subject} ${gerund(base)} ${o}`);
  }
  // "kill them like rats", "crush them like cockroaches": a simile of extermination
  const similes = list(grammar.similes, undefined).filter(Boolean);
  for (const raw of grammar.verbs ?? []) {
    const v = typeof raw === "string" ? { lemma: raw } : raw;
    if (v.objects || !list(v.then, "").includes("")) continue;
    for (const s of shapes(v)) for (const like of similes) out["violence.verb"].push(join(v.lemma, s.active, `~3 like ${like}`));
  }
  for (const base of grammar["simile-verbs"] ?? []) for (const like of similes) out["violence.verb"].push(`${base} ~3 like ${like}`);
  // "tried for treason and shot": a participle before the killing one, in a coordinated passive, for
  // every verb that has a bare form
  const lemmaOf = (raw) => (typeof raw === "string" ? { lemma: raw } : raw);
  /** A verb's past participles, given or regular ("shot", "hanged", "killed"). */
  const pastParticiples = (v) => list(v.participle, list(v.past, onLast(v.lemma, regularPast))[0]);
  const verbs = (grammar.verbs ?? []).map(lemmaOf);
  const plain = verbs.filter((v) => !v.particle && !v.objects && list(v.then, "").includes(""));
  for (const before of grammar["before-passive"] ?? []) {
    for (const v of plain) for (const p of pastParticiples(v)) out["violence.passive"].push(`${before} and ${p}`);
  }
  // "should be sent to Guantanamo and tortured", "sent back or shot": a killing participle
  // coordinated with any other after a call frame (the frame still has to come before it)
  for (const v of plain) for (const p of pastParticiples(v)) for (const c of ["and", "or"]) out["violence.passive"].push(`${c} ${p}`);
  // "should be yanked out of the car and beaten half to death", "dragged down the street and hanged
  // from a lamp post": the same with a verb's locution (its `then`), which makes even "beat" a killing
  for (const v of verbs) {
    if (v.particle || v.objects) continue;
    for (const then of list(v.then, "").filter((t) => t !== "")) {
      for (const p of pastParticiples(v)) out["violence.passive"].push(`and ${p} ${then}`);
    }
  }
  // "why hasn't anyone shot him yet?": asking why no one has done it is asking for it
  out["violence.call"] = [];
  for (const v of plain) for (const p of pastParticiples(v)) for (const q of WHY) out["violence.call"].push(`${q} ~3 ${p}`);
  // "they will be hunted down", "he'll be shot": the future passive with a pronoun subject, every
  // verb; "traitors will be shot" with any subject, only the lemmas of `future-passive`
  const participles = (v) => pastParticiples(v).map((p) => (v.particle ? `${p} ${v.particle}` : p));
  const futureOf = new Set(grammar["future-passive"] ?? []);
  const seen = new Set();
  for (const v of verbs) {
    if (v.objects || !list(v.then, "").includes("")) continue;
    const name = v.particle ? `${v.lemma} ${v.particle}` : v.lemma;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const p of participles(v)) {
      for (const subject of FUTURE) out["violence.intent"].push(`${subject} ${p}`);
      if (futureOf.has(name)) for (const f of ["will be", "will all be", "shall be", "are going to be", "will get"]) out["violence.intent"].push(`${f} ${p}`);
    }
  }
  // "you fat cow go hang yourself": an insult before the imperative still lets it open its clause
  out["cue.clause-opener"] = [];
  for (const w of grammar.vocatives ?? []) {
    out["cue.clause-opener"].push(`you ${w}`, `you ~2 ${w}`);
    for (const a of grammar["vocative-adjectives"] ?? []) out["cue.clause-opener"].push(`${a} ${w}`);
  }
  for (const raw of grammar.dying ?? []) {
    const v = typeof raw === "string" ? { lemma: raw } : raw;
    for (const then of list(v.then, "")) {
      for (const f of [v.lemma, v.third ?? third(v.lemma)]) out["violence.wish-verb"].push(join(f, then));
    }
  }
  fileObjectVerbs(out, grammar, enObjects);
  return out;
}
