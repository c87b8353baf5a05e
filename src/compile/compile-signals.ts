import type { SourceRef } from "../load/yaml-file.js";
import { didYouMean } from "../base/suggest.js";
import type { ContextDef, SignalDoc } from "../validate/schema.js";
import type { LexiconInfo } from "./compile-lexicons.js";
import type { Reporter } from "./reporter.js";
import type { ContextC, Scope, SignalC } from "./types.js";
import { signalShape } from "./shapes.js";
import { unknownLexiconMessage, type LexiconGroups } from "./lexicon-groups.js";

type Path = (string | number)[];

/** The keys that say what a context is: a context has exactly one of them. */
const CONTEXT_KINDS = ["lexicon", "quoted", "question", "clause-start", "after-colon", "before-colon", "hashtag", "all", "any", "not"] as const;

/** A signal definition and where it was written (the policy itself, or an included file). */
export interface SignalSource {
  readonly name: string;
  readonly def: SignalDoc;
  readonly ref: SourceRef;
}

/** Compiles the signals of a policy and orders them so each follows what it depends on. */
export function compileSignals(
  defs: readonly SignalSource[],
  lexicons: ReadonlyMap<string, LexiconInfo>,
  r: Reporter,
  used: { readonly lexicons: Set<string>; readonly groups: Set<string> },
  groups: LexiconGroups,
): SignalC[] {
  const names = defs.map((d) => d.name);
  let ref: SourceRef = defs[0]?.ref ?? { file: "", span: () => ({ line: 1, column: 1, endLine: 1, endColumn: 1 }) };
  const indexOf = new Map(names.map((n, i) => [n, i]));
  /** The lexicons a name of a list stands for: the lexicon itself, or a group's. */
  const lex = (name: string, path: Path): readonly number[] => {
    const res = groups.resolve(name);
    if (!res) {
      r.error(ref, path, "unknown-lexicon", unknownLexiconMessage(name, lexicons.keys(), groups.names));
      return [];
    }
    for (const g of res.groups) used.groups.add(g);
    return res.lexicons.map((l) => {
      used.lexicons.add(l);
      return (lexicons.get(l) as LexiconInfo).index;
    });
  };
  // A list stands for the union of what its names stand for, each lexicon once, in order of first
  // mention: a group and a lexicon it holds, or two groups that share one, read it once.
  const lexList = (v: string | string[] | undefined, path: Path): number[] => {
    if (v === undefined) return [];
    const list = Array.isArray(v) ? v : [v];
    const out = new Set<number>();
    list.forEach((n, i) => {
      for (const x of lex(n, Array.isArray(v) ? [...path, i] : path)) out.add(x);
    });
    return [...out];
  };
  const sig = (name: string, path: Path): number | undefined => {
    const i = indexOf.get(name);
    if (i === undefined) r.error(ref, path, "unknown-signal", `unknown signal '${name}'${didYouMean(name, names)}`);
    return i;
  };

  function context(c: ContextDef, path: Path): ContextC | undefined {
    const kinds = CONTEXT_KINDS.filter((k) => c[k] !== undefined);
    if (kinds.length !== 1) {
      r.error(ref, path, "invalid-context", kinds.length === 0 ? `a context needs one of: ${CONTEXT_KINDS.join(", ")}` : `a context takes one of ${kinds.join(", ")}, not several: wrap them in 'all:' or 'any:'`);
      return undefined;
    }
    const kind = kinds[0];
    const stray = (["before", "after", "scope", "overlap", "stop", "contrast", "negated-by", "outside", "alone"] as const).filter((k) => c[k] !== undefined && kind !== "lexicon");
    for (const k of stray) r.error(ref, [...path, k], "invalid-context", `'${k}' applies only to a lexicon context`, "key");
    if (c.skip !== undefined && kind !== "clause-start") r.error(ref, [...path, "skip"], "invalid-context", "'skip' applies only to clause-start", "key");
    switch (kind) {
      case "lexicon": {
        const lexs = lexList(c.lexicon, [...path, "lexicon"]);
        const names = Array.isArray(c.lexicon) ? c.lexicon.join("|") : String(c.lexicon);
        const where = c.before !== undefined && c.after !== undefined ? `within ${c.before} words before or ${c.after} after` : c.before !== undefined ? `within ${c.before} words before` : c.after !== undefined ? `within ${c.after} words after` : "anywhere";
        const scope: Scope = c.scope ?? "sentence";
        const stop = lexList(c.stop, [...path, "stop"]);
        const contrast = lexList(c.contrast, [...path, "contrast"]);
        const negatedBy = lexList(c["negated-by"], [...path, "negated-by"]);
        const outside = lexList(c.outside, [...path, "outside"]);
        const alone = c.alone === true;
        const how = `${alone ? " alone in its clause" : ""}${negatedBy.length > 0 ? ", not negated," : ""}${outside.length > 0 ? ` outside ${[c.outside].flat().join("|")}` : ""}`;
        return { k: "lexicon", lexicons: lexs, before: c.before, after: c.after, scope, overlap: c.overlap === true, stop, contrast, negatedBy, outside, alone, label: `${names}${how} ${where} in the same ${scope}` };
      }
      case "quoted":
        return { k: "quoted", label: "inside quotation marks" };
      case "question":
        return { k: "question", label: "in a question" };
      case "clause-start":
        return { k: "clause-start", skip: lexList(c.skip, [...path, "skip"]), label: "at the start of a clause" };
      case "after-colon":
        return { k: "after-colon", label: "after a colon (an attribution)" };
      case "before-colon":
        return { k: "before-colon", label: "before a colon (a title)" };
      case "hashtag":
        return { k: "hashtag", label: "a hashtag" };
      case "all":
      case "any": {
        const items = (c[kind] as ContextDef[]).flatMap((x, i) => context(x, [...path, kind, i]) ?? []);
        return { k: kind, items, label: items.map((i) => i.label).join(kind === "all" ? " and " : " or ") };
      }
      case "not": {
        const item = context(c.not as ContextDef, [...path, "not"]);
        return item ? { k: "not", item, label: `not (${item.label})` } : undefined;
      }
    }
  }
  const contexts = (v: ContextDef | ContextDef[] | undefined, path: Path): ContextC[] => {
    if (v === undefined) return [];
    if (Array.isArray(v)) return v.flatMap((c, i) => context(c, [...path, i]) ?? []);
    const one = context(v, path);
    return one ? [one] : [];
  };

  const compiled: SignalC[] = defs.map(({ name, def: d, ref: at }, index) => {
    ref = at;
    const path: Path = ["signals", name];
    if ((d.lexicon === undefined) === (d.any === undefined)) {
      r.error(ref, path, "invalid-signal", `signal '${name}' needs exactly one of 'lexicon' or 'any'`, "key");
    }
    if (d.near !== undefined && d["target-of"] !== undefined) r.error(ref, [...path, "target-of"], "invalid-signal", `signal '${name}' takes 'near' or 'target-of', not both`, "key");
    const targetOf = d["target-of"] === undefined ? undefined : sig(d["target-of"], [...path, "target-of"]);
    const cues = (t: NonNullable<typeof d.targets>, key: keyof typeof t): number[] => lexList(t[key], [...path, "targets", key]);
    const near = d.near === undefined ? null : typeof d.near === "string" ? { signal: sig(d.near, [...path, "near"]), scope: "sentence" as Scope, before: undefined, after: undefined } : { signal: sig(d.near.signal, [...path, "near", "signal"]), scope: d.near.scope ?? "sentence", before: d.near.before, after: d.near.after };
    // One shape with the precompiled decoder's signals: see shapes.ts.
    return signalShape({
      name,
      index,
      description: d.description,
      lexicons: lexList(d.lexicon, [...path, "lexicon"]),
      members: (d.any ?? []).flatMap((m, i) => sig(m, [...path, "any", i]) ?? []),
      require: d.require === undefined ? null : contexts(d.require, [...path, "require"]),
      exclude: contexts(d.exclude, [...path, "exclude"]),
      near: near && near.signal !== undefined ? { ...near, signal: near.signal } : null,
      targetOf: targetOf ?? null,
      targets: d.targets === undefined ? null : { pronouns: cues(d.targets, "pronouns"), relative: cues(d.targets, "relative"), reportedAct: cues(d.targets, "reported-act"), spare: cues(d.targets, "spare"), spareAround: cues(d.targets, "spare-around"), none: cues(d.targets, "none"), avenged: cues(d.targets, "avenged"), avengedAfter: cues(d.targets, "avenged-after"), same: cues(d.targets, "same"), also: cues(d.targets, "also"), actStop: cues(d.targets, "act-stop"), reason: cues(d.targets, "reason"), pronounOne: cues(d.targets, "pronoun-one"), onePerson: cues(d.targets, "one-person"), antecedentOnly: cues(d.targets, "antecedent-only") },
      frame: d.frame,
    });
  });
  return order(compiled, defs, r);
}

/** Topological order (members and `near` first); a cycle is an error at the first signal in it. */
function order(signals: SignalC[], defs: readonly SignalSource[], r: Reporter): SignalC[] {
  const state = new Uint8Array(signals.length);
  const out: SignalC[] = [];
  const visit = (s: SignalC, stack: string[]): void => {
    if (state[s.index] === 2) return;
    if (state[s.index] === 1) {
      r.error((defs[s.index] as SignalSource).ref, ["signals", s.name], "signal-cycle", `signals depend on each other in a cycle: ${[...stack.slice(stack.indexOf(s.name)), s.name].join(" → ")}`, "key");
      return;
    }
    state[s.index] = 1;
    const deps = [...s.members, ...(s.near ? [s.near.signal] : []), ...(s.targetOf !== null ? [s.targetOf] : [])];
    for (const d of deps) visit(signals[d] as SignalC, [...stack, s.name]);
    state[s.index] = 2;
    out.push(s);
  };
  for (const s of signals) visit(s, []);
  return out;
}
