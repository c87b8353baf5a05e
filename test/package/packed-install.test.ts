import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The package as a user gets it: `npm pack` of the built project, installed with --omit=dev into an
// empty folder. Everything is checked there, not in the clone: what is shipped, that installing
// prints no warning, that the installed CLI and library use the precompiled policies (installing
// resets file times, which once made every run compile the YAML), that require() works, and that a
// consumer's strict TypeScript build needs no @types/node for modpol's types.
const ROOT = resolve(".");
let dir = "";
let app = "";
let tarball = "";
let installLog = "";

const npm = (args: string[], cwd: string) => spawnSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "modpol-pack-"));
  // dist/ is built by `npm test` before the tests run; --ignore-scripts keeps pack from building again.
  const pack = npm(["pack", "--ignore-scripts", "--pack-destination", dir], ROOT);
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  tarball = join(dir, readdirSync(dir).find((f) => f.endsWith(".tgz")) as string);
  app = join(dir, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }));
  // --prefer-offline: the dependencies are in npm's cache after `npm ci`.
  const install = npm(["install", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", tarball], app);
  installLog = install.stdout + install.stderr;
  if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${installLog}`);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the packed package, installed with --omit=dev", () => {
  it("ships the licence and the user's docs, not the sources, tests or internal notes", () => {
    const files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).split("\n");
    expect(files).toContain("package/LICENSE");
    expect(files).toContain("package/dist/bundled/meta-2022-03-10.ir");
    // The language model derived from eld (Apache-2.0), with eld's licence beside it.
    expect(files).toContain("package/dist/bundled/language-model.bin");
    expect(files).toContain("package/dist/bundled/language-model.LICENSE");
    expect(files).toContain("package/dist/cjs/index.cjs");
    expect(files).toContain("package/docs/policy-language.md");
    expect(files).not.toContain("package/docs/lexicon-brief.md");
    expect(files.filter((f) => /^package\/(src|test|scripts)\//.test(f))).toEqual([]);
  });

  it("installs without a warning", () => {
    expect(installLog).not.toMatch(/warn/i);
  });

  it("runs the CLI from node_modules/.bin", () => {
    const r = spawnSync(join(app, "node_modules/.bin/modpol"), ["eval", "Death to Putin!", "-c", "PL", "-f", "jsonl"], { cwd: app, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ decision: "exempt", rule: "heads-of-state" });
  });

  it("identifies a post's language with the model it ships (nothing downloaded, no test folder)", () => {
    const { MODPOL_PRECOMPILED_DIR: _dir, ...env } = process.env;
    const r = spawnSync(join(app, "node_modules/.bin/modpol"), ["eval", "Dzisiaj rano spacerowaliśmy po parku i rozmawialiśmy o przyszłości.", "-f", "jsonl"], { cwd: app, encoding: "utf8", env });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toMatchObject({ decision: "clear", lang: "pl" });
  });

  // loadPolicy returns the YAML files it read; a precompiled policy reads none. The policy carries
  // the language identifier, reading the model shipped beside the precompiled policies.
  const script = (load: string) => `${load}
const r = await m.loadPolicy("meta-2022-03-10");
const lang = m.evaluate({ text: "Šiandien ryte vaikščiojome parke ir kalbėjomės apie ateitį.", country: null }, r.policy).lang;
console.log(JSON.stringify({ files: r.files.length, decision: m.evaluate({ text: "Death to Putin!", country: "PL" }, r.policy).decision, lang }));`;

  it.each([
    ["import", script('const m = await import("modpol");'), "--input-type=module"],
    ["require", `(async () => { ${script('const m = require("modpol");')} })();`, "--input-type=commonjs"],
  ])("loads a bundled policy precompiled, through %s", (_, code, type) => {
    const { MODPOL_PRECOMPILED_DIR: _dir, ...env } = process.env;
    const r = spawnSync(process.execPath, [type, "-e", code], { cwd: app, encoding: "utf8", env });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ files: 0, decision: "exempt", lang: "lt" });
  });

  it("type-checks a strict consumer that has no @types/node", () => {
    writeFileSync(
      join(app, "consumer.ts"),
      `import { loadPolicy, evaluate, explain, type Decision, type CompiledPolicy } from "modpol";
const r = await loadPolicy("meta-2022-03-10");
const p: CompiledPolicy | undefined = r.policy;
if (p) {
  const d: Decision = evaluate({ text: "Death to Putin!", country: "PL" }, p);
  const x = explain({ text: d.reason, country: null }, p);
  export const summary: string = \`\${d.decision} \${x.decision}\`;
}
`.replace("export const summary", "const summary"),
    );
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, types: [], skipLibCheck: false, lib: ["ES2023"] }, files: ["consumer.ts"] }));
    const r = spawnSync(join(ROOT, "node_modules/.bin/tsc"), ["-p", app], { cwd: app, encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
