import { DECISIONS, type DecisionName } from "../base/decisions.js";
import type { CompiledPolicy } from "../compile/types.js";
import type { Label } from "../input/labels.js";

/**
 * The classes posts are scored in, and how decisions and labels map onto them. Scoring by decision
 * (the default) compares the four decisions; a binary scheme (`--positive violating`) folds them
 * into two, as a yes/no label such as `violent: true` needs.
 */
export interface Scheme {
  /** The classes, in the order tables list them. */
  readonly classes: readonly string[];
  /** The class a decision falls in. */
  classOf(decision: DecisionName): string;
  /**
   * The classes a label accepts, first the one meant when the policy got it wrong; `undefined` for a
   * post not labelled; a string when the label does not fit this scheme (why).
   */
  expected(label: Label): readonly string[] | undefined | string;
  /** The decision to ask "why not?" about when a post should have been in `cls`. */
  decisionFor(cls: string, policy: CompiledPolicy): DecisionName;
}

/** Scoring by the four decisions; a yes/no label does not fit it (it needs `--positive`). */
export const DECISION_SCHEME: Scheme = {
  classes: DECISIONS,
  classOf: (d) => d,
  expected(label) {
    switch (label.kind) {
      case "none":
        return undefined;
      case "decisions":
        return label.decisions;
      case "binary":
        return `a yes/no label (${label.value}) needs --positive DECISION to say which decisions 'yes' means`;
      default:
        return label.kind === "invalid" ? label.message : "a label per policy names no policy scored here";
    }
  },
  decisionFor: (cls) => cls as DecisionName,
};

/**
 * Scoring by two classes: `positive` (the decisions a yes means, e.g. `violating`) and everything
 * else (`not violating`). A yes/no label maps directly; a decision label maps when all its
 * acceptable decisions fall on one side, so a decision-labelled set can be scored as yes/no too.
 */
export function binaryScheme(positive: readonly DecisionName[]): Scheme {
  const pos = positive.join("|");
  const neg = `not ${pos}`;
  const isPos = (d: DecisionName) => positive.includes(d);
  return {
    classes: [pos, neg],
    classOf: (d) => (isPos(d) ? pos : neg),
    expected(label) {
      switch (label.kind) {
        case "none":
          return undefined;
        case "binary":
          return [label.value ? pos : neg];
        case "decisions": {
          const sides = new Set(label.decisions.map(isPos));
          if (sides.size === 2) return `the label ${label.decisions.join("|")} accepts decisions on both sides of --positive ${pos}`;
          return [isPos(label.decisions[0] as DecisionName) ? pos : neg];
        }
        default:
          return label.kind === "invalid" ? label.message : "a label per policy names no policy scored here";
      }
    },
    decisionFor(cls, policy) {
      if (cls === pos) return positive[0] as DecisionName;
      // A post that should not have been positive would most plausibly have got the default.
      return isPos(policy.fallback.decision) ? (DECISIONS.find((d) => !isPos(d)) as DecisionName) : policy.fallback.decision;
    },
  };
}
