import type { SourceRef } from "../load/yaml-file.js";
import type { FieldDoc } from "../validate/schema.js";
import type { Definition } from "./compile-info.js";
import type { Reporter } from "./reporter.js";
import type { FieldC } from "./types.js";

/** Fields every record has, read by the engine itself: a policy cannot declare them again. */
export const BUILT_IN_FIELDS: readonly string[] = ["text", "id", "country", "date", "lang"];

/** What one file (the policy or a library) declares: record fields and string sets. */
export interface FieldSource {
  readonly doc: { readonly fields?: Record<string, FieldDoc> | undefined; readonly sets?: Record<string, string[]> | undefined };
  readonly ref: SourceRef;
}

/** The declared fields (in declaration order, with their index by path) and the named string sets. */
export interface CompiledFields {
  readonly fields: readonly FieldC[];
  readonly fieldIndex: ReadonlyMap<string, number>;
  readonly stringSets: ReadonlyMap<string, ReadonlySet<string>>;
  /** The file that declares each field, for diagnostics found later. */
  readonly declaredIn: ReadonlyMap<string, SourceRef>;
}

/**
 * Compiles the record fields and string sets of a policy and its library files, in the order the
 * compiler reads them (the policy first). A field or set may be declared once; a field cannot sit
 * inside another (`account` and `account.type`), nor take the name of a field every record has.
 */
export function compileFields(files: readonly FieldSource[], countrySets: ReadonlyMap<string, unknown>, definitions: Definition[], r: Reporter): CompiledFields {
  const fields: FieldC[] = [];
  const fieldIndex = new Map<string, number>();
  const where = new Map<string, SourceRef>();
  const stringSets = new Map<string, ReadonlySet<string>>();
  for (const { doc, ref } of files) {
    for (const [path, def] of Object.entries(doc.fields ?? {})) {
      const at = ["fields", path];
      const segments = path.split(".");
      const first = segments[0] as string;
      if (BUILT_IN_FIELDS.includes(first)) {
        r.error(ref, at, "invalid-name", `'${first}' is a field every record has (${BUILT_IN_FIELDS.join(", ")}); declare only the others`, "key");
        continue;
      }
      const prev = where.get(path);
      if (prev) {
        r.error(ref, at, "duplicate-name", `field '${path}' is already declared in ${prev.file}`, "key");
        continue;
      }
      const type = typeof def === "string" ? def : def.type;
      const values = typeof def === "string" ? undefined : def.values;
      if (type === "enum" && !values) r.error(ref, at, "missing-field", `enum field '${path}' needs its values: { type: enum, values: [a, b] }`, "key");
      if (type !== "enum" && values) r.error(ref, [...at, "values"], "invalid-value", `only an enum field has values; '${path}' is a ${type} field`, "key");
      where.set(path, ref);
      fieldIndex.set(path, fields.length);
      fields.push({ path, segments, type, values: type === "enum" ? values : undefined, required: typeof def !== "string" && def.required === true, description: typeof def === "string" ? undefined : def.description });
    }
    for (const [name, items] of Object.entries(doc.sets ?? {})) {
      const at = ["sets", name];
      definitions.push({ kind: "set", name, ref, path: at });
      if (stringSets.has(name)) r.error(ref, at, "duplicate-name", `set '${name}' is already defined`, "key");
      else if (countrySets.has(name)) r.error(ref, at, "duplicate-name", `'${name}' is already a country set; give the set of strings another name`, "key");
      stringSets.set(name, new Set(items));
    }
  }
  // A field inside another: the record cannot hold both a value and a mapping under one name.
  for (const outer of fields) {
    const inside = fields.filter((f) => f.path.startsWith(`${outer.path}.`)).map((f) => f.path);
    if (inside.length > 0) r.error(where.get(outer.path) as SourceRef, ["fields", outer.path], "duplicate-name", `field '${outer.path}' cannot also hold fields (${inside.join(", ")}): a record has either a value or a mapping under one name`, "key");
  }
  return { fields, fieldIndex, stringSets, declaredIn: where };
}

/**
 * A condition cannot tell a field from a setting or a signal of the same name: such a name is an
 * error where the field is declared.
 */
export function checkFieldNames(c: CompiledFields, taken: { readonly settings: Iterable<string>; readonly signals: Iterable<string> }, r: Reporter): void {
  const settings = new Set(taken.settings);
  const signals = new Set(taken.signals);
  for (const f of c.fields) {
    const ref = c.declaredIn.get(f.path);
    if (!ref) continue;
    if (settings.has(f.path)) r.error(ref, ["fields", f.path], "duplicate-name", `'${f.path}' is both a setting and a record field: a condition could not tell them apart`, "key");
    if (signals.has(f.path)) r.error(ref, ["fields", f.path], "duplicate-name", `'${f.path}' is both a signal and a record field: a condition could not tell them apart`, "key");
  }
}
