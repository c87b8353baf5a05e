import type { PolicyScore } from "./score.js";

/** A threshold a score must reach (`--min-accuracy`, `--min-recall CLASS=N`, `--min-precision CLASS=N`). */
export interface Gate {
  readonly measure: "accuracy" | "recall" | "precision";
  /** The class, for recall and precision. */
  readonly class?: string;
  /** The least acceptable value, from 0 to 1. */
  readonly min: number;
  /** The option as written, for messages. */
  readonly option: string;
}

/** A gate checked against one policy's score. */
export interface GateResult {
  readonly gate: Gate;
  readonly policy: string;
  /** The measured value; null when it cannot be measured (no post labelled, or none decided, in the class). */
  readonly value: number | null;
  readonly k: number;
  readonly n: number;
  readonly passed: boolean;
}

/**
 * Checks every gate against every policy. A measure that cannot be taken fails its gate: a CI gate
 * on the recall of `violating` must not pass because no labelled violation was read.
 */
export function checkGates(scores: readonly PolicyScore[], gates: readonly Gate[]): GateResult[] {
  const out: GateResult[] = [];
  for (const s of scores) {
    for (const gate of gates) {
      const p = gate.measure === "accuracy" ? s.accuracy : s.classes.find((c) => c.class === gate.class)?.[gate.measure];
      const value = p?.value ?? null;
      out.push({ gate, policy: s.policy, value, k: p?.k ?? 0, n: p?.n ?? 0, passed: value !== null && value >= gate.min });
    }
  }
  return out;
}
