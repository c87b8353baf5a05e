import { isUtf8 } from "node:buffer";
import { TextDecoder } from "node:util";

/** What {@link decodeInput} found wrong with the encoding of a stream, told once at its end. */
export interface EncodingReport {
  /** Lines that held invalid UTF-8 (each now holds U+FFFD in its place). */
  readonly invalidLines: number;
  /** The first such line (1-based, counting line feeds). */
  readonly firstLine: number;
}

type Chunk = Buffer | string;

/**
 * Makes a byte stream valid UTF-8 before the record readers see it, and says what it changed:
 *
 * - a stream that starts with a UTF-16 byte order mark (what some Windows tools export) is
 *   decoded as UTF-16 and passed on as UTF-8;
 * - invalid UTF-8 (a Latin-1 export, a truncated file, binary noise) is replaced by U+FFFD, line
 *   by line, and counted: `report` is called at the end with how many lines and the first one.
 *
 * Valid input passes through as it came (one native check per chunk): the common case pays a scan
 * for line feeds and nothing else. A character split between chunks is held back until it is
 * complete, so the check never mistakes a chunk boundary for an error. Strings pass unchanged.
 */
export async function* decodeInput(source: AsyncIterable<Chunk>, report?: (r: EncodingReport) => void): AsyncGenerator<Chunk> {
  let carry: Buffer | undefined;
  let line = 1;
  let invalidLines = 0;
  let firstLine = 0;
  let lastBadLine = 0;
  let started = false;
  let utf16: TextDecoder | undefined;

  /** Passes `body` (complete characters only) on, repaired when it is not valid UTF-8. */
  const pass = (body: Buffer): Buffer => {
    if (isUtf8(body)) {
      line += countLf(body);
      return body;
    }
    // Slow path, only for bad chunks: repair and count line by line (a line feed is never part of
    // a multi-byte character, so lines can be checked independently).
    const parts: Buffer[] = [];
    let start = 0;
    for (;;) {
      const nl = body.indexOf(10, start);
      const seg = body.subarray(start, nl < 0 ? body.length : nl);
      if (isUtf8(seg)) parts.push(seg);
      else {
        parts.push(Buffer.from(seg.toString("utf8"), "utf8"));
        if (line !== lastBadLine) {
          invalidLines++;
          lastBadLine = line;
          if (firstLine === 0) firstLine = line;
        }
      }
      if (nl < 0) break;
      parts.push(LF);
      line++;
      start = nl + 1;
    }
    return Buffer.concat(parts);
  };

  for await (const chunk of source) {
    if (typeof chunk === "string") {
      yield chunk;
      continue;
    }
    let buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = undefined;
    if (!started) {
      if (buf.length < 2) {
        carry = buf;
        continue;
      }
      started = true;
      if (buf[0] === 0xff && buf[1] === 0xfe) utf16 = new TextDecoder("utf-16le");
      else if (buf[0] === 0xfe && buf[1] === 0xff) utf16 = new TextDecoder("utf-16be");
    }
    if (utf16) {
      const s = utf16.decode(buf, { stream: true });
      if (s.length > 0) yield Buffer.from(s, "utf8");
      continue;
    }
    const cut = completeLength(buf);
    if (cut < buf.length) carry = buf.subarray(cut);
    buf = buf.subarray(0, cut);
    if (buf.length > 0) yield pass(buf);
  }
  if (utf16) {
    const rest = utf16.decode(carry ?? new Uint8Array(0));
    if (rest.length > 0) yield Buffer.from(rest, "utf8");
  } else if (carry && carry.length > 0) yield pass(carry);
  if (invalidLines > 0) report?.({ invalidLines, firstLine });
}

const LF = Buffer.from([10]);

function countLf(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * The length of `b` without a multi-byte character that starts in its last three bytes and does
 * not end in it (the rest of it is in the next chunk). Invalid bytes are not held back.
 */
function completeLength(b: Buffer): number {
  for (let back = 1; back <= 3 && back <= b.length; back++) {
    const c = b[b.length - back] as number;
    if ((c & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const need = c >= 0xf0 && c <= 0xf4 ? 4 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xc2 && c <= 0xdf ? 2 : 1;
    return need > back ? b.length - back : b.length;
  }
  return b.length;
}

/** The note printed for an {@link EncodingReport}: where the input was repaired. */
export function encodingNote(name: string, r: EncodingReport): string {
  const lines = `${r.invalidLines} line${r.invalidLines === 1 ? "" : "s"}`;
  return `${name}: invalid UTF-8 on ${lines} (first on line ${r.firstLine}) was replaced by U+FFFD; the records were evaluated as repaired`;
}
