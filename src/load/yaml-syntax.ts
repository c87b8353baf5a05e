import type { CST } from "yaml";

/**
 * A bracket or quote that opens and is never closed. The YAML parser notices one only where it can
 * no longer go on (the next key, the end of the file) and then reports a cascade of errors from
 * there; the user erred at the opening character, which is where this points.
 */
export interface Unclosed {
  /** Offset of the opening character. */
  readonly offset: number;
  readonly message: string;
}

const CLOSER: Record<string, { readonly type: string; readonly char: string; readonly what: string }> = {
  "[": { type: "flow-seq-end", char: "]", what: "list" },
  "{": { type: "flow-map-end", char: "}", what: "mapping" },
};

/**
 * The brackets (`[`, `{`) and quotes (`"`, `'`) of a token stream that are never closed, innermost
 * first within one nest (an outer bracket left open only because an inner one swallowed its closer
 * is not reported). The tokens must already be known to nest no deeper than the limit.
 */
export function findUnclosed(tokens: readonly CST.Token[]): Unclosed[] {
  const out: Unclosed[] = [];
  const visit = (t: unknown): boolean => {
    if (Array.isArray(t)) return t.map(visit).some(Boolean);
    if (t === null || typeof t !== "object") return false;
    const tok = t as { type?: string; offset?: number; source?: string; start?: unknown; end?: unknown };
    if (tok.type === "double-quoted-scalar" || tok.type === "single-quoted-scalar") {
      const src = tok.source ?? "";
      if (closedQuote(src)) return false;
      const q = src[0] ?? '"';
      out.push({ offset: tok.offset ?? 0, message: `the ${q} that opens this string is never closed` });
      return true;
    }
    let inner = false;
    for (const [k, v] of Object.entries(tok)) if (k !== "source" && typeof v === "object") inner = visit(v) || inner;
    if (tok.type === "flow-collection") {
      const open = (tok.start as { source?: string } | undefined)?.source ?? "";
      const closer = CLOSER[open];
      const ends = Array.isArray(tok.end) ? (tok.end as { type?: string; source?: string }[]) : [];
      if (closer && !ends.some((e) => e.type === closer.type)) {
        // An inner bracket left open took this one's closer with it: that one is the mistake.
        if (inner) return true;
        const other = ends.find((e) => e.type === "flow-seq-end" || e.type === "flow-map-end");
        const why = other ? `a '${other.source}' comes before its '${closer.char}'` : `this ${closer.what} needs a '${closer.char}'`;
        out.push({ offset: (tok.start as { offset?: number } | undefined)?.offset ?? tok.offset ?? 0, message: `'${open}' is not closed: ${why}` });
        return true;
      }
    }
    return inner;
  };
  visit(tokens);
  return out.sort((a, b) => a.offset - b.offset);
}

/** True when a quoted scalar's source ends with its closing quote (a loop: sources can be megabytes). */
function closedQuote(src: string): boolean {
  const q = src[0];
  for (let i = 1; i < src.length; i++) {
    const c = src[i];
    if (q === '"' && c === "\\") i++;
    else if (c === q) {
      // '' inside single quotes is an escaped quote, not the end.
      if (q === "'" && src[i + 1] === "'") i++;
      else return i === src.length - 1;
    }
  }
  return false;
}

/** A syntax error as the parser reports it: where, and its code and message. */
export interface RawSyntaxError {
  readonly start: number;
  readonly end: number;
  readonly code: string;
  readonly message: string;
}

const TOKEN_CHAR: Record<string, string> = {
  "flow-seq-start": "'['",
  "flow-seq-end": "']'",
  "flow-map-start": "'{'",
  "flow-map-end": "'}'",
  "seq-item-ind": "'-'",
  "map-value-ind": "':'",
  comma: "','",
};

/**
 * The errors worth showing: once the parser meets a token it cannot place, it reports every token
 * after it too ("Unexpected scalar token in YAML stream", hundreds of them for one stray '['). Only
 * the first of such a run is the user's mistake; the rest are dropped. The first is reworded to
 * name the character ("unexpected '[' after a value") instead of the parser's token names.
 */
export function withoutCascade(errors: readonly RawSyntaxError[], text: string): RawSyntaxError[] {
  const out: RawSyntaxError[] = [];
  let prevEnd = -1;
  for (const e of [...errors].sort((a, b) => a.start - b.start)) {
    const unexpected = e.code === "UNEXPECTED_TOKEN";
    // After the document has ended, every token is "in YAML stream": consequences of an earlier error.
    const afterEnd = unexpected && / token in YAML stream/.test(e.message) && out.length > 0;
    // Right after another error, with only white space between: the same mistake seen again.
    const adjacent = unexpected && prevEnd >= 0 && e.start >= prevEnd - 1 && /^\s*$/.test(text.slice(prevEnd, Math.max(prevEnd, e.start)));
    if (afterEnd || (adjacent && out.length > 0 && out[out.length - 1]?.code === "UNEXPECTED_TOKEN")) {
      prevEnd = Math.max(prevEnd, e.end);
      continue;
    }
    const m = /^Unexpected (\S+) at node end/.exec(e.message);
    const what = m ? TOKEN_CHAR[m[1] as string] : undefined;
    out.push(what ? { ...e, message: `unexpected ${what} after a complete value` } : e);
    prevEnd = e.end;
  }
  return out;
}
