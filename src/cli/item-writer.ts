import type { Output } from "./output.js";

/**
 * How the items of a stream of results are separated: each item is preceded by `lead`, and every
 * item after the first also by `glue` before that. A JSON array is `{ lead: "\n", glue: "," }`
 * (`[\n a,\n b\n]`); text blocks set apart by a blank line are `{ lead: "", glue: "\n" }`; JSONL
 * and CSV lines need neither.
 */
export interface ItemSeparators {
  readonly lead: string;
  readonly glue: string;
}

export const JSON_ARRAY: ItemSeparators = { lead: "\n", glue: "," };
export const NO_SEPARATORS: ItemSeparators = { lead: "", glue: "" };

/** Joins items as a run of them would be written from the start of a stream (see {@link ItemWriter.addJoined}). */
export function joinItems(items: readonly string[], sep: ItemSeparators): string {
  return sep.lead === "" && sep.glue === "" ? items.join("") : items.map((x) => sep.lead + x).join(sep.glue);
}

/**
 * Writes the items of one output stream with their separators, wherever they come from: one at a
 * time from this thread, or already joined in batches by worker threads. It is the one place that
 * knows whether a comma is due, so no caller counts items to decide that.
 */
export class ItemWriter {
  private written = 0;

  constructor(
    private readonly out: Output,
    private readonly sep: ItemSeparators,
  ) {}

  /** Items written so far. */
  get count(): number {
    return this.written;
  }

  /** Queues one item. */
  add(item: string): void {
    this.out.add(`${this.written > 0 ? this.sep.glue : ""}${this.sep.lead}${item}`);
    this.written++;
  }

  /** Queues `count` items joined by {@link joinItems} (empty when `count` is 0), as text or as UTF-8 bytes (from a worker thread). */
  addJoined(joined: string | Uint8Array, count: number): void {
    if (count === 0) return;
    if (typeof joined !== "string") {
      if (this.written > 0 && this.sep.glue !== "") this.out.add(this.sep.glue);
      this.out.add(joined);
    } else this.out.add(this.written > 0 ? this.sep.glue + joined : joined);
    this.written += count;
  }

  /** What ends the stream of items before a closing bracket or summary: a newline after any JSON item. */
  get tail(): string {
    return this.written === 0 ? "" : this.sep.lead || this.sep.glue;
  }
}
