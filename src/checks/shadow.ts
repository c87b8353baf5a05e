import { compare, type CmpOp } from "../compile/expression.js";
import type { CondC, SignalC, ValueC } from "../compile/types.js";

/**
 * Static reasoning about rule conditions, for "this rule can never decide" warnings. Conditions are
 * put in disjunctive normal form over literals (a signal, a country set, a comparison), and a rule is
 * shadowed when each of its conjunctions implies a conjunction of an earlier rule. Every step is
 * sound: a warning is only given when it is certain; cases that are too big to expand are skipped.
 */

type Atom =
  | { readonly k: "signal"; readonly s: number }
  | { readonly k: "in"; readonly codes: ReadonlySet<string> }
  | { readonly k: "known" }
  | { readonly k: "cmp"; readonly key: string; readonly op: CmpOp; readonly c: number }
  | { readonly k: "opaque"; readonly key: string };

/** An atom or its negation. Comparisons are never negated: their operator is flipped instead. */
export interface Literal {
  readonly atom: Atom;
  readonly neg: boolean;
}

/** A conjunction of literals; the empty conjunction is `true`. */
export type Conjunction = readonly Literal[];

/** Larger expansions are not attempted: the rule is simply not analysed. */
const MAX_CONJUNCTIONS = 256;
/**
 * Nor are longer conjunctions: checking one for contradictions is quadratic in its length, and a
 * condition of 3,000 `and`s took minutes (cubic overall). Real conditions have a handful.
 */
const MAX_LITERALS = 64;

const FLIP: Record<CmpOp, CmpOp> = { "<": ">=", "<=": ">", ">": "<=", ">=": "<", "==": "!=", "!=": "==" };
const MIRROR: Record<CmpOp, CmpOp> = { "<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!=" };

/**
 * A number the analysis can reason about (a literal or a numeric setting), or the key of what is
 * compared; null for a value a record may lack (a field, the language), whose comparisons are
 * false when it is absent and so cannot be flipped by negation.
 */
function numKey(n: ValueC): string | number | null {
  switch (n.k) {
    case "value":
      return n.value;
    case "count":
      return `count(${[...n.signals].sort((a, b) => a - b).join(",")})`;
    case "matches":
      return `matches(${n.signal})`;
    default:
      return null;
  }
}

/** A stable key for a value, to tell two comparisons of the same things apart from others. */
function valueKey(n: ValueC): string {
  switch (n.k) {
    case "field":
      return `field(${n.field})`;
    case "lang":
      return "lang";
    case "text":
    case "bool":
      return JSON.stringify(n.value);
    case "date":
      return `date(${n.value})`;
    default:
      return String(numKey(n));
  }
}

const sorted = (s: ReadonlySet<string>): string => JSON.stringify([...s].sort());

