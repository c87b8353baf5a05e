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
  // Given unit by unit: each stretch of units made from one span is that span's replacement.
  const n = r.text.length;
  const out: Maps = { starts: new Uint32Array(n), ends: new Uint32Array(n), flags: new Uint16Array(n) };
  const maps = mapsOf(prev);
  const { from, to, changed } = r;
  for (let i = 0; i < n; ) {
    const f = from[i] as number;
    const t = to[i] as number;
    let j = i + 1;
    while (j < n && from[j] === f && to[j] === t) j++;
    const spanFlags = fromSpan(prev, maps, f, t, out, i, j - i, 0);
    for (let k = i; k < j; k++) if (changed[k]) out.flags[k] = spanFlags | bit;
    i = j;
  }
  return { original: prev.original, text: r.text, starts: out.starts, ends: out.ends, flags: out.flags };
}

/** A text's maps back to the original (see {@link NormalisedText}). */
interface Maps {
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  readonly flags: Uint16Array;
}

/** The maps of `prev` to read, or undefined when its units never moved: unit i is [i, i + 1), unflagged. */
function mapsOf(prev: NormalisedText): Maps | undefined {
  return isIdentity(prev) ? undefined : prev;
}

/**
 * Writes units [o, o + len) of a rewrite's result, all made from the whole span [f, t) of `prev`
 * (read through `maps`, see {@link mapsOf}), into `out`: each maps to the span's original characters
 * and carries the flags of all the span's units, gathered once, plus `bit`. Returns the span's
 * flags, for a caller that flags only some of the units as changed. The replacement step of
 * {@link composeRewrite} and {@link composeRuns}.
 */
function fromSpan(prev: NormalisedText, maps: Maps | undefined, f: number, t: number, out: Maps, o: number, len: number, bit: number): number {
  const s = maps ? (maps.starts[f] ?? prev.original.length) : f < prev.text.length ? f : prev.original.length;
  const e = t > f ? (maps ? (maps.ends[t - 1] as number) : t) : s;
  let spanFlags = 0;
  if (maps) for (let k = f; k < t; k++) spanFlags |= maps.flags[k] as number;
  out.starts.fill(s, o, o + len);
  out.ends.fill(e, o, o + len);
  out.flags.fill(spanFlags | bit, o, o + len);
  return spanFlags;
}

/**
 * {@link composeRewrite} for a rewrite given as runs (see rewrite.ts): the same maps and flags, but a
 * kept run copies its block of the previous maps at once (or, over a text that never moved, writes
 * its offsets), so a long post changed in a few places costs a copy of its maps, not a gather per
 * unit through three arrays built a unit at a time.
 */
function composeRuns(prev: NormalisedText, text: string, runs: PackedRuns, bit: number): NormalisedText {
  const n = text.length;
  const out: Maps = { starts: new Uint32Array(n), ends: new Uint32Array(n), flags: new Uint16Array(n) };
  const { starts, ends, flags } = out;
  const maps = mapsOf(prev);
  forEachRun(runs, (f, t, len, kind, o) => {
    if (len === 0) return;
    if ((kind & REPLACE) === 0) {
      // Unit for unit: unit o + k comes from f + k alone.
      if (maps) {
        starts.set(maps.starts.subarray(f, t), o);
        ends.set(maps.ends.subarray(f, t), o);
        // Flags unit by unit (each read once); offsets as blocks.
        const prevFlags = maps.flags;
        for (let k = 0; k < len; k++) flags[o + k] = prevFlags[f + k] as number;
      } else {
        for (let k = 0; k < len; k++) {
          starts[o + k] = f + k;
          ends[o + k] = f + k + 1;
        }
      }
      if (kind & FIRST_CHANGED) flags[o] = (flags[o] as number) | bit;
    } else {
      // Every unit from the whole span [f, t).
      const spanFlags = fromSpan(prev, maps, f, t, out, o, len, kind & CHANGED ? bit : 0);
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
