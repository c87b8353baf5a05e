import { isUtf8 } from "node:buffer";
import { TextDecoder } from "node:util";
import { LineEnds } from "./line-ends.js";

/** What {@link decodeInput} found wrong with the encoding of a stream, told once at its end. */
export interface EncodingReport {
  /** Lines that held invalid UTF-8 (each is read with U+FFFD in its place). */
  readonly invalidLines: number;
  /** The first such line (1-based; a line ends at LF, CRLF or CR, as the record readers have it). */
  readonly firstLine: number;
}

/** What {@link decodeInput} tells as it goes: the invalid UTF-8 it counted, an encoding it recognised. */
export interface EncodingListener {
  /** Called once at the end, when some lines held invalid UTF-8. */
  readonly invalid?: (r: EncodingReport) => void;
  /** Called once, when the input was recognised as UTF-16 or UTF-32 without a byte order mark. */
  readonly detected?: (encoding: string) => void;
}

type Chunk = Buffer | string;

/** Decodes a stream in another encoding to text, a chunk at a time (`end` on the last call). */
type Decode = (b: Buffer, end: boolean) => string;

/**
 * Makes a byte stream UTF-8 before the record readers see it, and says what it found:
 *
 * - a stream that starts with a UTF-16 or UTF-32 byte order mark (what some Windows tools export)
 *   is decoded from it and passed on as UTF-8;
 * - one without a mark but whose bytes can only be UTF-16 or UTF-32 text (ASCII in UTF-16 is every
 *   other byte zero: read as UTF-8 it splits into more lines than it has, each with NULs) is
 *   decoded the same way, and `detected` is told; bytes that merely look like it but do not decode
 *   to clean text are read as UTF-8, never guessed;
 * - invalid UTF-8 (a Latin-1 export, a truncated file, binary noise) is passed on as it is, for the
 *   readers to decode as U+FFFD (so a record's size is the size of the bytes it came as), and
 *   counted: `invalid` is told at the end how many lines held some and the first one.
 *
 * Valid input passes through as it came (one native check per chunk): the common case pays a scan
 * for line ends and nothing else. A character split between chunks is held back until it is
 * complete, so the check never mistakes a chunk boundary for an error. Strings pass unchanged.
 */
export async function* decodeInput(source: AsyncIterable<Chunk>, listen: EncodingListener = {}): AsyncGenerator<Chunk> {
  let carry: Buffer | undefined;
  let started = false;
  let decode: Decode | undefined;
  const lines = new LineCounter();

  for await (const chunk of source) {
    if (typeof chunk === "string") {
      yield chunk;
      continue;
    }
    let buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = undefined;
    if (!started) {
      if (!enoughToSniff(buf)) {
        carry = buf;
        continue;
      }
      started = true;
      const found = sniff(buf);
      if (found) {
        decode = found.decode;
        buf = buf.subarray(found.skip);
        if (found.guessed) listen.detected?.(found.name);
      }
    }
    if (decode) {
      const s = decode(buf, false);
      if (s.length > 0) yield Buffer.from(s, "utf8");
      continue;
    }
    const cut = completeLength(buf);
    if (cut < buf.length) carry = buf.subarray(cut);
    buf = buf.subarray(0, cut);
    if (buf.length > 0) {
      lines.check(buf);
      yield buf;
    }
  }
  if (!started && carry && carry.length > 0) {
    // A stream shorter than a sniff: what it is, it is as a whole.
    const found = sniff(carry);
    if (found) {
      if (found.guessed) listen.detected?.(found.name);
      const s = found.decode(carry.subarray(found.skip), true);
      if (s.length > 0) yield Buffer.from(s, "utf8");
      carry = undefined;
    }
  }
  if (decode) {
    const rest = decode(carry ?? Buffer.alloc(0), true);
    if (rest.length > 0) yield Buffer.from(rest, "utf8");
  } else if (carry && carry.length > 0) {
    lines.check(carry);
    yield carry;
  }
  if (lines.invalidLines > 0) listen.invalid?.({ invalidLines: lines.invalidLines, firstLine: lines.firstLine });
}

