import type { DecisionName } from "../base/decisions.js";
import type { Diagnostic } from "../base/diagnostics.js";
import type { CmpOp, Range } from "./expression.js";
import type { LexiconIndex } from "../match/index.js";
import type { LanguageDetector } from "../text/language.js";

/** The unit a context window or a `near` stays inside. */
export type Scope = "clause" | "sentence" | "post";

/** A compiled context predicate, checked against one match of a signal. */
export type ContextC =
  | {
      readonly k: "lexicon";
      readonly lexicons: readonly number[];
      readonly before: number | undefined;
      readonly after: number | undefined;
      readonly scope: Scope;
      /** Cue matches inside the candidate itself count too (normally the candidate owns its words). */
      readonly overlap: boolean;
      /** Lexicons whose matches end the window: a cue beyond one of them does not count. */
      readonly stop: readonly number[];
      /**
       * Lexicons of contrast words ("а", "but", "tylko"): a cue right before a target that one of
       * them answers later in the sentence ("не X, а Y") is about X, not the candidate.
       */
      readonly contrast: readonly number[];
      /**
       * Lexicons of negators: a cue that one of them precedes in its clause, within
       * NEGATED_REACH words ("I don't condemn", "не шучу"), says the opposite and does not count.
       */
      readonly negatedBy: readonly number[];
      /** Lexicons whose matches hide a cue inside them: "ruski mir" (an idea) holds no Russians. */
      readonly outside: readonly number[];
      /** The cue must make up its clause alone: "No." after a quoted call, not "no exceptions". */
      readonly alone: boolean;
      readonly label: string;
    }
  | { readonly k: "quoted"; readonly label: string }
  | { readonly k: "question"; readonly label: string }
  | { readonly k: "clause-start"; readonly skip: readonly number[]; readonly label: string }
  | { readonly k: "after-colon"; readonly label: string }
  | { readonly k: "before-colon"; readonly label: string }
  | { readonly k: "hashtag"; readonly label: string }
  | { readonly k: "all" | "any"; readonly items: readonly ContextC[]; readonly label: string }
  | { readonly k: "not"; readonly item: ContextC; readonly label: string };

/** The lexicons a call signal's target resolution reads (indices into the lexicon index). */
export interface TargetCues {
  readonly pronouns: readonly number[];
  readonly relative: readonly number[];
  readonly reportedAct: readonly number[];
  readonly spare: readonly number[];
  /** Phrases that spare the candidate right before or after them in their clause ("hagyjátok békén"). */
  readonly spareAround: readonly number[];
  /** Negated quantifiers ("not one", "ani jeden"): a sparing word inside one spares nobody. */
  readonly none: readonly number[];
  /** Words that open what a call avenges ("for every", "за кожну"): whom they name is a victim. */
  readonly avenged: readonly number[];
  /** Postpositions of what a call avenges ("eest", "համար"): whom they follow is a victim. */
  readonly avengedAfter: readonly number[];
  /** Words that apply a quoted call to whom their sentence names ("the same", "то же самое"). */
  readonly same: readonly number[];
  /**
   * Words that add whom a short sentence with no call of its own names to the calls of the sentence
   * before it ("Путина в гроб. И Шойгу СЛЕДОМ.", "Kill Putin. Shoigu TOO."): an ellipsis of the call.
   */
  readonly also: readonly number[];
  /** Words that end the reach of a reported act ("so", "тож", "więc"): a new statement starts. */
  readonly actStop: readonly number[];
  /** Words that open the reason given for a call ("for handing", "за те, що", "because"). */
  readonly reason: readonly number[];
  /** Pronouns that point back to one person ("him", "його", "go"): among those named before, a person named as one is meant. */
  readonly pronounOne: readonly number[];
  /** Lexicons each of whose names is one person (Putin, Lukashenko): what a pronoun of one person points back to. */
  readonly onePerson: readonly number[];
  /**
   * Lexicons whose names a call reaches only through a pronoun ("They SHELLED Kharkiv again. Shoot them
   * all."): never a target of a call in their own clause, only what a pronoun of another sentence, or
   * of another clause of theirs, points back (or forward) to.
   */
  readonly antecedentOnly: readonly number[];
}

