#!/usr/bin/env node
// Build step: bundles the CLI (dist/cli/entry.js and what it imports) into dist/cli/modpol.js, which
// bin/modpol.js loads. Node resolves, reads and compiles each ES module separately (about 0.4 ms
// each before any of its code runs), so everything a plain `modpol eval` loads is ONE file, the
// core: every module that dist/cli/entry.js reaches by static imports. What is imported on demand
// (commander and the subcommands, the YAML pipeline, worker threads, CSV) becomes chunks beside it,
// loaded only when used. The bundle lives in dist/cli/, two levels down like every module that locates package
// files (see CODE_DIR), so its paths hold. The library (dist/index.js) and the --jobs worker stay
// separate modules.
//
// esbuild's own code splitting cannot make that layout: it puts each module in a chunk of the entry
// points that reach it, so the eval path came out as thirteen files (a module shared by eval and
// check went into a chunk of its own). Hence two builds:
//   1. the on-demand modules, with every core module replaced by a re-export from ./modpol.js, so
//      that a core module exists once (one UsageError class, one cache) however it is reached;
//   2. the core, with no splitting, exporting what build 1 imports and importing build 1's chunks.
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, relative, resolve } from "node:path";
import { build } from "esbuild";

const ENTRY = "dist/cli/entry.js";
const CORE_FILE = "modpol.cjs";
// chalk and re2js are loaded only when needed, and the YAML pipeline's yaml and zod only in its own
// chunk: they stay packages of their own. commander is bundled, in the chunk of program.ts.
const EXTERNAL = ["chalk", "re2js", "yaml", "zod", "zod/*"];
const COMMON = {
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // For node20 esbuild writes a regex with \p{…} as `new RegExp("…")`, which costs V8 about twice the
  // literal's time to build (0.15 ms for a property class; the text modules make a few dozen at
  // load). Node has had property escapes since version 10: literals stay literals.
  supported: { "regexp-unicode-property-escapes": true },
  external: EXTERNAL,
  // commander is CommonJS, and Node's modules are required (see nodeBuiltinsByRequire): both need a
  // real require in an ES module. node:module is taken with process.getBuiltinModule (Node 20.16 and
  // later), which skips its ES facade (about 1 ms); an older Node imports it.
  banner: { js: 'const require = (process.getBuiltinModule?.("node:module") ?? (await import("node:module"))).createRequire(import.meta.url);' },
  logLevel: "warning",
};

/**
 * `import { readFileSync } from "node:fs"` becomes `const { readFileSync } = require("node:fs")`.
 * Importing a Node module as an ES module makes Node build its ES facade, which reads every export
 * once, lazy getters included: for node:fs that loads fs/promises, readline and all of streams
 * (about 3 ms); node:os, node:util, node:url and node:buffer cost about 1 ms each. require() hands
 * over the object, and only the names the code imports are read from it. Those are found in the
 * sources (`names`, see {@link builtinImports}); esbuild fails the build on any it did not find.
 */
function nodeBuiltinsByRequire(names) {
  return {
    name: "node-builtins-by-require",
    setup(b) {
      b.onResolve({ filter: /^node:/ }, (a) => (a.kind === "import-statement" ? { path: a.path, namespace: "node-require" } : undefined));
      b.onLoad({ filter: /.*/, namespace: "node-require" }, (a) => {
        const req = `require(${JSON.stringify(a.path)})`;
        const n = names.get(a.path);
        // Anything but named imports (a namespace, a default): the whole module, as CommonJS.
        return { contents: n ? `export const { ${[...n].join(", ")} } = ${req};` : `module.exports = ${req};`, loader: "js" };
      });
    },
  };
}

/**
 * The names imported from each Node module across the sources of the graph; a module imported in
 * any other form (`import * as`, a default import) is left out, and then loaded whole.
 */
function builtinImports(inputs) {
  const names = new Map();
  const whole = new Set();
  for (const [file, input] of Object.entries(inputs)) {
    if (!input.imports.some((i) => i.path.startsWith("node:") && i.kind === "import-statement")) continue;
    for (const m of readFileSync(file, "utf8").matchAll(/^import\s+([^;]*?)\s+from\s+"(node:[^"]+)"/gm)) {
      const [, clause, id] = m;
      const named = /^\{([^}]*)\}$/.exec(clause);
      if (!named) {
        whole.add(id);
        continue;
      }
      const set = names.get(id) ?? new Set();
      for (const spec of named[1].split(",").map((x) => x.trim()).filter(Boolean)) set.add(spec.split(/\s+as\s+/)[0]);
      names.set(id, set);
    }
  }
  for (const id of whole) names.delete(id);
  return names;
}