/** The condition in DNF (an empty list is `false`), or null when it is too big to expand. */
export function toDnf(c: CondC, neg = false): Conjunction[] | null {
  switch (c.k) {
    case "not":
      return toDnf(c.item, !neg);
    case "const":
      return c.value !== neg ? [[]] : [];
    case "signal":
      return [[{ atom: { k: "signal", s: c.signal }, neg }]];
    case "country-in":
      return [[{ atom: { k: "in", codes: c.codes }, neg }]];
    case "country-known":
      return [[{ atom: { k: "known" }, neg: c.known === neg }]];
    case "lang-in":
    case "lang-known":
      // The post's language is not modelled by this analysis: an atom of its own, never contradicted.
      return [[{ atom: { k: "opaque", key: c.k === "lang-in" ? `lang in ${[...c.codes].sort().join(",")}` : "lang known" }, neg: c.k === "lang-known" ? c.known === neg : neg }]];
    case "field-in":
    case "contains":
      return [[{ atom: { k: "opaque", key: `${c.k}(${c.field}) ${sorted(c.values)}` }, neg }]];
    case "has":
    case "flag":
      return [[{ atom: { k: "opaque", key: `${c.k}(${c.field})` }, neg }]];
    case "cmp": {
      const l = numKey(c.left);
      const r = numKey(c.right);
      // A comparison with a value the record may lack is an atom of its own, negated as a whole.
      if (l === null || r === null) return [[{ atom: { k: "opaque", key: `${valueKey(c.left)} ${c.op} ${valueKey(c.right)}` }, neg }]];
      const op = neg ? FLIP[c.op] : c.op;
      if (typeof l === "number" && typeof r === "number") return compare(l, op, r) ? [[]] : [];
      if (typeof r === "number") return [[{ atom: { k: "cmp", key: String(l), op, c: r }, neg: false }]];
      if (typeof l === "number") return [[{ atom: { k: "cmp", key: r, op: MIRROR[op], c: l }, neg: false }]];
      return [[{ atom: { k: "opaque", key: `${l} ${c.op} ${r}` }, neg }]];
    }
    case "and":
    case "or": {
      const parts = c.items.map((x) => toDnf(x, neg));
      if (parts.some((p) => p === null)) return null;
      const dnfs = parts as Conjunction[][];
      // and, or not-or: the product of the parts; or, or not-and: their union.
      if ((c.k === "and") !== neg) {
        let acc: Conjunction[] = [[]];
        for (const d of dnfs) {
          const next: Conjunction[] = [];
          for (const a of acc) for (const b of d) next.push([...a, ...b]);
          if (next.length > MAX_CONJUNCTIONS || next.some((x) => x.length > MAX_LITERALS)) return null;
          acc = next.filter(satisfiable);
        }
        return acc;
      }
      const all = dnfs.flat();
      return all.length > MAX_CONJUNCTIONS ? null : all;
    }
  }
}

type Interval = { lo: number; loIn: boolean; hi: number; hiIn: boolean };

function interval(op: CmpOp, c: number): Interval | null {
  switch (op) {
    case "<": return { lo: -Infinity, loIn: false, hi: c, hiIn: false };
    case "<=": return { lo: -Infinity, loIn: false, hi: c, hiIn: true };
    case ">": return { lo: c, loIn: false, hi: Infinity, hiIn: false };
    case ">=": return { lo: c, loIn: true, hi: Infinity, hiIn: false };
    case "==": return { lo: c, loIn: true, hi: c, hiIn: true };
    case "!=": return null;
  }
}

function within(a: Interval, b: Interval): boolean {
  const loOk = a.lo > b.lo || (a.lo === b.lo && (b.loIn || !a.loIn));
  const hiOk = a.hi < b.hi || (a.hi === b.hi && (b.hiIn || !a.hiIn));
  return loOk && hiOk;
}

function contains(i: Interval, x: number): boolean {
  return (x > i.lo || (x === i.lo && i.loIn)) && (x < i.hi || (x === i.hi && i.hiIn));
}

/** x op1 c1 ⇒ x op2 c2 for every real x. */
function cmpImplies(op1: CmpOp, c1: number, op2: CmpOp, c2: number): boolean {
  const a = interval(op1, c1);
  const b = interval(op2, c2);
  if (a && b) return within(a, b);
  if (a && !b) return !contains(a, c2);
  return op1 === "!=" && op2 === "!=" && c1 === c2;
}

/** x op1 c1 and x op2 c2 cannot both hold. */
function cmpExclusive(op1: CmpOp, c1: number, op2: CmpOp, c2: number): boolean {
  const a = interval(op1, c1);
  const b = interval(op2, c2);
  if (a && b) {
    const lo = Math.max(a.lo, b.lo);
    const hi = Math.min(a.hi, b.hi);
    if (lo < hi) return false;
    if (lo > hi) return true;
    return !(contains(a, lo) && contains(b, lo));
  }
  if (a && !b) return a.lo === a.hi && a.lo === c2;
  if (!a && b) return b.lo === b.hi && b.lo === c1;
  return false;
}

const subset = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => [...a].every((x) => b.has(x));
const disjoint = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => [...a].every((x) => !b.has(x));

