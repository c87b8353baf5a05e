/**
 * The condition language of rules (`when:`). Grammar:
 *
 * ```
 * expr    := or
 * or      := and ("or" and)*
 * and     := unary ("and" unary)*
 * unary   := "not" unary | primary
 * primary := "(" expr ")" | "true" | "false"
 *          | "country" "in" (NAME | "[" CODE ("," CODE)* "]")
 *          | "country" "is" ("known" | "unknown")
 *          | "lang" "in" ("languages" | NAME | "[" CODE ("," CODE)* "]")   the post's language; "languages" = the policy's
 *          | "lang" "is" ("known" | "unknown")
 *          | "has" "(" PATH ")"                a record field is present
 *          | PATH "in" (NAME | "[" ITEM ("," ITEM)* "]")    a string or enum field in a string set
 *          | PATH "contains" (STRING | NAME)  a list field holds the string (or an item of the set NAME)
 *          | value CMP value                  CMP: < <= > >= == !=
 *          | NAME                             a signal (holds when it has a counted match), a boolean setting or field
 * value   := NUMBER | STRING | "true" | "false" | "lang"
 *          | NAME                             a setting or a record field (PATH)
 *          | "count" "(" NAME ("," NAME)* ")" | "matches" "(" NAME ")"
 * ```
 * STRING is quoted with " or ' (no escapes); an ITEM is a STRING or a bare word. Every node keeps
 * its [start, end) offsets in the source so explanations can quote it.
 */
export type Expr =
  | { readonly k: "or" | "and"; readonly items: readonly Expr[]; readonly at: Range }
  | { readonly k: "not"; readonly item: Expr; readonly at: Range }
  | { readonly k: "const"; readonly value: boolean; readonly at: Range }
  | { readonly k: "name"; readonly name: string; readonly at: Range }
  | { readonly k: "country-in"; readonly set: string | null; readonly codes: readonly string[]; readonly at: Range; readonly setAt: Range }
  | { readonly k: "country-known"; readonly known: boolean; readonly at: Range }
  /** `set` is "languages" (the policy's), the name of a string set, or null for inline codes. */
  | { readonly k: "lang-in"; readonly set: string | null; readonly codes: readonly string[]; readonly at: Range; readonly setAt: Range }
  | { readonly k: "lang-known"; readonly known: boolean; readonly at: Range }
  | { readonly k: "has"; readonly path: string; readonly pathAt: Range; readonly at: Range }
  | { readonly k: "in"; readonly name: string; readonly nameAt: Range; readonly set: string | null; readonly items: readonly string[]; readonly setAt: Range; readonly at: Range }
  | { readonly k: "contains"; readonly name: string; readonly nameAt: Range; readonly item: ValueExpr; readonly at: Range }
  | { readonly k: "cmp"; readonly op: CmpOp; readonly left: ValueExpr; readonly right: ValueExpr; readonly at: Range };

/** A value a condition compares: a literal, a name (a setting or a record field), the post's language, or a count. */
export type ValueExpr =
  | { readonly k: "number"; readonly value: number; readonly at: Range }
  | { readonly k: "string"; readonly value: string; readonly at: Range }
  | { readonly k: "bool"; readonly value: boolean; readonly at: Range }
  /** A setting or a record field: which one, the compiler decides. */
  | { readonly k: "ref"; readonly name: string; readonly at: Range }
  | { readonly k: "lang"; readonly at: Range }
  | { readonly k: "count"; readonly names: readonly { name: string; at: Range }[]; readonly at: Range }
  | { readonly k: "matches"; readonly name: string; readonly nameAt: Range; readonly at: Range };

export type CmpOp = "<" | "<=" | ">" | ">=" | "==" | "!=";

/** Applies a comparison operator: the one definition evaluation and rule analysis share. */
export function compare(l: number, op: CmpOp, r: number): boolean {
  switch (op) {
    case "<": return l < r;
    case "<=": return l <= r;
    case ">": return l > r;
    case ">=": return l >= r;
    case "==": return l === r;
    case "!=": return l !== r;
  }
}
export type Range = readonly [number, number];

