// Verbs that are violent only through their object, for scripts/lexicon/generate.js: burning,
// tearing apart, grinding into mince, crushing, burying, wiping out, mowing down, finishing off,
// skinning, gutting, strangling, drowning, poisoning, gassing. "Burn the fields", "bury grandma",
// "grind the beef" are no calls; "burn them", "хай палять тих окупантів", "trzeba ich tępić" are.
//
// A grammar lists them under `object-verbs:`, as lemmas the language's module inflects (its
// `derive`) or, where no module derives them, with their forms by slot. Every form is filed under
// one of four lexicons by the frame it needs; the signals of rules/shared/object-verbs.yaml then
// require a person or a group as the object (a target word, an object pronoun, a person noun):
//
//   call   violence.object-call    a call by its form: imperative (2nd person, 1st plural), the
//                                  speaker's future ("спалимо", "zakopię", "we'll bury")
//   inf    violence.object-inf     needs a call frame before it or the start of its clause: the
//                                  infinitive ("треба закопати", "trzeba tępić"), the English base,
//                                  the passive participle after "should be"
//   third  violence.object-third   needs a wish or jussive before it ("хай палять", "нехай рве",
//                                  "niech spalą", "I hope our drones grind"): the 3rd person
//   part   violence.object-passive needs a call frame before it: the passive participle ("should
//                                  be buried alive", "мають бути закопані")
//
// An entry with `kind: beat` files its forms under the beating lexicons instead (a beating counts
// only with a result that makes it serious: "to death", "half to death", "into a coma", "till he
// stops moving" — cue.until-down, rules/shared/threats.yaml): call and inf under violence.beat, third
// under violence.beat-third, part under violence.beat-passive. An entry with `kind: maim` files them
// under violence.maim-call, -inf, -third, -passive: breaking, smashing, cutting off, gouging out,
// counted only with a person's body part as the object (cue.maim-part, rules/shared/harm.yaml).
//
// An entry may carry `then` (words after every form: "~3 to pieces", "~2 на шматки"; a list gives
// one term each, "" keeps the bare form), `no` (slots not to make: [third], [inf]…) and `drop`
// (forms that are other words: Polish "spal" folds onto "spał").

import { dedupe } from "../dedupe.js";

export const OBJECT_LEXICONS = { call: "violence.object-call", inf: "violence.object-inf", third: "violence.object-third", part: "violence.object-passive" };
export const KIND_LEXICONS = {
  beat: { call: "violence.beat", inf: "violence.beat", third: "violence.beat-third", part: "violence.beat-passive" },
  maim: { call: "violence.maim-call", inf: "violence.maim-inf", third: "violence.maim-third", part: "violence.maim-passive" },
};
const SLOTS = Object.keys(OBJECT_LEXICONS);

const list = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Files the forms of every `object-verbs:` entry of `grammar` into `out`. `derive(entry)` gives
 * { call, inf, third, part } for an entry with a lemma in the languages whose module inflects it.
 */
export function fileObjectVerbs(out, grammar, derive) {
  const names = new Set([...Object.values(OBJECT_LEXICONS), ...Object.values(KIND_LEXICONS).flatMap((k) => Object.values(k))]);
  for (const name of names) out[name] ??= [];
  for (const raw of grammar["object-verbs"] ?? []) {
    const e = typeof raw === "string" ? { lemma: raw } : raw;
    if (e.kind !== undefined && !KIND_LEXICONS[e.kind]) throw new Error(`object-verbs: unknown kind '${e.kind}'`);
    const lexicons = e.kind ? KIND_LEXICONS[e.kind] : OBJECT_LEXICONS;
    const slots = { call: [], inf: [], third: [], part: [] };
    if (e.lemma !== undefined) {
      if (!derive) throw new Error(`object-verbs: this language lists forms by slot (call, inf, third), not lemmas ('${e.lemma}')`);
      const d = derive(e);
      for (const k of SLOTS) slots[k].push(...list(d[k]).filter(Boolean));
    }
    for (const k of SLOTS) slots[k].push(...list(e[k]));
    const no = new Set(list(e.no));
    const drop = new Set(list(e.drop));
    for (const k of no) if (!SLOTS.includes(k)) throw new Error(`object-verbs: unknown slot '${k}'`);
    const thens = e.then === undefined ? [""] : list(e.then);
    for (const k of SLOTS) {
      if (no.has(k)) continue;
      for (const f of slots[k]) if (!drop.has(f)) for (const t of thens) out[lexicons[k]].push(t ? `${f} ${t}` : f);
    }
  }
  // "dobija" and "dobiją" are one term once diacritics are folded: keep the first.
  const mine = Object.fromEntries([...names].map((n) => [n, out[n]]));
  Object.assign(out, dedupe(mine));
  return out;
}
