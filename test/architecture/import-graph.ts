import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

/**
 * The phases and layers of src/, lowest first. A module may import from its own folder and from
 * folders earlier in this list, never from a later one: the shared base below everything, the
 * text and match machinery below the phases, the phases in the order data flows through them
 * (load → validate → compile → evaluate → report), the loading use-cases above them, the CLI last.
 */
export const LAYERS = [
  "base",
  "text",
  "match",
  "load",
  "input",
  "validate",
  "compile",
  "checks",
  "precompiled",
  "evaluate",
  "report",
  "use-cases",
  "cli",
] as const;

/** One import of one module of src/. */
export interface ImportEdge {
  /** The importing module, relative to src/ (e.g. `compile/compile.ts`). */
  readonly from: string;
  /** The imported module, relative to src/, without extension. */
  readonly to: string;
  /** 1-based line of the import. */
  readonly line: number;
}

// Static imports and re-exports (`import … from "x"`, `export … from "x"`, `import "x"`) and
// dynamic `import("x")`, whatever spans lines in between; comments are blanked out first so an
// example in a doc comment is not an edge.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(["'])(\.[^"']+)\1/gm;

function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " ")).replace(/(^|[^:"'\\])\/\/.*$/gm, (c, pre: string) => pre + " ".repeat(c.length - pre.length));
}

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tsFiles(p, out);
    else if (name.endsWith(".ts")) out.push(p);
  }
  return out;
}

/** Every relative import of every module under `srcDir`. */
export function importEdges(srcDir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of tsFiles(srcDir)) {
    const text = withoutComments(readFileSync(file, "utf8"));
    for (const m of text.matchAll(SPECIFIER)) {
      const spec = m[2]!;
      const target = resolve(dirname(file), spec).replace(/\.js$/, "");
      const line = text.slice(0, m.index).split("\n").length;
      edges.push({ from: relative(srcDir, file).split(sep).join("/"), to: relative(srcDir, target).split(sep).join("/"), line });
    }
  }
  return edges;
}

/** The layer of a module path relative to src/: its first folder, or `top` for src/index.ts. */
export function layerOf(path: string): string {
  const i = path.indexOf("/");
  return i < 0 ? "top" : path.slice(0, i);
}

/** The imports that break the layering, each as `file:line imports target (layer → later layer)`. */
export function layerViolations(edges: readonly ImportEdge[]): string[] {
  const rank = (layer: string): number => (layer === "top" ? LAYERS.length : (LAYERS as readonly string[]).indexOf(layer));
  const out: string[] = [];
  for (const e of edges) {
    const from = layerOf(e.from);
    const to = layerOf(e.to);
    if (rank(from) < 0) out.push(`src/${e.from}: folder '${from}' is not in LAYERS`);
    else if (rank(to) < 0) out.push(`src/${e.from}:${e.line} imports src/${e.to}, whose folder '${to}' is not in LAYERS`);
    else if (to === "top" && from !== "top") out.push(`src/${e.from}:${e.line} imports the public entry point src/${e.to}`);
    else if (to !== from && rank(to) > rank(from)) out.push(`src/${e.from}:${e.line} imports src/${e.to}: '${from}' comes before '${to}', so it may not depend on it`);
    else if (from === "top" && to === "cli") out.push(`src/${e.from}:${e.line} imports the CLI src/${e.to}: the library must not`);
  }
  return out;
}
