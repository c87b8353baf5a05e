/**
 * A rewrite of a string that remembers, for every output code unit, which input units produced it.
 * Transformers build one with {@link RewriteBuilder}; the pipeline composes them so that any span of
 * the final normalised text maps back to the exact characters the user wrote.
 */
export interface Rewrite {
  readonly text: string;
  /** Per output code unit: first input unit it came from. */
  readonly from: Uint32Array;
  /** Per output code unit: one past the last input unit it came from. */
  readonly to: Uint32Array;
  /** Per output code unit: 1 when this transformer changed it (used to name evasion transforms). */
  readonly changed: Uint8Array;
  /**
   * True when unit i came from input unit i alone, for every i (a same-length rewrite), and no unit
   * is flagged as changed: the pipeline then keeps its maps as they are. See {@link alignedRewrite}.
   */
  readonly aligned?: boolean;
}

/** Offsets of an unchanged text of length n: unit i comes from [i, i + 1). */
export function identitySpans(n: number): [Uint32Array, Uint32Array] {
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return [starts, ends];
}

/** The unit maps of a {@link Rewrite}. */
interface RewriteMaps {
  from: Uint32Array;
  to: Uint32Array;
  changed: Uint8Array;
}

/** A rewrite whose unit maps are built on first read: long posts that changed in a few places are composed without them. */
abstract class LazyRewrite implements Rewrite {
  #maps: RewriteMaps | undefined;

  constructor(readonly text: string) {}

  protected abstract buildMaps(): RewriteMaps;

  #read(): RewriteMaps {
    return (this.#maps ??= this.buildMaps());
  }

  get from(): Uint32Array {
    return this.#read().from;
  }

  get to(): Uint32Array {
    return this.#read().to;
  }

  get changed(): Uint8Array {
    return this.#read().changed;
  }
}

/** A same-length rewrite flagging no change; the pipeline never reads its maps, so they are built only if asked for. */
class AlignedRewrite extends LazyRewrite {
  readonly aligned = true;

  protected buildMaps(): RewriteMaps {
    const [from, to] = identitySpans(this.text.length);
    return { from, to, changed: new Uint8Array(this.text.length) };
  }
}

/** A rewrite that changes characters in place (same length, unit for unit), flagging no change. */
export function alignedRewrite(text: string): Rewrite {
  return new AlignedRewrite(text);
}

/**
 * The runs of a {@link Rewrite}, four numbers a run: `[inStart, inEnd, outLength, kind]`. A run of
 * kind {@link KEEP} copies input units [inStart, inEnd) unit for unit (outLength = inEnd - inStart);
 * any other kind is a replacement whose every output unit comes from the whole span [inStart, inEnd),
 * and holds {@link CHANGED} when its units are changes. {@link FIRST_CHANGED} marks the first output
 * unit of a run as changed (the unit after a dropped span). The runs describe the same maps as
 * `from`/`to`/`changed`, so that the pipeline composes a long text that changed in a few places run
 * by run (copying the kept runs' maps as blocks) instead of unit by unit.
 */
export const KEEP = 0;
export const REPLACE = 1;
export const CHANGED = 2;
export const FIRST_CHANGED = 4;

/** A rewrite's runs, packed four numbers a run (see {@link KEEP}); read them with {@link forEachRun}. */
export type PackedRuns = readonly number[];

/** Visits the runs of `runs` in output order, each with the output unit it starts at. */
export function forEachRun(runs: PackedRuns, visit: (inStart: number, inEnd: number, outLength: number, kind: number, outStart: number) => void): void {
  let outStart = 0;
  for (let q = 0; q < runs.length; q += 4) {
    const outLength = runs[q + 2] as number;
    visit(runs[q] as number, runs[q + 1] as number, outLength, runs[q + 3] as number, outStart);
    outStart += outLength;
  }
}

/** A rewrite made of runs (see {@link KEEP}); its unit maps are built only if something reads them. */
class RunRewrite extends LazyRewrite {
  constructor(
    text: string,
    readonly runs: PackedRuns,
  ) {
    super(text);
  }

  protected buildMaps(): RewriteMaps {
    const n = this.text.length;
    const from = new Uint32Array(n);
    const to = new Uint32Array(n);
    const changed = new Uint8Array(n);
    forEachRun(this.runs, (f, t, len, kind, o) => {
      for (let k = 0; k < len; k++) {
        from[o + k] = kind & REPLACE ? f : f + k;
        to[o + k] = kind & REPLACE ? t : f + k + 1;
        changed[o + k] = kind & CHANGED ? 1 : 0;
      }
      if (kind & FIRST_CHANGED && len > 0) changed[o] = 1;
    });
    return { from, to, changed };
  }
}

