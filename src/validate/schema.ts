import { z } from "zod";
import { DECISIONS } from "../base/decisions.js";

/**
 * The shape of policy, library (lexicon) and case files. This one definition drives validation (with
 * positions, see validate.ts), the TypeScript types of the compiler's input, and `modpol schema`.
 */

const NAME_RE = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/;
const nameOf = (what: string) =>
  z
    .string()
    .regex(NAME_RE, `${what} names are lower-case words joined by '-' or '.', e.g. target.invaders`)
    .describe(`${what} name: lower-case words joined by '-' or '.'`);
/**
 * One lexicon name or a list of them: what a context, a signal's `lexicon` and each of its `targets:`
 * cues name. A name may also be a lexicon group's (`lexicon-groups:`), which stands for its lexicons.
 */
const lexicons = () => z.union([nameOf("lexicon"), z.array(nameOf("lexicon"))]);

/**
 * Named lists of lexicon references, written once and used by name wherever a lexicon list is
 * accepted; a member is a lexicon or another group. Defined once across a policy and its includes.
 */
export const LexiconGroupMembers = z.array(nameOf("lexicon")).min(1).describe("the lexicons (or other groups) the group stands for");
const LexiconGroups = z
  .record(nameOf("lexicon group"), LexiconGroupMembers)
  .optional()
  .describe("named lists of lexicons, usable by name wherever a list of lexicons is (signals' lexicon, contexts, targets)");

export const Decision = z.enum(DECISIONS).describe("violating | exempt | clear | review");
export const Lang = z
  .string()
  .regex(/^[a-z]{2,3}$/, "a language is an ISO 639 code such as en, uk, ru, pl")
  .describe("ISO 639-1 language code");

const Term = z.string().describe("a word or phrase; 'stem*' matches any ending; '~N' skips up to N words; '{a|b}' stands for each alternative (quote the term)");
const Terms = z.array(Term);
const ByLang = z.union([Terms, z.record(Lang, Terms)]);

export const LexiconDef = z.union([
  Terms,
  z.strictObject({
    description: z.string().optional(),
    terms: ByLang.optional(),
    patterns: ByLang.optional().describe("RE2 regular expressions, matched on normalised text"),
    fuzzy: z.boolean().optional().describe("also match words one typo away (letters swapped or missing), in the lexicon's own language only"),
    except: ByLang.optional().describe("words a stem or typo of this lexicon must never match (its must-stay-clear neighbours), e.g. 'killer*' for 'kill*'"),
  }),
]).meta({ id: "lexicon" });

const Scope = z.enum(["clause", "sentence", "post"]).describe("clause | sentence | post");
const Window = z.number().int().min(0).max(50);

export interface ContextDef {
  lexicon?: string | string[];
  before?: number;
  after?: number;
  scope?: "clause" | "sentence" | "post";
  overlap?: boolean;
  stop?: string | string[];
  contrast?: string | string[];
  "negated-by"?: string | string[];
  outside?: string | string[];
  alone?: boolean;
  quoted?: boolean;
  question?: boolean;
  "clause-start"?: boolean;
  "after-colon"?: boolean;
  "before-colon"?: boolean;
  hashtag?: boolean;
  skip?: string | string[];
  all?: ContextDef[];
  any?: ContextDef[];
  not?: ContextDef;
}

export const Context: z.ZodType<ContextDef> = z.lazy(() =>
  z.strictObject({
    lexicon: lexicons().optional(),
    before: Window.optional().describe("within this many words before the match"),
    after: Window.optional().describe("within this many words after the match"),
    scope: Scope.optional(),
    overlap: z.literal(true).optional().describe("cue words inside the match itself count too"),
    stop: lexicons().optional().describe("the window ends at a match of this lexicon (e.g. 'and so', 'but')"),
    contrast: lexicons()
      .optional()
      .describe("a cue word right before a target that a word of this lexicon answers later in the sentence ('не X, а Y', 'not X but Y') is about X, not the match: it does not count"),
    "negated-by": lexicons()
      .optional()
      .describe("a cue word that a word of this lexicon negates (up to 2 words before it in its clause: 'I don't condemn', 'не шучу') does not count"),
    outside: lexicons()
      .optional()
      .describe("a cue word inside a match of this lexicon does not count ('ruski mir', an idea, holds no Russians)"),
    alone: z.literal(true).optional().describe("the cue word must make up its clause by itself ('No.' after a quoted call, not 'no exceptions')"),
    quoted: z.literal(true).optional().describe("the match stands inside quotation marks"),
    question: z.literal(true).optional().describe("the match stands in a sentence that ends with a question mark (a rhetorical question, when a rejection follows)"),
    "clause-start": z.literal(true).optional().describe("the match opens its clause"),
    "after-colon": z.literal(true).optional().describe("the match stands in a clause that follows a colon (an attribution: 'MP on TV: ...')"),
    "before-colon": z.literal(true).optional().describe("the match stands in a clause that a colon follows (a title: \"'Hang them all': inside the...\")"),
    hashtag: z.literal(true).optional().describe("the match is a hashtag, or inside one ('#DeathToPutin trending'): a topic named, not a sentence said"),
    skip: lexicons().optional(),
    all: z.array(Context).optional(),
    any: z.array(Context).optional(),
    not: Context.optional(),
  }),
).meta({ id: "context" });
const Contexts = z.union([Context, z.array(Context)]);