/** A syntax error at [start, end) of the expression source. */
export class ExpressionError extends Error {
  constructor(message: string, readonly at: Range) {
    super(message);
  }
}

interface Tok {
  readonly t: "name" | "number" | "string" | "op" | "punct" | "end";
  readonly v: string;
  readonly at: Range;
}

const TOKEN = /\s*(?:([A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]|[A-Za-z])|(\d+(?:\.\d+)?)|(<=|>=|==|!=|<|>)|([(),[\]])|"([^"\n]*)"|'([^'\n]*)')/y;

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) {
      const s = pos + (src.slice(pos).length - src.slice(pos).trimStart().length);
      if (src[s] === '"' || src[s] === "'") throw new ExpressionError(`the text opened by ${src[s]} is never closed`, [s, s + 1]);
      throw new ExpressionError(`unexpected character '${src[s]}'`, [s, s + 1]);
    }
    const end = TOKEN.lastIndex;
    const quoted = m[5] ?? m[6];
    if (quoted !== undefined) {
      // A string's offsets include its quotes, so a diagnostic underlines all of it.
      out.push({ t: "string", v: quoted, at: [end - quoted.length - 2, end] });
      pos = end;
      continue;
    }
    const text = m[1] ?? m[2] ?? m[3] ?? m[4] ?? "";
    const at: Range = [end - text.length, end];
    out.push({ t: m[1] ? "name" : m[2] ? "number" : m[3] ? "op" : "punct", v: text, at });
    pos = end;
  }
  out.push({ t: "end", v: "", at: [src.length, src.length] });
  return out;
}

const KEYWORDS = new Set(["and", "or", "not", "in", "is", "true", "false", "country", "lang", "count", "matches", "known", "unknown"]);

/** How deeply parentheses and `not` may nest by default (the parser recurses on them). */
export const MAX_CONDITION_DEPTH = 64;

/**
 * Parses a `when:` condition; throws {@link ExpressionError} with the offending offsets. Nesting of
 * parentheses and `not` deeper than `maxDepth` is an error: the parser (and everything that walks
 * a condition after it) recurses, and a condition from a hostile file must not overflow the stack.
 */