/** The runs of a rewrite built by {@link RewriteBuilder}, or undefined for one given unit by unit. */
export function runsOf(r: Rewrite): PackedRuns | undefined {
  return r instanceof RunRewrite ? r.runs : undefined;
}

/** Counts units of work, for the tests that prove the cost linear (the same shape as evaluate's WorkMeter). */
export interface StepMeter {
  steps: number;
}

/**
 * Builds a {@link Rewrite} left to right, as runs: a long text kept but for a few replacements costs
 * a few runs, not three numbers a unit.
 */
export class RewriteBuilder {
  private readonly parts: string[] = [];
  /** The runs so far, packed as {@link PackedRuns} (the last run is extended in place). */
  private readonly runs: number[] = [];
  /** A dropped input span marks the next output unit as changed, so a match across it is explained. */
  private pendingChange = false;
  private touched = false;
  /** One past the last input unit written so far: where {@link replaceUnit} and {@link keepRest} resume keeping. */
  #end = 0;

  constructor(
    private readonly input: string,
    private readonly meter?: StepMeter,
  ) {}

  /** Copies input units [start, end) unchanged. */
  keep(start: number, end: number): void {
    if (end <= start) return;
    // A step a run: the units themselves are copied as a block, when the rewrite is composed.
    if (this.meter) this.meter.steps++;
    this.parts.push(this.input.slice(start, end));
    this.#keepRun(start, end);
  }

  /**
   * Replaces the one input unit at `at` by `out`, as a change, after keeping every unit since the
   * last one written: for transformers that rewrite a letter here and there (confusables, leet,
   * censored symbols) and would otherwise each track where their last replacement ended. Units must
   * be given left to right, after whatever else was written.
   */
  replaceUnit(at: number, out: string): void {
    this.keep(this.#end, at);
    this.replace(at, at + 1, out);
  }

  /** Keeps every input unit after the last one written, to the end of the input. */
  keepRest(): void {
    this.keep(this.#end, this.input.length);
  }

  /**
   * {@link keepRest} then {@link finish}, for the transformers that write with {@link replaceUnit}:
   * null at once when nothing was rewritten, without keeping the whole input first.
   */
  finishRest(): Rewrite | null {
    if (!this.touched) return null;
    this.keepRest();
    return this.finish();
  }

  /** True once anything was replaced or dropped: {@link finish} will return a rewrite, not null. */
  get changed(): boolean {
    return this.touched;
  }

  /** Records input units [start, end) as kept unit for unit, extending the kept run before them if nothing was dropped between. */
  #keepRun(start: number, end: number): void {
    this.#end = end;
    const runs = this.runs;
    const n = runs.length;
    if (!this.pendingChange && n > 0 && ((runs[n - 1] as number) & REPLACE) === 0 && runs[n - 3] === start) {
      runs[n - 3] = end;
      runs[n - 2] = (runs[n - 2] as number) + (end - start);
      return;
    }
    runs.push(start, end, end - start, this.pendingChange ? KEEP | FIRST_CHANGED : KEEP);
    this.pendingChange = false;
  }

  /**
   * Writes `out`, of as many units as input [start, end), unit for unit in its place, unflagged: the
   * same maps as keeping each unit or replacing it by one unit unflagged (`replace(i, i + 1, c, false)`).
   */
  keepAs(start: number, end: number, out: string): void {
    if (end <= start) return;
    if (this.meter) this.meter.steps++;
    if (out !== this.input.slice(start, end)) this.touched = true;
    this.parts.push(out);
    this.#keepRun(start, end);
  }

  /** Replaces input units [start, end) by `out`; every output unit maps to the whole input span. */
  replace(start: number, end: number, out: string, isChange = true): void {
    if (out.length === 0) {
      this.drop(start, end, isChange);
      return;
    }
    this.touched = true;
    if (this.meter) this.meter.steps += out.length;
    this.#end = end;
    this.parts.push(out);
    this.runs.push(start, end, out.length, REPLACE | (isChange ? CHANGED : 0) | (this.pendingChange ? FIRST_CHANGED : 0));
    this.pendingChange = false;
  }

  /** Removes input units [start, end). */
  drop(start: number, end: number, isChange = true): void {
    if (end <= start) return;
    this.#end = end;
    this.touched = true;
    if (isChange) this.pendingChange = true;
  }

  /** The rewrite, or null when nothing changed (the common case for clean text). */
  finish(): Rewrite | null {
    if (!this.touched) return null;
    return new RunRewrite(this.parts.join(""), this.runs);
  }
}
