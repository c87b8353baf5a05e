import { bomAt, LineEnds, pastLineEnd } from "./line-ends.js";

/** One physical line of input, or a note that it was longer than the limit (its content dropped). */
export type Line = { readonly line: number; readonly text: string } | { readonly line: number; readonly tooLong: number };

// ignoreBOM: a byte order mark is dropped from the first line only (below), as the fast path does.
const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });

/**
 * Splits a byte stream into lines without ever holding more than one line (up to `maxBytes`) in
 * memory: a longer line is skipped as it streams past and reported by its length in bytes as they
 * came. A line ends at LF, CRLF or CR; a UTF-8 byte order mark and a missing final newline are
 * handled; invalid UTF-8 becomes U+FFFD.
 */
export async function* readLines(source: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line> {
  for await (const batch of readLineBatches(source, maxBytes)) yield* batch;
}

/**
 * {@link readLines}, a batch per chunk read: the lines each chunk completed. A large input costs one
 * asynchronous step per chunk (64 KiB, hundreds of lines), not per line; a slow one still yields
 * each line as soon as its chunk arrives.
 */
export async function* readLineBatches(source: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line[]> {
  let parts: Buffer[] = [];
  let partLen = 0;
  let overflow = 0; // bytes of the current line beyond what we keep
  let lineNo = 1;
  let first = true;
  const finish = (): Line => {
    let buf = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, partLen);
    parts = [];
    partLen = 0;
    if (overflow > 0) {
      const len = overflow + buf.length;
      overflow = 0;
      return { line: lineNo, tooLong: len };
    }
    if (first && bomAt(buf, 0, buf.length)) buf = buf.subarray(3);
    first = false;
    return { line: lineNo, text: decoder.decode(buf) };
  };
  const add = (b: Buffer): void => {
    if (overflow > 0 || partLen + b.length > maxBytes) {
      overflow += partLen + b.length;
      parts = [];
      partLen = 0;
      first = false;
      return;
    }
    parts.push(b);
    partLen += b.length;
  };
  // The last line ended with a CR at the end of a chunk: a LF starting the next one is its CRLF.
  let afterCr = false;
  for await (const chunk of source) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    if (buf.length === 0) continue;
    let start = afterCr && buf[0] === 10 ? 1 : 0;
    afterCr = false;
    const ends = new LineEnds(buf);
    const batch: Line[] = [];
    for (;;) {
      const nl = ends.next(start);
      if (nl < 0) break;
      if (parts.length === 0 && overflow === 0 && nl - start <= maxBytes) {
        // The common case, a whole line inside this chunk: decoded straight from the chunk.
        let a = start;
        if (first && bomAt(buf, a, nl)) a += 3;
        first = false;
        batch.push({ line: lineNo, text: buf.toString("utf8", a, nl) });
      } else {
        add(buf.subarray(start, nl));
        batch.push(finish());
      }
      lineNo++;
      if (buf[nl] === 13 && nl + 1 === buf.length) afterCr = true;
      start = pastLineEnd(buf, nl);
    }
    if (start < buf.length) add(buf.subarray(start));
    if (batch.length > 0) yield batch;
  }
  if (partLen > 0 || overflow > 0) yield [finish()];
}

/**
 * Whole lines of an input as the bytes they came as, for `eval --jobs`: the thread that reads only
 * cuts the input at line ends and counts, and a worker thread decodes and splits (see
 * {@link splitChunk}). The bytes of consecutive pieces of one input are consecutive in it (nothing
 * between them, so they may be joined), except around a {@link TooLongLine}.
 */
export interface LinePiece {
  readonly kind: "piece";
  /** The bytes, in parts (views of the chunks read, not copied): whole lines, each with its line end (LF, CRLF or CR; the input's last line may lack one), and no byte order mark. */
  readonly parts: readonly Buffer[];
  /** Their total length. */
  readonly bytes: number;
  /** Physical line of the first line. */
  readonly line: number;
  /** Lines that are not blank (see {@link isBlankLine}): the records they hold. */
  readonly records: number;
}

/** A line longer than the limit: its content was not kept (see {@link readLineBatches}). */
export interface TooLongLine {
  readonly kind: "too-long";
  readonly line: number;
  /** Its length in bytes as it came (a byte order mark included, the line end not). */
  readonly bytes: number;
}

/**
 * Whether the bytes `b[from, to)` are a blank line: empty, or only spaces and tabs. The same test
 * as the record readers' `/^[ \t]*$/` on the decoded line, since both bytes are ASCII and anything
 * else (invalid UTF-8 too) decodes to some other character.
 */
