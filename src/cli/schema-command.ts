import { ruleFileJsonSchemaText } from "../validate/json-schema.js";
import { emit } from "./emit.js";
import type { Io } from "./io.js";

/** `modpol schema`: prints the JSON Schema of rule files (or writes it to --output). */
export async function runSchema(o: { readonly output?: string }, io: Io): Promise<number> {
  await emit(ruleFileJsonSchemaText(), o.output, io);
  return 0;
}
