import type { SignalC, TargetCues } from "../compile/types.js";
import type { LexMatch } from "../match/index.js";
import { colonBetween, type Tokens } from "../text/tokenise.js";
import { said, setAside } from "./set-aside.js";
import { anyStartIn, type Candidate, countBefore, lastBefore, Post, sortByStart, type TargetRole } from "./target-post.js";

export type { TargetRole } from "./target-post.js";

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
/**
 * How many words a sentence with no call of its own may have for an `also` word in it to make it an
 * ellipsis of the call before it ("И Шойгу следом, туда же.", "І всю його кодлу поряд."); a longer
 * one says something of its own ("Россияне тоже виноваты в том, что …").
 */
const ALSO_WORDS = 8;
/** How many words from its sentence's start an `also` word may stand ("А следом Шойгу", "Then Shoigu"). */
const ALSO_LEAD = 2;
/** Targets listed per call in an explanation (the rest still count). */
const MAX_LISTED = 50;

/** The candidates of sentence `sent` that are not set aside. */
function free(a: Post, sent: number): Candidate[] {
  const list = (a.bySent.get(sent) ?? []).filter(isFree);
  // The reason given for a call is no target of it while the call has one outside every reason.
  if (!list.some(hasReason) || list.every(hasReason)) return list;
  for (const x of list) if (x.reason !== null) x.aside = { role: "reason", why: `the reason given after "${said(a.tokens, x.reason)}", not the one aimed at` };
  return list.filter(isFree);
}

function isFree(x: Candidate): boolean {
  return x.aside === null;
}

function hasReason(x: Candidate): boolean {
  return x.reason !== null;
}

/**
 * "powiem raz na tym rodzinnym czacie, ciociu: Putin powinien zdechnąć", "BVB fans group: …",
 * "Replying to the guy who asked: …": the words before a colon that every call of the sentence
 * follows say where, to whom or in reply to what the call is made. While the calls' own part of
 * the sentence names a target, a candidate before that colon is no target of them. A call whose
 * part names no one ("Orcs at Bakhmut: kill every one of them") still reaches back over it, and
 * what follows a call after a colon ("kill the invaders: their wives too") is never set aside.
 */
function setIntroAside(a: Post, sent: number, cs: readonly LexMatch[], text: string): void {
  const list = a.bySent.get(sent);
  const first = cs[0];
  if (!list || list.length < 2 || !first) return;
  const { tokens } = a;
  // The last colon between words of the sentence before its first call, found from the call back.
  let colonAt = -1;
  for (let w = first.t0; w > 0 && tokens.sentence[w - 1] === sent; w--) {
    if (tokens.clause[w - 1] !== tokens.clause[w] && colonBetween(tokens, text, w - 1, w)) {
      colonAt = w;
      break;
    }
  }
  if (colonAt < 0) return;
  let after = false;
  for (let i = 0; i < list.length; i++) {
    const x = list[i] as Candidate;
    // The doers of an act after it ("dear mobiks: u CAME to our land, u will rot") name no one of their own.
    if (x.aside === null && x.m.t0 >= colonAt && !onlyAntecedent(a, x)) after = true;
  }
  if (!after) return;
  for (let i = 0; i < list.length; i++) {
    const x = list[i] as Candidate;
    if (x.aside === null && x.m.t1 <= colonAt) x.aside = { role: "setting", why: "before the colon that opens the call: where, to whom or in reply to what it is said, not whom it is aimed at" };
  }
}

/** Aims the calls of `sent`, through `pronoun`, at `list`: the free candidates of the sentence `back` before it (0: its own, another clause; -n: n after it). */
function pointAt(a: Post, sent: number, back: number, pronoun: LexMatch, list: readonly Candidate[]): void {
  if (!a.antecedentFor.has(sent)) a.antecedentFor.set(sent, { back, pronoun });
  for (const x of list) if (!a.aimed.has(x.m)) a.aimed.set(x.m, { back, pronoun });
}

