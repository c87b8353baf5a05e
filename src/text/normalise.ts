import { censored, confusables, leet, spacedLetters } from "./evasion.js";
import { CHANGED, FIRST_CHANGED, forEachRun, identitySpans, type PackedRuns, REPLACE, runsOf, type Rewrite, type StepMeter } from "./rewrite.js";
import { apostrophes, compat, diacritics, invisible, lower, type Transformer } from "./transformers.js";

/** The transformers, in the order they run. Order matters: case and width are folded before the
 * script-aware steps look at letters, and letters are repaired before spaced runs are joined. */
export const TRANSFORMERS: readonly Transformer[] = [
  invisible,
  compat,
  lower,
  apostrophes,
  diacritics,
  confusables,
  censored,
  leet,
  spacedLetters,
];

/**
 * Text after normalisation, with a map back to the original. For normalised code unit i,
 * the original characters are `[starts[i], ends[i])`.
 */
export interface NormalisedText {
  readonly original: string;
  readonly text: string;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** Per normalised code unit: bit k set when evasion transformer k (in {@link TRANSFORMERS}) changed it. */
  readonly flags: Uint16Array;
}

/**
 * A text whose every unit still sits where it was in the original: unit i maps to [i, i + 1). Most
 * posts stay so through the whole pipeline (case, apostrophes and Polish diacritics fold unit for
 * unit), so the maps are built only if something reads them.
 */
class IdentityMapped implements NormalisedText {
  #maps: { starts: Uint32Array; ends: Uint32Array; flags: Uint16Array } | undefined;

  constructor(
    readonly original: string,
    readonly text: string,
  ) {}

  #build() {
    const [starts, ends] = identitySpans(this.text.length);
    return (this.#maps = { starts, ends, flags: new Uint16Array(this.text.length) });
  }

