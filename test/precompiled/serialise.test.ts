import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deserialisePolicy, deserialiseTimeline, parsePolicyIR, serialisePolicy, serialiseTimeline, type TimelineIR } from "../../src/precompiled/serialise.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { explain } from "../../src/evaluate/explain.js";
import { withSettings } from "../../src/compile/settings.js";
import { selectPolicy } from "../../src/evaluate/timeline.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";
import { loadPrecompiled, loadPrecompiledTimeline } from "../../src/use-cases/load-policy.js";
import { loadTimelineFile } from "../../src/use-cases/load-yaml-timeline.js";
import type { CompiledPolicy, ContextC, SignalC } from "../../src/compile/types.js";

const posts = [
  { text: "Death to the Russian invaders!", country: "UA" },
  { text: "Death to Putin!", country: "PL" },
  { text: "Someone should shoot Putin.", country: "UA" },
  { text: "Glory to the nation, death to the enemies!", country: "UA" },
  { text: "Смерть окупантам!", country: "DE" },
  { text: "He wrote 'death to all Russians' and was banned.", country: "UA" },
  { text: "Die Soldaten sollen nach Hause gehen.", country: "UA", lang: "de" },
  { text: "Death to the Russian invaders!", country: "UA", lang: "en" },
];

// Compiling a bundled policy from YAML is the slowest step of this suite (some 100,000 terms), and
// each test only reads what it gets: compile and serialise each bundled policy once per file, the
// three sharing their parsed files and terms as the build's precompile does.
const compiled = new Map<string, { full: CompiledPolicy; bytes: Buffer }>();
const shared = { cache: new Map(), terms: new Map() };
function bundled(id: string): { full: CompiledPolicy; bytes: Buffer } {
  let entry = compiled.get(id);
  if (!entry) {
    const full = loadYamlPolicy(id, shared).policy!;
    entry = { full, bytes: serialisePolicy(full, []) };
    compiled.set(id, entry);
  }
  return entry;
}