export function parseExpression(src: string, maxDepth = MAX_CONDITION_DEPTH): Expr {
  const toks = lex(src);
  let i = 0;
  let depth = 0;
  const deeper = (t: Tok): void => {
    if (++depth > maxDepth) throw new ExpressionError(`the condition nests parentheses and 'not' more than ${maxDepth} deep`, t.at);
  };
  const peek = (): Tok => toks[i] as Tok;
  const next = (): Tok => toks[i++] as Tok;
  const expect = (v: string): Tok => {
    const t = next();
    if (t.v !== v) throw new ExpressionError(`expected '${v}' but found ${describe(t)}`, t.at);
    return t;
  };
  const span = (a: Range, b: Range): Range => [a[0], b[1]];

  function or(): Expr {
    const first = and();
    const items = [first];
    while (peek().v === "or") {
      next();
      items.push(and());
    }
    return items.length === 1 ? first : { k: "or", items, at: span(first.at, (items[items.length - 1] as Expr).at) };
  }
  function and(): Expr {
    const first = unary();
    const items = [first];
    while (peek().v === "and") {
      next();
      items.push(unary());
    }
    return items.length === 1 ? first : { k: "and", items, at: span(first.at, (items[items.length - 1] as Expr).at) };
  }
  function unary(): Expr {
    if (peek().v === "not") {
      const t = next();
      deeper(t);
      const item = unary();
      depth--;
      return { k: "not", item, at: span(t.at, item.at) };
    }
    return primary();
  }
  function primary(): Expr {
    const t = peek();
    if (t.v === "(") {
      next();
      deeper(t);
      const e = or();
      depth--;
      const close = expect(")");
      return { ...e, at: span(t.at, close.at) } as Expr;
    }
    if ((t.v === "true" || t.v === "false") && !isOp(toks[i + 1])) {
      next();
      return { k: "const", value: t.v === "true", at: t.at };
    }
    if (t.v === "country") {
      next();
      const kw = next();
      if (kw.v === "in") {
        const s = next();
        if (s.v === "[") {
          const codes: string[] = [];
          for (;;) {
            const c = next();
            if (c.t !== "name") throw new ExpressionError(`expected a country code but found ${describe(c)}`, c.at);
            codes.push(c.v.toUpperCase());
            const sep = next();
            if (sep.v === "]") return { k: "country-in", set: null, codes, at: span(t.at, sep.at), setAt: span(s.at, sep.at) };
            if (sep.v !== ",") throw new ExpressionError(`expected ',' or ']' but found ${describe(sep)}`, sep.at);
          }
        }
        if (s.t !== "name" || KEYWORDS.has(s.v)) throw new ExpressionError(`expected a country set name or [codes] after 'country in' but found ${describe(s)}`, s.at);
        return { k: "country-in", set: s.v, codes: [], at: span(t.at, s.at), setAt: s.at };
      }
      if (kw.v === "is") {
        const w = next();
        if (w.v !== "known" && w.v !== "unknown") throw new ExpressionError(`expected 'known' or 'unknown' after 'country is' but found ${describe(w)}`, w.at);
        return { k: "country-known", known: w.v === "known", at: span(t.at, w.at) };
      }
      throw new ExpressionError(`expected 'in' or 'is' after 'country' but found ${describe(kw)}`, kw.at);
    }
    if (t.v === "lang" && !isOp(toks[i + 1])) {
      next();
      const kw = next();
      if (kw.v === "in") {
        const s = next();
        if (s.v === "[") {
          const { items, close } = list(s, "a language code", false);
          return { k: "lang-in", set: null, codes: items.map((c) => c.toLowerCase()), at: span(t.at, close.at), setAt: span(s.at, close.at) };
        }
        if (s.t !== "name" || KEYWORDS.has(s.v)) throw new ExpressionError(`expected 'languages' (the policy's languages), a set name or [codes] after 'lang in' but found ${describe(s)}`, s.at);
        return { k: "lang-in", set: s.v, codes: [], at: span(t.at, s.at), setAt: s.at };
      }
      if (kw.v === "is") {
        const w = next();
        if (w.v !== "known" && w.v !== "unknown") throw new ExpressionError(`expected 'known' or 'unknown' after 'lang is' but found ${describe(w)}`, w.at);
        return { k: "lang-known", known: w.v === "known", at: span(t.at, w.at) };
      }
      throw new ExpressionError(`expected 'in', 'is' or a comparison after 'lang' but found ${describe(kw)}`, kw.at);
    }
    if (t.v === "has" && toks[i + 1]?.v === "(") {
      next();
      next();
      const p = next();
      if (p.t !== "name" || (KEYWORDS.has(p.v) && p.v !== "lang" && p.v !== "country")) throw new ExpressionError(`expected a field name in has(...) but found ${describe(p)}`, p.at);
      const close = expect(")");
      return { k: "has", path: p.v, pathAt: p.at, at: span(t.at, close.at) };
    }
    const startsValue = t.t === "number" || t.t === "string" || t.v === "count" || t.v === "matches" || (t.t === "name" && isOp(toks[i + 1]));
    if (startsValue) {
      const left = value();
      const op = next();
      if (op.t !== "op") throw new ExpressionError(`expected a comparison (<, <=, >, >=, ==, !=) but found ${describe(op)}`, op.at);
      const right = value();
      return { k: "cmp", op: op.v as CmpOp, left, right, at: span(left.at, right.at) };
    }
    if (t.t === "name" && !KEYWORDS.has(t.v)) {
      next();
      const kw = peek();
      if (kw.v === "in") {
        next();
        const s = next();
        if (s.v === "[") {
          const { items, close } = list(s, "a value", true);
          return { k: "in", name: t.v, nameAt: t.at, set: null, items, setAt: span(s.at, close.at), at: span(t.at, close.at) };
        }
        if (s.t !== "name" || KEYWORDS.has(s.v)) throw new ExpressionError(`expected a set name or [values] after 'in' but found ${describe(s)}`, s.at);
        return { k: "in", name: t.v, nameAt: t.at, set: s.v, items: [], setAt: s.at, at: span(t.at, s.at) };
      }
      if (kw.v === "contains") {
        next();
        const x = next();
        if (x.t === "string") return { k: "contains", name: t.v, nameAt: t.at, item: { k: "string", value: x.v, at: x.at }, at: span(t.at, x.at) };
        if (x.t !== "name" || KEYWORDS.has(x.v)) throw new ExpressionError(`expected a quoted string or a set name after 'contains' but found ${describe(x)}`, x.at);
        return { k: "contains", name: t.v, nameAt: t.at, item: { k: "ref", name: x.v, at: x.at }, at: span(t.at, x.at) };
      }
      return { k: "name", name: t.v, at: t.at };
    }
    throw new ExpressionError(`expected a signal, a field, 'country', 'lang', 'has', 'not' or '(' but found ${describe(t)}`, t.at);
  }
  /** `[a, b, "c d"]` after its opening bracket: codes or values, each a bare word (or, with `strings`, a quoted string). */
  function list(open: Tok, what: string, strings: boolean): { items: string[]; close: Tok } {
    const items: string[] = [];
    for (;;) {
      const c = next();
      if (c.t !== "name" && !(strings && c.t === "string")) throw new ExpressionError(`expected ${what} but found ${describe(c)}`, c.at);
      items.push(c.v);
      const sep = next();
      if (sep.v === "]") return { items, close: sep };
      if (sep.v !== ",") throw new ExpressionError(`expected ',' or ']' but found ${describe(sep)}${sep.t === "end" ? ` (the list opened at offset ${open.at[0]} is never closed)` : ""}`, sep.at);
    }
  }
  function value(): ValueExpr {
    const t = next();
    if (t.t === "number") return { k: "number", value: Number(t.v), at: t.at };
    if (t.t === "string") return { k: "string", value: t.v, at: t.at };
    if (t.v === "true" || t.v === "false") return { k: "bool", value: t.v === "true", at: t.at };
    if (t.v === "lang") return { k: "lang", at: t.at };
    if (t.v === "count" || t.v === "matches") {
      expect("(");
      const names: { name: string; at: Range }[] = [];
      for (;;) {
        const n = next();
        if (n.t !== "name" || KEYWORDS.has(n.v)) throw new ExpressionError(`expected a signal name but found ${describe(n)}`, n.at);
        names.push({ name: n.v, at: n.at });
        const sep = next();
        if (sep.v === ")") {
          if (t.v === "matches") {
            if (names.length !== 1) throw new ExpressionError("matches() takes exactly one signal", span(t.at, sep.at));
            const only = names[0] as { name: string; at: Range };
            return { k: "matches", name: only.name, nameAt: only.at, at: span(t.at, sep.at) };
          }
          return { k: "count", names, at: span(t.at, sep.at) };
        }
        if (sep.v !== ",") throw new ExpressionError(`expected ',' or ')' but found ${describe(sep)}`, sep.at);
      }
    }
    if (t.t === "name" && !KEYWORDS.has(t.v)) return { k: "ref", name: t.v, at: t.at };
    throw new ExpressionError(`expected a number, a quoted string, a setting, a field, count(...) or matches(...) but found ${describe(t)}`, t.at);
  }
  const e = or();
  const rest = peek();
  if (rest.t !== "end") throw new ExpressionError(`unexpected ${describe(rest)}; did you forget 'and' or 'or'?`, rest.at);
  return e;
}

function isOp(t: Tok | undefined): boolean {
  return t?.t === "op";
}

function describe(t: Tok): string {
  return t.t === "end" ? "the end of the condition" : `'${t.v}'`;
}
