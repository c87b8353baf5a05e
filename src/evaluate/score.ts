import type { CompiledPolicy } from "../compile/types.js";
import type { GateResult } from "./score-gates.js";
import { evaluate, type Decision, type Post } from "./evaluate.js";
import type { Scheme } from "./score-scheme.js";
import { accuracy, classFigures, cohenKappa, kappaOfPairs, proportion, type ClassFigures, type Confusion, type Kappa, type Proportion } from "./stats.js";
import { whyNot, type WhyNot } from "./why-not.js";

/** A labelled post, ready to score: the post, where it came from, and what it should get. */
export interface LabelledPost {
  readonly id: string;
  readonly line: number;
  readonly text: string;
  readonly post: Post;
  /** The acceptable classes (see {@link Scheme.expected}), the first one meant when the policy misses. */
  readonly expected: readonly string[];
  /** The deciding rule the record expects (`rule`, as in case files; null: the default), when it says. */
  readonly expectedRule?: string | null | undefined;
  /** The record's value for each `--by` field (`lang` and `country` are the decision's). */
  readonly groups: Readonly<Record<string, string | null>>;
}

/** The rule expected to decide a post: the label's own, or the nearest rule that gives the expected decision. */
export interface ExpectedRule {
  /** A rule id; null for the policy's default. */
  readonly rule: string | null;
  /** `label`: the record names it; `nearest`: of the rules that give the decision, the one that failed on the fewest parts. */
  readonly source: "label" | "nearest";
}

/** One post scored under one policy. */
export interface Judged {
  readonly item: LabelledPost;
  readonly decision: Decision;
  /** The class of the decision. */
  readonly decided: string;
  /** The class counted as the truth: the decision when acceptable, else the first acceptable class. */
  readonly truth: string;
  readonly correct: boolean;
  /** The rule that decided, as tables name it (`(default)` for the policy's default). */
  readonly ruleKey: string;
  /** For a post decided wrongly: why it did not get the expected decision. */
  readonly whyNot?: WhyNot;
  readonly expectedRule?: ExpectedRule | undefined;
}

/** Name of the default in rule tables. */
export const DEFAULT_RULE = "(default)";

/** The nearest rule giving `w.wanted`: one that holds but was pre-empted, else the one with the fewest failed parts. */
function nearestRule(w: WhyNot): ExpectedRule | undefined {
  const held = w.rules.find((r) => r.holds);
  if (held) return { rule: held.id, source: "nearest" };
  let best: WhyNot["rules"][number] | undefined;
  for (const r of w.rules) if (!best || r.failed.length < best.failed.length) best = r;
  if (best) return { rule: best.id, source: "nearest" };
  return w.fallback ? { rule: null, source: "nearest" } : undefined;
}

/**
 * Decides a labelled post under `policy` and scores the decision. A post decided wrongly also gets
 * the "why not" of the expected decision and the rule that should have decided it. `sourceId` is
 * the id scored (a timeline's, when the policy is one of its versions), so that a rule of a version
 * is named with its version. Pure.
 */
export function judge(item: LabelledPost, policy: CompiledPolicy, scheme: Scheme, sourceId: string = policy.id): Judged {
  const decision = evaluate(item.post, policy);
  const decided = scheme.classOf(decision.decision);
  const correct = item.expected.includes(decided);
  const rule = decision.rule ?? DEFAULT_RULE;
  const ruleKey = decision.policy === sourceId ? rule : `${decision.policy}:${rule}`;
  if (correct) return { item, decision, decided, truth: decided, correct, ruleKey };
  const truth = item.expected[0] as string;
  const w = whyNot(item.post, policy, scheme.decisionFor(truth, policy));
  const expectedRule: ExpectedRule | undefined = item.expectedRule !== undefined ? { rule: item.expectedRule, source: "label" } : nearestRule(w);
  return { item, decision, decided, truth, correct, ruleKey, whyNot: w, expectedRule };
}

/** Accuracy of one group of posts (a language, a country, a value of a `--by` field). */
export interface GroupFigures {
  /** The group's value; null for posts that have none (no country, an empty field). */
  readonly value: string | null;
  readonly accuracy: Proportion;
}

/** What one rule decided, and how much of it was wrong. */
export interface RuleFigures {
  readonly rule: string;
  readonly decided: number;
  readonly wrong: number;
  /** The share of its decisions that were acceptable, with its interval. */
  readonly precision: Proportion;
  /** For the posts it decided wrongly: how many of each expected class. */
  readonly wrongExpected: Readonly<Record<string, number>>;
}

/** Agreement of the labels with a second label column, for the posts labelled in both. */
export interface Agreement extends Kappa {
  /** The categories compared: classes, or several joined by `|` where a label accepts several. */
  readonly categories: readonly string[];
}

/** Everything scored about one policy. */
export interface PolicyScore {
  readonly policy: string;
  /** Posts labelled for this policy, and those read but not labelled for it. */
  readonly labelled: number;
  readonly unlabelled: number;
  readonly accuracy: Proportion;
  /** Cohen's κ of the policy's decisions against the labels. */
  readonly kappa: Kappa;
  readonly classes: readonly ClassFigures[];
  /** Rows: the expected class; columns: the decided one. */
  readonly confusion: Confusion;
  readonly rules: readonly RuleFigures[];
  /** Accuracy per group, for each grouping (`lang`, `country`, then each `--by` field). */
  readonly groups: ReadonlyMap<string, readonly GroupFigures[]>;
  /** The posts decided wrongly, in input order (at most `keep` of them; see {@link ScoreTally}). */
  readonly misses: readonly Judged[];
  /** How many posts were decided wrongly in all (misses beyond `keep` are counted, not kept). */
  readonly missCount: number;
  readonly agreement?: Agreement | undefined;
}