export const SignalDef = z.strictObject({
  description: z.string().optional(),
  lexicon: z.union([nameOf("lexicon"), z.array(nameOf("lexicon")).min(1)]).optional(),
  any: z.array(nameOf("signal")).min(1).optional().describe("union of other signals' counted matches"),
  frame: z.string().optional().describe("what kind of call this signal's matches are (imperative, modal, wish, intent, future, question, conditional, noun, slogan…), shown in explanations"),
  require: Contexts.optional().describe("a match counts only when one of these holds"),
  exclude: Contexts.optional().describe("a match does not count when any of these holds"),
  near: z
    .union([
      nameOf("signal"),
      z.strictObject({
        signal: nameOf("signal"),
        scope: Scope.optional(),
        before: Window.optional(),
        after: Window.optional(),
      }),
    ])
    .optional()
    .describe("a match counts only near a counted match of this signal (same sentence by default)"),
  targets: z
    .strictObject({
      pronouns: lexicons().optional().describe("words that point back ('them', 'їх'): a call with one and no target of its own is aimed at the targets of an earlier sentence"),
      relative: lexicons().optional().describe("words that open a relative clause ('who', 'які'): a target named after one, before the call, is described, not aimed at"),
      "reported-act": lexicons().optional().describe("violence reported as done ('shelled', 'killed'): who it was done to is a victim, not a target"),
      spare: lexicons().optional().describe("words that spare whom they precede ('not the', 'except')"),
      "spare-around": lexicons().optional().describe("phrases that spare whom they follow or precede in their clause ('civilians: leave them alone', 'a civileket hagyjátok békén', 'не чіпайте цивільних')"),
      avenged: lexicons().optional().describe("words that open what a call avenges ('in revenge for', 'за наших', 'za każdą ukraińską'): whom they name right after them, in their clause, is a victim avenged, not a target"),
      "avenged-after": lexicons().optional().describe("the revenge named after whom it is for ('վրեժը', 'intiqamı', 'bosszúja'): whom it follows at once, in their clause, is a victim avenged, not a target"),
      same: lexicons().optional().describe("words that apply what was said before to whom their sentence names ('the same', 'то же самое', 'to samo'): an endorsed quoted call is aimed at whom the next sentence names with one"),
      also: lexicons().optional().describe("words that add whom a short sentence with no call of its own names to the calls of the sentence before it ('Путина в гроб. И Шойгу следом.', 'Kill Putin. Shoigu too.'): placed at its start or its end, in a sentence of a few words, they make an ellipsis of that call, and whom it names is aimed at"),
      "act-stop": lexicons().optional().describe("words that start a new statement ('so', 'тож', 'więc'): a reported act's object never stands after one"),
      reason: lexicons().optional().describe("words that open the reason given for a call ('for handing', 'за те, що', 'because'): whom their clause names is why the call is made, not whom it is aimed at, while the call has a target outside every reason"),
      "pronoun-one": lexicons().optional().describe("pronouns of one person ('him', 'його', 'go'), also among 'pronouns': pointing back to a sentence that names one person of 'one-person' beside groups, the call is aimed at that person alone"),
      "one-person": lexicons().optional().describe("lexicons each of whose names is one person ('Putin', 'Lukashenko'): what a pronoun of 'pronoun-one' points back to"),
      "antecedent-only": lexicons().optional().describe("lexicons whose names a call reaches only through a pronoun ('They SHELLED Kharkiv. Shoot them all.'): never a target in the call's own clause, only what a pronoun of another sentence or clause points back or forward to"),
      none: lexicons().optional().describe("negated quantifiers ('not one', 'ani jeden', 'жоден'): a sparing word inside one spares nobody ('not one invader should leave alive' is aimed at the invaders)"),
    })
    .optional()
    .describe("for a call signal: the lexicons that tell its targets from its victims, for the signals that are 'target-of' it"),
  "target-of": nameOf("signal")
    .optional()
    .describe(
      "a match counts only when it is what a counted match of this signal (a call) is aimed at: in the call's sentence, not a victim described in a relative clause or as the object of a reported act, not spared ('not the civilians'); a pronoun ('them') aims the call at the targets of an earlier sentence",
    ),
}).meta({ id: "signal" });

