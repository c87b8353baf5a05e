import { compare } from "../compile/expression.js";
import type { CompiledPolicy, CondC, FieldValue, RuleC, ValueC } from "../compile/types.js";
import type { DecisionName } from "../base/decisions.js";
import { normalise, toOriginal, transformsIn, type NormalisedText } from "../text/normalise.js";
import { tokenise, type Tokens } from "../text/tokenise.js";
import { findMatches, VIA_GLUED, VIA_STRETCHED, VIA_TRANSLIT, VIA_TYPO, type LexMatch, type LexMatches } from "../match/index.js";
import { fieldProblems, fieldValues, type FieldProblem, type RecordFields } from "../compile/record-fields.js";
import { scopeLanguages, type LanguageScope } from "./language-scope.js";
import type { WorkMeter } from "./context-index.js";
import { computeSignals, type SignalState } from "./signals.js";

/** A post to classify. `country` is an ISO 3166-1 alpha-2 code, or null/undefined when unknown. */
export interface Post {
  readonly text: string;
  readonly country?: string | null | undefined;
  /** The post's language (ISO 639-1), when the record says; otherwise it is identified. */
  readonly lang?: string | null | undefined;
  /**
   * The whole record, for the fields the policy declares (`{"account": {"type": "satire"}}`, or
   * dotted keys). A field that is missing or of the wrong type reads as absent here: check a
   * record first with `checkRecord` to reject it instead, as the command line does.
   */
  readonly fields?: RecordFields | undefined;
  /** The record is a CSV row: its values are text, read as the declared types (numbers, lists…). */
  readonly fieldsAreText?: boolean | undefined;
}

/** One piece of evidence: a counted match of a signal, located in the text the user wrote. */
export interface Evidence {
  readonly signal: string;
  /** The lexicon term (or pattern) that matched, as written in the lexicon. */
  readonly term: string;
  /** The original characters matched. */
  readonly text: string;
  /** Start and end (exclusive) in the original text, in UTF-16 code units (JavaScript string indices). */
  readonly start: number;
  readonly end: number;
  readonly lexicon: string;
  readonly lang: string;
  /** Evasion transformations that made the match possible, e.g. "folded look-alike letters". */
  readonly transforms: readonly string[];
}

/** The outcome for one post: the decision, the rule that made it (null: the policy default) and why. */
export interface Decision {
  readonly decision: DecisionName;
  readonly rule: string | null;
  readonly reason: string;
  readonly policy: string;
  readonly country: string | null;
  /** The post's language: the record's own, else the identifier's reliable guess; null when neither says. */
  readonly lang: string | null;
  readonly matches: readonly Evidence[];
}

/** Everything computed about a post before rules are applied; shared by evaluate and explain. */
export interface Analysis {
  readonly norm: NormalisedText;
  readonly tokens: Tokens;
  /** Every lexicon's matches (context-only lexicons are matched when this is first read). */
  readonly lex: readonly LexMatch[][];
  readonly states: readonly SignalState[];
  readonly country: string | null;
  /** The post's language (see {@link LanguageScope.lang}). */
  readonly lang: string | null;
  /** The language identifier's reading of the post, for explanations. */
  readonly language: LanguageScope;
  /** The values of the policy's declared fields, by field index (undefined: absent). */
  readonly fields: readonly (FieldValue | undefined)[];
}

/** An {@link Analysis} whose context-only lexicon matches are completed when `lex` is first read. */
class Analysed implements Analysis {
  constructor(
    readonly norm: NormalisedText,
    readonly tokens: Tokens,
    private readonly matches: LexMatches,
    readonly states: readonly SignalState[],
    readonly country: string | null,
    readonly language: LanguageScope,
    readonly fields: readonly (FieldValue | undefined)[],
  ) {}

  get lang(): string | null {
    return this.language.lang;
  }

  // On the prototype, not a closure per post: evaluate() never reads it, explain() does.
  get lex(): readonly LexMatch[][] {
    return this.matches.complete();
  }
}

/**
 * Normalises, tokenises, matches and computes signals. Pure: a `meter`, when given (by the tests
 * that prove the cost linear), counts the steps of context checks and the units normalisation
 * handles one at a time in the caller's own object.
 */
export function analyse(post: Post, policy: CompiledPolicy, meter?: WorkMeter): Analysis {
  const norm = normalise(post.text, undefined, meter);
  const tokens = tokenise(norm.text);
  const language = scopeLanguages(policy, norm, tokens, post.lang);
  const matches = findMatches(policy.index, tokens, norm.text, policy.deferredLexicons, language.accepts, language.shortKeys);
  const states = computeSignals(policy, tokens, matches, norm.text, language.lang !== null || language.guess !== null, meter, language.lang);
  const fields = fieldValues(post.fields, post.fieldsAreText === true, policy);
  return new Analysed(norm, tokens, matches, states, post.country ? post.country.toUpperCase() : null, language, fields);
}

/** Value of a term of a comparison for an analysed post; undefined when the record lacks it. */
export function valueOf(n: ValueC, a: Analysis): FieldValue | undefined {
  switch (n.k) {
    case "value":
    case "text":
    case "bool":
    case "date":
      return n.value;
    case "field":
      return a.fields[n.field];
    case "lang":
      return a.lang ?? undefined;
    case "count":
      return n.signals.reduce((acc, s) => acc + ((a.states[s]?.counted.length ?? 0) > 0 ? 1 : 0), 0);
    case "matches":
      return a.states[n.signal]?.counted.length ?? 0;
  }
}

