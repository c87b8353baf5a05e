/** The four decisions a policy can make (SPEC §3); part of the command-line contract. */
export const DECISIONS = ["violating", "exempt", "clear", "review"] as const;

/** One of {@link DECISIONS}. */
export type DecisionName = (typeof DECISIONS)[number];

/** True when `s` names a decision. */
export function isDecision(s: string): s is DecisionName {
  return (DECISIONS as readonly string[]).includes(s);
}