/** Signal implication: "a holds" ⇒ "b holds". */
export type SignalImplies = (a: number, b: number) => boolean;

/**
 * a ⇒ b for signals: the same signal; a counts only near b (so b holds); or b is a plain union of
 * signals (no require, exclude or near) one of which a implies.
 */
export function signalImplication(signals: readonly SignalC[]): SignalImplies {
  const byIndex = new Map(signals.map((s) => [s.index, s]));
  const memo = new Map<string, boolean>();
  const implies = (a: number, b: number): boolean => {
    if (a === b) return true;
    const key = `${a}>${b}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    memo.set(key, false); // signals are acyclic, but be safe
    const sa = byIndex.get(a);
    const sb = byIndex.get(b);
    let r = false;
    if (sa?.near && implies(sa.near.signal, b)) r = true;
    else if (sb && sb.members.length > 0 && sb.require === null && sb.exclude.length === 0 && sb.near === null) r = sb.members.some((m) => implies(a, m));
    memo.set(key, r);
    return r;
  };
  return implies;
}

/** Literal a ⇒ literal b. */
export function literalImplies(a: Literal, b: Literal, sig: SignalImplies): boolean {
  const x = a.atom;
  const y = b.atom;
  if (x.k === "signal" && y.k === "signal") {
    if (!a.neg && !b.neg) return sig(x.s, y.s);
    if (a.neg && b.neg) return sig(y.s, x.s);
    return false;
  }
  if (x.k === "in" && y.k === "in") {
    if (!a.neg && !b.neg) return subset(x.codes, y.codes);
    if (!a.neg && b.neg) return disjoint(x.codes, y.codes);
    if (a.neg && b.neg) return subset(y.codes, x.codes);
    return false;
  }
  // In a set implies a known country; an unknown country is in no set.
  if (x.k === "in" && y.k === "known") return !a.neg && !b.neg;
  if (x.k === "known" && y.k === "in") return a.neg && b.neg;
  if (x.k === "known" && y.k === "known") return a.neg === b.neg;
  if (x.k === "cmp" && y.k === "cmp") return x.key === y.key && cmpImplies(x.op, x.c, y.op, y.c);
  if (x.k === "opaque" && y.k === "opaque") return x.key === y.key && a.neg === b.neg;
  return false;
}

function exclusive(a: Literal, b: Literal): boolean {
  const x = a.atom;
  const y = b.atom;
  if (x.k === "signal" && y.k === "signal") return x.s === y.s && a.neg !== b.neg;
  if (x.k === "in" && y.k === "in") {
    if (!a.neg && !b.neg) return disjoint(x.codes, y.codes);
    if (!a.neg && b.neg) return subset(x.codes, y.codes);
    if (a.neg && !b.neg) return subset(y.codes, x.codes);
    return false;
  }
  if ((x.k === "in" && y.k === "known") || (x.k === "known" && y.k === "in")) {
    const inLit = x.k === "in" ? a : b;
    const knownLit = x.k === "known" ? a : b;
    return !inLit.neg && knownLit.neg;
  }
  if (x.k === "known" && y.k === "known") return a.neg !== b.neg;
  if (x.k === "cmp" && y.k === "cmp") return x.key === y.key && cmpExclusive(x.op, x.c, y.op, y.c);
  if (x.k === "opaque" && y.k === "opaque") return x.key === y.key && a.neg !== b.neg;
  return false;
}

/** False when two literals of the conjunction contradict each other. */
export function satisfiable(c: Conjunction): boolean {
  for (let i = 0; i < c.length; i++) for (let j = i + 1; j < c.length; j++) if (exclusive(c[i] as Literal, c[j] as Literal)) return false;
  return true;
}

/** later ⇒ earlier: every literal of `earlier` is implied by some literal of `later`. */
export function covers(earlier: Conjunction, later: Conjunction, sig: SignalImplies): boolean {
  return earlier.every((b) => later.some((a) => literalImplies(a, b, sig)));
}