/** A compiled signal: a named fact about a post, built from lexicon matches. */
export interface SignalC {
  readonly name: string;
  readonly index: number;
  readonly description: string | undefined;
  /** Lexicons whose matches are candidates (a lexicon signal). */
  readonly lexicons: readonly number[];
  /** Signals whose counted matches are united (an `any` signal). */
  readonly members: readonly number[];
  /** A candidate counts only if one of these holds (null: no requirement). */
  readonly require: readonly ContextC[] | null;
  /** A candidate does not count if any of these holds. */
  readonly exclude: readonly ContextC[];
  readonly near: { readonly signal: number; readonly scope: Scope; readonly before: number | undefined; readonly after: number | undefined } | null;
  /** For a call signal: the lexicons that tell its targets from victims (see evaluate/targets.ts). */
  readonly targets: TargetCues | null;
  /** The call signal this signal's matches must be the target of (see evaluate/targets.ts), or null. */
  readonly targetOf: number | null;
  /** What kind of call a match of this signal is (imperative, modal, wish…), for explanations. */
  readonly frame: string | undefined;
}

/** The types a record field can have (see docs/policy-language.md#record-fields). */
export type FieldType = "string" | "number" | "boolean" | "enum" | "list" | "date";

/** A record field a policy declares: where a record holds it, its type, and whether it must be there. */
export interface FieldC {
  /** As written in the policy: `account.type`. */
  readonly path: string;
  /** The path's words, for JSONL nesting: ["account", "type"]. */
  readonly segments: readonly string[];
  readonly type: FieldType;
  /** For an enum: the values it may take. */
  readonly values: readonly string[] | undefined;
  readonly required: boolean;
  readonly description: string | undefined;
}

/**
 * A field's value in one post. A date is held as milliseconds since the epoch (UTC), so that it
 * compares as a number; a list as its strings.
 */
export type FieldValue = string | number | boolean | readonly string[];

/** A compiled rule condition; names are resolved to indices and setting values. */
export type CondC =
  | { readonly k: "or" | "and"; readonly items: readonly CondC[]; readonly at: Range }
  | { readonly k: "not"; readonly item: CondC; readonly at: Range }
  /** A constant, or a boolean setting (`setting` names it, so `--set` can change it). */
  | { readonly k: "const"; readonly value: boolean; readonly at: Range; readonly setting?: string }
  | { readonly k: "signal"; readonly signal: number; readonly at: Range }
  | { readonly k: "country-in"; readonly codes: ReadonlySet<string>; readonly set: string | null; readonly at: Range }
  | { readonly k: "country-known"; readonly known: boolean; readonly at: Range }
  | { readonly k: "lang-in"; readonly codes: ReadonlySet<string>; readonly set: string | null; readonly at: Range }
  | { readonly k: "lang-known"; readonly known: boolean; readonly at: Range }
  /** A string or enum field (index into {@link CompiledPolicy.fields}) is one of `values`. */
  | { readonly k: "field-in"; readonly field: number; readonly values: ReadonlySet<string>; readonly set: string | null; readonly at: Range }
  /** A list field holds one of `values` (one string, or the items of the set `set`). */
  | { readonly k: "contains"; readonly field: number; readonly values: ReadonlySet<string>; readonly set: string | null; readonly at: Range }
  /** The field is present in the record. */
  | { readonly k: "has"; readonly field: number; readonly at: Range }
  /** A boolean field standing as a condition: holds when present and true. */
  | { readonly k: "flag"; readonly field: number; readonly at: Range }
  | { readonly k: "cmp"; readonly op: CmpOp; readonly left: ValueC; readonly right: ValueC; readonly at: Range };

/**
 * A compiled value of a comparison. A literal that came from a setting names it (`setting`), so
 * that `--set` can give it another value without compiling again.
 */
export type ValueC =
  | { readonly k: "value"; readonly value: number; readonly at: Range; readonly setting?: string }
  | { readonly k: "text"; readonly value: string; readonly at: Range; readonly setting?: string }
  | { readonly k: "bool"; readonly value: boolean; readonly at: Range; readonly setting?: string }
  /** A date, as milliseconds since the epoch (UTC), and as written. */
  | { readonly k: "date"; readonly value: number; readonly text: string; readonly at: Range; readonly setting?: string }
  | { readonly k: "field"; readonly field: number; readonly at: Range }
  /** The post's language (the record's own, else the identified one). */
  | { readonly k: "lang"; readonly at: Range }
  | { readonly k: "count"; readonly signals: readonly number[]; readonly at: Range }
  | { readonly k: "matches"; readonly signal: number; readonly at: Range };

/** A compiled rule. */
export interface RuleC {
  readonly id: string;
  readonly index: number;
  readonly description: string | undefined;
  readonly when: CondC;
  /** The condition as written, for explanations. */
  readonly whenSource: string;
  readonly decision: DecisionName;
  /** The reason, with every `{setting}` replaced by the setting's value. */
  readonly reason: string;
  /** The reason as written, when it names settings (it is filled in again when a setting changes). */
  readonly reasonTemplate?: string | undefined;
}

