import { appendAll, type Diagnostic } from "../base/diagnostics.js";
import type { SourceRef } from "../load/yaml-file.js";
import type { CompileInfo, Definition, DefinitionKind, TermSite } from "../compile/compile-info.js";
import { covers, signalImplication, toDnf, type Conjunction } from "./shadow.js";
import type { CompiledPolicy, CondC, SignalC } from "../compile/types.js";

/**
 * Semantic lint: warnings about what a policy means, on top of the errors that stop it compiling.
 * Works on the CompiledPolicy and what the compiler recorded about its source (CompileInfo).
 */

/** What lint found for one policy. */
export interface LintResult {
  readonly diagnostics: readonly Diagnostic[];
  /**
   * Definitions in included (library) files that this policy does not use. A library is shared by
   * several policies: such a definition is unused only if no policy that includes it uses it, which
   * {@link mergeLintResults} decides.
   */
  readonly sharedUnused: readonly { readonly key: string; readonly diagnostic: Diagnostic }[];
  /** Keys of definitions in included files that this policy uses. */
  readonly sharedUsed: readonly string[];
}

function warning(ref: SourceRef, path: readonly (string | number)[], code: string, message: string, part: "key" | "value" = "value"): Diagnostic {
  return { file: ref.file, ...ref.span(path, part), severity: "warning", code, message };
}

const UNUSED: Record<DefinitionKind, [code: string, what: string, by: string]> = {
  lexicon: ["unused-lexicon", "lexicon", "no signal or context refers to it"],
  "lexicon-group": ["unused-lexicon-group", "lexicon group", "no signal or context refers to it, directly or through another group"],
  signal: ["unused-signal", "signal", "no rule or other signal refers to it"],
  "country-set": ["unused-country-set", "country set", "no rule refers to it"],
  set: ["unused-set", "set", "no rule refers to it"],
  setting: ["unused-setting", "setting", "no rule refers to it"],
};

/** Lints one compiled policy. */
export function lintPolicy(policy: CompiledPolicy, info: CompileInfo): LintResult {
  const diagnostics: Diagnostic[] = [];
  const sharedUnused: { key: string; diagnostic: Diagnostic }[] = [];
  const sharedUsed: string[] = [];
  const own = info.policyRef.file;

  for (const d of info.definitions) {
    const used = info.used[d.kind].has(d.name);
    const [code, what, by] = UNUSED[d.kind];
    const diagnostic = warning(d.ref, d.path, code, `${what} '${d.name}' is never used: ${by}`, "key");
    if (d.ref.file !== own) {
      const key = `${d.kind}\u0000${d.name}\u0000${d.ref.file}`;
      if (used) sharedUsed.push(key);
      else sharedUnused.push({ key, diagnostic });
    } else if (!used) diagnostics.push(diagnostic);
  }
  appendAll(diagnostics, unreachableRules(policy, info.policyRef));
  appendAll(diagnostics, untestedRules(policy, info.policyRef));
  appendAll(diagnostics, missingLanguages(policy, info));
  appendAll(diagnostics, conflictingTerms(policy, info));
  return { diagnostics, sharedUnused, sharedUsed };
}

/**
 * All diagnostics of several policies' lint, with shared definitions judged over all of them.
 * `judge` says which library files may be judged at all: only those whose every including policy
 * is among `results` (by default, all).
 */
export function mergeLintResults(results: readonly LintResult[], judge: (file: string) => boolean = () => true): Diagnostic[] {
  const used = new Set(results.flatMap((r) => r.sharedUsed));
  const out: Diagnostic[] = results.flatMap((r) => r.diagnostics);
  const seen = new Set<string>();
  for (const r of results) {
    for (const c of r.sharedUnused) {
      if (used.has(c.key) || seen.has(c.key) || !judge(c.diagnostic.file)) continue;
      seen.add(c.key);
      out.push(c.diagnostic);
    }
  }
  return out;
}

const quoteList = (ids: readonly string[]): string => (ids.length === 1 ? `rule '${ids[0]}'` : `rules ${ids.map((i) => `'${i}'`).join(", ")}`);

/** Rules that can never decide: their condition never holds, or earlier rules always decide first. */
function unreachableRules(policy: CompiledPolicy, ref: SourceRef): Diagnostic[] {
  const out: Diagnostic[] = [];
  const sig = signalImplication(policy.signals);
  const earlier: { id: string; dnf: Conjunction[] }[] = [];
  let alwaysRule: string | undefined;
  for (const rule of policy.rules) {
    const dnf = toDnf(rule.when);
    const at = ["rules", rule.index, "id"];
    if (dnf !== null && dnf.length === 0) {
      out.push(warning(ref, at, "unreachable-rule", `rule '${rule.id}' can never decide: its condition can never hold`));
    } else if (alwaysRule !== undefined) {
      out.push(warning(ref, at, "unreachable-rule", `rule '${rule.id}' can never decide: rule '${alwaysRule}' always holds and comes first`));
    } else if (dnf !== null) {
      const by = new Set<string>();
      const shadowed = dnf.every((c) => {
        const e = earlier.find((x) => x.dnf.some((d) => covers(d, c, sig)));
        if (e) by.add(e.id);
        return e !== undefined;
      });
      if (shadowed) {
        const earlierRules = by.size === 1 ? `that of earlier ${quoteList([...by])}, which decides` : `that of one of the earlier ${quoteList([...by])}, which decide`;
        out.push(warning(ref, at, "unreachable-rule", `rule '${rule.id}' can never decide: whenever its condition holds, so does ${earlierRules} first`));
      }
    }
    if (dnf !== null) {
      earlier.push({ id: rule.id, dnf });
      if (alwaysRule === undefined && dnf.some((c) => c.length === 0)) alwaysRule = rule.id;
    }
  }
  if (alwaysRule !== undefined) out.push(warning(ref, ["default"], "unreachable-default", `the default can never apply: rule '${alwaysRule}' always holds`, "key"));
  return out;
}

