import { Composer, isMap, isNode, isPair, isScalar, isSeq, LineCounter, Parser, YAMLParseError, type CST, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import { appendAll, type Diagnostic, type Span } from "../base/diagnostics.js";
import { DEFAULT_LIMITS, LIMIT_ENV, resolveLimits, type ResourceLimits } from "./limits.js";
import { scalarOffsets } from "./scalar-offsets.js";
import { firstTooDeep, measureValue, writtenNodes } from "./yaml-guards.js";
import { findUnclosed, withoutCascade } from "./yaml-syntax.js";

/** Limits that keep a hostile rule file from exhausting memory or the stack (see limits.ts). */
export type YamlLimits = ResourceLimits;

export const DEFAULT_YAML_LIMITS: YamlLimits = DEFAULT_LIMITS;

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
export function parseYaml(file: string, absPath: string, text: string, given: Partial<YamlLimits> = DEFAULT_YAML_LIMITS): { yaml?: YamlFile; diagnostics: Diagnostic[] } {
  const limits = resolveLimits(given);
  const lines = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > limits.maxFileBytes) {
    diagnostics.push({ file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: "error", code: "file-too-large", message: `file is ${bytes} bytes; the limit is ${limits.maxFileBytes} (${LIMIT_ENV.maxFileBytes.name})` });
    return { diagnostics };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // parseDocument, in its two steps, so that nesting is measured on the tokens before the
  // composer (which recurses) sees them.
  const tokens = [...new Parser().parse(text)];
  // Line starts from the text itself: the parser's own count misses line breaks inside some
  // tokens it recovers from (a plain scalar running into the next line), which put positions past
  // the end of their line.
  lines.addNewLine(0);
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines.addNewLine(i + 1);
  const deep = firstTooDeep(tokens, limits.maxDepth);
  if (deep) {
    const at = lines.linePos(deep.offset);
    const message = `collections are nested more than ${limits.maxDepth} deep here (${LIMIT_ENV.maxDepth.name})`;
    diagnostics.push({ file, line: at.line, column: at.col, endLine: at.line, endColumn: at.col + 1, severity: "error", code: "nesting-too-deep", message });
    return { diagnostics };
  }
  const doc = composeOne(tokens, text.length);
  const f: YamlFile = { file, absPath, text, doc, lines };
  // Tags the parser could not resolve, by "tag@line": the walk below does not report them twice.
  const unresolved = new Set<string>();
  const syntax: { start: number; end: number; code: string; message: string }[] = [];
  for (const e of [...doc.errors, ...doc.warnings]) {
    const [s, en] = e.pos;
    const code = e.code === "TAG_RESOLVE_FAILED" ? "yaml-custom-tag" : "yaml-syntax";
    let msg = (e.message.split("\n")[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, "");
    const end = Math.max(en, s + 1);
    if (code === "yaml-syntax") {
      syntax.push({ start: s, end, code: e.code, message: msg });
      continue;
    }
    const tag = code === "yaml-custom-tag" ? /^Unresolved tag: (\S+)/.exec(msg)?.[1] : undefined;
    if (tag !== undefined) {
      unresolved.add(`${tag}@${lines.linePos(s).line}`);
      msg = customTag(tag);
    }
    diagnostics.push(diagAt(f, s, end, code, msg));
  }
  // Keys written twice, by offset: in document order, as the composer reported them.
  const duplicates: [number, number][] = [];
  const found: Diagnostic[] = [];
  // Any explicit tag other than the core ones is rejected: a rule file has no use for them.
  walk(doc.contents, (n) => {
    const tag = (n as { tag?: string }).tag;
    if (tag && !tag.startsWith("tag:yaml.org,2002:") && n.range && !unresolved.has(`${tag}@${lines.linePos(n.range[0]).line}`)) {
      found.push(diagAt(f, n.range[0], n.range[1], "yaml-custom-tag", customTag(tag)));
    }
    if (isMap(n)) {
      // Duplicate keys are found here, one set per mapping: the composer's own check (uniqueKeys)
      // compares each key with every key before it, quadratic in the keys of one mapping (50,000
      // keys took 14 s; 471,000, within the size limit, over 20 minutes). Keys are equal when
      // their values are, as the composer has it (1 and "1" differ).
      const seen = new Set<unknown>();
      for (const p of n.items) {
        if (isScalar(p.key) && p.key.range) {
          if (seen.has(p.key.value)) duplicates.push([p.key.range[0], p.key.range[1]]);
          else seen.add(p.key.value);
        }
        // JavaScript drops a "__proto__" key on the way to an object (the schema never sees it), so
        // a definition under that name would vanish without a word: refuse it where it is written.
        if (isScalar(p.key) && p.key.value === "__proto__" && p.key.range) {
          found.push(diagAt(f, p.key.range[0], p.key.range[1], "reserved-key", "'__proto__' cannot be a key: JavaScript reserves it"));
        } else if (isNode(p.key) && !isScalar(p.key) && p.key.range) {
          found.push(diagAt(f, p.key.range[0], p.key.range[1], "invalid-type", "a key must be a plain value, not a list, a mapping or an alias"));
        }
      }
    }
  });
  duplicates.sort((a, b) => a[0] - b[0]);
  // Duplicate keys come where the composer reported them: with its other errors, before the
  // syntax errors.
  for (const [start, end] of duplicates) diagnostics.push(duplicateKey(f, start, end));
  // An unclosed bracket or quote: the parser reports it where it gave up, then a cascade of errors
  // after that. The user erred at the opening character: report that, and none of what follows.
  // The walk visits every token (1.4 s of a 20 s check of a bundled policy): an unclosed bracket
  // or quote is always a syntax error too, so a file without one has nothing for it to find.
  const unclosed = syntax.length > 0 ? findUnclosed(tokens) : [];
  const firstUnclosed = unclosed[0]?.offset ?? Infinity;
  for (const e of withoutCascade(syntax.filter((x) => x.start < firstUnclosed), text)) diagnostics.push(diagAt(f, e.start, e.end, "yaml-syntax", e.message));
  for (const u of unclosed) diagnostics.push(diagAt(f, u.offset, u.offset + 1, "yaml-syntax", u.message));
  appendAll(diagnostics, found);
  return { yaml: f, diagnostics };
}

/** The diagnostic of a key written a second time in its mapping, at the key [start, end). */
function duplicateKey(f: YamlFile, start: number, end: number): Diagnostic {
  const key = /^[^:\n]+?(?=\s*:)/.exec(f.text.slice(start, Math.max(end, start + 1) + 1024))?.[0] ?? f.text.slice(start, end);
  return diagAt(f, start, start + key.length, "duplicate-key", `duplicate key '${key}': each key may appear once in a mapping`);
}

// logLevel "error": the library's warnings (a list used as a key) would go to stderr as Node
// process warnings; such keys are reported as diagnostics instead.
function customTag(tag: string): string {
  return `custom tag ${tag.replace(/^tag:yaml\.org,2002:/, "!!")} is not allowed: rule files are plain YAML`;
}

// uniqueKeys off: duplicate keys are found by parseYaml's own walk, in time linear in the keys.
const COMPOSE_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, logLevel: "error" } as const;

/** The first document of the tokens, as yaml's parseDocument makes it (a second one is an error). */
function composeOne(tokens: readonly CST.Token[], length: number): Document.Parsed {
  const composer = new Composer(COMPOSE_OPTIONS);
  let doc: Document.Parsed | undefined;
  for (const d of composer.compose(tokens, true, length)) {
    if (!doc) doc = d;
    else {
      doc.errors.push(new YAMLParseError(d.range.slice(0, 2) as [number, number], "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
      break;
    }
  }
  return doc as Document.Parsed;
}

/**
 * The plain value of a parsed file, for the schema, or the diagnostic that says why it cannot be
 * had: too many aliases, aliases that expand it too far (or into a loop), or nesting too deep.
 * A number for `given` is the alias limit alone (the other limits at their defaults).
 */
export function toPlain(f: Pick<YamlFile, "doc" | "lines" | "file" | "text">, given: number | Partial<YamlLimits> = DEFAULT_YAML_LIMITS): { value: unknown } | { diagnostic: Diagnostic } {
  const limits = resolveLimits(typeof given === "number" ? { maxAliasCount: given } : given);
  const env = LIMIT_ENV.maxAliasCount.name;
  let value: unknown;
  try {
    value = f.doc.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { diagnostic: diagAt(f, 0, 1, "yaml-alias-limit", `${msg} (more than ${limits.maxAliasCount} alias expansions; ${env})`) };
  }
  // What aliases may add is bounded too: a thousand values per alias allowed, and as many
  // characters of text as the file itself may hold (the file's own count as written).
  const extra = 1000 * limits.maxAliasCount;
  const m = measureValue(value, limits.maxDepth, writtenNodes(f.doc.contents) + extra, f.text.length + limits.maxFileBytes);
  if (m === "large") return { diagnostic: diagAt(f, 0, 1, "yaml-alias-limit", `aliases repeat more than ${extra} values (1000 per alias allowed by ${env}=${limits.maxAliasCount}); write the values out`) };
  if (m === "long") return { diagnostic: diagAt(f, 0, 1, "yaml-alias-limit", `with its aliases expanded, the file holds more than ${f.text.length + limits.maxFileBytes} characters of text: aliases may add at most the size limit of a file (${limits.maxFileBytes}, ${LIMIT_ENV.maxFileBytes.name}); write the values out`) };
  if (m === "deep") return { diagnostic: diagAt(f, 0, 1, "nesting-too-deep", `with its aliases expanded, the file nests more than ${limits.maxDepth} deep (${LIMIT_ENV.maxDepth.name}); an alias may refer to its own anchor`) };
  return { value };
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

const PAIRS = new WeakMap<YAMLMap, ReadonlyMap<string, Pair>>();

/**
 * The pairs of a mapping by key (the first of equal keys, as a search from the start finds it),
 * indexed when the mapping is first looked into. Searching the pairs for each path made a mapping
 * of n unknown keys cost n² (20,000 unknown keys, 6 s; 471,000, which fit in 4 MiB, hours).
 */
function pairsByKey(node: YAMLMap): ReadonlyMap<string, Pair> {
  let index = PAIRS.get(node);
  if (index === undefined) {
    const made = new Map<string, Pair>();
    for (const p of node.items) {
      if (!isScalar(p.key)) continue;
      const k = String(p.key.value);
      if (!made.has(k)) made.set(k, p);
    }
    PAIRS.set(node, (index = made));
  }
  return index;
}

/** Where a path points in the document: the key of the last segment, or its value. */
export function locate(f: YamlFile, path: readonly (string | number)[], part: "key" | "value" = "value"): [number, number] {
  let node: unknown = f.doc.contents;
  let keyRange: [number, number] | undefined;
  let lastGood: [number, number] = rangeOf(node) ?? [0, 0];
  for (const seg of path) {
    keyRange = undefined;
    if (isMap(node)) {
      const pair = pairsByKey(node).get(String(seg));
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
  // Where each character of a string value was written, by path: a condition with thousands of
  // errors would otherwise work it out once for each of them.
  const inner = new Map<string, { readonly value: string; readonly at: (i: number) => number } | null>();
  const charsOf = (path: readonly (string | number)[], part: string, s: number, e: number) => {
    const key = `${part}\u0000${path.join("\u0000")}`;
    let found = inner.get(key);
    if (found === undefined) {
      const node = f.doc.getIn(path as (string | number)[], true);
      const value = isScalar(node) ? node.value : undefined;
      found = null;
      if (typeof value === "string") {
        // Written verbatim (a plain or simply quoted string on one line): an offset is an offset.
        const p = f.text.slice(s, e).indexOf(value);
        if (p >= 0) found = { value, at: (i) => s + p + i };
        else {
          // Folded, escaped or a block: map each character back to where it was written.
          const map = scalarOffsets(f.text.slice(s, e), value, (node as { type?: string }).type);
          if (map) found = { value, at: (i) => s + (map[Math.min(i, map.length - 1)] ?? 0) };
        }
      }
      inner.set(key, found);
    }
    return found;
  };
  return {
    file: f.file,
    span(path, part = "value", sub) {
      const [s, e] = locate(f, path, part);
      const chars = sub && part === "value" ? charsOf(path, part, s, e) : null;
      if (sub && chars && chars.value.length > 0) {
        // An error "at the end of the condition" points at its last character.
        const last = chars.value.length - 1;
        const a = Math.min(sub[0], last);
        const b = Math.min(Math.max(sub[1], a + 1), chars.value.length) - 1;
        return spanOf(f, chars.at(a), Math.max(chars.at(b) + 1, chars.at(a) + 1));
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