export function isBlankLine(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * {@link readLineBatches} for `eval --jobs`: the same lines, but left as bytes. For each chunk read
 * it yields the lines that chunk completed, as {@link LinePiece}s (one, or more around a line over
 * `maxBytes`, which is a {@link TooLongLine} and is never held in memory). It finds every line end
 * (one native search per line) and tests each line for blankness (usually its first byte), and
 * decodes nothing: UTF-8 sequences are never cut, since a line end is a byte no sequence holds. A
 * line that ends in CR at the end of a chunk is kept until the next chunk says whether a LF follows
 * (CRLF), so that every piece holds whole line ends and joined pieces split as the input does. The
 * input's byte order mark is dropped from the first line, as {@link readLineBatches} does.
 */
export async function* readLinePieces(source: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<(LinePiece | TooLongLine)[]> {
  // The line being read when a chunk ended: its parts (line end included when `carryCr`), and the
  // length of its content. Or, past maxBytes, only how long it is (`overflow`).
  let carry: Buffer[] = [];
  let carryLen = 0;
  let carryCr = false;
  let overflow = 0;
  let lineNo = 1;
  let first = true;
  let out: (LinePiece | TooLongLine)[] = [];
  // The piece being built: its parts and the lines in it.
  let parts: Buffer[] = [];
  let size = 0;
  let pieceLine = 1;
  let records = 0;
  const endPiece = (): void => {
    if (size > 0) out.push({ kind: "piece", parts, bytes: size, line: pieceLine, records });
    parts = [];
    size = 0;
    records = 0;
    pieceLine = lineNo;
  };
  const addPart = (b: Buffer): void => {
    if (b.length === 0) return;
    parts.push(b);
    size += b.length;
  };
  const tooLong = (bytes: number): void => {
    endPiece();
    out.push({ kind: "too-long", line: lineNo, bytes });
    lineNo++;
    pieceLine = lineNo;
    first = false;
  };
  /** Ends the carried line: `tail` is the rest of it in this chunk, line end included; `content` its length without the line end. */
  const endCarried = (tail: Buffer, content: number): void => {
    if (overflow > 0 || content > maxBytes) {
      tooLong(overflow > 0 ? overflow + content : content);
      overflow = 0;
    } else {
      let line = carry.length === 1 && tail.length === 0 ? (carry[0] as Buffer) : Buffer.concat([...carry, tail]);
      let skip = 0;
      if (first && bomAt(line, 0, content)) skip = 3;
      first = false;
      if (skip > 0) line = line.subarray(skip);
      if (!isBlankLine(line, 0, content - skip)) records++;
      addPart(line);
      lineNo++;
    }
    carry = [];
    carryLen = 0;
    carryCr = false;
  };
  /** Keeps the unfinished line `b` (`content` bytes of it before a final CR, if `cr`). */
  const keep = (b: Buffer, content: number, cr: boolean): void => {
    if (overflow > 0 || carryLen + content > maxBytes) {
      overflow += carryLen + content;
      carry = [];
      carryLen = 0;
    } else {
      if (b.length > 0) carry.push(b);
      carryLen += content;
    }
    carryCr = cr;
  };
  for await (const chunk of source) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    if (buf.length === 0) continue;
    const ends = new LineEnds(buf);
    let start = 0;
    // The line carried over from the last chunk: its end is in this one (or is the CR it ended with).
    if (carryCr) {
      const lf = buf[0] === 10 ? 1 : 0;
      endCarried(buf.subarray(0, lf), carryLen);
      start = lf;
    } else if (carry.length > 0 || overflow > 0) {
      const nl = ends.next(0);
      if (nl < 0 || (buf[nl] === 13 && nl + 1 === buf.length)) {
        keep(buf, nl < 0 ? buf.length : nl, nl >= 0);
        if (out.length > 0) yield out;
        out = [];
        continue;
      }
      const end = pastLineEnd(buf, nl);
      endCarried(buf.subarray(0, end), carryLen + nl);
      start = end;
    }
    // Whole lines of this chunk: one part, from `from` to the last line end.
    let from = start;
    for (;;) {
      const nl = ends.next(start);
      // A CR ending the chunk may be the first half of a CRLF: that line waits for the next chunk.
      if (nl < 0 || (buf[nl] === 13 && nl + 1 === buf.length)) break;
      const end = pastLineEnd(buf, nl);
      if (nl - start > maxBytes) {
        addPart(buf.subarray(from, start));
        tooLong(nl - start);
        from = end;
      } else {
        if (first && bomAt(buf, start, nl)) {
          // Only the input's first line can be here with a BOM before anything of the piece.
          start += 3;
          from = start;
        }
        first = false;
        if (!isBlankLine(buf, start, nl)) records++;
        lineNo++;
      }
      start = end;
    }
    addPart(buf.subarray(from, start));
    if (start < buf.length) {
      const cr = buf[buf.length - 1] === 13;
      keep(buf.subarray(start), buf.length - start - (cr ? 1 : 0), cr);
    }
    endPiece();
    if (out.length > 0) yield out;
    out = [];
  }
  // The last line, with no line end (or a CR the input ended with).
  if (carry.length > 0 || overflow > 0 || carryLen > 0) {
    endCarried(Buffer.alloc(0), carryLen);
    endPiece();
  }
  if (out.length > 0) yield out;
}

/**
 * The lines of a {@link LinePiece}'s bytes (or of several joined), numbered from `firstLine`: what
 * {@link readLineBatches} gave for them, decoded as it decodes them (invalid UTF-8 as U+FFFD).
 */
export function splitChunk(b: Buffer, firstLine: number): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const ends = new LineEnds(b);
  let start = 0;
  let line = firstLine;
  for (;;) {
    const nl = ends.next(start);
    if (nl < 0) break;
    out.push({ line: line++, text: b.toString("utf8", start, nl) });
    start = pastLineEnd(b, nl);
  }
  if (start < b.length) out.push({ line, text: b.toString("utf8", start) });
  return out;
}
