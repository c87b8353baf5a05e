import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deserialisePolicy, IR_VERSION, parsePolicyIR, type PolicyIR } from "./compile/serialise.js";
import { BUNDLED_DIR, BUNDLED_IDS, resolvePolicyPath } from "./load/files.js";
import type { LoadOptions, LoadResult } from "./pipeline.js";

/** Where `npm run build` writes the precompiled bundled policies. */
export const PRECOMPILED_DIR = fileURLToPath(new URL("./bundled/", import.meta.url));

function fresh(ir: PolicyIR): boolean {
  if (ir.version !== IR_VERSION) return false;
  // A bundled rule file edited after the build makes the precompiled copy stale: fall back to YAML.
  return ir.sources.every((s) => {
    try {
      const st = statSync(resolve(BUNDLED_DIR, s.path));
      return st.size === s.size && st.mtimeMs === s.mtimeMs;
    } catch {
      return false;
    }
  });
}

/** The precompiled bundled policy `id`, if it exists and its sources have not changed since. */
export function loadPrecompiled(id: string, dir = PRECOMPILED_DIR): LoadResult | undefined {
  const file = join(dir, `${id}.json`);
  if (!existsSync(file)) return undefined;
  try {
    const ir = parsePolicyIR(readFileSync(file, "utf8"));
    return fresh(ir) ? { policy: deserialisePolicy(ir), diagnostics: [], files: [] } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads a policy by bundled id or path. A bundled policy comes from its precompiled form when that
 * is up to date (no YAML parsing, no schema library: fast start-up); anything else goes through the
 * full load → validate → compile pipeline, imported only then.
 */
export async function loadPolicy(ref: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const cwd = opts.cwd ?? process.cwd();
  if ((BUNDLED_IDS as readonly string[]).includes(ref) && !existsSync(resolve(cwd, ref))) {
    const pre = loadPrecompiled(ref);
    if (pre) return pre;
  }
  const pipeline = await import("./pipeline.js");
  const abs = resolvePolicyPath(ref, cwd);
  return abs ? pipeline.loadPolicyFile(abs, opts) : pipeline.loadPolicy(ref, opts);
}
