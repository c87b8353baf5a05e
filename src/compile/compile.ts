import { COUNTRY_CODES, resolveCountry } from "../base/countries.js";
import { parseInstant } from "../base/dates.js";
import type { Diagnostic } from "../base/diagnostics.js";
import type { SourceRef } from "../load/yaml-file.js";
import { didYouMean } from "../base/suggest.js";
import type { LexiconFileDoc, PolicyDoc } from "../validate/schema.js";
import type { CompileInfo, Definition } from "./compile-info.js";
import { compileLexicons, lexiconSources } from "./compile-lexicons.js";
import { compileSignals, type SignalSource } from "./compile-signals.js";
import { ExpressionError, MAX_CONDITION_DEPTH, parseExpression, type Expr, type NumExpr } from "./expression.js";
import { Reporter } from "./reporter.js";
import type { CompiledPolicy, CondC, NumC, RuleC, SignalC, TestCase } from "./types.js";
import type { LanguageDetector } from "../text/language.js";

/** What the compiler needs: a validated policy and the lexicon files it includes. */
export interface PolicyInput {
  readonly policy: { readonly doc: PolicyDoc; readonly ref: SourceRef };
  readonly lexiconFiles: readonly { readonly doc: LexiconFileDoc; readonly ref: SourceRef }[];
  /** Deepest nesting of parentheses and `not` in a condition (default {@link MAX_CONDITION_DEPTH}). */
  readonly maxDepth?: number;
  /** Largest total size of the compiled patterns, in RE2 instructions (default: see load/limits.ts). */
  readonly maxPatternSize?: number;
  /** The language identifier to attach (see CompiledPolicy.languageModel). */
  readonly languageModel?: LanguageDetector | undefined;
  /**
   * Settings defined with an invalid value (already reported), in a document rebuilt to check the
   * rest of an invalid policy: a condition using one is not reported again, whatever its type.
   */
  readonly stubbedSettings?: ReadonlySet<string>;
}

/**
 * Compiles a validated policy. Every name is resolved and every term and pattern checked here,
 * once, so evaluation never meets an unknown name or a bad pattern. Returns the policy only when
 * there are no errors; warnings travel with it.
 */
export function compilePolicy(input: PolicyInput): { policy?: CompiledPolicy; diagnostics: Diagnostic[]; info?: CompileInfo } {
  const { doc, ref } = input.policy;
  const r = new Reporter();
  const lexicons = compileLexicons(lexiconSources(ref, doc.lexicons, input.lexiconFiles), r, input.maxPatternSize);
  const { index, info } = lexicons;
  const definitions: Definition[] = [...lexicons.definitions];
  const usedSignals = new Set<string>();
  const usedCountrySets = new Set<string>();
  const usedSettings = new Set<string>();

  const countrySets = new Map<string, ReadonlySet<string>>();
  const signalDefs: SignalSource[] = [];
  const signalAt = new Map<string, SourceRef>();
  // The policy's own definitions first, then each included file's, in include order.
  for (const { doc: d, ref: at } of [{ doc, ref }, ...input.lexiconFiles]) {
    compileCountrySets(d.countries, at, countrySets, definitions, r);
    for (const [name, def] of Object.entries(d.signals ?? {})) {
      const prev = signalAt.get(name);
      if (prev) {
        r.error(at, ["signals", name], "duplicate-name", `signal '${name}' is already defined in ${prev.file}`, "key");
        continue;
      }
      signalAt.set(name, at);
      signalDefs.push({ name, def, ref: at });
      definitions.push({ kind: "signal", name, ref: at, path: ["signals", name] });
    }
  }
  const settings = new Map(Object.entries(doc.settings ?? {}));
  for (const name of settings.keys()) definitions.push({ kind: "setting", name, ref, path: ["settings", name] });
  const usedLexicons = new Set<string>();
  const signals = compileSignals(signalDefs, info, r, usedLexicons);
  const byName = new Map(signals.map((s) => [s.name, s]));
  for (const s of signals) {
    for (const m of s.members) usedSignals.add(signalDefs[m]?.name ?? "");
    if (s.near) usedSignals.add(signalDefs[s.near.signal]?.name ?? "");
  }
  const used = { signals: usedSignals, countrySets: usedCountrySets, settings: usedSettings };
  const stubbed = input.stubbedSettings ?? new Set<string>();

  const rules: RuleC[] = [];
  const ruleIds = new Map<string, number>();
  doc.rules.forEach((rd, i) => {
    const path = ["rules", i];
    if (ruleIds.has(rd.id)) r.error(ref, [...path, "id"], "duplicate-rule-id", `rule id '${rd.id}' is already used by rule ${(ruleIds.get(rd.id) as number) + 1}`);
    ruleIds.set(rd.id, i);
    let expr: Expr;
    try {
      expr = parseExpression(rd.when, input.maxDepth);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      r.error(ref, [...path, "when"], "invalid-expression", e.message, "value", e.at);
      return;
    }
    const when = resolve(expr, { ref, path: [...path, "when"], r, byName, settings, countrySets, languages: doc.languages ?? [], used, stubbed });
    rules.push({ id: rd.id, index: i, description: rd.description, when, whenSource: rd.when, decision: rd.decision, reason: rd.reason });
  });

  checkEffective(doc.effective, ref, r);
  const fallback = typeof doc.default === "string" ? { decision: doc.default, reason: `no rule applies: the policy's default is ${doc.default}` } : doc.default;

  const tests: TestCase[] = (doc.tests ?? []).map((t, i) => {
    const path = ["tests", i];
    let country: string | undefined;
    if (t.country !== undefined) {
      country = resolveCountry(t.country);
      if (!country) r.error(ref, [...path, "country"], "invalid-country", `'${t.country}' is not a country code (PL, POL) or country name (Poland, Polska)`);
    }
    if (t.rule && !ruleIds.has(t.rule)) r.error(ref, [...path, "rule"], "unknown-rule", `unknown rule '${t.rule}'${didYouMean(t.rule, ruleIds.keys())}`);
    const at = ref.span(path);
    return { id: t.id ?? `${doc.id}#${i + 1}`, text: t.text, country, date: t.date, lang: t.lang, expect: t.expect, rule: t.rule, todo: t.todo ?? false, note: t.note, file: ref.file, line: at.line, column: at.column };
  });

  if (r.hasErrors) return { diagnostics: r.diagnostics };
  const compileInfo: CompileInfo = {
    policyRef: ref,
    definitions,
    used: { lexicon: usedLexicons, signal: usedSignals, "country-set": usedCountrySets, setting: usedSettings },
    terms: lexicons.terms,
    lexiconLanguages: new Map([...info].map(([name, li]) => [name, li.languages])),
  };
  const policy: CompiledPolicy = Object.freeze({
    id: doc.id,
    title: doc.title,
    description: doc.description,
    sources: doc.sources ?? [],
    effective: doc.effective,
    languages: doc.languages ?? [],
    file: ref.file,
    countrySets,
    settings,
    index,
    signals,
    signalByName: byName,
    lexiconExcept: lexicons.except,
    languageModel: input.languageModel,
    deferredLexicons: contextOnly(index.lexicons.length, signals),
    rules,
    fallback,
    tests,
    warnings: r.diagnostics,
  });
  return { policy, diagnostics: r.diagnostics, info: compileInfo };
}