describe("precompiled policies", () => {
  it.each(["meta-2022-03-10", "meta-2022-03-13", "meta-baseline"])("%s decides exactly as the YAML it was built from", (id) => {
    const { full, bytes } = bundled(id);
    // The identifier is no part of the file: the loader attaches it again, as here.
    expect(full.languageModel).toBeDefined();
    expect(deserialisePolicy(parsePolicyIR(bytes)).languageModel).toBeUndefined();
    const copy = deserialisePolicy(parsePolicyIR(bytes), full.languageModel);
    expect(copy.rules.map((r) => r.id)).toEqual(full.rules.map((r) => r.id));
    expect(copy.index.terms.length).toBe(full.index.terms.length);
    for (const p of posts) expect(evaluate(p, copy)).toEqual(evaluate(p, full));
  });

  it("gives signals and their contexts the compiler's shape, the keys JSON leaves out (undefined) included", () => {
    const { full, bytes } = bundled("meta-2022-03-10");
    const copy = deserialisePolicy(parsePolicyIR(bytes), full.languageModel);
    const contexts = (cs: readonly ContextC[] | null): ContextC[] => (cs ?? []).flatMap((c) => [c, ...(c.k === "all" || c.k === "any" ? contexts(c.items) : c.k === "not" ? contexts([c.item]) : [])]);
    const keys = (ss: readonly SignalC[]) => ss.map((s) => [Object.keys(s), s.near && Object.keys(s.near), ...[...contexts(s.require), ...contexts(s.exclude)].map((c) => Object.keys(c))]);
    expect(keys(copy.signals)).toEqual(keys(full.signals));
    expect(copy.signals).toEqual(full.signals);
    expect([...copy.signalByName.values()]).toEqual(copy.signals);
    expect(copy.signals.every((s) => copy.signalByName.get(s.name) === s)).toBe(true);
    // A decoded term too: its anchor is one of its own fields, as in a term the compiler indexed.
    for (const id of [0, 1, copy.index.terms.length - 1]) {
      expect(Object.keys(copy.index.term(id))).toEqual(Object.keys(full.index.term(id)));
      expect(copy.index.term(id)).toEqual(full.index.term(id));
    }
  });

  it("carries record fields, string sets, setting names and reason templates: decides and explains alike on posts that use them", () => {
    const full = loadYamlPolicy("test/fixtures/fields/policy.yaml").policy!;
    const copy = deserialisePolicy(parsePolicyIR(serialisePolicy(full, [])), full.languageModel);
    expect(copy.fields).toEqual(full.fields);
    expect(copy.stringSets).toEqual(full.stringSets);
    const records = [
      { account: { type: "satire", followers: 1 } },
      { account: { type: "person", followers: 20000, verified: true } },
      { account: { handle: "troll1", followers: 1 } },
      { account: { followers: 1, labels: ["bot"] } },
      { account: { followers: 1, created: "2023-01-01" } },
      { account: { followers: 1 }, scores: { violence: 0.95 } },
      { account: { type: "media", followers: 1 } },
      {},
    ];
    const decided = new Set<string>();
    for (const fields of records) {
      for (const text of ["you idiot", "hello"]) {
        for (const lang of [null, "en"]) {
          const p = { text, fields, lang };
          expect(explain(p, copy)).toEqual(explain(p, full));
          decided.add(`${evaluate(p, copy).rule}`);
        }
      }
    }
    // The posts reach every rule, so every kind of condition was compared.
    expect(decided.size).toBe(full.rules.length + 1);
    // A setting changed at run time changes both alike, conditions and reasons.
    const values = new Map<string, number | string | boolean>([["reach", 100], ["since", "2024-01-01"], ["strict", true]]);
    const p = { text: "you idiot", fields: { account: { type: "person", followers: 500, created: "2023-01-01" } } };
    expect(evaluate(p, withSettings(copy, values))).toEqual(evaluate(p, withSettings(full, values)));
    expect(evaluate(p, withSettings(copy, values)).reason).toBe("An insult from a verified account with 100 or more followers.");
  });

  it("holds every term and view as compiled: each anchor word and its variants find the same terms", () => {
    const { full, bytes } = bundled("meta-2022-03-10");
    const copy = deserialisePolicy(parsePolicyIR(bytes));
    const a = full.index;
    const b = copy.index;
    const ids = (view: (v: typeof a) => { lookup(k: string, visit: (id: number) => void): void }, ix: typeof a, k: string) => {
      const out: number[] = [];
      view(ix).lookup(k, (id) => out.push(id));
      return out;
    };
    const fuzzy = (ix: typeof a, k: string) => {
      const out: number[] = [];
      ix.fuzzy.lookup(k, (id) => out.push(id));
      return out;
    };
    // What each index finds, as one list per index compared once: an expect per look-up (600,000
    // of them) was most of this test's time, and a difference still shows as the probes that differ.
    const found = (ix: typeof a, id: number, k: string) => [id, k, ids((v) => v.exact, ix, k), ids((v) => v.squeezed, ix, k), ids((v) => v.translit, ix, k), ids((v) => v.gluedPairs, ix, k), fuzzy(ix, k), ix.knownWords.has(k), ix.knownWords.get(k)?.map((l) => ix.wordLanguages[l]), ix.fuzzyWords.has(k)];
    const got: unknown[] = [];
    const want: unknown[] = [];
    // Every 23rd term (some 4,500; every 7th took half a minute of CI): its anchor, a stretched, a
    // misspelt and a run-together form of it.
    for (let id = 0; id < a.terms.length; id += 23) {
      const t = a.terms[id]!;
      got.push(b.term(id));
      want.push(t);
      const w = t.parts[t.anchor];
      if (w?.kind !== "word") continue;
      const probes = [w.key, w.key + "a", w.key.slice(0, 1) + w.key.slice(2), w.key + w.key, w.sq, w.tr ?? ""];
      for (const k of probes) {
        got.push(found(b, id, k));
        want.push(found(a, id, k));
      }
    }
    expect(got.length).toBeGreaterThan(20_000);
    expect(got).toEqual(want);
  });

  it("refuses a file that is not a precompiled policy", () => {
    expect(() => parsePolicyIR(Buffer.from('{"version":3}'))).toThrow(/not a precompiled/);
  });
});

