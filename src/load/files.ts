import { isUtf8 } from "node:buffer";
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { didYouMean } from "../base/suggest.js";
import { fileURLToPath } from "node:url";
import type { Diagnostic } from "../base/diagnostics.js";
import { DEFAULT_LIMITS, LIMIT_ENV } from "./limits.js";

/**
 * The folder of the compiled code (dist/, or src/ under the tests). Every module that locates files
 * of the package sits two levels down from it (dist/load/, dist/cli/ where the CLI bundle lives), so
 * these paths hold in the bundle as in the separate modules.
 */
export const CODE_DIR = fileURLToPath(new URL("../", import.meta.url));

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

/**
 * " (did you mean 'x'?)" for a policy reference that names nothing: the closest bundled policy or
 * timeline id, or, for a path, the closest rule file in the folder it names. Only names that exist
 * are suggested, so following the hint works.
 */
export function suggestPolicyRef(ref: string, cwd: string): string {
  const candidates: string[] = [...BUNDLED_IDS, ...BUNDLED_TIMELINES];
  const dir = dirname(ref);
  try {
    // A path: the rule files beside where it points, written the way the user wrote the folder.
    if (/[\\/]|\.ya?ml$/i.test(ref)) {
      for (const name of readdirSync(resolve(cwd, dir))) if (/\.ya?ml$/i.test(name)) candidates.push(dir === "." && !ref.startsWith("./") ? name : join(dir, name));
    }
  } catch {
    // The folder does not exist either: only the bundled ids can be meant.
  }
  return didYouMean(ref, candidates);
}

/**
 * Rule files given on standard input (`modpol check -`), by the absolute path they stand at (the
 * working folder's `<stdin>`): read as if that file held the text, so includes resolve from the
 * working folder, confined to it. Set only while such a run loads its files.
 */
const standIns = new Map<string, string>();

/** The name a rule file read from standard input is shown by. */
export const STDIN_NAME = "<stdin>";

/** Runs `load` with `text` standing as the file at `abs` (see {@link standIns}). */
export function withStandIn<T>(abs: string, text: string, load: () => T): T {
  standIns.set(abs, text);
  try {
    return load();
  } finally {
    standIns.delete(abs);
  }
}

/** True when `abs` is a rule file given on standard input. */
export function isStandIn(abs: string): boolean {
  return standIns.has(abs);
}

/**
 * Reads a text file as UTF-8; a failure becomes a diagnostic. Only a regular file is read (a FIFO,
 * a device or a folder is refused without blocking on it), and never more than `maxBytes`: the
 * limit is checked on the size before reading and again while reading, since some files (under
 * /proc, or growing) say one size and hold another. Invalid UTF-8 becomes U+FFFD and a warning
 * (`invalid-encoding`) saying where, returned with the text.
 */
export function readText(abs: string, file: string, maxBytes: number = DEFAULT_LIMITS.maxFileBytes): { text?: string; diagnostic?: Diagnostic } {
  const at = (line: number, severity: Diagnostic["severity"], code: string, message: string): Diagnostic => ({ file, line, column: 1, endLine: line, endColumn: 1, severity, code, message });
  const tooLarge = (size: string) => at(1, "error", "file-too-large", `file is ${size} bytes; the limit is ${maxBytes} (${LIMIT_ENV.maxFileBytes.name})`);
  const given = standIns.get(abs);
  if (given !== undefined) return Buffer.byteLength(given) > maxBytes ? { diagnostic: tooLarge(String(Buffer.byteLength(given))) } : { text: given };
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, for ever.
    fd = openSync(abs, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile()) return { diagnostic: at(1, "error", "not-a-regular-file", `${kindOf(st)}, not a regular file: it is not read`) };
    if (st.size > maxBytes) return { diagnostic: tooLarge(String(st.size)) };
    const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(st.size + 1, 64 * 1024)));
    let got = 0;
    for (;;) {
      if (got === buf.length) break;
      const n = readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
    }
    if (got > maxBytes) return { diagnostic: tooLarge(`more than ${maxBytes}`) };
    const bytes = buf.subarray(0, got);
    const text = bytes.toString("utf8");
    if (isUtf8(bytes)) return { text };
    return { text, diagnostic: at(firstBadLine(bytes), "warning", "invalid-encoding", "the file is not valid UTF-8: invalid bytes were read as U+FFFD (save it as UTF-8)") };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "is a folder, not a file" : code === "EACCES" ? "permission denied" : `cannot read: ${(e as Error).message}`;
    return { diagnostic: at(1, "error", "file-unreadable", message) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** What a non-regular file is, in words. */
function kindOf(st: Stats): string {
  return st.isDirectory() ? "a folder" : st.isFIFO() ? "a named pipe" : st.isCharacterDevice() || st.isBlockDevice() ? "a device" : st.isSocket() ? "a socket" : "not a file";
}

/**
 * Why a rule file found in (or beside) the folder tree `root` must not be read, if it must not:
 * a symbolic link that leads out of the tree, or anything but a regular file. Nothing is read; the
 * reason names the file only, never what it points at, so that a link planted in a pull request
 * cannot print a CI runner's files or secrets into a log. The same rules as for includes.
 */
export function refuseRuleFile(abs: string, root: string, shown: string): Diagnostic | undefined {
  const at = (code: string, message: string): Diagnostic => ({ file: shown, line: 1, column: 1, endLine: 1, endColumn: 1, severity: "error", code, message });
  if (standIns.has(abs)) return undefined;
  try {
    if (lstatSync(abs).isSymbolicLink() && !inside(realpathSync(abs), realpathSync(root))) return at("path-outside-root", "is a link to a file outside the folder being checked: it is not read");
    const st = statSync(abs);
    if (!st.isFile()) return at("not-a-regular-file", `${kindOf(st)}, not a regular file: it is not read`);
  } catch (e) {
    return at("file-unreadable", (e as NodeJS.ErrnoException).code === "ENOENT" ? "a link to nothing (file not found)" : `cannot read: ${(e as Error).message}`);
  }
  return undefined;
}

/**
 * Why a folder named on the command line (or the default `rules/`) must not be walked, if it must
 * not: a symbolic link to somewhere outside the folder that holds the link (a `rules` link to `/`
 * or `/proc` in a pull request).
 */
export function refuseRuleFolder(abs: string, shown: string): Diagnostic | undefined {
  try {
    if (lstatSync(abs).isSymbolicLink() && !inside(realpathSync(abs), realpathSync(dirname(abs)))) {
      return { file: shown, line: 1, column: 1, endLine: 1, endColumn: 1, severity: "error", code: "path-outside-root", message: "is a link to a folder outside the one that holds it: it is not searched" };
    }
  } catch {
    // Missing or unreadable: the caller reports it.
  }
  return undefined;
}

/** The 1-based line of the first invalid UTF-8 sequence (a line never splits a character). */
function firstBadLine(buf: Buffer): number {
  let line = 1;
  let start = 0;
  while (start <= buf.length) {
    const nl = buf.indexOf(10, start);
    const end = nl < 0 ? buf.length : nl;
    if (!isUtf8(buf.subarray(start, end))) return line;
    if (nl < 0) break;
    line++;
    start = nl + 1;
  }
  return line;
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

/** True when `p` is `root` or below it (both absolute, already resolved). */
export function inside(p: string, root: string): boolean {
  const r = root.endsWith(sep) ? root : root + sep;
  return p === root || p.startsWith(r);
}
