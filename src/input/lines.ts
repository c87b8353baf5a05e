import { LineEnds } from "./line-ends.js";

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
    if (first && buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
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
        if (first && nl - a >= 3 && buf[a] === 0xef && buf[a + 1] === 0xbb && buf[a + 2] === 0xbf) a += 3;
        first = false;
        batch.push({ line: lineNo, text: buf.toString("utf8", a, nl) });
      } else {
        add(buf.subarray(start, nl));
        batch.push(finish());
      }
      lineNo++;
      if (buf[nl] === 13 && nl + 1 === buf.length) afterCr = true;
      start = buf[nl] === 13 && buf[nl + 1] === 10 ? nl + 2 : nl + 1;
    }
    if (start < buf.length) add(buf.subarray(start));
    if (batch.length > 0) yield batch;
  }
  if (partLen > 0 || overflow > 0) yield [finish()];
}