/** Where a precompiled file's header ends: its newline, after the magic line and the header's length. */
const headerEnd = (bytes: Buffer): number => bytes.indexOf(10, bytes.indexOf(10, bytes.indexOf(10) + 1) + 1);

describe("freshness of precompiled policies", () => {
  const dir = process.env.MODPOL_PRECOMPILED_DIR as string;
  const original = () => readFileSync(join(dir, "meta-baseline.ir"));
  /** A copy of the precompiled meta-baseline with its header's JSON text rewritten (same length). */
  const tampered = (edit: (header: string) => string): string => {
    const bytes = original();
    const nl = headerEnd(bytes);
    const header = bytes.toString("utf8", 0, nl);
    const changed = edit(header);
    expect(changed).not.toBe(header);
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(header));
    const out = mkdtempSync(join(tmpdir(), "modpol-fresh-"));
    writeFileSync(join(out, "meta-baseline.ir"), Buffer.concat([Buffer.from(changed), bytes.subarray(nl)]));
    return out;
  };

  it("stamps each source file with its size and content hash, not its modification time", () => {
    const ir = parsePolicyIR(original());
    expect(ir.sources.length).toBeGreaterThan(10);
    for (const s of ir.sources) expect(Object.keys(s).sort()).toEqual(["crc32", "path", "size"]);
    expect(loadPrecompiled("meta-baseline", dir)?.policy?.id).toBe("meta-baseline");
  });

  it("comes with the language identifier of its folder, one for every policy loaded from there", () => {
    const a = loadPrecompiled("meta-baseline", dir)?.policy;
    const b = loadPrecompiled("meta-2022-03-10", dir)?.policy;
    expect(a?.languageModel).toBeDefined();
    expect(b?.languageModel).toBe(a?.languageModel);
    expect(a?.languageModel?.detect("Dzisiaj rano spacerowaliśmy po parku z psem.")).toMatchObject({ best: "pl", reliable: true });
  });

  it("is a broken build, not a stale policy, when its folder has no language model", () => {
    const out = tampered((h) => h.replace(/"id":"meta-baseline"/, '"id":"meta-baselinf"'));
    expect(() => loadPrecompiled("meta-baseline", out)).toThrow(/language-model\.bin is missing; run 'npm run build'/);
  });

  it("is stale when a source file's content differs from what it was built from", () => {
    const out = tampered((h) => h.replace(/"crc32":([0-9])/, (m, c: string) => `"crc32":${c === "1" ? "2" : "1"}`));
    expect(loadPrecompiled("meta-baseline", out)).toBeUndefined();
  });

  it("is stale when another compiler built it", () => {
    const out = tampered((h) => h.replace(/"compiler":"(.)/, (m, c: string) => `"compiler":"${c === "x" ? "y" : "x"}`));
    expect(loadPrecompiled("meta-baseline", out)).toBeUndefined();
  });

  /** A copy of the precompiled meta-2022 timeline and its versions, one version's header rewritten. */
  const timelineWith = (version: string, edit: (header: string) => string): string => {
    const out = mkdtempSync(join(tmpdir(), "modpol-fresh-timeline-"));
    for (const f of readdirSync(dir)) if (f.startsWith("meta-2022") || f.startsWith("language-model")) copyFileSync(join(dir, f), join(out, f));
    const bytes = readFileSync(join(out, `${version}.ir`));
    const nl = headerEnd(bytes);
    const header = bytes.toString("utf8", 0, nl);
    const changed = edit(header);
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(header));
    writeFileSync(join(out, `${version}.ir`), Buffer.concat([Buffer.from(changed), bytes.subarray(nl)]));
    return out;
  };

  it("a timeline's version is fresh by the timeline's own stamps, and refused when its stamps are not among them", () => {
    const versionOn = (out: string, date: string) => {
      const t = loadPrecompiledTimeline("meta-2022", out);
      expect(t).toBeDefined();
      const sel = selectPolicy(t!, date, undefined);
      return sel.ok ? sel.policy.id : sel.code;
    };
    expect(versionOn(timelineWith("meta-2022-03-10", (h) => h), "2022-03-11")).toBe("meta-2022-03-10");
    // A version stamped with another content than the timeline verified: a damaged build, said so.
    const out = timelineWith("meta-2022-03-10", (h) => h.replace(/"crc32":([0-9])/, (m, c: string) => `"crc32":${c === "1" ? "2" : "1"}`));
    expect(() => versionOn(out, "2022-03-11")).toThrow(/the precompiled policy 'meta-2022-03-10' of timeline 'meta-2022' cannot be read/);
    // The other version is untouched and still loads.
    expect(versionOn(out, "2022-03-14")).toBe("meta-2022-03-13");
  });
});

describe("reading a precompiled policy", () => {
  it("reads its header and the sections one post needs, not the whole file, whatever the header's size", () => {
    const file = join(process.env.MODPOL_PRECOMPILED_DIR as string, "meta-2022-03-10.ir");
    const file0 = readFileSync(file);
    // A header grown by 1 MB (JSON allows white space before its first key), its length line saying
    // so: the header is read by its length, whatever it is, never by searching for its end.
    const magic = file0.subarray(0, file0.indexOf(10) + 1);
    const lengthEnd = file0.indexOf(10, magic.length);
    const pad = 1024 * 1024;
    const length = Number(file0.toString("latin1", magic.length, lengthEnd)) + pad;
    const whole = Buffer.concat([magic, Buffer.from(`${length}\n`), Buffer.alloc(pad, " "), file0.subarray(lengthEnd + 1)]);
    let read = 0;
    const ir = parsePolicyIR({ size: whole.length, slice: (a: number, b: number) => ((read += b - a), whole.subarray(a, b)) });
    const policy = deserialisePolicy(ir);
    expect(evaluate({ text: "Death to the Russian invaders!", country: "UA" }, policy).decision).toBe("exempt");
    // The searched sections are read a block at a time (PagedBytes): about 1 MB of 34, where reading
    // each section it opened whole came to about 3 MB.
    expect(read, `${read} of ${whole.length} bytes read`).toBeLessThan(whole.length / 20);
  });

  it("reads the header by the length before it, in one read that ends at its newline", () => {
    const bytes = readFileSync(join(process.env.MODPOL_PRECOMPILED_DIR as string, "meta-baseline.ir"));
    const nl = headerEnd(bytes);
    const reads: [number, number][] = [];
    parsePolicyIR({ size: bytes.length, slice: (a: number, b: number) => (reads.push([a, b]), bytes.subarray(a, b)) });
    // The magic and length lines (a few bytes), then the header alone.
    expect(reads[0]![1]).toBeLessThan(32);
    expect(reads[1]).toEqual([bytes.indexOf(10, bytes.indexOf(10) + 1) + 1, nl + 1]);
  });

  it("reads a signal's contexts from the file when they are read, caching nothing in the signal; the evaluator reads each once per policy", () => {
    const bytes = readFileSync(join(process.env.MODPOL_PRECOMPILED_DIR as string, "meta-baseline.ir"));
    const ir = parsePolicyIR(bytes);
    const read: number[] = [];
    const policy = deserialisePolicy({ ...ir, signalContexts: (i) => (read.push(i), ir.signalContexts(i)) });
    const s = policy.signals.find((x) => x.name === "violent-call")!;
    // Its keys are there, in the compiler's order, before anything is read.
    expect(Object.keys(s)).toEqual(["name", "index", "description", "lexicons", "members", "require", "exclude", "near", "targetOf", "targets", "frame"]);
    expect(read).toEqual([]);
    // Read by the signal's position in policy.signals, the file's order.
    const at = policy.signals.indexOf(s);
    expect(s.exclude.length).toBeGreaterThan(0);
    expect(read).toEqual([at]);
    // A compiled signal is immutable: a second read reads the file again, and gives the same contexts.
    expect(s.exclude).toEqual(s.exclude);
    expect(read).toEqual([at, at, at]);
    read.length = 0;
    const post = { text: "Death to the Russian invaders!", country: "UA" };
    const first = evaluate(post, policy);
    // Each signal the post has candidates for, read once; none again for the next posts.
    expect(read.length).toBeGreaterThan(0);
    expect(new Set(read).size).toBe(read.length);
    for (const text of ["Death to the Russian invaders!", "Russian invaders must die.", "Kill the invaders"]) evaluate({ ...post, text }, policy);
    expect(evaluate(post, policy)).toEqual(first);
    expect(new Set(read).size).toBe(read.length);
    // Evaluating wrote nothing into the signal: reading its contexts still reads the file.
    const before = read.length;
    void s.require;
    expect(read.length).toBe(before + 1);
  });

  it.each(["precompiled", "compiled from YAML"])("a %s policy stays deeply frozen through evaluating and explaining, and decides as before", (kind) => {
    const { full, bytes } = bundled("meta-2022-03-10");
    const fresh = () => (kind === "precompiled" ? deserialisePolicy(parsePolicyIR(bytes), full.languageModel) : full);
    const expected = posts.map((p) => evaluate(p, fresh()));
    const policy = fresh();
    // Everything but the lexicon index and the language identifier, the matcher's and identifier's
    // own machinery: the policy, its signals and their contexts, rules, conditions and settings.
    const frozen = deepFreeze(policy, new Set<unknown>([policy.index, policy.languageModel]));
    expect(Object.isFrozen(policy.signals[0])).toBe(true);
    expect(posts.map((p) => evaluate(p, policy))).toEqual(expected);
    for (const p of posts) explain(p, policy);
    // Modules are strict-mode code: a write into any of these would have thrown above.
    expect(frozen.size).toBeGreaterThan(100);
  });

  it("writes its header as ASCII, every other character escaped, and reads back the same strings", () => {
    const full = loadYamlPolicy("test/fixtures/fields/policy.yaml").policy!;
    const withCyrillic = { ...full, title: "Смерть — 💥 ż" };
    const bytes = serialisePolicy(withCyrillic, []);
    expect(bytes.subarray(0, headerEnd(bytes)).every((b) => b < 128)).toBe(true);
    expect(deserialisePolicy(parsePolicyIR(bytes)).title).toBe("Смерть — 💥 ż");
  });

  it("refuses a file whose header does not end where its length line says", () => {
    const bytes = serialisePolicy(loadYamlPolicy("test/fixtures/fields/policy.yaml").policy!, []);
    const magic = bytes.indexOf(10) + 1;
    const lengthEnd = bytes.indexOf(10, magic);
    const length = Number(bytes.toString("latin1", magic, lengthEnd));
    for (const wrong of [length - 1, length + 1, bytes.length]) {
      const damaged = Buffer.concat([bytes.subarray(0, magic), Buffer.from(`${wrong}\n`), bytes.subarray(lengthEnd + 1)]);
      expect(() => parsePolicyIR(damaged)).toThrow(/not a precompiled/);
    }
  });
});

/**
 * Freezes `x` and every object and array it holds, reading own data properties only (a precompiled
 * signal's contexts are getters: freezing must not read them); `seen` holds what not to enter and
 * comes back with everything frozen.
 */
function deepFreeze(x: unknown, seen: Set<unknown>): Set<unknown> {
  // Bytes (a lexicon's packed except words) cannot be frozen; nothing writes them.
  if (typeof x !== "object" || x === null || ArrayBuffer.isView(x) || seen.has(x)) return seen;
  seen.add(x);
  Object.freeze(x);
  if (x instanceof Map) for (const [k, v] of x) (deepFreeze(k, seen), deepFreeze(v, seen));
  else if (x instanceof Set) for (const v of x) deepFreeze(v, seen);
  for (const d of Object.values(Object.getOwnPropertyDescriptors(x))) if ("value" in d) deepFreeze(d.value, seen);
  return seen;
}
