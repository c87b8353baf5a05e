import type { FieldC } from "../compile/types.js";

/** A JSON Schema (draft-07) object, as printed. */
export type JsonSchema = { [key: string]: unknown };

/** What the policy asks of one field's value: its type (null too where it is optional, as null reads as absent). */
function valueSchema(f: FieldC): JsonSchema {
  const base: JsonSchema = (() => {
    switch (f.type) {
      case "string":
        return { type: "string" };
      case "number":
        return { type: "number" };
      case "boolean":
        return { type: "boolean" };
      case "enum":
        return { type: "string", enum: [...(f.values ?? [])] };
      case "list":
        return { type: "array", items: { type: "string" } };
      case "date":
        // Dates are read as modpol reads them (YYYY-MM-DD or an ISO 8601 timestamp): the pattern
        // is a first filter for editors and validators, not the whole rule.
        return { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}([T ].*)?$" };
    }
  })();
  const described = f.description ? { ...base, description: f.description } : base;
  return f.required ? described : { anyOf: [described, { type: "null" }] };
}

interface Node {
  readonly properties: Map<string, Node | JsonSchema>;
  readonly required: Set<string>;
}

const isNode = (x: Node | JsonSchema): x is Node => x.properties instanceof Map;

function toSchema(n: Node): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [k, v] of n.properties) properties[k] = isNode(v) ? toSchema(v) : v;
  // Other keys are allowed everywhere: a record's other fields are ignored, not refused.
  return { type: "object", properties, ...(n.required.size > 0 ? { required: [...n.required] } : {}) };
}

/**
 * The JSON Schema of the JSONL records a policy reads: `text` (required), `id`, `country`, `date`
 * and `lang`, which every record may have, and the policy's declared fields nested by their paths
 * (`account.type` under `account`). An object on the way to a required field is required too.
 * (CSV rows name the same fields by dotted column headers; the schema describes the JSONL form.)
 */
export function recordJsonSchema(fields: readonly FieldC[], title: string): JsonSchema {
  const root: Node = { properties: new Map(), required: new Set(["text"]) };
  root.properties.set("id", { type: ["string", "number"], description: "the record's id (default: its 1-based record number)" });
  root.properties.set("text", { type: "string", description: "the post" });
  root.properties.set("country", { type: ["string", "null"], description: "the poster's country: an ISO 3166-1 alpha-2 code or an English name" });
  root.properties.set("date", { type: ["string", "null"], description: "the post's date: YYYY-MM-DD or an ISO 8601 timestamp (chooses a timeline's version)" });
  root.properties.set("lang", { type: ["string", "null"], description: "the post's language: an ISO 639 code (en, de, pt-BR)" });
  for (const f of fields) {
    let node = root;
    f.segments.forEach((seg, i) => {
      const last = i === f.segments.length - 1;
      if (f.required) node.required.add(seg);
      if (last) {
        node.properties.set(seg, valueSchema(f));
        return;
      }
      const found = node.properties.get(seg);
      // compileFields refuses a field inside another, so what is here is an object node or nothing.
      const next: Node = found && isNode(found) ? found : { properties: new Map(), required: new Set() };
      node.properties.set(seg, next);
      node = next;
    });
  }
  return { $schema: "http://json-schema.org/draft-07/schema#", title, ...toSchema(root) };
}
