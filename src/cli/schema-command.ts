import type { FieldC } from "../compile/types.js";
import { isTimeline, type PolicyOrTimeline } from "../evaluate/timeline.js";
import { recordJsonSchema } from "../report/record-schema.js";
import { ruleFileJsonSchemaText } from "../validate/json-schema.js";
import { emit } from "./emit.js";
import type { Io } from "./io.js";
import { openSourceOrReport } from "./open-policy.js";

/** Options of `modpol schema`. */
export interface SchemaOptions {
  readonly output?: string;
  /** `--record POLICY`: the schema of the records that policy reads, instead of rule files'. */
  readonly record?: string;
}

/** The fields a policy declares, or every version of a timeline (the first declaration of a path wins). */
function fieldsOf(source: PolicyOrTimeline): FieldC[] {
  const policies = isTimeline(source) ? source.versions.map((v) => v.policy) : [source];
  const seen = new Map<string, FieldC>();
  for (const p of policies) for (const f of p.fields) if (!seen.has(f.path)) seen.set(f.path, f);
  return [...seen.values()];
}

/**
 * `modpol schema`: prints the JSON Schema of rule files (or writes it to --output); with
 * `--record POLICY`, the JSON Schema of the JSONL records that policy reads. Exit 2 when the
 * policy cannot be loaded.
 */
export async function runSchema(o: SchemaOptions, io: Io): Promise<number> {
  if (o.record === undefined) {
    await emit(ruleFileJsonSchemaText(), o.output, io);
    return 0;
  }
  const source = await openSourceOrReport(o.record, io);
  if (!source) return 2;
  const schema = recordJsonSchema(fieldsOf(source), `records read by ${source.id}`);
  await emit(`${JSON.stringify(schema, null, 2)}\n`, o.output, io);
  return 0;
}