/**
 * Counts the lines that hold invalid UTF-8, a line ending at LF, CRLF or CR (as the record readers
 * have it). A line break is never part of a multi-byte character, so lines are checked on their own.
 */
class LineCounter {
  invalidLines = 0;
  firstLine = 0;
  private line = 1;
  private lastBadLine = 0;
  /** The last chunk ended with a CR: a LF that starts the next one ends the same line. */
  private afterCr = false;

  check(body: Buffer): void {
    // Valid chunks, nearly all of them, are only counted; bad ones are checked line by line.
    const valid = isUtf8(body);
    const ends = new LineEnds(body);
    let start = 0;
    for (;;) {
      const end = ends.next(start);
      if (!valid) {
        const seg = body.subarray(start, end < 0 ? body.length : end);
        if (seg.length > 0 && !isUtf8(seg) && this.line !== this.lastBadLine) {
          this.invalidLines++;
          this.lastBadLine = this.line;
          if (this.firstLine === 0) this.firstLine = this.line;
        }
      }
      if (end < 0) {
        if (start < body.length) this.afterCr = false;
        return;
      }
      if (body[end] === 10 && this.afterCr && end === start) {
        // The LF of a CRLF whose CR ended the chunk before: the same line end.
        this.afterCr = false;
        start = end + 1;
        continue;
      }
      this.line++;
      this.afterCr = body[end] === 13 && end + 1 === body.length;
      start = body[end] === 13 && body[end + 1] === 10 ? end + 2 : end + 1;
    }
  }
}

/**
 * Whether `b` is enough to tell the encoding: four bytes (the longest byte order mark), or two when
 * the first cannot start a mark (a line typed at a terminal is decided at once).
 */
function enoughToSniff(b: Buffer): boolean {
  if (b.length >= 4) return true;
  const first = b[0];
  return b.length >= 2 && first !== 0xff && first !== 0xfe && first !== 0x00;
}

interface Sniffed {
  readonly name: string;
  /** Bytes of the byte order mark, dropped. */
  readonly skip: number;
  /** True when there was no mark: the encoding was recognised from the bytes. */
  readonly guessed: boolean;
  readonly decode: Decode;
}

/** The encoding the first bytes of a stream show, or undefined for UTF-8. */
function sniff(b: Buffer): Sniffed | undefined {
  const at = (i: number) => b[i] ?? -1;
  if (at(0) === 0xff && at(1) === 0xfe && at(2) === 0x00 && at(3) === 0x00) return { name: "UTF-32LE", skip: 4, guessed: false, decode: utf32(true) };
  if (at(0) === 0x00 && at(1) === 0x00 && at(2) === 0xfe && at(3) === 0xff) return { name: "UTF-32BE", skip: 4, guessed: false, decode: utf32(false) };
  if (at(0) === 0xff && at(1) === 0xfe) return { name: "UTF-16LE", skip: 2, guessed: false, decode: utf16(true) };
  if (at(0) === 0xfe && at(1) === 0xff) return { name: "UTF-16BE", skip: 2, guessed: false, decode: utf16(false) };
  if (at(0) === 0xef && at(1) === 0xbb && at(2) === 0xbf) return undefined;
  const sample = b.subarray(0, SAMPLE);
  for (const [name, le, wide] of [["UTF-32LE", true, true], ["UTF-32BE", false, true], ["UTF-16LE", true, false], ["UTF-16BE", false, false]] as const) {
    if (!(wide ? looksUtf32(sample, le) : looksUtf16(sample, le))) continue;
    // The bytes have the shape; they must also read as clean text, or they are something else.
    if (cleanText((wide ? utf32(le) : utf16(le))(sample.subarray(0, sample.length - (sample.length % (wide ? 4 : 2))), false))) {
      return { name, skip: 0, guessed: true, decode: wide ? utf32(le) : utf16(le) };
    }
  }
  return undefined;
}

