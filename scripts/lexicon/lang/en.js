// English inflection for scripts/lexicon/generate.js. English verbs are regular enough that a
// lemma and, for the irregular ones, their past and participle give every form a call uses:
//   base        "kill"      after a modal ("should kill"), or an imperative opening a clause
//   -s          "kills"     in a wish ("may he die", "I hope he dies")
//   participle  "killed"    after "should be", "must be", "get" ("I hope you get shot")
//   -ing        "killing"   after "start", "keep" ("start killing them")
//   past        "killed"    reported ("troops killed civilians": whom it was done to is a victim)
// A lemma may carry `then`: words that follow every form ("beat ~2 to death", "string ~3 up").

const VOWEL = /[aeiou]/;

/** "kills", "crushes", "buries". */
function third(base) {
  if (/(s|sh|ch|x|z|o)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

/** Doubles a final consonant after a single stressed vowel: "stab" → "stabb-", "shoot" stays. */
function doubled(base) {
  return /^[^aeiou]*[aeiou][bdglmnprt]$/.test(base) ? base + base.slice(-1) : base;
}

/** "killed", "stabbed", "buried", "hanged". */
function regularPast(base) {
  if (base.endsWith("e")) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  return `${doubled(base)}ed`;
}

/** "killing", "stabbing", "burning", "dying". */
function gerund(base) {
  if (base.endsWith("ie")) return `${base.slice(0, -2)}ying`;
  if (base.endsWith("e") && !base.endsWith("ee") && VOWEL.test(base.slice(0, -1))) return `${base.slice(0, -1)}ing`;
  return `${doubled(base)}ing`;
}

const list = (v, fallback) => (v === undefined ? [fallback] : Array.isArray(v) ? v : [v]);
const withThen = (form, then) => (then ? `${form} ${then}` : form);

/** The subjects of an intent: the speaker's own future ("I'll kill", "we're gonna shoot"). */
const INTENT = ["i'll", "ill", "i will", "we'll", "we will", "i'm going to", "im going to", "we're going to", "i'm gonna", "im gonna", "we're gonna", "gonna", "i shall", "we shall"];
/** "I hope you get shot": a participle after "get" in a wish. */
const GET = ["get", "gets"];

/** Every form of every lemma of `grammar`, by the lexicon each form serves. */
export function inflect(grammar) {
  const out = { "violence.verb": [], "violence.passive": [], "violence.gerund": [], "violence.wish-verb": [], "violence.intent": [], "violence.reported": [] };
  for (const raw of grammar.verbs ?? []) {
    const v = typeof raw === "string" ? { lemma: raw } : raw;
    const base = v.lemma;
    const past = list(v.past, regularPast(base));
    const part = list(v.participle, past[0]);
    const then = v.then;
    out["violence.verb"].push(withThen(base, then));
    for (const p of part) {
      out["violence.passive"].push(withThen(p, then));
      for (const g of GET) out["violence.wish-verb"].push(withThen(`${g} ${p}`, then));
    }
    out["violence.gerund"].push(withThen(v.gerund ?? gerund(base), then));
    for (const s of INTENT) out["violence.intent"].push(withThen(`${s} ${base}`, then));
    if (v.reported !== false) for (const p of past) out["violence.reported"].push(withThen(p, then));
  }
  for (const raw of grammar.dying ?? []) {
    const v = typeof raw === "string" ? { lemma: raw } : raw;
    for (const f of [v.lemma, v.third ?? third(v.lemma)]) out["violence.wish-verb"].push(withThen(f, v.then));
  }
  return out;
}
