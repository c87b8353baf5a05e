import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { Diagnostic, Span } from "../diagnostics.js";

/** Limits that keep a hostile rule file from exhausting memory. */
export interface YamlLimits {
  /** Largest file accepted, in bytes. */
  readonly maxFileBytes: number;
  /** Most alias expansions in one document ("billion laughs"). */
  readonly maxAliasCount: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = { maxFileBytes: 4 * 1024 * 1024, maxAliasCount: 100 };

/** A parsed YAML file that keeps node positions for diagnostics. */
export interface YamlFile {
  /** Path as shown to the user (relative to the working directory when possible). */
  readonly file: string;
  /** Absolute path. */
  readonly absPath: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/** The 1-based span of character offsets [start, end) in a file. */
export function spanOf(f: Pick<YamlFile, "lines">, start: number, end: number): Span {
  const a = f.lines.linePos(start);
  const b = f.lines.linePos(Math.max(end, start));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/** A diagnostic at character offsets [start, end) of `f`; a span over several lines is cut at the first. */
export function diagAt(
  f: Pick<YamlFile, "lines" | "file"> & { readonly text?: string },
  start: number,
  end: number,
  code: string,
  message: string,
  severity: Diagnostic["severity"] = "error",
): Diagnostic {
  const span = spanOf(f, start, end);
  if (span.endLine > span.line) {
    const eol = (f as { text?: string }).text?.indexOf("\n", start) ?? -1;
    if (eol > start) return { file: f.file, ...spanOf(f, start, eol), severity, code, message };
  }
  return { file: f.file, ...span, severity, code, message };
}

/** Parses YAML text, reporting syntax errors, duplicate keys and custom tags with positions. */
export function parseYaml(file: string, absPath: string, text: string, limits = DEFAULT_YAML_LIMITS): { yaml?: YamlFile; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > limits.maxFileBytes) {
    diagnostics.push({ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: "error", code: "file-too-large", message: `file is ${bytes} bytes; the limit is ${limits.maxFileBytes}` });
    return { diagnostics };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, strict: true });
  const f: YamlFile = { file, absPath, text, doc, lines };
  for (const e of [...doc.errors, ...doc.warnings]) {
    const [s, en] = e.pos;
    const code = e.code === "DUPLICATE_KEY" ? "duplicate-key" : e.code === "TAG_RESOLVE_FAILED" ? "yaml-custom-tag" : "yaml-syntax";
    let msg = (e.message.split("\n")[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, "");
    let end = Math.max(en, s + 1);
    if (code === "duplicate-key") {
      const key = /^[^:\n]+?(?=\s*:)/.exec(text.slice(s))?.[0] ?? text.slice(s, end);
      msg = `duplicate key '${key}': each key may appear once in a mapping`;
      end = s + key.length;
    }
    diagnostics.push(diagAt(f, s, end, code, msg));
  }
  // Any explicit tag other than the core ones is rejected: a rule file has no use for them.
  walk(doc.contents, (n) => {
    const tag = (n as { tag?: string }).tag;
    if (tag && !tag.startsWith("tag:yaml.org,2002:") && n.range) {
      diagnostics.push(diagAt(f, n.range[0], n.range[1], "yaml-custom-tag", `custom tag ${tag} is not allowed`));
    }
  });
  return { yaml: f, diagnostics };
}

function walk(n: unknown, visit: (n: Node) => void): void {
  if (!isNode(n)) return;
  visit(n);
  if (isMap(n) || isSeq(n)) {
    for (const it of n.items) {
      if (isPair(it)) {
        walk(it.key, visit);
        walk(it.value, visit);
      } else walk(it, visit);
    }
  }
}

/** Where a path points in the document: the key of the last segment, or its value. */
export function locate(f: YamlFile, path: readonly (string | number)[], part: "key" | "value" = "value"): [number, number] {
  let node: unknown = f.doc.contents;
  let keyRange: [number, number] | undefined;
  let lastGood: [number, number] = rangeOf(node) ?? [0, 0];
  for (const seg of path) {
    keyRange = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      keyRange = rangeOf(pair.key);
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
    } else break;
    const r = rangeOf(node) ?? keyRange;
    if (!r) break;
    lastGood = r;
  }
  if (part === "key" && keyRange) return keyRange;
  return lastGood;
}

function rangeOf(n: unknown): [number, number] | undefined {
  if (isNode(n) && n.range) return [n.range[0], n.range[1]];
  return undefined;
}

/** The key node's range for `key` inside the map at `path`, for unknown-key diagnostics. */
export function locateKey(f: YamlFile, path: readonly (string | number)[], key: string): [number, number] {
  return locate(f, [...path, key], "key");
}

/** Something that can place a diagnostic: a file, and a way to find a path's position in it. */
export interface SourceRef {
  readonly file: string;
  /** Span of the key or value at `path`; `sub` narrows to [start, end) inside a string value. */
  span(path: readonly (string | number)[], part?: "key" | "value", sub?: readonly [number, number]): Span;
}

/** A {@link SourceRef} over a parsed YAML file. */
export function sourceRef(f: YamlFile): SourceRef {
  return {
    file: f.file,
    span(path, part = "value", sub) {
      const [s, e] = locate(f, path, part);
      if (sub) {
        // Find the string's own characters inside its source (skipping a quote), when written verbatim.
        const value = f.doc.getIn(path as (string | number)[]);
        const raw = f.text.slice(s, e);
        const p = typeof value === "string" ? raw.indexOf(value) : -1;
        if (p >= 0) {
          // An error "at the end of the condition" points at its last character.
          const a = Math.min(sub[0], Math.max(0, (value as string).length - 1));
          return spanOf(f, s + p + a, s + p + Math.max(sub[1], a + 1));
        }
      }
      return spanOf(f, s, Math.max(e, s + 1));
    },
  };
}

/** A {@link SourceRef} for documents that have no file positions (precompiled bundled policies). */
export function detachedRef(file: string): SourceRef {
  return { file, span: () => ({ line: 1, column: 1, endLine: 1, endColumn: 1 }) };
}

/**
 * A {@link SourceRef} whose lines are moved down by `lines`: a JSONL line parsed as a document of
 * its own still reports positions in the whole file.
 */
export function shiftedRef(ref: SourceRef, lines: number): SourceRef {
  return {
    file: ref.file,
    span(path, part, sub) {
      const s = ref.span(path, part, sub);
      return { ...s, line: s.line + lines, endLine: s.endLine + lines };
    },
  };
}
