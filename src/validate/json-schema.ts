import { z } from "zod";
import { RuleFileDef } from "./schema.js";

/**
 * The JSON Schema of rule files (a policy, a library file, a case file or a timeline), generated from the very
 * zod definitions the validator uses, so editors and `check` can never disagree. Draft-07, which
 * every YAML language server supports.
 */
export function ruleFileJsonSchema(): Record<string, unknown> {
  // The definitions schema.ts names with .meta({ id }) become `definitions`, referred to by $ref.
  const generated = z.toJSONSchema(RuleFileDef, { target: "draft-7", unrepresentable: "any" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: "modpol rule file",
    description: "A modpol policy, a library (lexicon) file it includes, a case file or a timeline. See docs/policy-language.md.",
    ...rest,
  };
}

/** The schema as the text of `schema/policy.schema.json` (2-space JSON, final newline). */
export function ruleFileJsonSchemaText(): string {
  return `${JSON.stringify(ruleFileJsonSchema(), null, 2)}\n`;
}