const sortGroups = (a: GroupFigures, b: GroupFigures): number => (a.value === null ? 1 : b.value === null ? -1 : a.value.localeCompare(b.value));

/**
 * Accumulates the score of one policy as labelled posts stream past: the confusion matrix, the
 * tallies per rule and per group, the posts decided wrongly (the first `keep`), and the pairs of
 * labels for κ. Memory grows with the number of groups and of misses kept, not with the posts.
 */
export class ScoreTally {
  private readonly index: Map<string, number>;
  private readonly matrix: number[][];
  private readonly rules = new Map<string, { decided: number; wrong: number; wrongExpected: Record<string, number> }>();
  private readonly groups = new Map<string, Map<string | null, [number, number]>>();
  private readonly misses: Judged[] = [];
  private readonly pairs: [string, string][] = [];
  private missCount = 0;
  private unlabelled = 0;

  constructor(
    readonly policy: string,
    private readonly scheme: Scheme,
    private readonly groupings: readonly string[],
    /** Rule ids in policy order, so tables list them as the policy does. */
    private readonly ruleOrder: readonly string[],
    private readonly keep = Infinity,
  ) {
    this.index = new Map(scheme.classes.map((c, i) => [c, i]));
    this.matrix = scheme.classes.map(() => scheme.classes.map(() => 0));
    for (const g of groupings) this.groups.set(g, new Map());
  }

  /** Counts one judged post. */
  add(j: Judged): void {
    const row = this.matrix[this.index.get(j.truth) as number] as number[];
    const col = this.index.get(j.decided) as number;
    row[col] = (row[col] as number) + 1;
    let r = this.rules.get(j.ruleKey);
    if (!r) this.rules.set(j.ruleKey, (r = { decided: 0, wrong: 0, wrongExpected: {} }));
    r.decided++;
    if (!j.correct) {
      r.wrong++;
      r.wrongExpected[j.truth] = (r.wrongExpected[j.truth] ?? 0) + 1;
      this.missCount++;
      if (this.misses.length < this.keep) this.misses.push(j);
    }
    for (const g of this.groupings) {
      const m = this.groups.get(g) as Map<string | null, [number, number]>;
      // A post's language and country are the decision's: the record's own, else (for the language) the identifier's.
      const v = g === "lang" ? j.decision.lang : g === "country" ? j.decision.country : (j.item.groups[g] ?? null);
      const t = m.get(v) ?? [0, 0];
      t[0] += j.correct ? 1 : 0;
      t[1]++;
      m.set(v, t);
    }
  }

  /** Counts a post read but not labelled for this policy. */
  addUnlabelled(): void {
    this.unlabelled++;
  }

  /** Records the two labellers' categories of one post (see {@link labelCategory}). */
  addPair(first: string, second: string): void {
    this.pairs.push([first, second]);
  }

  get result(): PolicyScore {
    const confusion: Confusion = { classes: this.scheme.classes, matrix: this.matrix };
    const acc = accuracy(confusion);
    const order = (k: string) => {
      const i = this.ruleOrder.indexOf(k);
      return i < 0 ? (k === DEFAULT_RULE ? this.ruleOrder.length : this.ruleOrder.length + 1) : i;
    };
    const rules = [...this.rules.entries()]
      .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
      .map(([rule, r]): RuleFigures => ({ rule, decided: r.decided, wrong: r.wrong, precision: proportion(r.decided - r.wrong, r.decided), wrongExpected: r.wrongExpected }));
    const groups = new Map<string, GroupFigures[]>();
    for (const [g, m] of this.groups) groups.set(g, [...m.entries()].map(([value, [k, n]]) => ({ value, accuracy: proportion(k, n) })).sort(sortGroups));
    return {
      policy: this.policy,
      labelled: acc.n,
      unlabelled: this.unlabelled,
      accuracy: acc,
      kappa: cohenKappa(this.matrix),
      classes: classFigures(confusion),
      confusion,
      rules,
      groups,
      misses: this.misses,
      missCount: this.missCount,
      ...(this.pairs.length > 0 ? { agreement: kappaOfPairs(this.pairs) } : {}),
    };
  }
}

/** A label as one category for κ: its class, or its acceptable classes joined by `|`, in scheme order. */
export function labelCategory(expected: readonly string[], scheme: Scheme): string {
  return scheme.classes.filter((c) => expected.includes(c)).join("|");
}

/** A record that could not be scored: unreadable, not a post, or with a label that is not one. */
export interface ScoreError {
  readonly id: string;
  readonly line: number;
  /** The labels file it is in. */
  readonly file: string;
  readonly code: string;
  readonly message: string;
}

/** A whole `score` run: what was read, the score of each policy, and the gates checked. */
export interface ScoreRun {
  /** The labels files, as given. */
  readonly files: readonly string[];
  /** The label field read (`label`, else `expect`, unless `--label-field` names one). */
  readonly labelField: string;
  /** The second label column compared for κ, if any. */
  readonly secondField?: string | undefined;
  /** The classes scored; `positive` when the scheme is binary. */
  readonly classes: readonly string[];
  readonly positive?: readonly string[] | undefined;
  /** The groupings, in order: `lang`, `country`, then each `--by` field. */
  readonly groupings: readonly string[];
  /** Records read, errors included. */
  readonly records: number;
  /** Records that could not be scored (the first of them are in `errorList`). */
  readonly errors: number;
  readonly errorList: readonly ScoreError[];
  readonly policies: readonly PolicyScore[];
  readonly gates: readonly GateResult[];
}