/** A test case embedded in a policy or read from a case file, with where it was written. */
export interface TestCase {
  readonly id: string;
  readonly text: string;
  readonly country: string | undefined;
  readonly date: string | undefined;
  /** The post's language, as a record's `lang` gives it; undefined: identified. */
  readonly lang: string | undefined;
  /** The record's other fields (`fields:` of the test), for the fields the policy declares. */
  readonly fields?: Readonly<Record<string, unknown>> | undefined;
  readonly expect: DecisionName;
  /** Expected deciding rule; null = the default; undefined = not checked. */
  readonly rule: string | null | undefined;
  readonly todo: boolean | string;
  readonly note: string | undefined;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Where a policy came from and what it says about itself. */
export interface PolicyMeta {
  readonly id: string;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly sources: readonly { readonly title: string; readonly url?: string | undefined; readonly date?: string | undefined }[];
  readonly effective: { readonly from?: string | undefined; readonly until?: string | undefined } | undefined;
  readonly languages: readonly string[];
  /** The policy file (or "bundled:<id>" for a precompiled bundled policy). */
  readonly file: string;
}

/**
 * A policy compiled once and never changed: every name resolved, every term indexed, every pattern
 * checked. {@link evaluate} needs nothing else.
 */
export interface CompiledPolicy extends PolicyMeta {
  readonly countrySets: ReadonlyMap<string, ReadonlySet<string>>;
  /** Named sets of strings (`sets:`), for `FIELD in NAME`, `lang in NAME` and `contains`. */
  readonly stringSets: ReadonlyMap<string, ReadonlySet<string>>;
  /** The record fields the policy declares, in declaration order (conditions refer to them by index). */
  readonly fields: readonly FieldC[];
  readonly settings: ReadonlyMap<string, number | boolean | string>;
  /** The settings given another value at run time (`--set`), with the value the policy gives them. */
  readonly settingsSet?: ReadonlyMap<string, number | boolean | string> | undefined;
  readonly index: LexiconIndex;
  /** In evaluation order: a signal comes after every signal it depends on. */
  readonly signals: readonly SignalC[];
  readonly signalByName: ReadonlyMap<string, SignalC>;
  /**
   * Per lexicon: true when no signal takes candidates from it, so it only ever serves as context
   * (a cue, an idiom). Its matches are looked for only once some context has to be checked.
   */
  readonly deferredLexicons: readonly boolean[];
  /**
   * Per lexicon: words its terms must never match (`except:`), each as `lang` + NUL + normalised
   * word, packed as one string of sorted lines (match/packed-map.ts `packSet`); empty for most
   * lexicons. One string a lexicon rather than a list of words: the bundled policies list about
   * 8,000 such words, and reading them as JSON strings one by one was a third of loading a
   * precompiled policy; they are searched in place (PackedSet) by the phase that uses them. A
   * compiled policy holds the string, a precompiled one its UTF-8 bytes, read from the file.
   */
  readonly lexiconExcept: readonly (string | Uint8Array)[];
  /**
   * The language identifier that scopes lexicons to their language (see evaluate/language-scope.ts),
   * attached by the use-case that loads the policy; without one, every match counts in any text.
   */
  readonly languageModel?: LanguageDetector | undefined;
  readonly rules: readonly RuleC[];
  readonly fallback: { readonly decision: DecisionName; readonly reason: string; readonly reasonTemplate?: string | undefined };
  readonly tests: readonly TestCase[];
  /** Warnings found while compiling (errors prevent a CompiledPolicy from existing). */
  readonly warnings: readonly Diagnostic[];
}

/**
 * One version of a timeline: a policy and the period [from, until) it is in force. Bounds are
 * instants in UTC (see dates.ts); undefined means "since always" or "no end".
 */
export interface TimelineVersion {
  /** The policy's id: known without loading the policy (bundled timelines load versions lazily). */
  readonly id: string;
  readonly policy: CompiledPolicy;
  /** The bounds as written (in the timeline or the policy's `effective:`). */
  readonly from: string | undefined;
  readonly until: string | undefined;
  readonly fromMs: number | undefined;
  readonly untilMs: number | undefined;
}

/**
 * The successive versions of a policy, in date order, covering the timeline's period without gaps
 * or overlaps: every date in [from, until) has exactly one version in force.
 */
export interface Timeline {
  readonly kind: "timeline";
  readonly id: string;
  readonly title: string | undefined;
  readonly description: string | undefined;
  /** The timeline file (or "bundled:<id>" for a precompiled bundled timeline). */
  readonly file: string;
  readonly from: string | undefined;
  readonly until: string | undefined;
  readonly fromMs: number | undefined;
  readonly untilMs: number | undefined;
  readonly versions: readonly TimelineVersion[];
}
