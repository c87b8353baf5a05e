import type { CaseSpec } from "../compile/compile-cases.js";
import type { CompiledPolicy } from "../compile/types.js";
import type { DecisionName } from "../base/decisions.js";
import { analyse, evaluate, holds, type Decision, type Post } from "./evaluate.js";
import { fieldProblems } from "../compile/record-fields.js";
import { explain, traceCond, type Explanation, type RuleTrace } from "./explain.js";

/** How a case came out: as expected, not, a known gap (todo), or a known gap that now passes. */
export type CaseStatus = "pass" | "fail" | "todo" | "fixed";

/** Why a case did not come out as expected: the full explanation and the rules that would have. */
export interface CaseDetail {
  readonly explanation: Explanation;
  /**
   * The expected rule, or (when none is named) the rules that give an expected decision, each with
   * the value of every part of its condition for this post: what was missing.
   */
  readonly expectedRules: readonly RuleTrace[];
}

/** One case run against one policy. */
export interface CaseOutcome {
  readonly spec: CaseSpec;
  readonly status: CaseStatus;
  readonly decision: Decision;
  /** What differed from the expectation (empty when it passed); "record": its fields are not valid for the policy. */
  readonly mismatch: readonly ("decision" | "rule" | "record")[];
  /** When the case's record fields are missing or wrong for the policy: why (it would be an error record). */
  readonly recordProblem?: string;
  /** Present for failures and todo cases. */
  readonly detail?: CaseDetail;
  /** Time taken, in milliseconds (0 without a clock). */
  readonly ms: number;
}

/** How many cases each rule decided: a rule no case reaches is untested. */
export interface Coverage {
  readonly rules: readonly { readonly id: string; readonly decision: DecisionName; readonly hits: number }[];
  /** Cases decided by the policy's default. */
  readonly defaultHits: number;
  readonly covered: number;
  readonly total: number;
  /** covered / total × 100; 100 for a policy without rules. */
  readonly percent: number;
}

/** Every case of one policy, run. */
export interface PolicyTestRun {
  readonly policy: { readonly id: string; readonly file: string; readonly title: string | undefined };
  readonly outcomes: readonly CaseOutcome[];
  readonly coverage: Coverage;
}

/** Totals over a whole run. */
export interface TestTotals {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly todo: number;
  readonly fixed: number;
  readonly skipped: number;
  /** Rule files (policies, case files, what they include) that could not be loaded: each fails the run. */
  readonly errors: number;
}

/**
 * Runs cases against a compiled policy and measures rule coverage. Pure apart from the optional
 * clock: the same policy and cases always give the same outcomes.
 */
export function runPolicyTests(policy: CompiledPolicy, cases: readonly CaseSpec[], clock?: () => number): PolicyTestRun {
  const outcomes = cases.map((spec) => runCase(policy, spec, clock));
  return { policy: { id: policy.id, file: policy.file, title: policy.title }, outcomes, coverage: coverageOf(policy, outcomes) };
}

function runCase(policy: CompiledPolicy, spec: CaseSpec, clock: (() => number) | undefined): CaseOutcome {
  const t0 = clock?.() ?? 0;
  const post: Post = { text: spec.text, country: spec.country ?? null, lang: spec.lang ?? null, fields: spec.fields };
  const decision = evaluate(post, policy);
  const mismatch: ("decision" | "rule" | "record")[] = [];
  // A record the command line would refuse (an error record) passes no case, whatever it decides.
  const problems = fieldProblems(spec.fields, false, policy);
  if (problems.length > 0) mismatch.push("record");
  if (!spec.expect.includes(decision.decision)) mismatch.push("decision");
  if (spec.rule !== undefined && spec.rule !== decision.rule) mismatch.push("rule");
  const ok = mismatch.length === 0;
  const status: CaseStatus = spec.todo ? (ok ? "fixed" : "todo") : ok ? "pass" : "fail";
  const detail = ok ? undefined : detailOf(policy, spec, post);
  return { spec, status, decision, mismatch, detail, ms: clock ? clock() - t0 : 0, ...(problems.length > 0 ? { recordProblem: problems.map((p) => p.message).join("; ") } : {}) };
}

function detailOf(policy: CompiledPolicy, spec: CaseSpec, post: Post): CaseDetail {
  const explanation = explain(post, policy);
  const a = analyse(post, policy);
  const wanted =
    typeof spec.rule === "string"
      ? policy.rules.filter((r) => r.id === spec.rule)
      : spec.rule === null
        ? []
        : policy.rules.filter((r) => spec.expect.includes(r.decision) && r.id !== explanation.rule).slice(0, 3);
  const expectedRules = wanted.map((r) => ({ id: r.id, decision: r.decision, holds: holds(r.when, a), trace: traceCond(r.when, a, r.whenSource, policy) }));
  return { explanation, expectedRules };
}

/** Which rules the cases reach. Known gaps (todo) do not count: their outcome is known to be wrong. */
export function coverageOf(policy: CompiledPolicy, outcomes: readonly CaseOutcome[]): Coverage {
  const hits = new Map<string, number>();
  let defaultHits = 0;
  for (const o of outcomes) {
    if (o.spec.todo) continue;
    if (o.decision.rule === null) defaultHits++;
    else hits.set(o.decision.rule, (hits.get(o.decision.rule) ?? 0) + 1);
  }
  const rules = policy.rules.map((r) => ({ id: r.id, decision: r.decision, hits: hits.get(r.id) ?? 0 }));
  const covered = rules.filter((r) => r.hits > 0).length;
  return { rules, defaultHits, covered, total: rules.length, percent: rules.length === 0 ? 100 : (100 * covered) / rules.length };
}

/**
 * Adds up the outcomes of several policies' runs, plus the cases skipped because their policy was
 * not loaded and the rule files that could not be loaded at all.
 */
export function totals(runs: readonly PolicyTestRun[], skipped = 0, errors = 0): TestTotals {
  const t = { total: skipped, passed: 0, failed: 0, todo: 0, fixed: 0, skipped, errors };
  for (const r of runs) {
    for (const o of r.outcomes) {
      t.total++;
      if (o.status === "pass") t.passed++;
      else if (o.status === "fail") t.failed++;
      else if (o.status === "todo") t.todo++;
      else t.fixed++;
    }
  }
  return t;
}