/** Rules that no embedded test names as the deciding rule. */
function untestedRules(policy: CompiledPolicy, ref: SourceRef): Diagnostic[] {
  const tested = new Set(policy.tests.map((t) => t.rule).filter((r): r is string => typeof r === "string"));
  return policy.rules
    .filter((r) => !tested.has(r.id))
    .map((r) => warning(ref, ["rules", r.index, "id"], "untested-rule", `rule '${r.id}' has no embedded test: add one to tests: with rule: ${r.id}`));
}

/** Used lexicons that have no term in a language the policy declares. */
function missingLanguages(policy: CompiledPolicy, info: CompileInfo): Diagnostic[] {
  if (policy.languages.length === 0) return [];
  const out: Diagnostic[] = [];
  const first = new Map<string, Definition>();
  for (const d of info.definitions) if (d.kind === "lexicon" && !first.has(d.name)) first.set(d.name, d);
  for (const [name, def] of first) {
    if (!info.used.lexicon.has(name)) continue;
    const has = info.lexiconLanguages.get(name) ?? new Set<string>();
    const missing = policy.languages.filter((l) => !has.has(l));
    if (missing.length === 0) continue;
    out.push(warning(def.ref, def.path, "lexicon-missing-language", `lexicon '${name}' has no terms in ${missing.join(", ")} (a language the policy declares)`, "key"));
  }
  return out;
}

/** For each signal, every lexicon whose matches become its candidates (through `any` unions too). */
function fedLexicons(signals: readonly SignalC[]): Map<number, Set<number>> {
  const fed = new Map<number, Set<number>>();
  // Signals come in dependency order, so members are done before the unions that use them.
  for (const s of signals) {
    const set = new Set(s.lexicons);
    for (const m of s.members) for (const l of fed.get(m) ?? []) set.add(l);
    fed.set(s.index, set);
  }
  return fed;
}

/** Every (rule, polarity) that refers to each signal: how the rules treat it. */
function signalProfiles(policy: CompiledPolicy): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  const add = (s: number, tag: string) => {
    const set = out.get(s) ?? new Set<string>();
    set.add(tag);
    out.set(s, set);
  };
  const walk = (c: CondC, rule: number, neg: boolean): void => {
    switch (c.k) {
      case "and":
      case "or":
        for (const x of c.items) walk(x, rule, neg);
        return;
      case "not":
        return walk(c.item, rule, !neg);
      case "signal":
        return add(c.signal, `${rule}${neg ? "-" : "+"}`);
      case "cmp":
        for (const n of [c.left, c.right]) {
          if (n.k === "count") for (const s of n.signals) add(s, `${rule}#`);
          if (n.k === "matches") add(n.signal, `${rule}#`);
        }
        return;
      default:
        return;
    }
  };
  policy.rules.forEach((r) => walk(r.when, r.index, false));
  return out;
}

/**
 * The same term in two target lexicons that the rules treat differently: a post with the term counts
 * as both targets at once ("civilians" and "invading forces"), and which rule wins is an accident of
 * rule order. Target lexicons are those that feed a `near` signal (something a call is aimed at).
 */
function conflictingTerms(policy: CompiledPolicy, info: CompileInfo): Diagnostic[] {
  const fed = fedLexicons(policy.signals);
  const bySignal = signalProfiles(policy);
  const lexIndex = new Map(policy.index.lexicons.map((n, i) => [n, i]));
  const targets = new Set<number>();
  for (const s of policy.signals) if (s.near) for (const l of fed.get(s.index) ?? []) targets.add(l);
  // How the rules treat a target lexicon: every (rule, polarity) that refers to a signal it feeds.
  const profile = new Map<number, string>();
  for (const l of targets) {
    const tags = new Set<string>();
    for (const s of policy.signals) if (fed.get(s.index)?.has(l)) for (const t of bySignal.get(s.index) ?? []) tags.add(t);
    profile.set(l, [...tags].sort().join(" "));
  }
  const sites = new Map<string, TermSite[]>();
  for (const t of info.terms) {
    const li = lexIndex.get(t.lexicon);
    if (li === undefined || !profile.has(li) || profile.get(li) === "") continue;
    const list = sites.get(t.key) ?? [];
    list.push(t);
    sites.set(t.key, list);
  }
  const out: Diagnostic[] = [];
  for (const list of sites.values()) {
    const firstOf = new Map<string, TermSite>();
    for (const t of list) if (!firstOf.has(t.lexicon)) firstOf.set(t.lexicon, t);
    const lexs = [...firstOf.values()];
    for (let j = 1; j < lexs.length; j++) {
      for (let i = 0; i < j; i++) {
        const a = lexs[i] as TermSite;
        const b = lexs[j] as TermSite;
        if (profile.get(lexIndex.get(a.lexicon) as number) === profile.get(lexIndex.get(b.lexicon) as number)) continue;
        const where = a.ref.span(a.path);
        out.push(warning(b.ref, b.path, "conflicting-term", `'${b.source}' (${b.lang}) is also in lexicon ${a.lexicon} (${a.ref.file}:${where.line}), which the rules treat differently from ${b.lexicon}: a post with it counts as both`));
      }
    }
  }
  return out;
}