/**
 * The candidates a pronoun points back to: all of them, except that a pronoun of one person ("him",
 * "його", "go") points to the one person named among groups ("Łukaszenka znowu grozi Polsce tymi swoimi
 * wagnerowcami. Niech go ktoś powiesi": Lukashenko, not the Wagner men).
 */
function ofOnePerson(a: Post, pron: LexMatch, list: readonly Candidate[]): readonly Candidate[] {
  if (a.onePerson.length === 0) return list;
  const ones = a.pronounOne.get(a.tokens.sentence[pron.t0] as number);
  if (!ones?.some((p) => p.t0 === pron.t0 && p.t1 === pron.t1)) return list;
  const persons = list.filter((x) => a.onePerson.includes(x.m.lexicon));
  return persons.length > 0 ? persons : list;
}

/**
 * True when a candidate names whom a call reaches only through a pronoun (`antecedent-only`: the
 * doers of an act of the invasion, "They SHELLED Kharkiv"): never a target in its own clause.
 */
function onlyAntecedent(a: Post, x: Candidate): boolean {
  return a.antecedentOnly.length > 0 && a.antecedentOnly.includes(x.m.lexicon);
}

/**
 * The free candidates of the call's own sentence that a pronoun of a call reaches in another clause
 * ("They SHELLED Kharkiv again, shoot them all", "Вони знову ОБСТРІЛЯЛИ Харків, треба їх знищити"):
 * those that name whom a call reaches only through a pronoun, in a clause of their own before the
 * pronoun's (`callClauses`: the clauses of the sentence's calls). "Nech im bombardujú paneláky"
 * keeps its act, in the call's own clause, to itself.
 */
function besideCalls(a: Post, all: readonly Candidate[], callClauses: ReadonlySet<number>, pron: LexMatch): Candidate[] {
  const { tokens } = a;
  const out: Candidate[] = [];
  const pc = tokens.clause[pron.t0] as number;
  for (let i = 0; i < all.length; i++) {
    const x = all[i] as Candidate;
    if (!onlyAntecedent(a, x)) continue;
    // Before the pronoun, in a clause of its own: what comes after a call gives its reason ("line
    // them up and shoot them, they shelled our street": "them" are the captured ones named before).
    const cl = tokens.clause[x.m.t1 - 1] as number;
    if (cl >= pc || callClauses.has(cl) || callClauses.has(tokens.clause[x.m.t0] as number)) continue;
    out.push(x);
  }
  return out;
}

/** The clauses that the calls of a sentence start or end in. */
function callClauses(tokens: Tokens, cs: readonly LexMatch[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < cs.length; i++) out.add(tokens.clause[(cs[i] as LexMatch).t0] as number).add(tokens.clause[(cs[i] as LexMatch).t1 - 1] as number);
  return out;
}

/**
 * True when a call governs pronoun `pron`: the pronoun stands in a call's clause at or after the
 * call's first word ("shoot THEM all", "вбивайте ЇХ"), or right before it with nothing but other
 * pronouns between ("треба ЇХ знищити", "trzeba ICH wszystkich zabić"). "раз вони нас бомблять, то
 * хай і в НИХ там горить" names where it is to burn, not whom.
 */
function governed(a: Post, sent: number, cs: readonly LexMatch[], pron: LexMatch): boolean {
  const { tokens } = a;
  const cl = tokens.clause[pron.t0];
  let end = pron.t1;
  const prons = a.pronouns.get(sent) ?? [];
  for (let i = countBefore(prons, pron.t1); i < prons.length && (prons[i] as LexMatch).t0 <= end; i++) end = Math.max(end, (prons[i] as LexMatch).t1);
  return cs.some((c) => tokens.clause[c.t0] === cl && (c.t0 <= pron.t0 || c.t0 === end));
}