  get starts(): Uint32Array {
    return (this.#maps ?? this.#build()).starts;
  }

  get ends(): Uint32Array {
    return (this.#maps ?? this.#build()).ends;
  }

  get flags(): Uint16Array {
    return (this.#maps ?? this.#build()).flags;
  }
}

function isIdentity(n: NormalisedText): boolean {
  return n instanceof IdentityMapped;
}

/**
 * The text after rewrite `r` of `prev`, with its maps back to the original: each unit of the result
 * maps to the original span of the units it came from, and carries their flags plus `bit` when `r`
 * changed it. Linear in the two texts: the flags of a span of `prev` are gathered once per distinct
 * span, not once per unit (a rewrite gives every unit of one replacement the same span, and a letter
 * with half a million combining marks, which NFKC rewrites as one span of as many units, took
 * minutes to compose unit by unit).
 */
export function composeRewrite(prev: NormalisedText, r: Rewrite, bit: number): NormalisedText {
  // An aligned rewrite flags nothing, so it keeps the maps (and flags) as they are.
  if (r.aligned) {
    // Positions are unchanged: keep the (possibly still unbuilt) maps of the previous step.
    if (isIdentity(prev)) return new IdentityMapped(prev.original, r.text);
    return { original: prev.original, text: r.text, starts: prev.starts, ends: prev.ends, flags: prev.flags };
  }
  const runs = runsOf(r);
  if (runs) return composeRuns(prev, r.text, runs, bit);
  const n = r.text.length;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const flags = new Uint16Array(n);
  const { from, to, changed } = r;
  const prevFlags = prev.flags;
  // The flags of the last span gathered, [lastFrom, lastTo).
  let lastFrom = -1;
  let lastTo = -1;
  let spanFlags = 0;
  for (let i = 0; i < n; i++) {
    const f = from[i] as number;
    const t = to[i] as number;
    starts[i] = prev.starts[f] ?? prev.original.length;
    ends[i] = t > f ? (prev.ends[t - 1] as number) : (starts[i] as number);
    if (f !== lastFrom || t !== lastTo) {
      spanFlags = 0;
      for (let k = f; k < t; k++) spanFlags |= prevFlags[k] as number;
      lastFrom = f;
      lastTo = t;
    }
    flags[i] = changed[i] ? spanFlags | bit : spanFlags;
  }
  return { original: prev.original, text: r.text, starts, ends, flags };
}

/**
 * {@link composeRewrite} for a rewrite given as runs (see rewrite.ts): the same maps and flags, but a
 * kept run copies its block of the previous maps at once (or, over a text that never moved, writes
 * its offsets), so a long post changed in a few places costs a copy of its maps, not a gather per
 * unit through three arrays built a unit at a time.
 */
function composeRuns(prev: NormalisedText, text: string, runs: PackedRuns, bit: number): NormalisedText {
  const n = text.length;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const flags = new Uint16Array(n);
  const identity = isIdentity(prev);
  const prevStarts = identity ? undefined : prev.starts;
  const prevEnds = identity ? undefined : prev.ends;
  const prevFlags = identity ? undefined : prev.flags;
  forEachRun(runs, (f, t, len, kind, o) => {
    if (len === 0) return;
    if ((kind & REPLACE) === 0) {
      // Unit for unit: unit o + k comes from f + k alone.
      if (prevStarts && prevEnds && prevFlags) {
        starts.set(prevStarts.subarray(f, t), o);
        ends.set(prevEnds.subarray(f, t), o);
        // Flags unit by unit (each read once); offsets as blocks.
        for (let k = 0; k < len; k++) flags[o + k] = prevFlags[f + k] as number;
      } else {
        for (let k = 0; k < len; k++) {
          starts[o + k] = f + k;
          ends[o + k] = f + k + 1;
        }
      }
      if (kind & FIRST_CHANGED) flags[o] = (flags[o] as number) | bit;
    } else {
      // Every unit from the whole span [f, t): its start, end and flags gathered once.
      const s = prevStarts ? (prevStarts[f] ?? prev.original.length) : f < prev.text.length ? f : prev.original.length;
      const e = t > f ? (prevEnds ? (prevEnds[t - 1] as number) : t) : s;
      let spanFlags = 0;
      if (prevFlags) for (let k = f; k < t; k++) spanFlags |= prevFlags[k] as number;
      starts.fill(s, o, o + len);
      ends.fill(e, o, o + len);
      flags.fill(kind & CHANGED ? spanFlags | bit : spanFlags, o, o + len);
      if (kind & FIRST_CHANGED) flags[o] = spanFlags | bit;
    }
  });
  return { original: prev.original, text, starts, ends, flags };
}

/**
 * Runs every transformer over `text`; spans of the result map back through {@link toOriginal}. A
 * `meter`, when given (by the tests), counts the units handled one at a time and the runs composed.
 */
export function normalise(text: string, transformers: readonly Transformer[] = TRANSFORMERS, meter?: StepMeter): NormalisedText {
  let cur: NormalisedText = new IdentityMapped(text, text);
  for (let k = 0; k < transformers.length; k++) {
    const t = transformers[k] as Transformer;
    const r = t.apply(cur.text, meter);
    if (r) cur = composeRewrite(cur, r, t.evasion ? 1 << k : 0);
  }
  return cur;
}

/** Maps the normalised span [start, end) to the original text's [start, end). */
export function toOriginal(n: NormalisedText, start: number, end: number): [number, number] {
  // Text whose units never moved maps to itself (and its identity arrays need never be built).
  if (isIdentity(n)) return [start, end];
  if (end <= start) {
    const p = start < n.text.length ? (n.starts[start] as number) : n.original.length;
    return [p, p];
  }
  return [n.starts[start] as number, n.ends[end - 1] as number];
}

/** Names of the evasion transformers that changed any unit of the normalised span [start, end). */
export function transformsIn(n: NormalisedText, start: number, end: number): string[] {
  if (isIdentity(n)) return [];
  let bits = 0;
  for (let i = start; i < end; i++) bits |= n.flags[i] as number;
  if (bits === 0) return [];
  const out: string[] = [];
  TRANSFORMERS.forEach((t, k) => {
    if (bits & (1 << k)) out.push(t.description);
  });
  return out;
}
