import { existsSync, readFileSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../diagnostics.js";

/** The folder of bundled policies shipped with modpol. */
export const BUNDLED_DIR = fileURLToPath(new URL("../../rules/", import.meta.url));

/** Ids of the bundled policies (SPEC §1); the first is the default. */
export const BUNDLED_IDS = ["meta-2022-03-10", "meta-2022-03-13", "meta-baseline"] as const;
export const DEFAULT_POLICY = BUNDLED_IDS[0];

/** Ids of the bundled timelines; each is `rules/<id>.timeline.yaml` and lists bundled policies. */
export const BUNDLED_TIMELINES = ["meta-2022"] as const;

/** The file of a bundled timeline. */
export function bundledTimelinePath(id: string): string {
  return join(BUNDLED_DIR, `${id}.timeline.yaml`);
}

/** How a path is shown to the user: relative to the working directory when it is below it. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : abs;
}

/** Resolves `--policy ID|PATH` to a file: an existing path wins, then a bundled id. */
export function resolvePolicyPath(ref: string, cwd: string): string | undefined {
  const asPath = resolve(cwd, ref);
  if (existsSync(asPath) && statSync(asPath).isFile()) return asPath;
  if ((BUNDLED_IDS as readonly string[]).includes(ref)) return join(BUNDLED_DIR, `${ref}.yaml`);
  return undefined;
}

/** Reads a text file as UTF-8 (invalid bytes become U+FFFD); a failure becomes a diagnostic. */
export function readText(abs: string, file: string): { text?: string; diagnostic?: Diagnostic } {
  try {
    return { text: readFileSync(abs, "utf8") };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a folder, not a file" : code === "EACCES" ? "permission denied" : `cannot read: ${(e as Error).message}`;
    return { diagnostic: { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: "error", code: "file-unreadable", message } };
  }
}

/**
 * Resolves an include path written in `fromFile`, confined to `root` (the including policy's folder
 * tree): absolute paths, `..` that climbs out, and symbolic links that point out are refused.
 */
export function resolveInclude(include: string, fromFile: string, root: string): { path?: string; real?: string; code?: string; message?: string } {
  if (isAbsolute(include) || /^[a-zA-Z]:[\\/]/.test(include)) return { code: "include-outside-root", message: `include '${include}' is absolute; includes are relative to the policy's folder` };
  const abs = resolve(dirname(fromFile), include);
  if (!inside(abs, root)) return { code: "include-outside-root", message: `include '${include}' leaves the policy's folder ${root}` };
  if (!existsSync(abs)) return { code: "include-not-found", message: `include '${include}' not found (looked for ${abs})` };
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return { code: "include-not-found", message: `include '${include}' cannot be resolved` };
  }
  if (!inside(real, realpathSync(root))) return { code: "include-outside-root", message: `include '${include}' is a link to ${real}, outside the policy's folder` };
  if (!statSync(real).isFile()) return { code: "include-not-found", message: `include '${include}' is not a file` };
  return { path: abs, real };
}

function inside(p: string, root: string): boolean {
  const r = root.endsWith(sep) ? root : root + sep;
  return p === root || p.startsWith(r);
}
