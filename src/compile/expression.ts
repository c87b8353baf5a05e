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
 *          | "lang" "in" ("languages" | "[" CODE ("," CODE)* "]")   the post's language; "languages" = the policy's
 *          | "lang" "is" ("known" | "unknown")
 *          | num CMP num                     CMP: < <= > >= == !=
 *          | NAME                            a signal (holds when it has a counted match) or a boolean setting
 * num     := NUMBER | NAME (a numeric setting) | "count" "(" NAME ("," NAME)* ")" | "matches" "(" NAME ")"
 * ```
 * Every node keeps its [start, end) offsets in the source so explanations can quote it.
 */
export type Expr =
  | { readonly k: "or" | "and"; readonly items: readonly Expr[]; readonly at: Range }
  | { readonly k: "not"; readonly item: Expr; readonly at: Range }
  | { readonly k: "const"; readonly value: boolean; readonly at: Range }
  | { readonly k: "name"; readonly name: string; readonly at: Range }
  | { readonly k: "country-in"; readonly set: string | null; readonly codes: readonly string[]; readonly at: Range; readonly setAt: Range }
  | { readonly k: "country-known"; readonly known: boolean; readonly at: Range }
  | { readonly k: "lang-in"; readonly set: "languages" | null; readonly codes: readonly string[]; readonly at: Range; readonly setAt: Range }
  | { readonly k: "lang-known"; readonly known: boolean; readonly at: Range }
  | { readonly k: "cmp"; readonly op: CmpOp; readonly left: NumExpr; readonly right: NumExpr; readonly at: Range };

export type NumExpr =
  | { readonly k: "number"; readonly value: number; readonly at: Range }
  | { readonly k: "setting"; readonly name: string; readonly at: Range }
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
  readonly t: "name" | "number" | "op" | "punct" | "end";
  readonly v: string;
  readonly at: Range;
}

const TOKEN = /\s*(?:([A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]|[A-Za-z])|(\d+(?:\.\d+)?)|(<=|>=|==|!=|<|>)|([(),[\]]))/y;

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
      throw new ExpressionError(`unexpected character '${src[s]}'`, [s, s + 1]);
    }
    const text = m[1] ?? m[2] ?? m[3] ?? m[4] ?? "";
    const end = TOKEN.lastIndex;
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
    if (t.v === "true" || t.v === "false") {
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
    if (t.v === "lang") {
      next();
      const kw = next();
      if (kw.v === "in") {
        const s = next();
        if (s.v === "[") {
          const codes: string[] = [];
          for (;;) {
            const c = next();
            if (c.t !== "name") throw new ExpressionError(`expected a language code but found ${describe(c)}`, c.at);
            codes.push(c.v.toLowerCase());
            const sep = next();
            if (sep.v === "]") return { k: "lang-in", set: null, codes, at: span(t.at, sep.at), setAt: span(s.at, sep.at) };
            if (sep.v !== ",") throw new ExpressionError(`expected ',' or ']' but found ${describe(sep)}`, sep.at);
          }
        }
        if (s.v !== "languages") throw new ExpressionError(`expected 'languages' (the policy's languages) or [codes] after 'lang in' but found ${describe(s)}`, s.at);
        return { k: "lang-in", set: "languages", codes: [], at: span(t.at, s.at), setAt: s.at };
      }
      if (kw.v === "is") {
        const w = next();
        if (w.v !== "known" && w.v !== "unknown") throw new ExpressionError(`expected 'known' or 'unknown' after 'lang is' but found ${describe(w)}`, w.at);
        return { k: "lang-known", known: w.v === "known", at: span(t.at, w.at) };
      }
      throw new ExpressionError(`expected 'in' or 'is' after 'lang' but found ${describe(kw)}`, kw.at);
    }
    const startsNum = t.t === "number" || t.v === "count" || t.v === "matches" || (t.t === "name" && isOp(toks[i + 1]));
    if (startsNum) {
      const left = num();
      const op = next();
      if (op.t !== "op") throw new ExpressionError(`expected a comparison (<, <=, >, >=, ==, !=) but found ${describe(op)}`, op.at);
      const right = num();
      return { k: "cmp", op: op.v as CmpOp, left, right, at: span(left.at, right.at) };
    }
    if (t.t === "name" && !KEYWORDS.has(t.v)) {
      next();
      return { k: "name", name: t.v, at: t.at };
    }
    throw new ExpressionError(`expected a signal, 'country', 'not' or '(' but found ${describe(t)}`, t.at);
  }
  function num(): NumExpr {
    const t = next();
    if (t.t === "number") return { k: "number", value: Number(t.v), at: t.at };
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
    if (t.t === "name" && !KEYWORDS.has(t.v)) return { k: "setting", name: t.v, at: t.at };
    throw new ExpressionError(`expected a number, a setting, count(...) or matches(...) but found ${describe(t)}`, t.at);
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
