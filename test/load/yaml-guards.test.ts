import { describe, expect, it } from "vitest";
import { Parser, parseDocument } from "yaml";
import { parseYaml, toPlain } from "../../src/load/yaml-file.js";
import { firstTooDeep, measureValue, writtenNodes } from "../../src/load/yaml-guards.js";
import { validatePolicy } from "../../src/validate/validate.js";

const tokens = (s: string) => [...new Parser().parse(s)];

describe("YAML guards", () => {
  it("finds the first collection nested past the limit, block or flow, without recursing", () => {
    expect(firstTooDeep(tokens("a: [1, {b: [2]}]\n"), 4)).toBeUndefined();
    expect(firstTooDeep(tokens("a: [1, {b: [2]}]\n"), 3)).toEqual({ offset: 11, depth: 4 });
    expect(firstTooDeep(tokens("a:\n  b:\n    c: 1\n"), 2)).toEqual({ offset: 12, depth: 3 });
    const deep = `x: ${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(firstTooDeep(tokens(deep), 64)).toEqual({ offset: 3 + 63, depth: 65 }) // the root map is depth 1;
  });

  it("counts nodes as written, and values as aliases expand them", () => {
    const doc = parseDocument("a: &x [1, 2, 3]\nb: [*x, *x]\n");
    expect(writtenNodes(doc.contents)).toBe(10);
    const value = doc.toJS();
    expect(measureValue(value, 64, 100)).toBeUndefined();
    expect(measureValue(value, 64, 12)).toBe("large");
    expect(measureValue(value, 2, 100)).toBe("deep");
  });

  it("counts the characters aliases repeat, keys included, not only the values", () => {
    const doc = parseDocument(`a: &x "${"w".repeat(1000)}"\nb: [*x, *x, *x]\nc: &m { ${"k".repeat(500)}: 1 }\nd: [*m, *m]\n`);
    const value = doc.toJS();
    expect(measureValue(value, 64, 100, 6000)).toBeUndefined();
    expect(measureValue(value, 64, 100, 4000)).toBe("long");
    expect(measureValue({ [`${"k".repeat(50)}`]: 1 }, 64, 100, 49)).toBe("long");
  });

  it("refuses aliases that expand one scalar past the size limit of a file", () => {
    const big = "kill ".repeat(20_000);
    const text = `x: &big "${big}"\nterms: [${Array(20).fill("*big").join(", ")}]\n`;
    const f = parseYaml("f.yaml", "/f.yaml", text).yaml;
    expect(f && toPlain(f, { maxFileBytes: 1_000_000 })).toMatchObject({ diagnostic: { code: "yaml-alias-limit", message: expect.stringContaining("characters of text") } });
    // The same within the limit: aliases may add as much as a file may hold.
    expect(f && toPlain(f, { maxFileBytes: 2_000_000 })).toHaveProperty("value");
  });

  it("stops on a value that refers to itself", () => {
    const loop: unknown[] = [];
    loop.push(loop);
    expect(measureValue(loop, 64, 1e9)).toBe("deep");
  });

  it("reports nesting, wide aliases and self-reference as diagnostics, not crashes", () => {
    const deep = parseYaml("f.yaml", "/f.yaml", `id: x\nrules: ${"[".repeat(5000)}${"]".repeat(5000)}\n`);
    expect(deep.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([["nesting-too-deep", 2, 71]]);
    const wide = parseYaml("f.yaml", "/f.yaml", `x: &a [${Array(3000).fill("w").join(",")}]\ny: [${Array(40).fill("*a").join(",")}]\n`).yaml;
    expect(wide && toPlain(wide)).toMatchObject({ diagnostic: { code: "yaml-alias-limit" } });
    const self = parseYaml("f.yaml", "/f.yaml", "x: &a [1, *a]\n").yaml;
    expect(self && toPlain(self)).toMatchObject({ diagnostic: { code: "nesting-too-deep" } });
    expect(self && toPlain(self, { maxDepth: 1000, maxAliasCount: 5 })).toMatchObject({ diagnostic: { code: "nesting-too-deep" } });
  });

  it("places positions by the text's own lines (the parser's count misses breaks in scalars it recovers from)", () => {
    const text = "  call:\ninclude: [a]\nid: mini\n    terms:\n      en: [x]\n";
    const p = parseYaml("f.yaml", "/f.yaml", text);
    const lines = text.split("\n");
    for (const d of p.diagnostics) expect(d.column).toBeLessThanOrEqual((lines[d.line - 1] as string).length + 1);
    expect(p.diagnostics.length).toBeGreaterThan(0);
  });

  it("refuses __proto__ keys and keys that are collections, and emits no process warning", () => {
    const p = parseYaml("f.yaml", "/f.yaml", "a:\n  __proto__: 1\n  ? [x]\n  : 2\n  constructor: 3\n");
    expect(p.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ["reserved-key", 2, 3],
      ["invalid-type", 3, 5],
    ]);
  });

  it("finds duplicate keys in time linear in the keys of a mapping (counted: key comparisons)", () => {
    // The composer's uniqueKeys check ran items.some(…) over every earlier key for each key: 5,000
    // keys made 12.5 million comparisons. Every comparison made through Array.prototype.some while
    // parsing is counted; the check of its own uses a set.
    const keys = 5000;
    const text = `m:\n${Array.from({ length: keys }, (_, i) => `  k${i}: 1\n`).join("")}  k7: 2\n  k${keys - 1}: 3\n`;
    const some = Array.prototype.some;
    let calls = 0;
    Array.prototype.some = function (this: unknown[], fn: (v: unknown, i: number, a: unknown[]) => unknown, self?: unknown) {
      return some.call(this, (v: unknown, i: number, a: unknown[]) => {
        calls++;
        return fn.call(self, v, i, a);
      });
    };
    let p: ReturnType<typeof parseYaml>;
    try {
      p = parseYaml("f.yaml", "/f.yaml", text);
    } finally {
      Array.prototype.some = some;
    }
    expect(calls).toBeLessThan(10 * keys);
    expect(p.diagnostics.map((d) => [d.code, d.line, d.column, d.endColumn])).toEqual([
      ["duplicate-key", keys + 2, 3, 5],
      ["duplicate-key", keys + 3, 3, 3 + `k${keys - 1}`.length],
    ]);
  });

  it("places n unknown keys of one mapping in time linear in n (counted: reads of its pairs)", () => {
    // Each unknown-key diagnostic searched the mapping's pairs from the start for its key: 20,000
    // unknown keys made 200 million reads (6 s), the 471,000 that fit in 4 MiB ran for hours.
    const keys = 5000;
    const text = `id: many\n${Array.from({ length: keys }, (_, i) => `k${i}: 1\n`).join("")}`;
    const p = parseYaml("f.yaml", "/f.yaml", text);
    if (!p.yaml) throw new Error("did not parse");
    const root = p.yaml.doc.contents as unknown as { items: unknown[] };
    let reads = 0;
    root.items = new Proxy(root.items, {
      get(target, prop, receiver) {
        if (typeof prop === "string" && /^\d+$/.test(prop)) reads++;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const diagnostics = validatePolicy(p.yaml).diagnostics.filter((d) => d.code === "unknown-key");
    expect(diagnostics).toHaveLength(keys);
    expect(diagnostics[keys - 1]).toMatchObject({ line: keys + 1, column: 1, message: `unknown key 'k${keys - 1}' in the file` });
    expect(reads).toBeLessThan(10 * keys);
  });

  it("reports duplicate keys in document order, as written, in block and flow mappings", () => {
    const p = parseYaml("f.yaml", "/f.yaml", "a: 1\nb: {x: 1, 'x': 2, \"x\": 3}\n&an a: 3\n? a\n: 4\n1: x\n'1': y\n");
    expect(p.diagnostics.map((d) => [d.code, d.line, d.column, d.endColumn, d.message])).toEqual([
      ["duplicate-key", 2, 11, 14, "duplicate key ''x'': each key may appear once in a mapping"],
      ["duplicate-key", 2, 19, 22, `duplicate key '"x"': each key may appear once in a mapping`],
      ["duplicate-key", 3, 5, 6, "duplicate key 'a': each key may appear once in a mapping"],
      ["duplicate-key", 4, 3, 4, "duplicate key 'a': each key may appear once in a mapping"],
    ]);
  });
});