/** Effective dates must name days that exist, and a policy must begin before it ends (`until` is exclusive). */
function checkEffective(e: PolicyDoc["effective"], ref: SourceRef, r: Reporter): void {
  const read = (key: "from" | "until"): number | undefined => {
    const text = e?.[key];
    if (text === undefined) return undefined;
    const ms = parseInstant(text);
    if (ms === undefined) r.error(ref, ["effective", key], "invalid-value", `'${text}' is not a date (YYYY-MM-DD) or an ISO 8601 timestamp`);
    return ms;
  };
  const from = read("from");
  const until = read("until");
  if (from !== undefined && until !== undefined && from >= until) r.error(ref, ["effective", "until"], "invalid-effective", `the policy ends (${e?.until}) before it begins (${e?.from}); 'until' is the first day it is no longer in force`);
}

/** Checks and collects the country sets of one file into `into`. */
function compileCountrySets(
  defs: Record<string, string[]> | undefined,
  at: SourceRef,
  into: Map<string, ReadonlySet<string>>,
  definitions: Definition[],
  r: Reporter,
): void {
  for (const [name, codes] of Object.entries(defs ?? {})) {
    definitions.push({ kind: "country-set", name, ref: at, path: ["countries", name] });
    if (into.has(name)) r.error(at, ["countries", name], "duplicate-name", `country set '${name}' is already defined`, "key");
    const set = new Set<string>();
    codes.forEach((c, i) => {
      const up = c.toUpperCase();
      if (!COUNTRY_CODES.has(up)) r.error(at, ["countries", name, i], "invalid-country", `'${c}' is not an ISO 3166-1 alpha-2 country code`);
      else set.add(up);
    });
    into.set(name, set);
  }
}

/**
 * Checks library files that no policy of the run includes: their terms, patterns and country codes.
 * Their signals are not resolved, since the lexicons they name may live in files they do not include.
 */
export function checkLibraries(files: PolicyInput["lexiconFiles"]): Diagnostic[] {
  const r = new Reporter();
  compileLexicons(lexiconSources(undefined, undefined, files), r);
  const sets = new Map<string, ReadonlySet<string>>();
  for (const f of files) compileCountrySets(f.doc.countries, f.ref, sets, [], r);
  return r.diagnostics;
}

/** Checks the syntax of rule conditions alone (for a policy whose validation failed elsewhere). */
export function checkConditions(ref: SourceRef, conditions: readonly { readonly index: number; readonly when: string }[], maxDepth = MAX_CONDITION_DEPTH): Diagnostic[] {
  const r = new Reporter();
  for (const c of conditions) {
    try {
      parseExpression(c.when, maxDepth);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      r.error(ref, ["rules", c.index, "when"], "invalid-expression", e.message, "value", e.at);
    }
  }
  return r.diagnostics;
}