/** Bytes looked at to recognise an encoding without a byte order mark. */
const SAMPLE = 4096;

/** A byte that text in UTF-8 almost never holds: a C0 control but tab and line breaks (NUL included). */
const controlByte = (x: number): boolean => x < 0x20 && x !== 9 && x !== 10 && x !== 13;

/**
 * UTF-16 has the shape of every other byte being the high byte of a code unit: zero for ASCII, a
 * small number for most alphabets (0x04 for Cyrillic), so mostly "control" bytes at one parity and
 * few at the other.
 */
function looksUtf16(b: Buffer, le: boolean): boolean {
  const pairs = b.length >> 1;
  if (pairs < 1) return false;
  let high = 0;
  let low = 0;
  for (let i = 0; i + 1 < b.length; i += 2) {
    if (controlByte(b[le ? i + 1 : i] as number)) high++;
    if (controlByte(b[le ? i : i + 1] as number)) low++;
  }
  return high >= 0.4 * pairs && low * 4 <= high;
}

/** UTF-32 has the shape of the two high bytes of every unit being zero (every code point below U+10000). */
function looksUtf32(b: Buffer, le: boolean): boolean {
  const units = b.length >> 2;
  if (units < 1) return false;
  let zero = 0;
  let nonZeroLow = 0;
  for (let i = 0; i + 3 < b.length; i += 4) {
    const [hi1, hi2, lo] = le ? [b[i + 3], b[i + 2], b[i]] : [b[i], b[i + 1], b[i + 3]];
    if (hi1 === 0 && hi2 === 0) zero++;
    if (lo !== 0) nonZeroLow++;
  }
  return zero >= 0.9 * units && nonZeroLow >= 0.5 * units;
}

/** Text as decoded text looks: no NUL, nothing invalid, and control characters rare. */
function cleanText(s: string): boolean {
  if (s.length === 0 || /[\u0000\uFFFD\uFFFE\uFFFF]/.test(s)) return false;
  let controls = 0;
  for (let i = 0; i < s.length; i++) if (controlByte(s.charCodeAt(i))) controls++;
  return controls * 10 < s.length;
}

function utf16(le: boolean): Decode {
  // ignoreBOM: the mark, when there is one, is skipped before; a U+FEFF after it is text.
  const d = new TextDecoder(le ? "utf-16le" : "utf-16be", { ignoreBOM: true });
  return (b, end) => d.decode(b, { stream: !end });
}

/** UTF-32, which TextDecoder does not know: four bytes a code point, anything invalid U+FFFD. */
function utf32(le: boolean): Decode {
  let held = Buffer.alloc(0);
  return (b, end) => {
    const all = held.length > 0 ? Buffer.concat([held, b]) : b;
    const whole = all.length - (all.length % 4);
    const out: string[] = [];
    for (let i = 0; i < whole; i += 4) {
      const cp = le ? all.readUInt32LE(i) : all.readUInt32BE(i);
      out.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? "\uFFFD" : String.fromCodePoint(cp));
    }
    held = Buffer.from(all.subarray(whole));
    if (end && held.length > 0) {
      out.push("\uFFFD");
      held = Buffer.alloc(0);
    }
    return out.join("");
  };
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

/** The note printed for an {@link EncodingReport}: where the input held invalid UTF-8. */
export function encodingNote(name: string, r: EncodingReport): string {
  const lines = `${r.invalidLines} line${r.invalidLines === 1 ? "" : "s"}`;
  return `${name}: invalid UTF-8 on ${lines} (first on line ${r.firstLine}) was replaced by U+FFFD; the records were evaluated as repaired`;
}

/** The note printed when an input was recognised as UTF-16 or UTF-32 without a byte order mark. */
export function detectedNote(name: string, encoding: string): string {
  return `${name}: no byte order mark, but the bytes are ${encoding} text: read as ${encoding}`;
}
