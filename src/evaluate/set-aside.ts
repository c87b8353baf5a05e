/**
 * Why a candidate of a target signal is not aimed at by the calls of its sentence: spared ("not the
 * civilians"), a victim (avenged, described by a relative clause, suffering a reported act), or who
 * speaks a quoted call. Split from targets.ts, which aims the calls at what is left.
 */
import type { LexMatch } from "../match/index.js";
import type { Tokens } from "../text/tokenise.js";
import { anyStartIn, type Candidate, countBefore, firstFrom, type TargetRole, lastBefore, type Post } from "./target-post.js";

/** How many words before a target a sparing word ("not the", "except") may stand. */
const SPARE_REACH = 2;
/**
 * How many words may stand between a candidate and a sparing phrase after it in its clause
 * ("მშვიდობიან ხალხს კი ხელი არ ახლოთ": "ხალხს კი"), or before it ("не чіпайте мирних"), with no
 * other candidate between them ("окупантов, а мирных не трогайте" spares the civilians only).
 */
const SPARE_AROUND_REACH = 2;
/** How many words after a reported act ("shelled", "killed") its object may stand. */
const ACT_REACH = 3;
/**
 * Languages that put the object before its verb (Georgian, Armenian, Azerbaijani): there a group
 * right before a reported act is what the act was done to ("Ruslar uşaqları öldürür": the children
 * are victims), as the group right after one is in the others.
 */
const OBJECT_BEFORE_VERB: ReadonlySet<string> = new Set(["ka", "hy", "az"]);
/**
 * How many words may stand between such an object and its reported act: none, or the subject
 * before the object ("rusebi ukrainas bombaven") would pass for a victim too.
 */
const OBJECT_REACH = 0;
/**
 * Languages that may put a case-marked object before its verb, with the ending that marks it: in
 * Hungarian the accusative "-t" ("gyerekeket gyilkolnak": the children are victims), which the
 * subject before a verb never bears ("az oroszok lerohanták").
 */
const MARKED_OBJECT_BEFORE_VERB: ReadonlyMap<string, RegExp> = new Map([["hu", /t$/]]);
/**
 * Auxiliaries that may stand between an object and its reported act in an object-before-verb
 * language: Armenian "երեխաներ են սպանում" ("[they] are killing children").
 */
const AUXILIARIES: ReadonlyMap<string, ReadonlySet<string>> = new Map([["hy", new Set(["եմ", "ես", "է", "ենք", "եք", "են", "էի", "էիր", "էր", "էինք", "էիք", "էին"])]]);
/**
 * How many words after a word that opens what a call avenges ("for our", "за кожну") its victim
 * may stand: right after it ("za każdą matkę"; an adjective between is in the cue's own phrases,
 * "za każd* ukraińsk*"), so that "za nasze dzieci okupantów" and "za każdy zbombardowany blok
 * ruscy" keep their targets.
 */
const AVENGED_REACH = 1;
/** The words of a match, as the explanations quote them. */
export function said(tokens: Tokens, p: LexMatch): string {
  return tokens.words.slice(p.t0, p.t1).join(" ");
}

/** True when a candidate of another signal than `signal` starts in words [from, to) of sentence `s`. */
function otherBetween(a: Post, s: number, from: number, to: number, signal: number): boolean {
  const o = a.inOrder.get(s);
  if (!o) return false;
  for (let i = countBefore(o.matches, from); i < o.matches.length && (o.matches[i] as LexMatch).t0 < to; i++) if ((o.entries[i] as Candidate).signal !== signal) return true;
  return false;
}

