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

/** A same-length rewrite flagging no change; the pipeline never reads its maps, so they are built only if asked for. */
class AlignedRewrite implements Rewrite {
  readonly aligned = true;
  #maps: { from: Uint32Array; to: Uint32Array; changed: Uint8Array } | undefined;

  constructor(readonly text: string) {}

  #build() {
    const [from, to] = identitySpans(this.text.length);
    return (this.#maps = { from, to, changed: new Uint8Array(this.text.length) });
  }

  get from(): Uint32Array {
    return (this.#maps ?? this.#build()).from;
  }

  get to(): Uint32Array {
    return (this.#maps ?? this.#build()).to;
  }

  get changed(): Uint8Array {
    return (this.#maps ?? this.#build()).changed;
  }
}

/** A rewrite that changes characters in place (same length, unit for unit), flagging no change. */
export function alignedRewrite(text: string): Rewrite {
  return new AlignedRewrite(text);
}

/** Builds a {@link Rewrite} left to right. */
export class RewriteBuilder {
  private readonly parts: string[] = [];
  private from: number[] = [];
  private to: number[] = [];
  private changed: number[] = [];
  /** A dropped input span marks the next output unit as changed, so a match across it is explained. */
  private pendingChange = false;
  private touched = false;

  constructor(private readonly input: string) {}

  /** Copies input units [start, end) unchanged. */
  keep(start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(this.input.slice(start, end));
    for (let i = start; i < end; i++) {
      this.from.push(i);
      this.to.push(i + 1);
      this.changed.push(this.pendingChange ? 1 : 0);
      this.pendingChange = false;
    }
  }

  /** Replaces input units [start, end) by `out`; every output unit maps to the whole input span. */
  replace(start: number, end: number, out: string, isChange = true): void {
    if (out.length === 0) {
      this.drop(start, end, isChange);
      return;
    }
    this.touched = true;
    this.parts.push(out);
    for (let k = 0; k < out.length; k++) {
      this.from.push(start);
      this.to.push(end);
      this.changed.push(isChange || this.pendingChange ? 1 : 0);
      this.pendingChange = false;
    }
  }

  /** Removes input units [start, end). */
  drop(start: number, end: number, isChange = true): void {
    if (end <= start) return;
    this.touched = true;
    if (isChange) this.pendingChange = true;
  }

  /** The rewrite, or null when nothing changed (the common case for clean text). */
  finish(): Rewrite | null {
    if (!this.touched) return null;
    return {
      text: this.parts.join(""),
      from: Uint32Array.from(this.from),
      to: Uint32Array.from(this.to),
      changed: Uint8Array.from(this.changed),
    };
  }
}
