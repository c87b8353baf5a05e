import type { Severity } from "./diagnostics.js";

/** What a diagnostic code means: its usual severity, a one-line title and a hint on fixing it. */
export interface CodeInfo {
  readonly severity: Severity;
  readonly title: string;
  readonly help: string;
}

const e = (title: string, help: string): CodeInfo => ({ severity: "error", title, help });
const w = (title: string, help: string): CodeInfo => ({ severity: "warning", title, help });

/**
 * Every code `check` can report. Codes are part of the interface (CI annotations, SARIF rule ids,
 * `# modpol-ignore CODE` comments): add new ones, never rename.
 */
export const DIAGNOSTIC_CODES: Readonly<Record<string, CodeInfo>> = {
  "yaml-syntax": e("YAML syntax error", "Fix the YAML at the position shown (indentation, an unclosed bracket or quote)."),
  "duplicate-key": e("Duplicate key", "A key may appear once in a mapping; the second would silently replace the first."),
  "yaml-custom-tag": e("Custom YAML tag", "Rule files use plain YAML: remove the !tag."),
  "yaml-alias-limit": e("Too many YAML aliases", "The file expands too many aliases (a 'billion laughs' guard); write the values out."),
  "file-too-large": e("File too large", "Split the file; rule files are limited in size so a hostile file cannot exhaust memory."),
  "file-unreadable": e("File cannot be read", "Check that the path exists and is a readable file."),
  "path-outside-root": e("Link out of the folder", "A rule file or folder found by discovery (or named) is a link to somewhere outside the folder being checked; it is not read. Copy the file into the folder instead."),
  "not-a-regular-file": e("Not a regular file", "A named pipe, a device or a socket is named like a rule file; it is not read. Remove it or rename it."),
  "nesting-too-deep": e("Nesting too deep", "Collections (or a condition's parentheses and 'not's) nest deeper than the limit; flatten them, or raise MODPOL_MAX_DEPTH."),
  "too-many-terms": e("Too many terms", "The policy and its includes define more terms and patterns than the limit; remove some, or raise MODPOL_MAX_TERMS."),
  "reserved-key": e("Reserved key", "'__proto__' cannot be a key: JavaScript would drop it silently. Rename it."),
  "invalid-encoding": w("File is not valid UTF-8", "Invalid bytes were read as U+FFFD; save the file as UTF-8."),
  "invalid-json": e("Invalid JSON line", "Each line of a JSONL case file must be one JSON object."),
  "unknown-key": e("Unknown key", "The key is not part of the language; it is usually a typo of the suggested key."),
  "missing-field": e("Missing required key", "Add the key named in the message."),
  "invalid-type": e("Wrong type", "The value has the wrong type (a list where a mapping is expected, say)."),
  "invalid-value": e("Invalid value", "The value is not one of those allowed (a decision, a date, a language code…)."),
  "invalid-name": e("Invalid name", "Names are lower-case words joined by '-' or '.', e.g. target.invaders."),
  "include-not-found": e("Included file not found", "Check the include path; it is relative to the file that includes it."),
  "include-outside-root": e("Include outside the policy's folder", "Includes stay inside the policy's folder tree: no absolute paths, no '..' out of it, no links out of it."),
  "include-cycle": e("Include cycle", "Library files include each other in a circle; remove one of the includes."),
  "duplicate-include": w("File included twice", "Remove the repeated include."),
  "missing-language": e("Terms without a language", "Give the file a 'language:' or list the terms by language (en: [...])."),
  "unknown-lexicon": e("Unknown lexicon", "No included file or the policy defines this lexicon (or lexicon group); check the name or the includes."),
  "unknown-signal": e("Unknown signal", "No signal (or boolean setting) has this name."),
  "unknown-country-set": e("Unknown country set", "Define the set under countries: or fix the name."),
  "unknown-language-set": e("No languages to test against", "'lang in languages' tests the post's language against the policy's languages: list them under languages:."),
  "unknown-setting": e("Unknown setting", "Define the setting under settings: or fix the name."),
  "unknown-field": e("Unknown record field", "Declare the field under fields: (with its type) or fix the name."),
  "unknown-set": e("Unknown set", "Define the set of strings under sets: or fix the name."),
  "unknown-enum-value": e("Not a value of the enum", "An enum field only takes the values it declares; fix the value or add it to the field's values."),
  "type-mismatch": e("Values of different types compared", "A comparison needs two values of one type (numbers, text, dates, true/false); text and true/false compare only with == and !=, a list field with contains."),
  "invalid-field-type": e("Field value of the wrong type", "A test's record gives a declared field a value of another type; fix the value or the declaration."),
  "unknown-rule": e("Unknown rule", "A test or case names a rule the policy does not have."),
  "unknown-policy": w("Unknown policy", "A case names a policy that is neither loaded nor bundled; check the id."),
  "invalid-setting-type": e("Setting of the wrong type", "A comparison needs a numeric setting; a condition on its own needs a boolean one."),
  "duplicate-name": e("Name defined twice", "A signal, country set or lexicon group may be defined only once across a policy and its includes, and a lexicon group may not have a lexicon's name."),
  "duplicate-rule-id": e("Duplicate rule id", "Rule ids must be unique within a policy."),
  "duplicate-policy-id": e("Duplicate policy id", "Two policy files have the same id; cases and --policy cannot tell them apart."),
  "invalid-country": e("Invalid country", "Use an ISO 3166-1 alpha-2 code (PL, UA) in country sets; posts and cases also take alpha-3 codes (POL) and country names (Poland, Polska)."),
  "invalid-signal": e("Invalid signal", "A signal needs exactly one of 'lexicon' or 'any'."),
  "invalid-context": e("Invalid context", "A context takes exactly one of lexicon, quoted, clause-start, all, any, not."),
  "lexicon-group-cycle": e("Lexicon group cycle", "Lexicon groups name each other in a circle; a group may name other groups, but none of them may lead back to it."),
  "signal-cycle": e("Signal cycle", "Signals depend on each other in a circle through 'any' or 'near'."),
  "invalid-expression": e("Invalid condition", "The when: condition does not parse; see the grammar in docs/policy-language.md."),
  "empty-term": e("Empty term", "An empty term would match nothing (or everything); remove it."),
  "invalid-term": e("Invalid term", "'*' only ends a word, gaps are ~1 to ~5 and never first or last, and a term needs letters or digits."),
  "invalid-regex": e("Invalid pattern", "The pattern is not valid RE2 syntax."),
  "unsafe-regex": e("Pattern without a linear-time implementation", "Lookaround and backreferences can make matching slow; rewrite the pattern or use terms."),
  "empty-match": e("Pattern matches the empty string", "A pattern that can match nothing would match between every letter; require at least one character."),
  "pattern-too-costly": e("Patterns too costly", "Every pattern runs over every character of every post, with up to one thread per character-reading instruction: their total is limited (MODPOL_MAX_PATTERN_COST). Use terms, or smaller bounded repeats."),
  "costly-pattern": w("Costly pattern", "A pattern that can keep many threads alive (a large repeat of '.' or a class) makes every post slower to read; use terms, or a smaller repeat."),
  "pattern-too-large": e("Patterns too large", "Every pattern runs over the whole of every post; their compiled size is limited (MODPOL_MAX_PATTERN_SIZE). Use terms, or smaller bounded repeats."),
  "unbalanced-brace": e("Unbalanced braces in a term", "Alternatives are written {a|b}: every '{' is closed by a '}', groups do not nest, and '|' stands only inside braces."),
  "empty-group": e("Empty group in a term", "A group needs a word: {a|b}, or {a|} for an optional word; remove braces that hold nothing."),
  "too-many-expansions": e("Term expands to too many terms", "Its groups multiply to more terms than one term may stand for: split it into several terms, or generate the forms from a grammar (scripts/lexicon/grammar)."),
  "duplicate-expansion": w("Term spells a term twice", "Two choices of the term's groups give the same term ({a|a}, or {a |}{a|}): remove the repeated alternative."),
  "duplicate-term": w("Duplicate term", "The lexicon already has this term (possibly written differently but equal once normalised)."),
  "short-stem": w("Very short stem", "A stem under three letters matches many unrelated words; list the forms or lengthen the stem."),
  "unreachable-rule": w("Rule can never decide", "Its condition never holds, or earlier rules always decide first: reorder the rules or narrow the earlier ones."),
  "unreachable-default": w("Default can never apply", "A rule always holds, so the default is never used."),
  "unused-lexicon": w("Unused lexicon", "No signal or context uses the lexicon: remove it or use it (check for a misspelt name)."),
  "unused-lexicon-group": w("Unused lexicon group", "No signal or context names the group, directly or through another group: remove it or use it (check for a misspelt name)."),
  "unused-signal": w("Unused signal", "No rule or other signal uses the signal."),
  "unused-country-set": w("Unused country set", "No rule uses the country set."),
  "unused-set": w("Unused set", "No rule uses the set of strings."),
  "unused-setting": w("Unused setting", "No rule uses the setting."),
  "conflicting-term": w("Term in two targets treated differently", "A post with the term counts as both targets; keep the term in the lexicon it belongs to."),
  "untested-rule": w("Rule without an embedded test", "Add a test with rule: set to the rule, so a change that breaks it is caught."),
  "lexicon-missing-language": w("Lexicon without terms in a declared language", "Add terms in that language, or remove the language from the policy's languages:."),
  "policy-not-found": e("Policy not found", "No policy file or bundled policy has this name."),
  "invalid-effective": e("Period ends before it begins", "'until' is the first day a version is no longer in force: it must come after 'from'."),
  "timeline-policy-invalid": e("Timeline version cannot be loaded", "A policy the timeline lists has errors; run 'modpol check' on it."),
  "timeline-overlap": e("Versions overlap", "Two versions of a timeline are in force on the same dates; end the earlier one where the later begins."),
  "timeline-gap": e("Gap between versions", "No version of the timeline is in force between two versions; make the later one begin where the earlier ends."),
  "timeline-uncovered": e("Dates outside every version", "Dates the timeline covers have no version in force: open the first or last version's dates, add a version, or narrow the timeline's from/until."),
};

/** The entry for a code, with a neutral fallback for codes this table does not know. */
export function codeInfo(code: string): CodeInfo {
  return DIAGNOSTIC_CODES[code] ?? { severity: "error", title: code, help: "See docs/policy-language.md#diagnostics." };
}