/** Aims the calls of sentence `sent` (`cs`): at its own free candidates, else back (or forward) through a pronoun. */
function aimCalls(a: Post, sent: number, cs: readonly LexMatch[]): void {
  const { tokens } = a;
  const all = free(a, sent);
  const own = a.antecedentOnly.length === 0 ? all : all.filter((x) => !onlyAntecedent(a, x));
  for (const x of own) a.aimed.set(x.m, null);
  if (own.length > 0) return;
  const clauses = new Set(cs.map((c) => tokens.clause[c.t0]));
  // A pronoun in a call's clause, or inside the call itself ("kill them all"); a call that names
  // no one at all, not even a victim ("Strzelać bez litości."), points back the same way.
  const namesNoOne = (a.bySent.get(sent) ?? []).every((x) => onlyAntecedent(a, x));
  const pron = (a.pronouns.get(sent) ?? []).find((p) => clauses.has(tokens.clause[p.t0]) || clauses.has(tokens.clause[p.t1 - 1])) ?? (namesNoOne ? (cs[0] as LexMatch) : undefined);
  if (!pron) return;
  // "They shelled Kharkiv again, shoot them all": the doers of an act named in another clause of
  // the call's own sentence come first.
  const beside = all.length === 0 || pron === cs[0] || !governed(a, sent, cs, pron) ? [] : besideCalls(a, all, callClauses(tokens, cs), pron);
  if (beside.length > 0) {
    a.beside.set(sent, beside);
    pointAt(a, sent, 0, pron, beside);
    return;
  }
  for (let back = 1; back <= ANTECEDENT_SENTENCES && sent - back >= 0; back++) {
    const earlier = named(a, free(a, sent - back));
    if (earlier.length === 0) continue;
    pointAt(a, sent, back, pron, ofOnePerson(a, pron, earlier));
    // "…вони розстріляли чоловіка в Бучі? Ці самі нелюди тепер під Кремінною. Вбивати їх.": a
    // sentence whose every candidate a demonstrative points back at ("these same monsters")
    // names no one new, and the call reaches the one before it as well.
    const prons = a.pronouns.get(sent - back);
    if (!earlier.every((x) => { const p = lastBefore(prons, x.m.t0); return p !== undefined && p.t1 <= x.m.t0 && x.m.t0 - p.t1 <= 1; })) break;
  }
  // "Find them, shoot them, leave them for the crows. The orks came for our land.": a pronoun
  // with nothing before it to point back to points forward, to the nearest sentence after that
  // names anyone, past those that name no one ("Kill them. All of them. Every russian pig …").
  if (!a.antecedentFor.has(sent) && pron !== cs[0]) {
    for (let on = 1; on <= ANTECEDENT_SENTENCES; on++) {
      const later = named(a, free(a, sent + on));
      if (later.length === 0) continue;
      pointAt(a, sent, -on, pron, later);
      break;
    }
  }
}

/**
 * What a pronoun finds in another sentence: the groups it names, or where it names none, the doers
 * of its acts ("They SHELLED Kharkiv"). "Russia invaded us and most Russians cheer it on. Let
 * them all die." points to the Russians alone.
 */
function named(a: Post, list: Candidate[]): Candidate[] {
  if (a.antecedentOnly.length === 0 || list.length === 0) return list;
  const groups = list.filter((x) => !onlyAntecedent(a, x));
  return groups.length > 0 ? groups : list;
}

/** "bunkura vecis" (Putin) holds "vecis": a naming candidate inside a longer one of another signal is part of it. One sweep over a sentence's candidates in text order. */
function markInside(a: Post, entries: readonly Candidate[], naming: ReadonlySet<number>): void {
  let outer: Candidate | undefined;
  for (let i = 0; i < entries.length; i++) {
    const x = entries[i] as Candidate;
    if (!naming.has(x.signal)) continue;
    if (outer && x.m.t1 <= outer.m.t1 && outer.signal !== x.signal && outer.m.t1 - outer.m.t0 > x.m.t1 - x.m.t0) {
      if (x.aside === null) x.aside = { role: "inside", why: `part of the longer name "${said(a.tokens, outer.m)}"` };
      continue;
    }
    if (!outer || x.m.t1 > outer.m.t1) outer = x;
  }
}