/**
 * commander requires node:child_process when it loads, for subcommands that are programs of their
 * own, which modpol has none of. Loading it costs about 1.5 ms (net, dgram, child_process), so the
 * require is deferred to the first use of it: never, here.
 */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (a) => (a.kind === "require-call" && a.importer.includes("node_modules/commander/") ? { path: a.path, namespace: "lazy-require" } : undefined));
    b.onLoad({ filter: /.*/, namespace: "lazy-require" }, (a) => ({
      contents: `let m; const get = () => (m ??= require(${JSON.stringify(a.path)})); module.exports = new Proxy({}, { get: (_, k) => get()[k], has: (_, k) => k in get() });`,
      loader: "js",
    }));
  },
};

/** The module graph as esbuild sees it (paths relative to the package, as in its metafile). */
async function graph() {
  const r = await build({ ...COMMON, entryPoints: [ENTRY], outdir: "dist/cli", splitting: true, write: false, metafile: true });
  return r.metafile.inputs;
}

/** Modules reached from `from` by static imports (and require, for commander's CommonJS). */
function staticClosure(inputs, from) {
  const seen = new Set([from]);
  const todo = [from];
  while (todo.length > 0) {
    for (const i of inputs[todo.pop()]?.imports ?? []) {
      if (i.external || i.kind === "dynamic-import" || seen.has(i.path) || !(i.path in inputs)) continue;
      seen.add(i.path);
      todo.push(i.path);
    }
  }
  return seen;
}

/** The names each module exports (from esbuild's metafile of an unbundled build of them). */
async function exportNames(files) {
  const r = await build({ entryPoints: files, outdir: "/nowhere", outbase: ".", bundle: false, format: "esm", write: false, metafile: true, logLevel: "warning" });
  const out = new Map();
  for (const o of Object.values(r.metafile.outputs)) if (o.entryPoint) out.set(o.entryPoint, o.exports);
  return out;
}

/** The name under which the core exports `name` of core module number `i`, for the chunks. */
const coreName = (i, name) => `__core${i}_${name}`;

/** An import from a file of the package, as a path relative to it (the metafile's form), or undefined. */
function packagePath(a) {
  if (!a.path.startsWith(".") || !a.resolveDir) return undefined;
  return relative(process.cwd(), resolve(a.resolveDir, a.path)).split("\\").join("/");
}

// Chunks are named by content hash: those of an earlier build would pile up.
for (const f of readdirSync("dist/cli")) if (f.startsWith("modpol-")) rmSync(`dist/cli/${f}`);

const inputs = await graph();
const builtins = builtinImports(inputs);
const core = staticClosure(inputs, ENTRY);
// The core's own modules (commander aside) may be imported by on-demand code: all their exports go out.
const shared = [...core].filter((p) => p.startsWith("dist/") && p !== ENTRY);
const exportsOf = await exportNames(shared);
const onDemand = [...new Set([...core].flatMap((p) => inputs[p].imports.filter((i) => i.kind === "dynamic-import" && !i.external && !core.has(i.path)).map((i) => i.path)))];

// Build 1: the on-demand modules, their core imports pointing into the core file.
const fromCore = {
  name: "from-core",
  setup(b) {
    b.onResolve({ filter: /^\./ }, (a) => {
      if (a.namespace === "core") return { path: `./${CORE_FILE}`, external: true };
      const p = packagePath(a);
      return p !== undefined && core.has(p) ? { path: p, namespace: "core" } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: "core" }, (a) => {
      const i = shared.indexOf(a.path);
      if (i < 0) throw new Error(`${a.path} is in the core bundle but exports nothing to its chunks`);
      const names = exportsOf.get(a.path) ?? [];
      return { contents: `export { ${names.map((n) => `${coreName(i, n)} as ${n}`).join(", ")} } from "./${CORE_FILE}";`, loader: "js" };
    });
  },
};
const lazy = await build({
  ...COMMON,
  entryPoints: onDemand,
  outdir: "dist/cli",
  outbase: "dist",
  entryNames: "modpol-[name]-[hash]",
  chunkNames: "modpol-[name]-[hash]",
  splitting: true,
  metafile: true,
  plugins: [fromCore, nodeBuiltinsByRequire(builtins), lazyChildProcess],
});
const chunkOf = new Map(Object.entries(lazy.metafile.outputs).filter(([, o]) => o.entryPoint).map(([file, o]) => [o.entryPoint, basename(file)]));

