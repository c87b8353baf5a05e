import { DECISIONS, type DecisionName } from "../base/decisions.js";
import type { Decision } from "./evaluate.js";

/** How one post fares under two policies (`modpol diff --from A --to B`). */
export interface PostDiff {
  readonly from: Decision;
  readonly to: Decision;
  /** The decision differs. */
  readonly changed: boolean;
  /** The decision is the same but another rule made it (or the default instead of a rule). */
  readonly ruleChanged: boolean;
}

/** Compares one post's decisions under two policies. Pure. */
export function diffDecisions(from: Decision, to: Decision): PostDiff {
  const changed = from.decision !== to.decision;
  return { from, to, changed, ruleChanged: !changed && from.rule !== to.rule };
}

/** Counts of posts by decision under the first policy (rows) and under the second (columns). */
export type Matrix = Record<DecisionName, Record<DecisionName, number>>;

/** An empty {@link Matrix}. */
export function emptyMatrix(): Matrix {
  const row = (): Record<DecisionName, number> => ({ violating: 0, exempt: 0, clear: 0, review: 0 });
  return { violating: row(), exempt: row(), clear: row(), review: row() };
}

/** The transition matrix of a whole run and of each country's posts (null: no country). */
export interface DiffSummary {
  /** Records read, errors included. */
  readonly total: number;
  readonly errors: number;
  readonly changed: number;
  /** Posts whose decision stayed the same but was made by another rule. */
  readonly ruleChanged: number;
  readonly matrix: Matrix;
  readonly byCountry: ReadonlyMap<string | null, Matrix>;
}

/** Accumulates a {@link DiffSummary} as posts stream past, at constant cost per post. */
export class DiffCounter {
  private readonly matrix = emptyMatrix();
  private readonly byCountry = new Map<string | null, Matrix>();
  private total = 0;
  private errors = 0;
  private changed = 0;
  private ruleChanged = 0;

  /** Counts one post: its decision under each policy, and whether another rule made the same decision. */
  add(country: string | null, from: DecisionName, to: DecisionName, ruleChanged = false): void {
    let m = this.byCountry.get(country);
    if (!m) {
      m = emptyMatrix();
      this.byCountry.set(country, m);
    }
    m[from][to]++;
    this.matrix[from][to]++;
    this.total++;
    if (from !== to) this.changed++;
    else if (ruleChanged) this.ruleChanged++;
  }

  /** Counts a record that could not be evaluated. */
  addError(): void {
    this.total++;
    this.errors++;
  }

  get summary(): DiffSummary {
    return { total: this.total, errors: this.errors, changed: this.changed, ruleChanged: this.ruleChanged, matrix: this.matrix, byCountry: this.byCountry };
  }
}

/** A change of decision and how many posts made it. */
export interface Transition {
  readonly from: DecisionName;
  readonly to: DecisionName;
  readonly count: number;
}

/** The non-zero cells of a matrix, off the diagonal (changes only) or all of them. */
export function transitions(m: Matrix, changesOnly = true): Transition[] {
  const out: Transition[] = [];
  for (const from of DECISIONS) for (const to of DECISIONS) if (m[from][to] > 0 && (!changesOnly || from !== to)) out.push({ from, to, count: m[from][to] });
  return out;
}

/** Posts in a matrix, and how many of them kept their decision. */
export function matrixTotals(m: Matrix): { readonly posts: number; readonly unchanged: number } {
  let posts = 0;
  let unchanged = 0;
  for (const from of DECISIONS) {
    for (const to of DECISIONS) {
      posts += m[from][to];
      if (from === to) unchanged += m[from][to];
    }
  }
  return { posts, unchanged };
}
