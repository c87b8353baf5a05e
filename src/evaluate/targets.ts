import type { SignalC, TargetCues } from "../compile/types.js";
import type { LexMatch } from "../match/index.js";
import type { Tokens } from "../text/tokenise.js";

/**
 * What a target candidate is to a call: aimed at (`target`), aimed at through a pronoun that points
 * back to an earlier sentence (`antecedent`), described as having suffered violence (`victim`),
 * explicitly spared (`spared`), the one who says a quoted call (`speaker`), or a word inside a
 * longer name of another target (`inside`: "vecis", an old man, in "bunkura vecis", Putin), or named
 * in the reason the post gives for a call aimed at someone else (`reason`: the invaders in "Lukashenko
 * should hang … for handing Belarus over to the invaders").
 */
export type TargetRole = "target" | "antecedent" | "victim" | "spared" | "speaker" | "inside" | "reason";

/** A target candidate while its roles are worked out: its signal and why it is set aside (or null). */
interface Candidate {
  readonly signal: number;
  readonly m: LexMatch;
  aside: { role: TargetRole; why: string } | null;
  /** The reason word whose clause names it ("for handing … to the invaders"), or null. */
  reason: LexMatch | null;
}

/** One candidate of a target signal as the calls of a post see it. */
export interface RoleOf {
  /** Index of the target signal. */
  readonly signal: number;
  readonly m: LexMatch;
  readonly role: TargetRole;
  /** For set-aside roles and antecedents: why, in words. */
  readonly why: string | undefined;
}

/** The targets of one call: every candidate of a target signal in its reach, with its role. */
export interface CallTargets {
  readonly call: LexMatch;
  readonly roles: readonly RoleOf[];
}

/** How the targets of a call signal's counted matches were resolved, for one post. */
export interface TargetAssignment {
  /** Per target signal: its candidates that count (targets and antecedents), in text order. */
  readonly counted: ReadonlyMap<number, LexMatch[]>;
  /** Per target signal: its candidates that do not, with why. */
  readonly discounted: ReadonlyMap<number, { m: LexMatch; why: string }[]>;
  /** Per call, in text order. */
  readonly calls: readonly CallTargets[];
}

/** How far back a pronoun may reach for its antecedent, in sentences. */
const ANTECEDENT_SENTENCES = 3;
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
/** Targets listed per call in an explanation (the rest still count). */
const MAX_LISTED = 50;

