/**
 * Where each character of a YAML string value was written in its source. A value is its source
 * only for a plain scalar on one line; elsewhere YAML rewrites it: quotes and escapes (`\n`, `\u00e9`,
 * `''`), line folding (a line break between lines reads as a space, an empty line as a line
 * break), the indentation and header of a block scalar (`|`, `>`). A diagnostic about the 40th
 * character of a folded condition must still point at the line that character is on, not at the
 * scalar's first line.
 */

/** The scalar styles of the YAML library (`Scalar.type`). */
export type ScalarStyle = "PLAIN" | "QUOTE_DOUBLE" | "QUOTE_SINGLE" | "BLOCK_LITERAL" | "BLOCK_FOLDED";

/**
 * For each UTF-16 unit of `value`, the offset in `source` (the scalar as written, from its first
 * character: the quote, the block header or the value itself) of the character that produced it.
 * Undefined when `value` cannot be aligned with `source` (a style this does not know, an explicit
 * indentation indicator): the caller then points at the whole scalar, as before. Linear in the
 * length of the source.
 */
export function scalarOffsets(source: string, value: string, style: string | undefined): Uint32Array | undefined {
  switch (style) {
    case "PLAIN":
      return flowOffsets(source, value, "", source.length);
    case "QUOTE_SINGLE":
    case "QUOTE_DOUBLE": {
      const quote = style === "QUOTE_DOUBLE" ? '"' : "'";
      if (source[0] !== quote || source.length < 2) return undefined;
      return flowOffsets(source, value, quote, source.length - 1);
    }
    case "BLOCK_LITERAL":
    case "BLOCK_FOLDED":
      return blockOffsets(source, value, style === "BLOCK_FOLDED");
    default:
      return undefined;
  }
}

const isBlank = (c: string | undefined): boolean => c === " " || c === "\t";
const isBreak = (c: string | undefined): boolean => c === "\n" || c === "\r";

/** The one-character escapes of double-quoted YAML, and what each stands for. */
const ESCAPES: Readonly<Record<string, string>> = {
  "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b",
  " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\x85", _: "\xa0", L: "\u2028", P: "\u2029",
};
const HEX_DIGITS: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/** Plain and quoted scalars: content from `from` (past an opening quote) to `end`. */
function flowOffsets(source: string, value: string, quote: string, end: number): Uint32Array | undefined {
  const map = new Uint32Array(value.length);
  let p = quote === "" ? 0 : 1;
  let i = 0;
  // Maps the units of `produced`, found in `value` at i, to source offset `at`.
  const emit = (produced: string, at: number): boolean => {
    if (!value.startsWith(produced, i)) return false;
    for (let k = 0; k < produced.length; k++) map[i + k] = at;
    i += produced.length;
    return true;
  };
  while (i < value.length) {
    if (p >= end) return undefined;
    const c = source[p] as string;
    if (isBlank(c) || isBreak(c)) {
      // White space holding a line break is folded: trailing and leading blanks go, one break reads
      // as a space, n breaks as n - 1 line breaks.
      let q = p;
      let breaks = 0;
      while (q < end && (isBlank(source[q]) || isBreak(source[q]))) {
        if (source[q] === "\n" || (source[q] === "\r" && source[q + 1] !== "\n")) breaks++;
        q++;
      }
      if (breaks > 0) {
        if (!emit(breaks === 1 ? " " : "\n".repeat(breaks - 1), p)) return undefined;
        p = q;
        continue;
      }
    }
    if (quote === '"' && c === "\\") {
      const e = source[p + 1] ?? "";
      if (isBreak(e)) {
        // An escaped line break joins the lines: the break and the next line's indentation go.
        p += e === "\r" && source[p + 2] === "\n" ? 3 : 2;
        while (p < end && isBlank(source[p])) p++;
        continue;
      }
      const digits = HEX_DIGITS[e];
      if (digits !== undefined) {
        const code = Number.parseInt(source.slice(p + 2, p + 2 + digits), 16);
        if (!Number.isFinite(code) || code > 0x10ffff || !emit(String.fromCodePoint(code), p)) return undefined;
        p += 2 + digits;
        continue;
      }
      const one = ESCAPES[e];
      if (one === undefined || !emit(one, p)) return undefined;
      p += 2;
      continue;
    }
    if (quote === "'" && c === "'" && source[p + 1] === "'") {
      if (!emit("'", p)) return undefined;
      p += 2;
      continue;
    }
    if (value[i] !== c) return undefined;
    map[i++] = p++;
  }
  return map;
}

/** Literal (`|`) and folded (`>`) block scalars, whose indentation is that of their first line. */
function blockOffsets(source: string, value: string, folded: boolean): Uint32Array | undefined {
  const header = /^[|>]([-+]?)([1-9]?)([-+]?)/.exec(source);
  // An explicit indentation indicator counts from the parent's indentation, which is not known here.
  if (!header || header[2] !== "") return undefined;
  let p = source.indexOf("\n");
  if (p < 0) return value.length === 0 ? new Uint32Array(0) : undefined;
  p++;
  // The indentation of the content: that of its first line that is not empty.
  let indent = 0;
  for (let q = p; q < source.length; ) {
    let k = q;
    while (source[k] === " ") k++;
    if (source[k] !== "\n" && source[k] !== "\r" && k < source.length) {
      indent = k - q;
      break;
    }
    const nl = source.indexOf("\n", k);
    if (nl < 0) break;
    q = nl + 1;
  }
  const map = new Uint32Array(value.length);
  let i = 0;
  const skipIndent = (): void => {
    for (let k = 0; k < indent && source[p] === " "; k++) p++;
  };
  skipIndent();
  while (i < value.length) {
    if (p >= source.length) {
      // Kept final line breaks (`|+`) may outnumber what is left: they belong to the end.
      if (value[i] !== "\n") return undefined;
      map[i++] = Math.max(0, source.length - 1);
      continue;
    }
    const c = source[p] as string;
    if (c === "\r" && source[p + 1] === "\n") {
      p++;
      continue;
    }
    if (c === "\n" && folded && value[i] !== "\n") {
      // A folded line break between two lines of text reads as a space.
      if (value[i] !== " ") return undefined;
      map[i++] = p++;
      skipIndent();
      continue;
    }
    if (c === "\n" && folded && value[i] === "\n") {
      // Before an empty line the break itself is folded away; the empty lines give the breaks.
      let q = p + 1;
      let empty = 0;
      for (;;) {
        let k = q;
        while (isBlank(source[k])) k++;
        if (source[k] === "\r") k++;
        if (source[k] !== "\n") break;
        empty++;
        q = k + 1;
      }
      let run = 0;
      while (value[i + run] === "\n") run++;
      // A more-indented line, or the end, keeps every break; text on both sides folds one away.
      const produced = run >= empty + 1 ? empty + 1 : empty;
      if (produced === 0) return undefined;
      for (let k = 0; k < produced; k++) map[i + k] = p;
      i += produced;
      p = q;
      skipIndent();
      continue;
    }
    if (value[i] !== c) return undefined;
    map[i++] = p++;
    if (c === "\n") skipIndent();
  }
  return map;
}
