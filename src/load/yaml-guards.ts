import { isAlias, isMap, isPair, isSeq, type CST } from "yaml";

/**
 * Guards that run on a YAML document before anything recursive or expensive walks it. Each keeps
 * its own stack, so none can overflow the call stack itself.
 */

/** Where YAML nesting first goes past the limit: the offset of the collection that does. */
export interface TooDeep {
  readonly offset: number;
  readonly depth: number;
}

type Token = CST.Token;

/**
 * Checks how deeply the collections of a parsed YAML token stream nest, before the composer,
 * `toJS` and the schema recurse into them: `[[[[…]]]]` a few thousand deep would otherwise
 * overflow the stack, and a stack overflow is a crash, not a diagnostic. Returns the first
 * collection (in document order) nested deeper than `max`, or undefined. The root is at depth 1.
 */
export function firstTooDeep(tokens: readonly Token[], max: number): TooDeep | undefined {
  const stack: [Token, number][] = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push([tokens[i] as Token, 0]);
  while (stack.length > 0) {
    const [t, d] = stack.pop() as [Token, number];
    if (t.type === "document") {
      if (t.value) stack.push([t.value, d]);
      continue;
    }
    if (t.type !== "block-map" && t.type !== "block-seq" && t.type !== "flow-collection") continue;
    const depth = d + 1;
    if (depth > max) return { offset: t.offset, depth };
    // Pushed in reverse so that items are visited in document order.
    for (let j = t.items.length - 1; j >= 0; j--) {
      const it = t.items[j] as { key?: Token | null; value?: Token };
      if (it.value) stack.push([it.value, depth]);
      if (it.key) stack.push([it.key, depth]);
    }
  }
  return undefined;
}

/** The number of nodes (collections, keys, values, aliases) of a composed document, as written. */
export function writtenNodes(root: unknown): number {
  let n = 0;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || v === undefined) continue;
    n++;
    if (isMap(v) || isSeq(v)) {
      for (const it of v.items as unknown[]) {
        if (isPair(it)) stack.push(it.key, it.value);
        else stack.push(it);
      }
    } else if (isAlias(v)) continue;
  }
  return n;
}

/**
 * Walks the plain value `toJS` made of a document, counting every node, and every character of its
 * strings and keys, as often as aliases repeat it. YAML's own alias limit counts aliases, not what
 * they stand for: 99 aliases to one list of 200,000 words pass it and expand to 20 million values
 * (an out-of-memory crash in the schema), 99 aliases to one 3.5 MB string to 350 MB of terms (past
 * 4 GB of memory), and an alias inside its own anchor makes the value circular. Stops at the first
 * node deeper than `maxDepth` ("deep"), past `maxNodes` nodes in all ("large") or past `maxChars`
 * characters in all ("long"); undefined when within all three.
 */
export function measureValue(value: unknown, maxDepth: number, maxNodes: number, maxChars = Infinity): "deep" | "large" | "long" | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  let chars = 0;
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (++nodes > maxNodes) return "large";
    if (typeof v === "string" && (chars += v.length) > maxChars) return "long";
    if (v === null || typeof v !== "object") continue;
    if (d + 1 > maxDepth) return "deep";
    if (Array.isArray(v)) for (const child of v) stack.push([child, d + 1]);
    else {
      for (const [key, child] of Object.entries(v)) {
        if ((chars += key.length) > maxChars) return "long";
        stack.push([child, d + 1]);
      }
    }
  }
  return undefined;
}