/** Longest first at a start, and otherwise in text order (a stable sort keeps signal order among equals). */
function byStartLongest(a: Candidate, b: Candidate): number {
  return a.m.t0 - b.m.t0 || b.m.t1 - a.m.t1;
}

function matchOf(x: Candidate): LexMatch {
  return x.m;
}

/**
 * Resolves what the counted matches of a call signal (`calls`) are aimed at, for every signal that
 * is `target-of` it. A candidate counts when it stands in a call's sentence and is neither
 *  - a victim: named after a relative word that the call does not follow ("the soldiers who shelled
 *    our SCHOOL must pay" is aimed at the soldiers), or within a few words after a reported act
 *    ("Russian troops killed CIVILIANS"), nor
 *  - spared: right after a sparing word ("not the civilians", "except"), unless the sparing word is
 *    part of a negated quantifier ("NOT ONE invader should leave alive" spares no invader).
 * In languages that put the object before the verb (OBJECT_BEFORE_VERB in set-aside.ts), a candidate right
 * before a reported act is its victim too ("Ruslar Ukraynada uşaqları öldürür").
 * A call with no target of its own in its sentence but a pronoun in its clause ("Every one of them
 * should hang."), or naming no one at all ("Strzelać bez litości."), is aimed at the targets named
 * in the nearest earlier sentence that names any (victims there excluded), up to
 * {@link ANTECEDENT_SENTENCES} back (or, with nothing before it, forward). A name of an
 * `antecedent-only` lexicon (an act of the invasion: "They SHELLED Kharkiv") is never a target in its
 * own clause: only a pronoun of another sentence, or one the call governs in a later clause of its
 * sentence, reaches it, and only where its sentence names no group.
 *
 * Every search is by sentence, with binary searches over sorted cue lists: the cost stays linear
 * (times a log) in the post, whatever it holds.
 *
 * `namesTarget` says which target signals name a target by their words alone (no `require`); the
 * caller reads that from the contexts it keeps per policy (signal-tables.ts), not from the signal.
 *
 * The steps are functions of their own over one {@link Post}, and loops over maps go through arrays
 * of their keys: written as one function with closures and `for…of` loops (6.8 KB of bytecode, an
 * iterator protocol per loop), this was the costliest function of a run for TurboFan to compile,
 * 200-500 ms of a 20,000-post run, a tenth of all its compiling.
 */