/**
 * A record field's path: words joined by dots (`account.type`, `scores.violence`), read from JSONL
 * nesting or from a CSV column with the dotted name. Words may hold `_` and `-` inside, so that the
 * field names of real exports (`follower_count`) can be written as they are.
 */
export const FIELD_PATH_RE = /^[A-Za-z](?:[A-Za-z0-9_-]*[A-Za-z0-9])?(?:\.[A-Za-z](?:[A-Za-z0-9_-]*[A-Za-z0-9])?)*$/;

/** The types a record field can be declared with. */
export const FIELD_TYPES = ["string", "number", "boolean", "enum", "list", "date"] as const;
const FieldType = z.enum(FIELD_TYPES).describe("string | number | boolean | enum (one of values) | list (of strings) | date");

export const FieldDef = z
  .union([
    FieldType,
    z.strictObject({
      type: FieldType,
      values: z.array(z.string().min(1)).min(1).optional().describe("for an enum: the values the field may take"),
      required: z.boolean().optional().describe("a record without the field cannot be evaluated (an error record); default false: the field is absent"),
      description: z.string().optional(),
    }),
  ])
  .describe("a record field the rules read: its type alone (optional), or {type, values?, required?, description?}")
  .meta({ id: "field" });

const Fields = z
  .record(z.string().regex(FIELD_PATH_RE, "a field path is words joined by '.', e.g. account.type"), FieldDef)
  .optional()
  .describe("record fields the rules read, by path (JSONL nesting or dotted CSV columns)");
const StringSets = z
  .record(nameOf("set"), z.array(z.string().min(1)))
  .optional()
  .describe("named sets of strings, for 'FIELD in NAME' (enum values, account types, languages…)");
/** Values a test gives the record fields a policy declares: nested (`account: {type: x}`) or dotted keys. */
const TestFields = z.record(z.string(), z.unknown()).describe("the record's other fields, as JSONL would give them: nested mappings or dotted keys");

export const RuleDef = z.strictObject({
  id: nameOf("rule"),
  description: z.string().optional(),
  when: z.string().min(1).describe("condition over signals, record fields, country and string sets, counts and settings"),
  decision: Decision,
  reason: z.string().min(1).describe("one line shown with every decision this rule makes; {setting-name} is replaced by the setting's value"),
}).meta({ id: "rule" });

export const TestDef = z.strictObject({
  id: z.string().optional(),
  text: z.string(),
  country: z.string().optional(),
  date: z.string().optional(),
  lang: Lang.optional().describe("the post's language, as a record's lang field gives it (otherwise it is identified)"),
  fields: TestFields.optional(),
  expect: Decision,
  rule: z.union([nameOf("rule"), z.null()]).optional().describe("the rule expected to decide; null = the default"),
  todo: z.union([z.boolean(), z.string()]).optional().describe("a known gap: reported, never a failure"),
  note: z.string().optional(),
}).meta({ id: "test" });

const DateStr = z.string().regex(/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, "a date is YYYY-MM-DD");

export const PolicyDef = z.strictObject({
  $schema: z.string().optional(),
  modpol: z.literal(1).optional().describe("policy language version"),
  id: nameOf("policy"),
  title: z.string().optional(),
  description: z.string().optional(),
  sources: z
    .array(z.strictObject({ title: z.string(), url: z.string().optional(), date: DateStr.optional(), note: z.string().optional() }))
    .optional(),
  effective: z.strictObject({ from: DateStr.optional(), until: DateStr.optional() }).optional(),
  languages: z.array(Lang).optional().describe("languages the policy's lexicons are expected to cover"),
  include: z.array(z.string().min(1)).optional().describe("lexicon files, relative to this file"),
  countries: z.record(nameOf("country set"), z.array(z.string())).optional(),
  sets: StringSets,
  fields: Fields,
  settings: z.record(nameOf("setting"), z.union([z.number(), z.boolean(), z.string()])).optional(),
  lexicons: z.record(nameOf("lexicon"), LexiconDef).optional(),
  "lexicon-groups": LexiconGroups,
  signals: z.record(nameOf("signal"), SignalDef).optional(),
  rules: z.array(RuleDef).min(1),
  default: z.union([Decision, z.strictObject({ decision: Decision, reason: z.string().min(1) })]),
  tests: z.array(TestDef).optional(),
}).meta({ id: "policy-file" });