/**
 * A comparison. A value the record lacks makes it false, whatever the operator, except `!=`: that
 * is the negation of `==`, so `x != "a"` holds for a record without x, as `not (x == "a")` does.
 * Numbers and dates compare by order; text and booleans only by equality (the compiler sees to it).
 */
function comparison(c: Extract<CondC, { k: "cmp" }>, a: Analysis): boolean {
  const l = valueOf(c.left, a);
  const r = valueOf(c.right, a);
  if (l === undefined || r === undefined) return c.op === "!=";
  if (typeof l === "number" && typeof r === "number") return compare(l, c.op, r);
  return c.op === "==" ? l === r : c.op === "!=" ? l !== r : false;
}

/** Truth of a rule condition for an analysed post. */
export function holds(c: CondC, a: Analysis): boolean {
  switch (c.k) {
    case "or":
      return c.items.some((x) => holds(x, a));
    case "and":
      return c.items.every((x) => holds(x, a));
    case "not":
      return !holds(c.item, a);
    case "const":
      return c.value;
    case "signal":
      return (a.states[c.signal]?.counted.length ?? 0) > 0;
    case "country-in":
      return a.country !== null && c.codes.has(a.country);
    case "country-known":
      return (a.country !== null) === c.known;
    case "lang-in":
      return a.lang !== null && c.codes.has(a.lang);
    case "lang-known":
      return (a.lang !== null) === c.known;
    case "field-in": {
      const v = a.fields[c.field];
      return typeof v === "string" && c.values.has(v);
    }
    case "contains": {
      const v = a.fields[c.field];
      return Array.isArray(v) && v.some((x) => c.values.has(x));
    }
    case "has":
      return a.fields[c.field] !== undefined;
    case "flag":
      return a.fields[c.field] === true;
    case "cmp":
      return comparison(c, a);
  }
}

/** The first rule whose condition holds, or undefined for the policy default. */
export function decidingRule(policy: CompiledPolicy, a: Analysis): RuleC | undefined {
  return policy.rules.find((r) => holds(r.when, a));
}

/** Turns a lexicon match into evidence that points at the original text. */
export function toEvidence(signal: string, m: LexMatch, a: Analysis, policy: CompiledPolicy): Evidence {
  const [start, end] = toOriginal(a.norm, m.start, m.end);
  const transforms = transformsIn(a.norm, m.start, m.end);
  if (m.via & VIA_STRETCHED) transforms.push("read stretched letters as one");
  if (m.via & VIA_TRANSLIT) transforms.push("matched a Latin transliteration of a Cyrillic term");
  if (m.via & VIA_TYPO) transforms.push("matched despite a typo (letters swapped, missing or extra)");
  if (m.via & VIA_GLUED) transforms.push("matched words run together without a space");
  return { signal, term: m.source, text: a.norm.original.slice(start, end), start, end, lexicon: policy.index.lexicons[m.lexicon] ?? "", lang: m.lang, transforms };
}

/**
 * The evidence of a decision: every counted match of every signal that holds, in text order. A match
 * that a union (`any`) signal only repeats from a member is listed once, under the member.
 */
export function evidenceOf(a: Analysis, policy: CompiledPolicy): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  // Index loops: `counted` is often the shared frozen empty list, over which (with other lists at
  // the same site) TurboFan calls the array iterator's builtin per element instead of inlining it.
  const signals = policy.signals;
  for (let i = 0; i < signals.length; i++) {
    const s = signals[i] as CompiledPolicy["signals"][number];
    const st = a.states[s.index];
    if (!st) continue;
    const counted = st.counted;
    for (let j = 0; j < counted.length; j++) {
      const m = counted[j] as LexMatch;
      const key = `${m.t0}:${m.t1}:${m.lexicon}`;
      if (s.members.length > 0 && seen.has(key)) continue;
      seen.add(key);
      out.push(toEvidence(s.name, m, a, policy));
    }
  }
  return out.sort((x, y) => x.start - y.start || x.end - y.end || x.signal.localeCompare(y.signal));
}

/**
 * What stops a post's record from being evaluated under a policy: each declared field that is
 * required and missing, of the wrong type, or not one of its enum's values. Empty when the record
 * is fine. The command line turns a record with problems into an error record; {@link evaluate}
 * alone would read such a field as absent.
 */
export function checkRecord(post: Post, policy: CompiledPolicy): FieldProblem[] {
  return fieldProblems(post.fields, post.fieldsAreText === true, policy);
}

/**
 * Classifies one post under a compiled policy. Pure: no I/O, no globals; the same post and policy
 * always give the same decision.
 */
export function evaluate(post: Post, policy: CompiledPolicy): Decision {
  const a = analyse(post, policy);
  return decide(a, policy);
}

/** The decision for an already analysed post. */
export function decide(a: Analysis, policy: CompiledPolicy): Decision {
  const rule = decidingRule(policy, a);
  return {
    decision: rule ? rule.decision : policy.fallback.decision,
    rule: rule ? rule.id : null,
    reason: rule ? rule.reason : policy.fallback.reason,
    policy: policy.id,
    country: a.country,
    lang: a.lang,
    matches: evidenceOf(a, policy),
  };
}