export function assignTargets(
  calls: readonly LexMatch[],
  targetSignals: readonly SignalC[],
  candidatesOf: (s: SignalC) => readonly LexMatch[],
  namesTarget: (s: SignalC) => boolean,
  cues: TargetCues | null,
  lex: readonly LexMatch[][],
  tokens: Tokens,
  text: string,
): TargetAssignment {
  const a = new Post(tokens, cues, lex, calls);
  const { bySent, sents, inOrder, callsBySentence, callSents, aimed } = a;
  const counted = new Map<number, LexMatch[]>();
  const discounted = new Map<number, { m: LexMatch; why: string }[]>();
  const naming = new Set<number>();
  for (let i = 0; i < targetSignals.length; i++) {
    const s = targetSignals[i] as SignalC;
    counted.set(s.index, []);
    discounted.set(s.index, []);
    // Signals whose words name a target by themselves (no `require`): only these contain one another.
    if (namesTarget(s)) naming.add(s.index);
    const ms = candidatesOf(s);
    for (let j = 0; j < ms.length; j++) {
      const m = ms[j] as LexMatch;
      const sent = tokens.sentence[m.t0] as number;
      let list = bySent.get(sent);
      if (!list) {
        bySent.set(sent, (list = []));
        sents.push(sent);
      }
      list.push({ signal: s.index, m, aside: null, reason: null });
    }
  }
  // The same candidates in text order, the longest first at a start (and signal order among
  // equals): a sparing phrase spares the group next to it, not one of another signal beyond it
  // ("окупантов, а мирных не трогайте"), and a word inside a longer name belongs to that name.
  for (let i = 0; i < sents.length; i++) {
    const list = bySent.get(sents[i] as number) as Candidate[];
    const entries = list.length < 2 ? list : [...list].sort(byStartLongest);
    inOrder.set(sents[i] as number, { entries, matches: entries.map(matchOf) });
  }
  for (let i = 0; i < sents.length; i++) {
    const sent = sents[i] as number;
    const list = bySent.get(sent) as Candidate[];
    for (let j = 0; j < list.length; j++) {
      const x = list[j] as Candidate;
      x.aside = setAside(a, x.m, sent, x.signal);
    }
  }
  // "…should hang in Minsk FOR handing Belarus over to the invaders", "Лукашенку за те, що пустив
  // орків…": a candidate in the clause of a reason word (no call between them) is why the call is
  // made; it is set aside below only where the call has a target outside any reason.
  if (a.reasons.size > 0) {
    for (let i = 0; i < sents.length; i++) {
      const sent = sents[i] as number;
      const rs = a.reasons.get(sent);
      if (!rs) continue;
      const list = bySent.get(sent) as Candidate[];
      for (let j = 0; j < list.length; j++) {
        const x = list[j] as Candidate;
        const r = lastBefore(rs, x.m.t0);
        if (r && r.t1 <= x.m.t0 && tokens.clause[r.t1 - 1] === tokens.clause[x.m.t0] && !anyStartIn(callsBySentence.get(sent), r.t0, x.m.t0)) x.reason = r;
      }
    }
  }
  // "bunkura vecis" (Putin) holds "vecis" (an old man), "мирных россиян" (civilians) holds
  // "россиян": a word inside a longer name of another target signal is part of that name, not a
  // target of its own.
  for (let i = 0; i < sents.length; i++) {
    const { entries } = inOrder.get(sents[i] as number) as { entries: Candidate[] };
    if (entries.length >= 2) markInside(a, entries, naming);
  }

  // A sentence's calls are aimed at its candidates that are not set aside; a sentence with calls
  // but no such candidate, where a call has a pronoun in its clause, at those of the nearest
  // earlier sentence that has some. Linear in candidates and calls: no pair of them is visited.
  for (let i = 0; i < callSents.length; i++) {
    const sent = callSents[i] as number;
    const cs = callsBySentence.get(sent) as LexMatch[];
    setIntroAside(a, sent, cs, text);
    aimCalls(a, sent, cs);
  }
  // "Дед говорил: «фашиста надо убивать». С нынешними оккупантами то же самое.": a sentence whose
  // every call is quoted (and counted: the poster endorses it) is applied to whom the next
  // sentence names, when that one has no call of its own and says it is the same with them
  // ("I miał rację, dziadku." names the grandfather, who is no one the quote is applied to).
  for (let i = 0; i < callSents.length; i++) {
    const sent = callSents[i] as number;
    const cs = callsBySentence.get(sent) as LexMatch[];
    if (callsBySentence.has(sent + 1) || !a.same.has(sent + 1) || !cs.every((c) => tokens.quoted[c.t0])) continue;
    const later = named(a, free(a, sent + 1));
    if (later.length > 0) pointAt(a, sent, -1, cs[0] as LexMatch, later);
  }
  // "Путина в гроб. И Шойгу следом, туда же.", "Лукашенка — до стінки. І всю його кодлу поряд.",
  // "Kill Putin. Shoigu too.": a short sentence with no call of its own that adds whom it names
  // with an `also` word at its start or its end is an ellipsis of the call before it.
  if (a.also.size > 0) {
    for (let i = 0; i < callSents.length; i++) {
      const sent = callSents[i] as number;
      if (callsBySentence.has(sent + 1) || !a.also.has(sent + 1)) continue;
      const later = named(a, free(a, sent + 1));
      if (later.length > 0 && ellipsis(a, sent + 1, later)) pointAt(a, sent, -1, (callsBySentence.get(sent) as LexMatch[])[0] as LexMatch, later);
    }
  }
  for (let i = 0; i < sents.length; i++) {
    const sent = sents[i] as number;
    const list = bySent.get(sent) as Candidate[];
    for (let j = 0; j < list.length; j++) {
      const x = list[j] as Candidate;
      if (aimed.has(x.m)) (counted.get(x.signal) as LexMatch[]).push(x.m);
      else {
        const why = x.aside ? x.aside.why : onlyAntecedent(a, x) ? "reached only through a pronoun of another clause or sentence, and none points to it" : callsBySentence.has(sent) ? "not what the call is aimed at" : "no counted call in the same sentence";
        (discounted.get(x.signal) as { m: LexMatch; why: string }[]).push({ m: x.m, why });
      }
    }
  }
  counted.forEach(sortByStart);
  return { counted, discounted, calls: calls.map((call) => callTargets(a, call)) };
}

