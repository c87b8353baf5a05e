import { analyse } from "../../src/evaluate/evaluate.js";
import { loadPolicy } from "../../src/use-cases/load-policy.js";

// Whom a call is aimed at, on the bundled policy: shared by the target tests.
/** The bundled meta-2022-03-10 policy. */
export const policy = (await loadPolicy("meta-2022-03-10")).policy!;
const targetSignals = policy.signals.filter((s) => s.targetOf !== null);

/** The target signals that count for a post (poster in UA), each with the words it counted. */
export function aimedAt(text: string): Record<string, string[]> {
  const a = analyse({ text, country: "UA" }, policy);
  const out: Record<string, string[]> = {};
  for (const s of targetSignals) {
    const st = a.states[s.index];
    if (st && st.counted.length > 0) out[s.name] = st.counted.map((m) => a.tokens.words.slice(m.t0, m.t1).join(" "));
  }
  return out;
}
