import { resolve } from "node:path";
import { defaultRulePaths } from "../load/discover.js";
import { STDIN_NAME, withStandIn } from "../load/files.js";
import { formatDiagnosticsJson, formatDiagnosticsText, formatGithub, summariseDiagnostics, summaryLine } from "../report/diagnostics-format.js";
import { formatSarif } from "../report/sarif.js";
import { checkWorkspace, loadWorkspace, MissingPathsError, type Workspace } from "../use-cases/workspace.js";
import { emit } from "./emit.js";
import { CHECK_FORMATS } from "./formats.js";
import { UsageError, type Io } from "./io.js";
import { makeStyle, wantsColour } from "./style.js";
import { VERSION } from "../base/version.js";
import { limitsFromEnv } from "../load/limits.js";

/** Options of `modpol check`, as parsed from the command line. */
export interface CheckOptions {
  readonly format: string;
  readonly strict?: boolean;
  readonly quiet?: boolean;
  readonly output?: string;
  readonly color?: boolean;
}

/**
 * Loads the rule files under `paths` (default: ./rules, else the bundled rules); usage errors for
 * bad paths. `-` is a rule file read from standard input, shown as `<stdin>`, its includes relative
 * to the working folder.
 */
export async function openWorkspace(paths: readonly string[], io: Io): Promise<Workspace> {
  const targets = paths.length > 0 ? paths.map((p) => (p === "-" ? STDIN_NAME : p)) : defaultRulePaths(io.cwd);
  const load = (): Workspace => loadWorkspace(targets, { cwd: io.cwd, limits: limitsFromEnv(io.env) });
  let ws: Workspace;
  try {
    ws = paths.includes("-") ? withStandIn(resolve(io.cwd, STDIN_NAME), await readStdin(io), load) : load();
  } catch (e) {
    if (e instanceof MissingPathsError) throw new UsageError(e.message);
    throw e;
  }
  if (ws.fileCount === 0) throw new UsageError(`no rule files (.yaml, .yml, .jsonl) in ${targets.join(", ")}`);
  return ws;
}

/** Standard input, whole, as UTF-8 (a rule file is bounded by MODPOL_MAX_FILE_SIZE when read). */
async function readStdin(io: Io): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of io.stdin as AsyncIterable<Buffer | string>) chunks.push(typeof c === "string" ? Buffer.from(c) : c);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * `modpol check [PATH...]`: validates policies, the libraries they include and case files, and
 * lints what they mean. Exit 0 clean, 1 when there are errors (or warnings with --strict).
 */
export async function runCheck(paths: readonly string[], o: CheckOptions, io: Io): Promise<number> {
  const format = o.format.toLowerCase();
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: '${o.format}' is not one of ${CHECK_FORMATS.join(", ")}`);
  const ws = await openWorkspace(paths, io);
  const all = checkWorkspace(ws);
  // -q shows only what fails the run: errors, and under --strict warnings too (hiding them would
  // print "no problems" for a run that fails).
  const fails = (d: { severity: string }) => d.severity === "error" || (o.strict === true && d.severity === "warning");
  const ds = o.quiet ? all.filter(fails) : all;
  const summary = summariseDiagnostics(ds, ws.fileCount);
  const toFile = o.output !== undefined && o.output !== "-";
  switch (format) {
    case "text": {
      const style = await makeStyle(!toFile && wantsColour(io.stdout, io.env, o.color));
      await emit(formatDiagnosticsText(ds, ws.sources, summary, style), o.output, io);
      break;
    }
    case "json":
      await emit(formatDiagnosticsJson(ds, summary), o.output, io);
      break;
    case "sarif":
      await emit(formatSarif(ds, { version: VERSION, srcRoot: io.cwd, sources: ws.sources }), o.output, io);
      break;
    case "github":
      await emit(formatGithub(ds), o.output, io);
      break;
  }
  // Machine formats keep stdout to the document; the human summary goes to stderr.
  if (format !== "text" || toFile) io.stderr.write(summaryLine(summary));
  return all.some(fails) ? 1 : 0;
}
