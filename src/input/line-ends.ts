/**
 * Finds the line ends of a buffer, left to right: a line ends at LF, CRLF or CR (old Mac files, and
 * some exports, end lines with CR alone; read by LF only, their records ran together). The next LF
 * and the next CR are each looked for from where the last one was found, so a whole buffer costs one
 * pass over it, however many line ends it has.
 */
export class LineEnds {
  /** The next LF and CR at or after the last position asked for: -1 none, -2 not looked for yet. */
  private lf = -2;
  private cr = -2;

  constructor(private readonly b: Buffer) {}

  /** The first LF or CR at or after `from`, or -1; `from` must not go back between calls. */
  next(from: number): number {
    if (this.lf === -2 || (this.lf >= 0 && this.lf < from)) this.lf = this.b.indexOf(10, from);
    if (this.cr === -2 || (this.cr >= 0 && this.cr < from)) this.cr = this.b.indexOf(13, from);
    return this.lf < 0 ? this.cr : this.cr < 0 ? this.lf : Math.min(this.lf, this.cr);
  }
}

/** Where the line whose end {@link LineEnds.next} found at `nl` ends, its line end (LF, CR or CRLF) included. */
export function pastLineEnd(b: Uint8Array, nl: number): number {
  return b[nl] === 13 && b[nl + 1] === 10 ? nl + 2 : nl + 1;
}

/** Whether the bytes `b[at, end)` open with a UTF-8 byte order mark. */
export function bomAt(b: Uint8Array, at: number, end: number): boolean {
  return end - at >= 3 && b[at] === 0xef && b[at + 1] === 0xbb && b[at + 2] === 0xbf;
}