interface Scope {
  readonly ref: SourceRef;
  readonly path: (string | number)[];
  readonly r: Reporter;
  readonly byName: ReadonlyMap<string, SignalC>;
  readonly settings: ReadonlyMap<string, number | boolean | string>;
  readonly countrySets: ReadonlyMap<string, ReadonlySet<string>>;
  /** The policy's declared languages, for `lang in languages`. */
  readonly languages: readonly string[];
  /** Names a condition uses, recorded for lint ("unused setting"). */
  readonly used: { readonly signals: Set<string>; readonly countrySets: Set<string>; readonly settings: Set<string> };
  /** See {@link PolicyInput.stubbedSettings}. */
  readonly stubbed: ReadonlySet<string>;
}

function resolve(e: Expr, s: Scope): CondC {
  const err = (at: readonly [number, number], code: string, msg: string) => s.r.error(s.ref, s.path, code, msg, "value", at);
  switch (e.k) {
    case "or":
    case "and":
      return { k: e.k, items: e.items.map((x) => resolve(x, s)), at: e.at };
    case "not":
      return { k: "not", item: resolve(e.item, s), at: e.at };
    case "const":
      return e;
    case "name": {
      const sig = s.byName.get(e.name);
      if (sig) {
        s.used.signals.add(e.name);
        return { k: "signal", signal: sig.index, at: e.at };
      }
      const v = s.settings.get(e.name);
      if (v !== undefined) s.used.settings.add(e.name);
      if (typeof v === "boolean") return { k: "const", value: v, at: e.at };
      if (s.stubbed.has(e.name)) return { k: "const", value: false, at: e.at };
      if (v !== undefined) err(e.at, "invalid-setting-type", `setting '${e.name}' is ${typeof v}; only a boolean setting can stand as a condition`);
      else err(e.at, "unknown-signal", `unknown signal '${e.name}'${didYouMean(e.name, [...s.byName.keys(), ...s.settings.keys()])}`);
      return { k: "const", value: false, at: e.at };
    }
    case "country-in": {
      if (e.set === null) {
        for (const c of e.codes) if (!COUNTRY_CODES.has(c)) err(e.setAt, "invalid-country", `'${c}' is not an ISO 3166-1 alpha-2 country code`);
        return { k: "country-in", codes: new Set(e.codes), set: null, at: e.at };
      }
      const set = s.countrySets.get(e.set);
      s.used.countrySets.add(e.set);
      if (!set) err(e.setAt, "unknown-country-set", `unknown country set '${e.set}'${didYouMean(e.set, s.countrySets.keys())}`);
      return { k: "country-in", codes: set ?? new Set(), set: e.set, at: e.at };
    }
    case "country-known":
      return e;
    case "lang-in": {
      if (e.set === "languages") {
        if (s.languages.length === 0) err(e.setAt, "unknown-language-set", "'lang in languages' needs the policy's languages: list them under languages:");
        return { k: "lang-in", codes: new Set(s.languages), set: "languages", at: e.at };
      }
      for (const c of e.codes) if (!/^[a-z]{2,3}$/.test(c)) err(e.setAt, "invalid-value", `'${c}' is not an ISO 639 language code such as en, uk or pl`);
      return { k: "lang-in", codes: new Set(e.codes), set: null, at: e.at };
    }
    case "lang-known":
      return e;
    case "cmp":
      return { k: "cmp", op: e.op, left: num(e.left, s), right: num(e.right, s), at: e.at };
  }
}

function num(n: NumExpr, s: Scope): NumC {
  const err = (at: readonly [number, number], code: string, msg: string) => s.r.error(s.ref, s.path, code, msg, "value", at);
  const sig = (name: string, at: readonly [number, number]): number => {
    const x = s.byName.get(name);
    if (x) s.used.signals.add(name);
    if (!x) err(at, "unknown-signal", `unknown signal '${name}'${didYouMean(name, s.byName.keys())}`);
    return x?.index ?? -1;
  };
  switch (n.k) {
    case "number":
      return { k: "value", value: n.value, at: n.at };
    case "setting": {
      const v = s.settings.get(n.name);
      if (v !== undefined) s.used.settings.add(n.name);
      if (s.stubbed.has(n.name)) return { k: "value", value: 0, at: n.at };
      if (v === undefined) err(n.at, "unknown-setting", `unknown setting '${n.name}'${didYouMean(n.name, s.settings.keys())}`);
      else if (typeof v !== "number") err(n.at, "invalid-setting-type", `setting '${n.name}' is ${typeof v}; a comparison needs a number`);
      return { k: "value", value: typeof v === "number" ? v : 0, at: n.at };
    }
    case "count":
      return { k: "count", signals: n.names.map((x) => sig(x.name, x.at)), at: n.at };
    case "matches":
      return { k: "matches", signal: sig(n.name, n.nameAt), at: n.at };
  }
}

/** Which lexicons no signal draws candidates from (see {@link CompiledPolicy.deferredLexicons}). */
export function contextOnly(lexicons: number, signals: readonly SignalC[]): boolean[] {
  const out = new Array<boolean>(lexicons).fill(true);
  for (const s of signals) if (s.members.length === 0) for (const l of s.lexicons) out[l] = false;
  return out;
}