/** Matches of the given lexicons, grouped by sentence and in text order within each. */
function bySentence(lists: readonly number[], lex: readonly LexMatch[][], tokens: Tokens): Map<number, LexMatch[]> {
  const out = new Map<number, LexMatch[]>();
  for (const l of lists) {
    for (const m of lex[l] ?? []) {
      const s = tokens.sentence[m.t0] as number;
      let list = out.get(s);
      if (!list) out.set(s, (list = []));
      list.push(m);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.t0 - b.t0);
  return out;
}

/** How many matches of a sorted list start before word `t` (binary search). */
function countBefore(list: readonly LexMatch[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as LexMatch).t0 < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last match of a sorted list that starts before word `t`, or undefined. */
function lastBefore(list: readonly LexMatch[] | undefined, t: number): LexMatch | undefined {
  if (!list) return undefined;
  const n = countBefore(list, t);
  return n > 0 ? list[n - 1] : undefined;
}

/** The first match of a sorted list that starts at or after word `t`, or undefined. */
function firstFrom(list: readonly LexMatch[] | undefined, t: number): LexMatch | undefined {
  return list ? list[countBefore(list, t)] : undefined;
}

/** True when a sorted list has a match starting in [from, to). */
function anyStartIn(list: readonly LexMatch[] | undefined, from: number, to: number): boolean {
  const last = lastBefore(list, to);
  return last !== undefined && last.t0 >= from;
}

/**
 * Resolves what the counted matches of a call signal (`calls`) are aimed at, for every signal that
 * is `target-of` it. A candidate counts when it stands in a call's sentence and is neither
 *  - a victim: named after a relative word that the call does not follow ("the soldiers who shelled
 *    our SCHOOL must pay" is aimed at the soldiers), or within a few words after a reported act
 *    ("Russian troops killed CIVILIANS"), nor
 *  - spared: right after a sparing word ("not the civilians", "except"), unless the sparing word is
 *    part of a negated quantifier ("NOT ONE invader should leave alive" spares no invader).
 * In languages that put the object before the verb ({@link OBJECT_BEFORE_VERB}), a candidate right
 * before a reported act is its victim too ("Ruslar Ukraynada uşaqları öldürür").
 * A call with no target of its own in its sentence but a pronoun in its clause ("Every one of them
 * should hang."), or naming no one at all ("Strzelać bez litości."), is aimed at the targets named
 * in the nearest earlier sentence that names any (victims there excluded), up to
 * {@link ANTECEDENT_SENTENCES} back.
 *
 * Every search is by sentence, with binary searches over sorted cue lists: the cost stays linear
 * (times a log) in the post, whatever it holds.
 */
export function assignTargets(
  calls: readonly LexMatch[],
  targetSignals: readonly SignalC[],
  candidatesOf: (s: SignalC) => readonly LexMatch[],
  cues: TargetCues | null,
  lex: readonly LexMatch[][],
  tokens: Tokens,
): TargetAssignment {
  const none: readonly number[] = [];
  const said = (p: LexMatch): string => tokens.words.slice(p.t0, p.t1).join(" ");
  const relative = bySentence(cues?.relative ?? none, lex, tokens);
  const acts = bySentence(cues?.reportedAct ?? none, lex, tokens);
  const spare = bySentence(cues?.spare ?? none, lex, tokens);
  const spareAround = bySentence(cues?.spareAround ?? none, lex, tokens);
  const quantifiers = bySentence(cues?.none ?? none, lex, tokens);
  const pronouns = bySentence(cues?.pronouns ?? none, lex, tokens);
  const avenged = bySentence(cues?.avenged ?? none, lex, tokens);
  const avengedAfter = bySentence(cues?.avengedAfter ?? none, lex, tokens);
  const same = bySentence(cues?.same ?? none, lex, tokens);
  const actStop = bySentence(cues?.actStop ?? none, lex, tokens);
  const reasons = bySentence(cues?.reason ?? none, lex, tokens);
  const callsBySentence = new Map<number, LexMatch[]>();
  for (const c of calls) {
    const s = tokens.sentence[c.t0] as number;
    let list = callsBySentence.get(s);
    if (!list) callsBySentence.set(s, (list = []));
    list.push(c);
  }
  // Binary searches below need each sentence's calls in text order (a union lists them by member).
  for (const list of callsBySentence.values()) list.sort((a, b) => a.t0 - b.t0);

  /** True when a candidate of another signal than `signal` starts in words [from, to) of sentence `s`. */
  const otherBetween = (s: number, from: number, to: number, signal: number): boolean => {
    const o = inOrder.get(s);
    if (!o) return false;
    for (let i = countBefore(o.matches, from); i < o.matches.length && (o.matches[i] as LexMatch).t0 < to; i++) if ((o.entries[i] as Candidate).signal !== signal) return true;
    return false;
  };
  /** Why a candidate in sentence `s` is not aimed at (a victim, spared), or null. */
  const setAside = (x: LexMatch, s: number, signal: number): { role: TargetRole; why: string } | null => {
    const sp = lastBefore(spare.get(s), x.t0);
    // "Not one invader…": the "not" of a negated quantifier that covers it spares nobody.
    const q = sp && lastBefore(quantifiers.get(s), sp.t0 + 1);
    if (sp && x.t0 - sp.t1 < SPARE_REACH && !(q && q.t1 > sp.t0)) return { role: "spared", why: `spared: "${said(sp)}" before it` };
    // "A civileket hagyjátok békén", "не чіпайте мирних": a sparing phrase next to it in its clause.
    const around = spareAround.get(s);
    if (around) {
      const cl = tokens.clause[x.t0];
      const after = firstFrom(around, x.t1);
      if (after && after.t0 - x.t1 <= SPARE_AROUND_REACH && tokens.clause[after.t0] === cl && !otherBetween(s, x.t1, after.t1, signal)) return { role: "spared", why: `spared: "${said(after)}" after it` };
      // Before it, or around it ("leave the civilians alone", a phrase with a gap).
      const before = lastBefore(around, x.t0);
      if (before && (before.t1 >= x.t1 || (x.t0 - before.t1 <= SPARE_AROUND_REACH && tokens.clause[before.t1 - 1] === cl && !otherBetween(s, before.t0, x.t0, signal)))) return { role: "spared", why: `spared: "${said(before)}" around it` };
    }
    // "Za każdą ukraińską matkę … ruscy mają płacić krwią", "for every child of Mariupol": whom a
    // call avenges, named after the word that opens it in its clause (or before its postposition:
    // "iga lapse eest"), is a victim.
    const av = lastBefore(avenged.get(s), x.t0);
    if (av && av.t1 <= x.t0 && x.t0 - av.t1 < AVENGED_REACH && tokens.clause[av.t0] === tokens.clause[x.t0] && !anyStartIn(callsBySentence.get(s), av.t0, x.t0)) return { role: "victim", why: `avenged: "${said(av)}" before it, a victim, not the one aimed at` };
    const avAfter = firstFrom(avengedAfter.get(s), x.t1);
    if (avAfter && avAfter.t0 - x.t1 <= 0 && tokens.clause[avAfter.t0] === tokens.clause[x.t0]) return { role: "victim", why: `avenged: "${said(avAfter)}" after it, a victim, not the one aimed at` };
    const rel = lastBefore(relative.get(s), x.t0);
    // "…who shelled our school": described, unless the call itself comes between the two words. A
    // candidate inside the relative phrase is its own relative word ("Նրանք, ովքեր", "those who"):
    // what the clause describes, not a victim of it.
    const isRelative = rel !== undefined && rel.t1 >= x.t1;
    const own0 = lastBefore(relative.get(s), x.t0 + 1);
    const selfRelative = isRelative || (own0 !== undefined && own0.t0 === x.t0 && own0.t1 >= x.t1);
    if (rel && !isRelative && !anyStartIn(callsBySentence.get(s), rel.t0, x.t0)) return { role: "victim", why: `described after "${said(rel)}", not the one aimed at` };
    const act = lastBefore(acts.get(s), x.t0);
    // An act inside a call ("щоб вбили всіх окупантів") is the call's own verb, not one reported.
    const own = act && lastBefore(callsBySentence.get(s), act.t1);
    // In an object-before-verb language only a participle's noun follows its act, in its clause:
    // "…uşaqları öldürdülər, hər rus…" names no victim after the verb.
    // Its reach ends at its clause and at a word that starts a new statement ("russia invaded ukraine
    // SO every russian …", "Amíg Kijevet bombázzák, minden orosz …").
    if (act && x.t0 - act.t1 < ACT_REACH && tokens.clause[act.t1 - 1] === tokens.clause[x.t0] && !anyStartIn(actStop.get(s), act.t1, x.t0) && !(own && own.t1 > act.t0) && !anyStartIn(callsBySentence.get(s), act.t0, x.t1)) return { role: "victim", why: `suffered "${said(act)}": a victim, not the one aimed at` };
    // "…uşaqları öldürür": in an object-before-verb language, the group right before a reported act.
    const next = firstFrom(acts.get(s), x.t1);
    // The relative word right before its act is the act's subject ("ովքեր ռմբակոծեցին"), not its object.
    // Between them an auxiliary at most ("երեխաներ են սպանում"); in Hungarian only an object marked
    // as one ("gyerekeket gyilkolnak"), since its subject may stand there too ("az oroszok lerohanták").
    const gap = next ? next.t0 - x.t1 : 0;
    const auxOk = gap === OBJECT_REACH + 1 && (AUXILIARIES.get(next?.lang ?? "")?.has(tokens.words[x.t1] as string) ?? false);
    const marked = next ? MARKED_OBJECT_BEFORE_VERB.get(next.lang) : undefined;
    const objectFirst = next !== undefined && (OBJECT_BEFORE_VERB.has(next.lang) || (marked !== undefined && marked.test(tokens.words[x.t1 - 1] as string)));
    if (next && !selfRelative && (gap <= OBJECT_REACH || auxOk) && objectFirst && tokens.clause[next.t0] === tokens.clause[x.t0]) {
      const inCall = lastBefore(callsBySentence.get(s), next.t1);
      if (!(inCall && inCall.t1 > next.t0) && !anyStartIn(callsBySentence.get(s), x.t0, next.t1)) return { role: "victim", why: `suffered "${said(next)}" (named before it): a victim, not the one aimed at` };
    }
    // "Бабуся сказала: «…перебити»": who speaks a quoted call is not whom it is aimed at.
    const cs = callsBySentence.get(s);
    // A group after every quoted call is what the quote is applied to ("«…» — вот и с орками так
    // же"), not who says it.
    if (cs && !tokens.quoted[x.t0] && cs.every((c) => tokens.quoted[c.t0]) && cs.some((c) => c.t0 > x.t0)) return { role: "speaker", why: "outside the quoted call: who says it, not whom it is aimed at" };
    return null;
  };

  const counted = new Map<number, LexMatch[]>();
  const discounted = new Map<number, { m: LexMatch; why: string }[]>();
  // Candidates by sentence, across every target signal, each with why it is set aside (or null).
  const bySent = new Map<number, Candidate[]>();
  const naming = new Set<number>();
  for (const s of targetSignals) {
    counted.set(s.index, []);
    discounted.set(s.index, []);
    // Signals whose words name a target by themselves (no `require`): only these contain one another.
    if (s.require === null) naming.add(s.index);
    for (const m of candidatesOf(s)) {
      const sent = tokens.sentence[m.t0] as number;
      let list = bySent.get(sent);
      if (!list) bySent.set(sent, (list = []));
      list.push({ signal: s.index, m, aside: null, reason: null });
    }
  }
  // The same candidates in text order, the longest first at a start (and signal order among
  // equals): a sparing phrase spares the group next to it, not one of another signal beyond it
  // ("окупантов, а мирных не трогайте"), and a word inside a longer name belongs to that name.
  const inOrder = new Map<number, { entries: Candidate[]; matches: LexMatch[] }>();
  for (const [sent, list] of bySent) {
    const entries = list.length < 2 ? list : [...list].sort((a, b) => a.m.t0 - b.m.t0 || b.m.t1 - a.m.t1);
    inOrder.set(sent, { entries, matches: entries.map((x) => x.m) });
  }
  for (const [sent, list] of bySent) for (const x of list) x.aside = setAside(x.m, sent, x.signal);
  // "…should hang in Minsk FOR handing Belarus over to the invaders", "Лукашенку за те, що пустив
  // орків…": a candidate in the clause of a reason word (no call between them) is why the call is
  // made; it is set aside below only where the call has a target outside any reason.
  for (const [sent, list] of bySent) {
    const rs = reasons.get(sent);
    if (!rs) continue;
    for (const x of list) {
      const r = lastBefore(rs, x.m.t0);
      if (r && r.t1 <= x.m.t0 && tokens.clause[r.t1 - 1] === tokens.clause[x.m.t0] && !anyStartIn(callsBySentence.get(sent), r.t0, x.m.t0)) x.reason = r;
    }
  }
  // "bunkura vecis" (Putin) holds "vecis" (an old man), "мирных россиян" (civilians) holds
  // "россиян": a word inside a longer name of another target signal is part of that name, not a
  // target of its own. One sweep per sentence over its naming candidates in text order.
  for (const { entries } of inOrder.values()) {
    if (entries.length < 2) continue;
    let outer: Candidate | undefined;
    for (const x of entries) {
      if (!naming.has(x.signal)) continue;
      if (outer && x.m.t1 <= outer.m.t1 && outer.signal !== x.signal && outer.m.t1 - outer.m.t0 > x.m.t1 - x.m.t0) {
        if (x.aside === null) x.aside = { role: "inside", why: `part of the longer name "${said(outer.m)}"` };
        continue;
      }
      if (!outer || x.m.t1 > outer.m.t1) outer = x;
    }
  }

  // A sentence's calls are aimed at its candidates that are not set aside; a sentence with calls
  // but no such candidate, where a call has a pronoun in its clause, at those of the nearest
  // earlier sentence that has some. Linear in candidates and calls: no pair of them is visited.
  const aimed = new Map<LexMatch, { back: number; pronoun: LexMatch } | null>();
  const antecedentFor = new Map<number, { back: number; pronoun: LexMatch }>();
  /** The candidates of sentence `sent` that are not set aside. */
  const free = (sent: number): Candidate[] => {
    const list = (bySent.get(sent) ?? []).filter((x) => x.aside === null);
    // The reason given for a call is no target of it while the call has one outside every reason.
    if (!list.some((x) => x.reason !== null) || list.every((x) => x.reason !== null)) return list;
    for (const x of list) if (x.reason !== null) x.aside = { role: "reason", why: `the reason given after "${said(x.reason)}", not the one aimed at` };
    return list.filter((x) => x.aside === null);
  };
  /** Aims the calls of `sent`, through `pronoun`, at `list`: the free candidates of the sentence `back` before it (-1: after it). */
  const pointAt = (sent: number, back: number, pronoun: LexMatch, list: readonly Candidate[]): void => {
    if (!antecedentFor.has(sent)) antecedentFor.set(sent, { back, pronoun });
    for (const x of list) if (!aimed.has(x.m)) aimed.set(x.m, { back, pronoun });
  };
  for (const [sent, cs] of callsBySentence) {
    const own = free(sent);
    for (const x of own) aimed.set(x.m, null);
    if (own.length > 0) continue;
    const clauses = new Set(cs.map((c) => tokens.clause[c.t0]));
    // A pronoun in a call's clause, or inside the call itself ("kill them all"); a call that names
    // no one at all, not even a victim ("Strzelać bez litości."), points back the same way.
    const pron = (pronouns.get(sent) ?? []).find((p) => clauses.has(tokens.clause[p.t0]) || clauses.has(tokens.clause[p.t1 - 1])) ?? ((bySent.get(sent) ?? []).length === 0 ? (cs[0] as LexMatch) : undefined);
    if (!pron) continue;
    for (let back = 1; back <= ANTECEDENT_SENTENCES && sent - back >= 0; back++) {
      const earlier = free(sent - back);
      if (earlier.length === 0) continue;
      pointAt(sent, back, pron, earlier);
      // "…вони розстріляли чоловіка в Бучі? Ці самі нелюди тепер під Кремінною. Вбивати їх.": a
      // sentence whose every candidate a demonstrative points back at ("these same monsters")
      // names no one new, and the call reaches the one before it as well.
      const prons = pronouns.get(sent - back);
      if (!earlier.every((x) => { const p = lastBefore(prons, x.m.t0); return p !== undefined && p.t1 <= x.m.t0 && x.m.t0 - p.t1 <= 1; })) break;
    }
    // "Find them, shoot them, leave them for the crows. The orks came for our land.": a pronoun
    // with nothing before it to point back to points forward, to the sentence right after.
    if (!antecedentFor.has(sent) && pron !== cs[0]) {
      const later = free(sent + 1);
      if (later.length > 0) pointAt(sent, -1, pron, later);
    }
  }
  // "Дед говорил: «фашиста надо убивать». С нынешними оккупантами то же самое.": a sentence whose
  // every call is quoted (and counted: the poster endorses it) is applied to whom the next
  // sentence names, when that one has no call of its own and says it is the same with them
  // ("I miał rację, dziadku." names the grandfather, who is no one the quote is applied to).
  for (const [sent, cs] of callsBySentence) {
    if (callsBySentence.has(sent + 1) || !same.has(sent + 1) || !cs.every((c) => tokens.quoted[c.t0])) continue;
    const later = free(sent + 1);
    if (later.length > 0) pointAt(sent, -1, cs[0] as LexMatch, later);
  }
  for (const [sent, list] of bySent) {
    for (const x of list) {
      if (aimed.has(x.m)) (counted.get(x.signal) as LexMatch[]).push(x.m);
      else {
        const why = x.aside ? x.aside.why : callsBySentence.has(sent) ? "not what the call is aimed at" : "no counted call in the same sentence";
        (discounted.get(x.signal) as { m: LexMatch; why: string }[]).push({ m: x.m, why });
      }
    }
  }
  /** The targets of one call with their roles, for explanations: built only when asked for. */
  const targetsOfCall = (c: LexMatch): RoleOf[] => {
    const sent = tokens.sentence[c.t0] as number;
    const rs: RoleOf[] = (bySent.get(sent) ?? []).slice(0, MAX_LISTED).map((x) => ({ signal: x.signal, m: x.m, role: x.aside ? x.aside.role : "target", why: x.aside?.why }));
    const ante = antecedentFor.get(sent);
    if (ante) {
      const earlier = free(sent - ante.back).slice(0, MAX_LISTED);
      const where = ante.back === -1 ? "points forward to it (the sentence after)" : `points back to it (${ante.back === 1 ? "the sentence before" : `${ante.back} sentences before`})`;
      for (const x of earlier) rs.push({ signal: x.signal, m: x.m, role: "antecedent", why: `"${said(ante.pronoun)}" ${where}` });
    }
    return rs;
  };
  const out: CallTargets[] = calls.map((call) => ({
    call,
    get roles() {
      return targetsOfCall(call);
    },
  }));
  for (const list of counted.values()) list.sort((a, b) => a.t0 - b.t0);
  return { counted, discounted, calls: out };
}
