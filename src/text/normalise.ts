import { confusables, leet, spacedLetters } from "./evasion.js";
import { identitySpans, type Rewrite } from "./rewrite.js";
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

/** Runs every transformer over `text`; spans of the result map back through {@link toOriginal}. */
export function normalise(text: string, transformers: readonly Transformer[] = TRANSFORMERS): NormalisedText {
  let cur: NormalisedText = new IdentityMapped(text, text);
  for (let k = 0; k < transformers.length; k++) {
    const t = transformers[k] as Transformer;
    const r = t.apply(cur.text);
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
