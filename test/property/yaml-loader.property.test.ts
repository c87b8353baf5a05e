import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stringify } from "yaml";
import type { Diagnostic } from "../../src/base/diagnostics.js";
import { parseYaml } from "../../src/load/yaml-file.js";
import { loadYamlPolicyFile } from "../../src/use-cases/load-yaml-policy.js";
import { validatePolicy } from "../../src/validate/validate.js";
import { checkWorkspace, loadWorkspace } from "../../src/use-cases/workspace.js";
import { check, timeout } from "./harness.js";

// Random and mutated rule files through the whole loader: parse, validate, includes, compile, lint.
// Whatever the file holds, loading never throws, and every problem is reported at a position
// inside the file it names.

const SEED_POLICY = readFileSync("test/fixtures/mini/policy.yaml", "utf8").replace("id: mini\n", "id: mini\ninclude: [lib/extra.yaml]\n");
const SEED_LIBRARY = "language: en\nlexicons:\n  extra: [foe*, \"enemy ~2 troops\"]\n  pat: { patterns: { en: ['k+i+l+l+'] } }\nsignals:\n  extra: { lexicon: extra, near: violent-call }\n";

const dir = mkdtempSync(join(tmpdir(), "modpol-yaml-prop-"));
mkdirSync(join(dir, "lib"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a policy (and its library) over the previous case's, and returns the policy's path. */
function place(policy: string, library = SEED_LIBRARY): { dir: string; policy: string } {
  writeFileSync(join(dir, "policy.yaml"), policy);
  writeFileSync(join(dir, "lib", "extra.yaml"), library);
  return { dir, policy: join(dir, "policy.yaml") };
}

/** Fails unless `d` lies inside the text of the file it names. */
function expectInside(d: Diagnostic, texts: ReadonlyMap<string, string>): void {
  const text = texts.get(d.file);
  expect(text, `${d.file} was not read`).toBeDefined();
  const lines = (text as string).split("\n");
  const at = `${d.file}:${d.line}:${d.column} ${d.code}`;
  expect(d.line, at).toBeGreaterThanOrEqual(1);
  expect(d.line, at).toBeLessThanOrEqual(lines.length);
  expect(d.column, at).toBeGreaterThanOrEqual(1);
  expect(d.column, at).toBeLessThanOrEqual((lines[d.line - 1] as string).length + 1);
  expect(d.endLine, at).toBeGreaterThanOrEqual(d.line);
  if (d.endLine === d.line) expect(d.endColumn, at).toBeGreaterThanOrEqual(d.column);
  expect(d.message.length, at).toBeGreaterThan(0);
}

/** Loads the policy in `dir` alone and through `check` (which also lints); checks every diagnostic. */
function loadAndCheck(dir: string, policy: string): void {
  const r = loadYamlPolicyFile(policy, { cwd: dir });
  const ws = loadWorkspace([dir], { cwd: dir });
  const texts = new Map([...r.files.map((f) => [f.file, f.text] as const), ...ws.sources]);
  // A file refused before it was parsed (too large, unreadable) is reported at 1:1 of its name.
  for (const f of ["policy.yaml", join("lib", "extra.yaml")]) if (!texts.has(f)) texts.set(f, "");
  for (const d of r.diagnostics) expectInside(d, texts);
  if (!r.policy) expect(r.diagnostics.some((d) => d.severity === "error")).toBe(true);
  for (const d of checkWorkspace(ws)) expectInside(d, texts);
}

/** Characters that mean something to YAML, and a few that mean something to modpol. */
const YAML_BITS = fc.constantFrom(":", " ", "  ", "\n", "-", "- ", "[", "]", "{", "}", ",", "&a", "*a", "!", "!!str ", "!custom ", "#", "'", '"', "|", ">", "?", "%", "@", "`", "\t", "\r\n", "__proto__: ", "constructor: ", "~", "null", "~9 ", "*", "(", ")", "not ", " and ", "\u0000", "\uFEFF", "é", "окупант", "𝐃", "<<: *a");

/** A mutation of a text: insert a YAML bit, delete a range, duplicate or swap lines, reindent. */
const MUTATION = fc.oneof(
  fc.record({ k: fc.constant("insert" as const), at: fc.nat(), s: fc.oneof(YAML_BITS, fc.string({ maxLength: 6 })) }),
  fc.record({ k: fc.constant("delete" as const), at: fc.nat(), n: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ k: fc.constant("dup" as const), at: fc.nat() }),
  fc.record({ k: fc.constant("swap" as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ k: fc.constant("indent" as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);
type Mutation = typeof MUTATION extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, ms: readonly Mutation[]): string {
  let s = text;
  for (const m of ms) {
    const lines = s.split("\n");
    const li = lines.length > 0 ? ("at" in m ? m.at : 0) % lines.length : 0;
    switch (m.k) {
      case "insert": {
        const at = m.at % (s.length + 1);
        s = s.slice(0, at) + m.s + s.slice(at);
        break;
      }
      case "delete": {
        const at = m.at % (s.length + 1);
        s = s.slice(0, at) + s.slice(at + m.n);
        break;
      }
      case "dup":
        lines.splice(li, 0, lines[li] ?? "");
        s = lines.join("\n");
        break;
      case "swap": {
        const b = m.with % lines.length;
        [lines[li], lines[b]] = [lines[b] ?? "", lines[li] ?? ""];
        s = lines.join("\n");
        break;
      }
      case "indent":
        lines[li] = m.by >= 0 ? " ".repeat(m.by) + (lines[li] ?? "") : (lines[li] ?? "").replace(new RegExp(`^ {0,${-m.by}}`), "");
        s = lines.join("\n");
        break;
    }
  }
  return s;
}

/** A random value of the kinds YAML holds, with keys a policy uses (and some that are traps). */
const KEY = fc.constantFrom("id", "rules", "when", "decision", "reason", "lexicons", "terms", "patterns", "signals", "lexicon", "require", "exclude", "near", "not", "all", "any", "countries", "settings", "default", "tests", "include", "en", "uk", "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf");
const { value: VALUE } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("violating", "exempt", "clear", "review", "kill*", "death to", "(a+)+$", "(?=x)", "\\1", "", "~1", "*", "UA", "XX", "true", "not (a or", "country in region"),
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(KEY, tie("value"), { maxKeys: 4 }),
  ),
}));

describe("YAML loader and validator (properties)", () => {
  // Nothing may reach stderr behind the report's back (the YAML library's warnings did).
  let warnings: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    warnings = vi.spyOn(process, "emitWarning");
  });
  afterEach(() => {
    expect(warnings).not.toHaveBeenCalled();
    warnings.mockRestore();
  });

  it(
    "mutated policy and library files: no crash, every problem inside its file",
    () =>
      check(
        "yaml: mutated files",
        fc.property(fc.array(MUTATION, { minLength: 1, maxLength: 6 }), fc.array(MUTATION, { maxLength: 3 }), (pm, lm) => {
          const { dir, policy } = place(mutate(SEED_POLICY, pm), mutate(SEED_LIBRARY, lm));
          loadAndCheck(dir, policy);
        }),
        60,
      ),
    timeout(),
  );

  it(
    "random documents in a policy's shape: no crash, every problem inside the file",
    () =>
      check(
        "yaml: random documents",
        fc.property(fc.dictionary(KEY, VALUE, { maxKeys: 8 }), fc.boolean(), (doc, flow) => {
          const text = stringify({ id: "p", rules: [{ id: "r", when: "true", decision: "clear", reason: "x" }], default: "clear", ...doc }, { collectionStyle: flow ? "flow" : "any" });
          const { dir, policy } = place(text);
          loadAndCheck(dir, policy);
        }),
        60,
      ),
    timeout(),
  );

  it(
    "arbitrary text as a rule file: parse and validate never throw; positions stay inside",
    () =>
      check(
        "yaml: arbitrary text",
        fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 }), fc.array(YAML_BITS, { maxLength: 60 }).map((a) => a.join(""))), (text) => {
          const p = parseYaml("f.yaml", "/f.yaml", text);
          const texts = new Map([["f.yaml", text.charCodeAt(0) === 0xfeff ? text.slice(1) : text]]);
          for (const d of p.diagnostics) expectInside(d, texts);
          if (p.yaml) for (const d of validatePolicy(p.yaml).diagnostics) expectInside(d, texts);
        }),
        400,
      ),
    timeout(),
  );
});