// Build 2: the core, one file, its dynamic imports of on-demand modules pointing at their chunks.
const toChunks = {
  name: "to-chunks",
  setup(b) {
    b.onResolve({ filter: /^\./ }, (a) => {
      const p = a.kind === "dynamic-import" ? packagePath(a) : undefined;
      const chunk = p !== undefined ? chunkOf.get(p) : undefined;
      return chunk !== undefined ? { path: `./${chunk}`, external: true } : undefined;
    });
  },
};
const specifier = (p) => (relative("dist/cli", p).startsWith(".") ? relative("dist/cli", p) : `./${relative("dist/cli", p)}`);
const reexports = shared.filter((p) => exportsOf.get(p)?.length).map((p) => `export { ${exportsOf.get(p).map((n) => `${n} as ${coreName(shared.indexOf(p), n)}`).join(", ")} } from "${specifier(p)}";`);
await build({
  ...COMMON,
  // The core is CommonJS, and bin/modpol.js with it: a process whose code is all CommonJS never
  // starts Node's ES module loader, which costs about 20 ms of a one-post run (an empty .mjs file
  // takes 20 ms longer to run than an empty .cjs one). The chunks stay ES modules; their imports of
  // the core get the instance bin/ required (Node's ES loader takes a CommonJS module already
  // loaded from require's cache), so a core module still exists once.
  format: "cjs",
  define: { "import.meta.url": "__modpolModuleUrl" },
  // __modpolHostImport: see the end of this file.
  banner: {
    js: [
      'const __modpolModuleUrl = require("node:url").pathToFileURL(__filename).href;',
      'const __modpolImport = typeof __modpolHostImport === "function" ? __modpolHostImport : (s) => import(s);',
    ].join("\n"),
  },
  stdin: { contents: [`export * from "./${basename(ENTRY)}";`, ...reexports].join("\n"), resolveDir: "dist/cli", sourcefile: "core.js", loader: "js" },
  outfile: `dist/cli/${CORE_FILE}`,
  splitting: false,
  plugins: [toChunks, nodeBuiltinsByRequire(builtins)],
});

// The core's import() calls go through __modpolImport. bin/load-core.js runs the core with V8's code
// cache, and in Node 20 a function restored from that cache has lost the script's dynamic-import
// callback ("A dynamic import callback was not specified"): the loader passes a function of its own
// (__modpolHostImport), compiled normally, that imports for the core. Required the usual way, the
// core imports by itself.
const coreFile = `dist/cli/${CORE_FILE}`;
const text = readFileSync(coreFile, "utf8");
const routed = text.replace(/\bimport\("/g, '__modpolImport("');
const left = [...routed.matchAll(/\bimport\((?!s\))/g)];
if (left.length > 0) throw new Error(`${coreFile}: an import() the code cache cannot keep (not of a string literal): ${routed.slice(left[0].index, left[0].index + 60)}`);
// The core is kept ASCII: V8 holds a source with one character past ASCII as two bytes a character,
// and decodes it from UTF-8 on the slow path, in every run (about 1 ms of the 306 KB). esbuild
// escapes strings, templates and regex literals itself; the sources write the few String.raw regex
// classes with \u escapes; what remains is comments, escaped here. Anything else non-ASCII stops the
// build, rather than being quietly changed.
const isComment = (line) => /^\s*(\/\/|\/\*|\*)/.test(line);
const ascii = routed
  .split("\n")
  .map((line, i) => {
    if (!/[^\x00-\x7f]/.test(line)) return line;
    if (!isComment(line)) throw new Error(`${coreFile}:${i + 1}: a character past ASCII outside a comment (write it as a \\u escape in the source): ${line.trim().slice(0, 80)}`);
    return line.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`);
  })
  .join("\n");
// The core's exports object: esbuild fills an object with a getter for each of its ~420 names
// (__export), then copies them as getters onto another (__toCommonJS). Each getter added to an
// ordinary object makes V8 derive a new hidden class with a copy of all the descriptors so far, so
// the two objects cost ~175,000 descriptor copies, ~3 % of a one-post run's instructions over bare
// Node. An object with a null prototype is a hash table in V8 from the start: each getter is one
// insertion. Getters and __esModule stay as they were; only the prototype (nothing reads it: the
// chunks import names, bin/ destructures them) is gone.
const EXPORTS_DECL = "var core_exports = {};";
const EXPORTS_SET = "module.exports = __toCommonJS(core_exports);";
for (const s of [EXPORTS_DECL, EXPORTS_SET]) {
  if (ascii.split(s).length !== 2) throw new Error(`${coreFile}: expected exactly one \`${s}\` (esbuild's CommonJS output changed?)`);
}
const lean = ascii
  .replace(EXPORTS_DECL, "var core_exports = Object.create(null);")
  .replace(EXPORTS_SET, 'module.exports = __defProp(core_exports, "__esModule", { value: true });');
writeFileSync(coreFile, lean);
