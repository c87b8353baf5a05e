// The hand-edited rule files under a folder, for the scripts that rewrite them mechanically
// (fold-groups.js, fold-alternatives.js): one walk, one reading of "generated", so both leave the
// same files alone.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Whether a rule file's text says it is generated: "# GENERATED" among its leading comment lines. */
export function isGenerated(text) {
  return /^(#[^\n]*\n)*# GENERATED/u.test(text);
}

/**
 * The rule files under `dir`, in a stable order (names sorted, folders walked in place), case files
 * and generated files left out: a generated file's generator is what to change, and case files hold
 * posts, not rules.
 */
export function ruleFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".yaml") && !e.name.endsWith(".cases.yaml")) out.push(p);
    }
  };
  walk(dir);
  return out.filter((f) => !isGenerated(readFileSync(f, "utf8")));
}
