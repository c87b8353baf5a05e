import { compileRe2, LexiconIndex } from "./lexicon-index.js";
import type { TermPart } from "./terms.js";
import type { Timeline, TimelineVersion } from "./timeline.js";
import type { CompiledPolicy, CondC, RuleC } from "./types.js";

/** Version of the precompiled format; a mismatch means "recompile from the YAML". */
export const IR_VERSION = 3;

/** A file a precompiled policy was built from, to tell when it is stale. */
export interface SourceStamp {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** A term word as [stem 0|1, key, squeezed key or 0 if equal, translit key or 0]; a gap as its width. */
type PartIR = number | { g: number; not: string[] } | [0 | 1, string, string | 0, string | 0];
/** A term as [lexicon, language, source, parts]: arrays keep the file small and quick to parse. */
type TermIR = [number, string, string, PartIR[]];

/** A compiled policy as plain JSON: what `npm run build` writes for the bundled policies. */
export interface PolicyIR {
  readonly version: number;
  readonly sources: readonly SourceStamp[];
  readonly policy: Record<string, unknown>;
  readonly lexicons: readonly string[];
  readonly fuzzyLexicons: readonly number[];
  readonly terms: readonly TermIR[];
  readonly patterns: readonly { lexicon: number; lang: string; source: string }[];
}

function partToIR(p: TermPart): PartIR {
  if (p.kind === "gap") return p.not ? { g: p.max, not: [...p.not] } : p.max;
  return [p.stem ? 1 : 0, p.key, p.sq === p.key ? 0 : p.sq, p.tr ?? 0];
}

function partFromIR(p: PartIR): TermPart {
  if (typeof p === "number") return { kind: "gap", max: p };
  if (!Array.isArray(p)) return { kind: "gap", max: p.g, not: p.not };
  return { kind: "word", stem: p[0] === 1, key: p[1], sq: p[2] === 0 ? p[1] : p[2], tr: p[3] === 0 ? undefined : p[3] };
}

function condToIR(c: CondC): unknown {
  switch (c.k) {
    case "or":
    case "and":
      return { ...c, items: c.items.map(condToIR) };
    case "not":
      return { ...c, item: condToIR(c.item) };
    case "country-in":
      return { ...c, codes: [...c.codes] };
    default:
      return c;
  }
}

function condFromIR(c: Record<string, unknown>): CondC {
  switch (c.k) {
    case "or":
    case "and":
      return { ...c, items: (c.items as Record<string, unknown>[]).map(condFromIR) } as unknown as CondC;
    case "not":
      return { ...c, item: condFromIR(c.item as Record<string, unknown>) } as CondC;
    case "country-in":
      return { ...c, codes: new Set(c.codes as string[]) } as unknown as CondC;
    default:
      return c as CondC;
  }
}

/** Serialises a compiled policy so it can be loaded later without YAML parsing or validation. */
export function serialisePolicy(p: CompiledPolicy, sources: readonly SourceStamp[]): string {
  const { index, signalByName: _byName, countrySets, settings, rules, ...rest } = p;
  const ir: PolicyIR = {
    version: IR_VERSION,
    sources,
    policy: {
      ...rest,
      countrySets: [...countrySets].map(([k, v]) => [k, [...v]]),
      settings: [...settings],
      rules: rules.map((r) => ({ ...r, when: condToIR(r.when) })),
    },
    lexicons: index.lexicons,
    fuzzyLexicons: [...index.fuzzyLexicons],
    terms: index.terms.map((t) => [t.lexicon, t.lang, t.source, t.parts.map(partToIR)]),
    patterns: index.patterns.map(({ lexicon, lang, source }) => ({ lexicon, lang, source })),
  };
  return JSON.stringify(ir);
}

/** Parses a serialised policy (without checking staleness; see the loader). */
export function parsePolicyIR(json: string): PolicyIR {
  return JSON.parse(json) as PolicyIR;
}

/** Rebuilds the immutable CompiledPolicy from its serialised form: only index building is left. */
export function deserialisePolicy(ir: PolicyIR): CompiledPolicy {
  const index = new LexiconIndex(ir.lexicons, new Set(ir.fuzzyLexicons));
  for (const [lexicon, lang, source, parts] of ir.terms) index.addTerm({ lexicon, lang, source, parts: parts.map(partFromIR) });
  for (const p of ir.patterns) index.patterns.push({ ...p, find: compileRe2(p.source) });
  const p = ir.policy as Record<string, unknown> & Pick<CompiledPolicy, "signals">;
  return Object.freeze({
    ...(p as unknown as CompiledPolicy),
    countrySets: new Map((p.countrySets as [string, string[]][]).map(([k, v]) => [k, new Set(v)])),
    settings: new Map(p.settings as [string, number | boolean | string][]),
    signalByName: new Map(p.signals.map((s) => [s.name, s])),
    rules: (p.rules as Record<string, unknown>[]).map((r) => ({ ...r, when: condFromIR(r.when as Record<string, unknown>) }) as RuleC),
    index,
  });
}

/** Version of the precompiled timeline format. */
export const TIMELINE_IR_VERSION = 1;

/** A timeline as plain JSON: its periods, and the bundled policy id of each version. */
export interface TimelineIR {
  readonly version: number;
  /** The timeline file and every file of every version: any change makes the whole stale. */
  readonly sources: readonly SourceStamp[];
  readonly timeline: Omit<Timeline, "versions"> & { readonly versions: readonly Omit<TimelineVersion, "policy">[] };
}

/** Serialises a timeline whose versions are all bundled policies (each is precompiled on its own). */
export function serialiseTimeline(t: Timeline, sources: readonly SourceStamp[]): string {
  const ir: TimelineIR = { version: TIMELINE_IR_VERSION, sources, timeline: { ...t, versions: t.versions.map(({ policy: _p, ...v }) => v) } };
  return JSON.stringify(ir);
}

/**
 * Rebuilds a timeline from its serialised form. Each version's policy is loaded by `load` the first
 * time a post needs it, so `eval --at 2022-03-11` on a bundled timeline reads one policy, not all.
 */
export function deserialiseTimeline(ir: TimelineIR, load: (id: string) => CompiledPolicy): Timeline {
  const versions = ir.timeline.versions.map((v) => {
    let policy: CompiledPolicy | undefined;
    return Object.freeze({
      ...v,
      get policy(): CompiledPolicy {
        policy ??= load(v.id);
        return policy;
      },
    });
  });
  return Object.freeze({ ...ir.timeline, versions });
}
