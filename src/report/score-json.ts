import type { Judged, PolicyScore, ScoreRun } from "../evaluate/score.js";
import type { Proportion } from "../evaluate/stats.js";
import { offsetsFor, type OffsetUnit } from "./eval-format.js";
import { whyNotObject } from "./why-not-format.js";

/** A proportion as JSON: `{k, n, value, low, high}` (value and bounds null when n is 0). */
function prop(p: Proportion): Record<string, unknown> {
  return { k: p.k, n: p.n, value: p.value, low: p.low, high: p.high };
}

/** One misclassified post as JSON: the post, what was expected, what was decided and why not. */
export function missObject(j: Judged, unit: OffsetUnit): Record<string, unknown> {
  const d = j.decision;
  const text = j.item.text;
  // One conversion for the matches and the why-not: the text is scanned once.
  const at = offsetsFor(text, unit);
  return {
    id: j.item.id,
    line: j.item.line,
    text,
    country: d.country,
    lang: d.lang,
    expected: j.item.expected,
    decided: j.decided,
    decision: d.decision,
    rule: d.rule,
    reason: d.reason,
    policy: d.policy,
    matches: d.matches.map((m) => ({ signal: m.signal, term: m.term, text: m.text, start: at(m.start), end: at(m.end) })),
    expectedRule: j.expectedRule ? { rule: j.expectedRule.rule, source: j.expectedRule.source } : null,
    groups: j.item.groups,
    ...(j.whyNot ? { whyNot: whyNotObject(j.whyNot, at) } : {}),
  };
}

function policyObject(p: PolicyScore, unit: OffsetUnit): Record<string, unknown> {
  const matrix: Record<string, Record<string, number>> = {};
  p.confusion.classes.forEach((c, i) => {
    matrix[c] = Object.fromEntries(p.confusion.classes.map((d, j) => [d, p.confusion.matrix[i]?.[j] ?? 0]));
  });
  const groups: Record<string, unknown> = {};
  for (const [g, list] of p.groups) groups[g] = list.map((x) => ({ value: x.value, accuracy: prop(x.accuracy) }));
  return {
    policy: p.policy,
    labelled: p.labelled,
    unlabelled: p.unlabelled,
    accuracy: prop(p.accuracy),
    kappa: p.kappa.kappa,
    classes: p.classes.map((c) => ({ class: c.class, support: c.support, predicted: c.predicted, hits: c.hits, precision: prop(c.precision), recall: prop(c.recall), f1: c.f1 })),
    confusion: { rows: "label", columns: "decision", matrix },
    rules: p.rules.map((r) => ({ rule: r.rule, decided: r.decided, wrong: r.wrong, precision: prop(r.precision), wrongExpected: r.wrongExpected })),
    groups,
    misclassified: p.missCount,
    ...(p.agreement ? { agreement: { n: p.agreement.n, observed: p.agreement.observed, chance: p.agreement.chance, kappa: p.agreement.kappa, categories: p.agreement.categories } } : {}),
    misses: p.misses.map((j) => missObject(j, unit)),
  };
}

/**
 * The whole score as one JSON document (documented in docs/scoring.md): what was read, then per
 * policy its figures, confusion matrix, rules, groups and misclassified posts, then the gates.
 */
export function scoreObject(run: ScoreRun, unit: OffsetUnit): Record<string, unknown> {
  return {
    files: run.files,
    labelField: run.labelField,
    ...(run.secondField !== undefined ? { secondLabelField: run.secondField } : {}),
    classes: run.classes,
    ...(run.positive ? { positive: run.positive } : {}),
    groupings: run.groupings,
    records: run.records,
    errors: run.errors,
    errorRecords: run.errorList.map((e) => ({ file: e.file, id: e.id, line: e.line, error: { code: e.code, message: e.message } })),
    policies: run.policies.map((p) => policyObject(p, unit)),
    gates: run.gates.map((g) => ({ option: g.gate.option, measure: g.gate.measure, ...(g.gate.class !== undefined ? { class: g.gate.class } : {}), min: g.gate.min, policy: g.policy, value: g.value, k: g.k, n: g.n, passed: g.passed })),
  };
}
