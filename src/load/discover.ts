import { existsSync, lstatSync, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Diagnostic } from "../base/diagnostics.js";
import { BUNDLED_DIR, BUNDLED_IDS, BUNDLED_TIMELINES, bundledTimelinePath, displayPath, inside, isStandIn, refuseRuleFile, refuseRuleFolder } from "./files.js";

/** What a rule file is: a policy, a library (lexicons, signals, country sets), a case file, or a timeline. */
export type RuleFileKind = "policy" | "library" | "cases" | "timeline";

/** A rule file found under the paths given to `check` or `test`. */
export interface FoundFile {
  readonly abs: string;
  /** The folder given on the command line that contains it (includes of lone libraries stay inside). */
  readonly root: string;
}

/** Extensions of rule files; anything else in a folder is not ours and is left alone. */
const RULE_FILE = /\.(ya?ml|jsonl|ndjson)$/i;
const CASE_FILE = /\.cases\.(ya?ml|jsonl|ndjson)$|\.(jsonl|ndjson)$/i;
const TIMELINE_FILE = /\.timeline\.ya?ml$/i;

/** The default paths of `check` and `test`: the working folder's `rules/`, else the bundled rules. */
export function defaultRulePaths(cwd: string): string[] {
  const local = resolve(cwd, "rules");
  // A `rules` that is a link is still the default: findRuleFiles judges the link.
  return [existsSync(local) && statSync(local).isDirectory() ? local : BUNDLED_DIR];
}

/** What {@link findRuleFiles} found under the paths it was given. */
export interface FoundRuleFiles {
  readonly files: FoundFile[];
  /** Paths given that do not exist. */
  readonly missing: string[];
  /** Files and folders that were not read, and why (links out of the tree, FIFOs, devices). */
  readonly refused: Diagnostic[];
}

/**
 * Lists the rule files under `paths` (files or folders, searched recursively; hidden folders and
 * node_modules are skipped; a bundled policy id names its file), sorted and without duplicates. A
 * policy file named explicitly brings its case files along: `x.yaml` → `x.cases.yaml` /
 * `x.cases.jsonl` beside it. Paths that do not exist are returned in `missing`.
 *
 * Discovery is confined like includes, because the folder may come from a pull request: a link is
 * followed only while it stays inside the folder searched (a companion case file: inside its
 * policy's folder; a folder named on the command line: inside the folder holding it), and only
 * regular files are listed. Everything else is `refused`, with a diagnostic that names the path and
 * nothing of what it points at; nothing here reads a file's content.
 */
export function findRuleFiles(paths: readonly string[], cwd: string): FoundRuleFiles {
  const out = new Map<string, FoundFile>();
  const missing: string[] = [];
  const refused: Diagnostic[] = [];
  const refuse = (d: Diagnostic | undefined): boolean => (d ? (refused.push(d), true) : false);
  const walk = (dir: string, root: string, seen: Set<string>): void => {
    // A link inside the tree to a folder above it would walk in a circle.
    const real = realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith(".") || e.name === "node_modules") continue;
      const p = join(dir, e.name);
      if (e.isSymbolicLink()) {
        let st: Stats | undefined;
        try {
          st = statSync(p);
        } catch {
          // A dangling link: refuseRuleFile says so below, if it looks like a rule file.
        }
        if (st?.isDirectory()) {
          if (!refuse(refuseLinkOut(p, root, displayPath(p, cwd)))) walk(p, root, seen);
          continue;
        }
        if (!RULE_FILE.test(e.name) || out.has(p)) continue;
        if (!refuse(refuseRuleFile(p, root, displayPath(p, cwd)))) out.set(p, { abs: p, root });
      } else if (e.isDirectory()) walk(p, root, seen);
      else if (RULE_FILE.test(e.name) && !out.has(p)) {
        // A FIFO or a device named like a rule file is reported, never opened.
        if (e.isFile() || !refuse(refuseRuleFile(p, root, displayPath(p, cwd)))) out.set(p, { abs: p, root });
      }
    }
  };
  for (const p of paths) {
    let abs = resolve(cwd, p);
    // Standard input (`-`), standing at the working folder's <stdin>: one file, no companions.
    if (isStandIn(abs)) {
      if (!out.has(abs)) out.set(abs, { abs, root: cwd });
      continue;
    }
    // A bundled policy id stands for its file, as with `eval --policy` (and the hint it prints).
    if (!existsSync(abs) && (BUNDLED_IDS as readonly string[]).includes(p)) abs = join(BUNDLED_DIR, `${p}.yaml`);
    if (!existsSync(abs) && (BUNDLED_TIMELINES as readonly string[]).includes(p)) abs = bundledTimelinePath(p);
    if (!existsSync(abs)) {
      missing.push(p);
      continue;
    }
    const shown = displayPath(abs, cwd);
    if (statSync(abs).isDirectory()) {
      if (!refuse(refuseRuleFolder(abs, shown))) walk(abs, abs, new Set());
      continue;
    }
    if (out.has(abs) || refuse(refuseRuleFile(abs, dirname(abs), shown))) continue;
    out.set(abs, { abs, root: dirname(abs) });
    const stem = basename(abs).replace(/\.ya?ml$/i, "");
    if (stem === basename(abs) || CASE_FILE.test(abs)) continue;
    for (const ext of ["cases.yaml", "cases.yml", "cases.jsonl"]) {
      const beside = join(dirname(abs), `${stem}.${ext}`);
      // lstat: a companion that is a link to nothing, or out of the folder, is reported too.
      if (!lexists(beside) || out.has(beside)) continue;
      if (!refuse(refuseRuleFile(beside, dirname(abs), displayPath(beside, cwd)))) out.set(beside, { abs: beside, root: dirname(abs) });
    }
  }
  return { files: [...out.values()], missing, refused };
}

/** True when something (even a dangling link) is at `p`. */
function lexists(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** A link to a folder inside a walked tree must stay inside the tree. */
function refuseLinkOut(p: string, root: string, shown: string): Diagnostic | undefined {
  if (inside(realpathSync(p), realpathSync(root))) return undefined;
  return { file: shown, line: 1, column: 1, endLine: 1, endColumn: 1, severity: "error", code: "path-outside-root", message: "is a link to a folder outside the folder being checked: it is not searched" };
}

/**
 * What kind of rule file this is, from its name and top-level keys, without parsing it (lexicon
 * files are large): `*.cases.yaml` and JSONL files are case files; `*.timeline.yaml` or a top-level
 * `timeline:` key make a timeline; a file with a top-level `id:` or `rules:` is a policy; a `cases:`
 * key makes a case file; anything else is a library.
 */
export function ruleFileKind(path: string, text: string): RuleFileKind {
  if (CASE_FILE.test(path)) return "cases";
  if (TIMELINE_FILE.test(path)) return "timeline";
  const keys = new Set([...text.matchAll(/^([A-Za-z_$][\w$.-]*)[ \t]*:/gm)].map((m) => m[1]));
  if (keys.has("timeline")) return "timeline";
  if (keys.has("id") || keys.has("rules")) return "policy";
  if (keys.has("cases")) return "cases";
  return "library";
}