/**
 * True when sentence `s` is an ellipsis that adds to the call before it: at most {@link ALSO_WORDS}
 * words, with an `also` word ending it, or among its first {@link ALSO_LEAD + 1} words before one
 * of `later` (its free candidates). Its words
 * are found from the `also` word outwards, never past that bound: the cost is constant per sentence.
 */
function ellipsis(a: Post, s: number, later: readonly Candidate[]): boolean {
  const { sentence } = a.tokens;
  const n = sentence.length;
  for (const m of a.also.get(s) ?? []) {
    let first = m.t0;
    while (first > 0 && sentence[first - 1] === s && m.t1 - first <= ALSO_WORDS) first--;
    let end = m.t1;
    while (end < n && sentence[end] === s && end - first <= ALSO_WORDS) end++;
    if (end - first > ALSO_WORDS) continue;
    // At its start only before whom it adds ("А следом Шойгу"), not after ("Россияне тоже виноваты").
    if (m.t1 === end || (m.t0 - first <= ALSO_LEAD && later.some((x) => x.m.t0 >= m.t1))) return true;
  }
  return false;
}

/** A call with its targets and their roles, for explanations: built only when asked for. */
function callTargets(a: Post, call: LexMatch): CallTargets {
  return {
    call,
    get roles() {
      return targetsOfCall(a, call);
    },
  };
}

/** The targets of one call with their roles (see {@link callTargets}). */
function targetsOfCall(a: Post, c: LexMatch): RoleOf[] {
  const sent = a.tokens.sentence[c.t0] as number;
  const ante = a.antecedentFor.get(sent);
  const mine = a.bySent.get(sent) ?? [];
  const rs: RoleOf[] = [];
  // In its own sentence, a name reached only through a pronoun is listed where one reaches it.
  const beside = a.beside.get(sent) ?? [];
  for (let i = 0; i < mine.length && rs.length < MAX_LISTED; i++) {
    const x = mine[i] as Candidate;
    if (!onlyAntecedent(a, x)) rs.push({ signal: x.signal, m: x.m, role: x.aside ? x.aside.role : "target", why: x.aside?.why });
    else if (ante && beside.includes(x)) rs.push({ signal: x.signal, m: x.m, role: "antecedent", why: `"${said(a.tokens, ante.pronoun)}" points to it (another clause of its sentence)` });
  }
  if (ante && ante.back !== 0) {
    const earlier = ofOnePerson(a, ante.pronoun, named(a, free(a, sent - ante.back))).slice(0, MAX_LISTED);
    const where = ante.back < 0 ? `points forward to it (${ante.back === -1 ? "the sentence after" : `${-ante.back} sentences after`})` : `points back to it (${ante.back === 1 ? "the sentence before" : `${ante.back} sentences before`})`;
    for (const x of earlier) rs.push({ signal: x.signal, m: x.m, role: "antecedent", why: `"${said(a.tokens, ante.pronoun)}" ${where}` });
  }
  return rs;
}
