import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { BUNDLED_DIR, BUNDLED_IDS, BUNDLED_TIMELINES, bundledTimelinePath } from "./files.js";

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
  return [existsSync(local) && statSync(local).isDirectory() ? local : BUNDLED_DIR];
}

/**
 * Lists the rule files under `paths` (files or folders, searched recursively; hidden folders and
 * node_modules are skipped; a bundled policy id names its file), sorted and without duplicates. A policy file named explicitly brings
 * its case files along: `x.yaml` → `x.cases.yaml` / `x.cases.jsonl` beside it. Paths that do not
 * exist are returned in `missing`.
 */
export function findRuleFiles(paths: readonly string[], cwd: string): { files: FoundFile[]; missing: string[] } {
  const out = new Map<string, FoundFile>();
  const missing: string[] = [];
  const walk = (dir: string, root: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith(".") || e.name === "node_modules") continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p, root);
      else if (e.isFile() && RULE_FILE.test(e.name) && !out.has(p)) out.set(p, { abs: p, root });
    }
  };
  for (const p of paths) {
    let abs = resolve(cwd, p);
    // A bundled policy id stands for its file, as with `eval --policy` (and the hint it prints).
    if (!existsSync(abs) && (BUNDLED_IDS as readonly string[]).includes(p)) abs = join(BUNDLED_DIR, `${p}.yaml`);
    if (!existsSync(abs) && (BUNDLED_TIMELINES as readonly string[]).includes(p)) abs = bundledTimelinePath(p);
    if (!existsSync(abs)) {
      missing.push(p);
      continue;
    }
    if (statSync(abs).isDirectory()) {
      walk(abs, abs);
      continue;
    }
    if (!out.has(abs)) out.set(abs, { abs, root: dirname(abs) });
    const stem = basename(abs).replace(/\.ya?ml$/i, "");
    if (stem === basename(abs) || CASE_FILE.test(abs)) continue;
    for (const ext of ["cases.yaml", "cases.yml", "cases.jsonl"]) {
      const beside = join(dirname(abs), `${stem}.${ext}`);
      if (existsSync(beside) && !out.has(beside)) out.set(beside, { abs: beside, root: dirname(abs) });
    }
  }
  return { files: [...out.values()], missing };
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
