import type { TargetCues } from "../compile/types.js";
import type { LexMatch } from "../match/index.js";
import type { Tokens } from "../text/tokenise.js";

// The post-wide state of target assignment (src/evaluate/targets.ts): one post's cues, calls and
// candidates grouped by sentence once, and the binary searches the role steps run over them. Kept
// apart so that targets.ts holds the rules of the roles and this file the bookkeeping they read.

/**
 * What a target candidate is to a call: aimed at (`target`), aimed at through a pronoun that points
 * back to an earlier sentence (`antecedent`), described as having suffered violence (`victim`),
 * explicitly spared (`spared`), the one who says a quoted call (`speaker`), or a word inside a
 * longer name of another target (`inside`: "vecis", an old man, in "bunkura vecis", Putin), or named
 * in the reason the post gives for a call aimed at someone else (`reason`: the invaders in "Lukashenko
 * should hang … for handing Belarus over to the invaders").
 */
export type TargetRole = "target" | "antecedent" | "victim" | "spared" | "speaker" | "inside" | "reason" | "setting";

/** A target candidate while its roles are worked out: its signal and why it is set aside (or null). */
export interface Candidate {
  readonly signal: number;
  readonly m: LexMatch;
  aside: { role: TargetRole; why: string } | null;
  /** The reason word whose clause names it ("for handing … to the invaders"), or null. */
  reason: LexMatch | null;
}

/** Matches of the given lexicons, grouped by sentence and in text order within each. */
export function bySentence(lists: readonly number[] | undefined, lex: readonly LexMatch[][], tokens: Tokens): Map<number, LexMatch[]> {
  const out = new Map<number, LexMatch[]>();
  if (lists === undefined) return out;
  for (let i = 0; i < lists.length; i++) {
    const ms = lex[lists[i] as number];
    if (ms === undefined) continue;
    for (let j = 0; j < ms.length; j++) {
      const m = ms[j] as LexMatch;
      const s = tokens.sentence[m.t0] as number;
      let list = out.get(s);
      if (!list) out.set(s, (list = []));
      list.push(m);
    }
  }
  if (out.size > 0) out.forEach(sortByStart);
  return out;
}

/** Sorts a list of matches by start word (stable: equal starts keep their order). */
export function sortByStart(list: LexMatch[]): void {
  if (list.length > 1) list.sort(byStart);
}

function byStart(a: LexMatch, b: LexMatch): number {
  return a.t0 - b.t0;
}

/** How many matches of a sorted list start before word `t` (binary search). */
export function countBefore(list: readonly LexMatch[], t: number): number {
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
export function lastBefore(list: readonly LexMatch[] | undefined, t: number): LexMatch | undefined {
  if (!list) return undefined;
  const n = countBefore(list, t);
  return n > 0 ? list[n - 1] : undefined;
}

/** The first match of a sorted list that starts at or after word `t`, or undefined. */
export function firstFrom(list: readonly LexMatch[] | undefined, t: number): LexMatch | undefined {
  return list ? list[countBefore(list, t)] : undefined;
}

/** True when a sorted list has a match starting in [from, to). */
export function anyStartIn(list: readonly LexMatch[] | undefined, from: number, to: number): boolean {
  const last = lastBefore(list, to);
  return last !== undefined && last.t0 >= from;
}

/** One post's cues, calls and candidates, shared by the steps of {@link assignTargets}: one shape, made by one constructor. */
export class Post {
  readonly relative: Map<number, LexMatch[]>;
  readonly acts: Map<number, LexMatch[]>;
  readonly spare: Map<number, LexMatch[]>;
  readonly spareAround: Map<number, LexMatch[]>;
  readonly quantifiers: Map<number, LexMatch[]>;
  readonly pronouns: Map<number, LexMatch[]>;
  readonly avenged: Map<number, LexMatch[]>;
  readonly avengedAfter: Map<number, LexMatch[]>;
  readonly same: Map<number, LexMatch[]>;
  readonly also: Map<number, LexMatch[]>;
  readonly actStop: Map<number, LexMatch[]>;
  readonly reasons: Map<number, LexMatch[]>;
  /** Pronouns of one person by sentence, and the lexicons whose names are one person (see TargetCues). */
  readonly pronounOne: Map<number, LexMatch[]>;
  readonly onePerson: readonly number[];
  /** Lexicons whose names a call reaches only through a pronoun of another clause or sentence (see TargetCues). */
  readonly antecedentOnly: readonly number[];
  /** The calls by sentence, each list in text order; `callSents` their sentences in the map's order. */
  readonly callsBySentence = new Map<number, LexMatch[]>();
  readonly callSents: number[] = [];
  /** Candidates by sentence, across every target signal; `sents` their sentences in the map's order. */
  readonly bySent = new Map<number, Candidate[]>();
  readonly sents: number[] = [];
  /** The same candidates in text order, the longest first at a start (see assignTargets). */
  readonly inOrder = new Map<number, { entries: Candidate[]; matches: LexMatch[] }>();
  readonly aimed = new Map<LexMatch, { back: number; pronoun: LexMatch } | null>();
  readonly antecedentFor = new Map<number, { back: number; pronoun: LexMatch }>();
  /** Per call sentence, the candidates of another clause of it that its pronoun points to (see targets.ts besideCalls). */
  readonly beside = new Map<number, readonly Candidate[]>();

  constructor(
    readonly tokens: Tokens,
    cues: TargetCues | null,
    lex: readonly LexMatch[][],
    calls: readonly LexMatch[],
  ) {
    this.relative = bySentence(cues?.relative, lex, tokens);
    this.acts = bySentence(cues?.reportedAct, lex, tokens);
    this.spare = bySentence(cues?.spare, lex, tokens);
    this.spareAround = bySentence(cues?.spareAround, lex, tokens);
    this.quantifiers = bySentence(cues?.none, lex, tokens);
    this.pronouns = bySentence(cues?.pronouns, lex, tokens);
    this.avenged = bySentence(cues?.avenged, lex, tokens);
    this.avengedAfter = bySentence(cues?.avengedAfter, lex, tokens);
    this.same = bySentence(cues?.same, lex, tokens);
    this.also = bySentence(cues?.also, lex, tokens);
    this.actStop = bySentence(cues?.actStop, lex, tokens);
    this.reasons = bySentence(cues?.reason, lex, tokens);
    this.pronounOne = bySentence(cues?.pronounOne, lex, tokens);
    this.onePerson = cues?.onePerson ?? [];
    this.antecedentOnly = cues?.antecedentOnly ?? [];
    for (let i = 0; i < calls.length; i++) {
      const c = calls[i] as LexMatch;
      const s = tokens.sentence[c.t0] as number;
      let list = this.callsBySentence.get(s);
      if (!list) {
        this.callsBySentence.set(s, (list = []));
        this.callSents.push(s);
      }
      list.push(c);
    }
    // Binary searches below need each sentence's calls in text order (a union lists them by member).
    this.callsBySentence.forEach(sortByStart);
  }
}