export const LexiconFileDef = z.strictObject({
  $schema: z.string().optional(),
  language: Lang.optional().describe("language of every term in this file that names none"),
  description: z.string().optional(),
  include: z
    .array(z.string().min(1))
    .optional()
    .describe("other library files, relative to this file (still confined to the including policy's folder tree)"),
  countries: z.record(nameOf("country set"), z.array(z.string())).optional(),
  sets: StringSets,
  fields: Fields,
  lexicons: z.record(nameOf("lexicon"), LexiconDef).optional(),
  "lexicon-groups": LexiconGroups,
  signals: z.record(nameOf("signal"), SignalDef).optional(),
}).meta({ id: "library-file" });

/** Decisions acceptable for a case: one, or a list of alternatives. */
const Decisions = z.union([Decision, z.array(Decision).min(1)]);
const PolicyName = nameOf("policy");
const PolicyNames = z.union([PolicyName, z.array(PolicyName).min(1)]);
const RuleName = z.union([nameOf("rule"), z.null()]);

const caseShape = {
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string(),
  country: z.union([z.string(), z.null()]).optional().describe("ISO code (PL, POL) or country name (Poland, Polska); absent or null: no country"),
  date: DateStr.optional(),
  lang: Lang.optional(),
  fields: TestFields.optional(),
  policy: PolicyNames.optional().describe("the policies this case is for (default: the file's policy, else every policy run)"),
  expect: z
    .union([Decisions, z.record(PolicyName, Decisions)])
    .describe("the acceptable decision(s), or a map of policy id to acceptable decision(s)"),
  rule: z
    .union([RuleName, z.record(PolicyName, RuleName)])
    .optional()
    .describe("the rule expected to decide (null = the default), or a map of policy id to rule"),
  todo: z.union([z.boolean(), z.string()]).optional().describe("a known gap: reported, never a failure"),
  note: z.string().optional(),
};

/** One case of a case file (YAML): a post and the decision each policy must give it. */
export const CaseDef = z.strictObject(caseShape).meta({ id: "case" });

/**
 * One line of a JSONL case file: the same fields, but other fields (a data set's own metadata such as
 * `functionality` or `target`) are allowed and ignored.
 */
export const CaseLineDef = z.looseObject(caseShape);

/** A case file (`*.cases.yaml`): example posts with the decisions policies must give them. */
export const CaseFileDef = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  policy: PolicyNames.optional().describe("the policies these cases are for, when a case's expect does not name them"),
  cases: z.array(CaseDef),
}).meta({ id: "case-file" });

const NullableDate = z.union([DateStr, z.null()]);

/** One version of a timeline: a policy (path or bundled id), optionally with its dates overridden. */
export const TimelineEntryDef = z.union([
  z.string().min(1).describe("a policy file, relative to the timeline, or a bundled policy id; in force on the dates its effective: declares"),
  z.strictObject({
    policy: z.string().min(1).describe("a policy file, relative to the timeline, or a bundled policy id"),
    from: NullableDate.optional().describe("first day in force (inclusive); replaces the policy's effective.from; null: since always"),
    until: NullableDate.optional().describe("first day no longer in force (exclusive); replaces the policy's effective.until; null: no end"),
  }),
]).meta({ id: "timeline-entry" });

/**
 * A timeline file: the successive versions of a policy. Evaluation picks, for each post, the version
 * in force on the post's date.
 */
export const TimelineFileDef = z.strictObject({
  $schema: z.string().optional(),
  timeline: z.strictObject({
    id: nameOf("timeline").describe("the timeline's id, usable wherever a policy id is (--policy)"),
    title: z.string().optional(),
    description: z.string().optional(),
    from: DateStr.optional().describe("the first day the timeline covers; posts dated earlier are errors (default: since always)"),
    until: DateStr.optional().describe("the first day the timeline no longer covers (default: no end)"),
    policies: z.array(TimelineEntryDef).min(1).describe("the versions, each in force on its own dates; together they must cover the timeline without gaps or overlaps"),
  }),
}).meta({ id: "timeline-file" });

/** Any rule file: a policy, a library (lexicon) file, a case file or a timeline. What `modpol schema` describes. */
export const RuleFileDef = z.union([PolicyDef, LexiconFileDef, CaseFileDef, TimelineFileDef]);

export type PolicyDoc = z.infer<typeof PolicyDef>;
export type LexiconFileDoc = z.infer<typeof LexiconFileDef>;
export type LexiconDoc = z.infer<typeof LexiconDef>;
export type SignalDoc = z.infer<typeof SignalDef>;
export type RuleDoc = z.infer<typeof RuleDef>;
export type TestDoc = z.infer<typeof TestDef>;
export type CaseDoc = z.infer<typeof CaseDef>;
export type CaseFileDoc = z.infer<typeof CaseFileDef>;
export type TimelineFileDoc = z.infer<typeof TimelineFileDef>;
export type TimelineEntryDoc = z.infer<typeof TimelineEntryDef>;
export type FieldDoc = z.infer<typeof FieldDef>;
export type FieldType = (typeof FIELD_TYPES)[number];
