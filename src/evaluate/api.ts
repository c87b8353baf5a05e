import { resolveCountry } from "../base/countries.js";
import { languageSubtag } from "../base/languages.js";
import type { RecordFields } from "../compile/record-fields.js";
import type { DecisionName } from "../base/decisions.js";
import type { CompiledPolicy } from "../compile/types.js";
import { evaluate as evaluateChecked, type Decision, type Post } from "./evaluate.js";
import { explain as explainChecked, type Explanation } from "./explain.js";
import { whyNot as whyNotChecked, type WhyNot } from "./why-not.js";

/**
 * The post as the API is given it, checked and resolved: the engine itself trusts its input (the
 * command line resolves countries and refuses bad records before it evaluates), but a caller of the
 * library can pass anything. `text` must be a string: a number or a symbol is refused, not decided
 * as if it were text. `country` may be anything the command line takes: an ISO 3166-1 alpha-2 or
 * alpha-3 code in any case or a country name ("Poland" was kept as "POLAND", in no country set); one that names
 * no country is refused, not taken as a country no rule knows. `lang`, when given, is a language
 * tag, read as records read it ("pt-BR" is "pt"). `fields` (the record, for the fields a policy
 * declares) and `fieldsAreText` are passed on.
 *
 * @throws TypeError when the post is not an object, its text not a string, or its country or lang
 *   neither a string nor null/undefined; RangeError when its country names no country or its lang
 *   is no language tag.
 */
export function checkPost(post: unknown): Post {
  if (post === null || typeof post !== "object") throw new TypeError(`a post must be an object with a "text" string, not ${describe(post)}`);
  const { text, country, lang, fields, fieldsAreText } = post as { text?: unknown; country?: unknown; lang?: unknown; fields?: unknown; fieldsAreText?: unknown };
  if (typeof text !== "string") throw new TypeError(`post.text must be a string, not ${describe(text)}`);
  return { text, country: checkCountry(country), ...checkLang(lang), ...checkFields(fields, fieldsAreText) };
}

/** The record's fields, passed on as given (the engine reads a field of the wrong type as absent). */
function checkFields(fields: unknown, asText: unknown): { fields?: RecordFields; fieldsAreText?: boolean } {
  if (fields === undefined || fields === null) return {};
  if (typeof fields !== "object" || Array.isArray(fields)) throw new TypeError(`post.fields must be an object (the record), null or undefined, not ${describe(fields)}`);
  return { fields: fields as RecordFields, ...(asText === undefined ? {} : { fieldsAreText: asText === true }) };
}

function checkCountry(country: unknown): string | null {
  if (country === undefined || country === null || country === "") return null;
  if (typeof country !== "string") throw new TypeError(`post.country must be a country code or name (a string), null or undefined, not ${describe(country)}`);
  const code = resolveCountry(country);
  if (code === undefined) throw new RangeError(`post.country: '${country}' is not an ISO 3166-1 code (PL, POL) or a country name (Poland, Polska)`);
  return code;
}

function checkLang(lang: unknown): { lang?: string } {
  if (lang === undefined || lang === null || lang === "") return {};
  if (typeof lang !== "string") throw new TypeError(`post.lang must be a language code (a string), null or undefined, not ${describe(lang)}`);
  const sub = languageSubtag(lang);
  if (sub === undefined) throw new RangeError(`post.lang: '${lang}' is not a language code such as en, uk or pt-BR`);
  return { lang: sub };
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  return typeof v === "object" || typeof v === "undefined" ? typeof v : `${typeof v} ${String(v)}`;
}

/**
 * Classifies a post under a policy: the decision, the rule that made it and the evidence.
 * Pure and synchronous. See {@link checkPost} for what a post may hold.
 */
export function evaluate(post: Post, policy: CompiledPolicy): Decision {
  return evaluateChecked(checkPost(post), policy);
}

/** {@link evaluate}, with every signal and each rule tried: why the post got its decision. */
export function explain(post: Post, policy: CompiledPolicy): Explanation {
  return explainChecked(checkPost(post), policy);
}

/** Why a post did not get the decision `wanted`: the failed parts of the rules that give it. */
export function whyNot(post: Post, policy: CompiledPolicy, wanted: DecisionName): WhyNot {
  return whyNotChecked(checkPost(post), policy, wanted);
}
