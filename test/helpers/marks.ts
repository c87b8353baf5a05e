import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../../src/base/diagnostics.js";

/**
 * Position marks in fixture files: a comment line under the offending line says what must be
 * reported there, `# ^ error CODE` (the caret's column is the expected column) or `#^N warning CODE`
 * (column N). Several mark lines may follow one line.
 */
export function marksIn(file: string, text: string): string[] {
  const out: string[] = [];
  let target = 0;
  text.split("\n").forEach((line, i) => {
    const m = /^(\s*)#\s?\^(\d+)?\s+(error|warning)\s+([\w-]+)/.exec(line);
    if (!m) {
      target = i + 1;
      return;
    }
    const column = m[2] !== undefined ? Number(m[2]) : line.indexOf("^") + 1;
    out.push(`${file}:${target}:${column} ${m[3]} ${m[4]}`);
  });
  return out;
}

/** Every mark in the YAML files under `dir` (recursively), sorted. Paths are joined onto `dir`. */
export function marksUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push(...marksIn(p, readFileSync(p, "utf8")));
    }
  };
  walk(dir);
  return out.sort();
}

/** Diagnostics in the same `file:line:col severity code` form as marks, sorted. */
export function asMarks(ds: readonly Diagnostic[]): string[] {
  return ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`).sort();
}