/** Why a candidate in sentence `s` is not aimed at (a victim, spared), or null. */
export function setAside(a: Post, x: LexMatch, s: number, signal: number): { role: TargetRole; why: string } | null {
  const tokens = a.tokens;
  const sp = lastBefore(a.spare.get(s), x.t0);
  // "Not one invader…": the "not" of a negated quantifier that covers it spares nobody.
  const q = sp && lastBefore(a.quantifiers.get(s), sp.t0 + 1);
  if (sp && x.t0 - sp.t1 < SPARE_REACH && !(q && q.t1 > sp.t0)) return { role: "spared", why: `spared: "${said(tokens, sp)}" before it` };
  // "A civileket hagyjátok békén", "не чіпайте мирних": a sparing phrase next to it in its clause.
  const around = a.spareAround.get(s);
  if (around) {
    const cl = tokens.clause[x.t0];
    const after = firstFrom(around, x.t1);
    if (after && after.t0 - x.t1 <= SPARE_AROUND_REACH && tokens.clause[after.t0] === cl && !otherBetween(a, s, x.t1, after.t1, signal)) return { role: "spared", why: `spared: "${said(tokens, after)}" after it` };
    // Before it, or around it ("leave the civilians alone", a phrase with a gap).
    const before = lastBefore(around, x.t0);
    if (before && (before.t1 >= x.t1 || (x.t0 - before.t1 <= SPARE_AROUND_REACH && tokens.clause[before.t1 - 1] === cl && !otherBetween(a, s, before.t0, x.t0, signal)))) return { role: "spared", why: `spared: "${said(tokens, before)}" around it` };
  }
  const calls = a.callsBySentence.get(s);
  // "Za każdą ukraińską matkę … ruscy mają płacić krwią", "for every child of Mariupol": whom a
  // call avenges, named after the word that opens it in its clause (or before its postposition:
  // "iga lapse eest"), is a victim.
  const av = lastBefore(a.avenged.get(s), x.t0);
  if (av && av.t1 <= x.t0 && x.t0 - av.t1 < AVENGED_REACH && tokens.clause[av.t0] === tokens.clause[x.t0] && !anyStartIn(calls, av.t0, x.t0)) return { role: "victim", why: `avenged: "${said(tokens, av)}" before it, a victim, not the one aimed at` };
  const avAfter = firstFrom(a.avengedAfter.get(s), x.t1);
  if (avAfter && avAfter.t0 - x.t1 <= 0 && tokens.clause[avAfter.t0] === tokens.clause[x.t0]) return { role: "victim", why: `avenged: "${said(tokens, avAfter)}" after it, a victim, not the one aimed at` };
  const rel = lastBefore(a.relative.get(s), x.t0);
  // "…who shelled our school": described, unless the call itself comes between the two words. A
  // candidate inside the relative phrase is its own relative word ("Նրանք, ովքեր", "those who"):
  // what the clause describes, not a victim of it.
  const isRelative = rel !== undefined && rel.t1 >= x.t1;
  const own0 = lastBefore(a.relative.get(s), x.t0 + 1);
  const selfRelative = isRelative || (own0 !== undefined && own0.t0 === x.t0 && own0.t1 >= x.t1);
  if (rel && !isRelative && !anyStartIn(calls, rel.t0, x.t0)) return { role: "victim", why: `described after "${said(tokens, rel)}", not the one aimed at` };
  const act = lastBefore(a.acts.get(s), x.t0);
  // An act inside a call ("щоб вбили всіх окупантів") is the call's own verb, not one reported.
  const own = act && lastBefore(calls, act.t1);
  // In an object-before-verb language only a participle's noun follows its act, in its clause:
  // "…uşaqları öldürdülər, hər rus…" names no victim after the verb.
  // Its reach ends at its clause and at a word that starts a new statement ("russia invaded ukraine
  // SO every russian …", "Amíg Kijevet bombázzák, minden orosz …").
  if (act && x.t0 - act.t1 < ACT_REACH && tokens.clause[act.t1 - 1] === tokens.clause[x.t0] && !anyStartIn(a.actStop.get(s), act.t1, x.t0) && !(own && own.t1 > act.t0) && !anyStartIn(calls, act.t0, x.t1)) return { role: "victim", why: `suffered "${said(tokens, act)}": a victim, not the one aimed at` };
  // "…uşaqları öldürür": in an object-before-verb language, the group right before a reported act.
  const next = firstFrom(a.acts.get(s), x.t1);
  // The relative word right before its act is the act's subject ("ովքեր ռմբակոծեցին"), not its object.
  // Between them an auxiliary at most ("երեխաներ են սպանում"); in Hungarian only an object marked
  // as one ("gyerekeket gyilkolnak"), since its subject may stand there too ("az oroszok lerohanták").
  if (next && !selfRelative && tokens.clause[next.t0] === tokens.clause[x.t0] && objectBefore(tokens, x, next)) {
    const inCall = lastBefore(calls, next.t1);
    if (!(inCall && inCall.t1 > next.t0) && !anyStartIn(calls, x.t0, next.t1)) return { role: "victim", why: `suffered "${said(tokens, next)}" (named before it): a victim, not the one aimed at` };
  }
  // "Бабуся сказала: «…перебити»": who speaks a quoted call is not whom it is aimed at.
  // A group after every quoted call is what the quote is applied to ("«…» — вот и с орками так
  // же"), not who says it.
  if (calls && !tokens.quoted[x.t0] && speaks(tokens, calls, x)) return { role: "speaker", why: "outside the quoted call: who says it, not whom it is aimed at" };
  return null;
}

/** True when `x` stands where a reported act `next` after it takes its object, in an object-before-verb language. */
function objectBefore(tokens: Tokens, x: LexMatch, next: LexMatch): boolean {
  const gap = next.t0 - x.t1;
  const auxOk = gap === OBJECT_REACH + 1 && (AUXILIARIES.get(next.lang)?.has(tokens.words[x.t1] as string) ?? false);
  if (!(gap <= OBJECT_REACH || auxOk)) return false;
  const marked = MARKED_OBJECT_BEFORE_VERB.get(next.lang);
  return OBJECT_BEFORE_VERB.has(next.lang) || (marked !== undefined && marked.test(tokens.words[x.t1 - 1] as string));
}

/** True when every call of the sentence is quoted and one comes after `x`: `x` is who says them. */
function speaks(tokens: Tokens, calls: readonly LexMatch[], x: LexMatch): boolean {
  let after = false;
  for (let i = 0; i < calls.length; i++) {
    const c = calls[i] as LexMatch;
    if (!tokens.quoted[c.t0]) return false;
    if (c.t0 > x.t0) after = true;
  }
  return after;
}
