import { COUNTRY_CODES, resolveCountry } from "../base/countries.js";
import { parseInstant } from "../base/dates.js";
import type { Diagnostic } from "../base/diagnostics.js";
import type { SourceRef } from "../load/yaml-file.js";
import { didYouMean } from "../base/suggest.js";
import type { LexiconFileDoc, PolicyDoc } from "../validate/schema.js";
import type { CompileInfo, Definition } from "./compile-info.js";
import { compileLexicons, lexiconSources, type TermMemo } from "./compile-lexicons.js";
import { packSet } from "../match/index.js";
import { compileSignals, type SignalSource } from "./compile-signals.js";
import { compileLexiconGroups } from "./lexicon-groups.js";
import { resolveCondition } from "./compile-conditions.js";
import { checkFieldNames, compileFields } from "./compile-fields.js";
import { readField } from "./record-fields.js";
import { ExpressionError, MAX_CONDITION_DEPTH, parseExpression, type Expr } from "./expression.js";
import { Reporter } from "./reporter.js";
import { fillReason, reasonSettings } from "./settings.js";
import type { CompiledPolicy, RuleC, SignalC, TestCase } from "./types.js";
import type { LanguageDetector } from "../text/language.js";

/** What the compiler needs: a validated policy and the lexicon files it includes. */
export interface PolicyInput {
  readonly policy: { readonly doc: PolicyDoc; readonly ref: SourceRef };
  readonly lexiconFiles: readonly { readonly doc: LexiconFileDoc; readonly ref: SourceRef }[];
  /** Deepest nesting of parentheses and `not` in a condition (default {@link MAX_CONDITION_DEPTH}). */
  readonly maxDepth?: number;
  /** Largest total size of the compiled patterns, in RE2 instructions (default: see load/limits.ts). */
  readonly maxPatternSize?: number;
  /** Largest total cost per character of the patterns, in RE2 threads (default: see load/limits.ts). */
  readonly maxPatternCost?: number;
  /** The language identifier to attach (see CompiledPolicy.languageModel). */
  readonly languageModel?: LanguageDetector | undefined;
  /**
   * Settings defined with an invalid value (already reported), in a document rebuilt to check the
   * rest of an invalid policy: a condition using one is not reported again, whatever its type.
   */
  readonly stubbedSettings?: ReadonlySet<string>;
  /** Terms parsed by earlier compiles of the same run, shared with this one (see {@link TermMemo}). */
  readonly terms?: TermMemo;
}

/**
 * Compiles a validated policy. Every name is resolved and every term and pattern checked here,
 * once, so evaluation never meets an unknown name or a bad pattern. Returns the policy only when
 * there are no errors; warnings travel with it.
 */
export function compilePolicy(input: PolicyInput): { policy?: CompiledPolicy; diagnostics: Diagnostic[]; info?: CompileInfo } {
  const { doc, ref } = input.policy;
  const r = new Reporter();
  const lexicons = compileLexicons(lexiconSources(ref, doc.lexicons, input.lexiconFiles), r, { maxPatternSize: input.maxPatternSize, maxPatternCost: input.maxPatternCost }, input.terms);
  const { index, info } = lexicons;
  const definitions: Definition[] = [...lexicons.definitions];
  const usedSignals = new Set<string>();
  const usedCountrySets = new Set<string>();
  const usedSettings = new Set<string>();
  const usedSets = new Set<string>();

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
  const declared = compileFields([{ doc, ref }, ...input.lexiconFiles], countrySets, definitions, r);
  const usedLexicons = new Set<string>();
  const usedGroups = new Set<string>();
  const groups = compileLexiconGroups([{ doc, ref }, ...input.lexiconFiles], info, r, definitions);
  const signals = compileSignals(signalDefs, info, r, { lexicons: usedLexicons, groups: usedGroups }, groups);
  const byName = new Map(signals.map((s) => [s.name, s]));
  for (const s of signals) {
    for (const m of s.members) usedSignals.add(signalDefs[m]?.name ?? "");
    if (s.near) usedSignals.add(signalDefs[s.near.signal]?.name ?? "");
  }
  checkFieldNames(declared, { settings: settings.keys(), signals: byName.keys() }, r);
  const used = { signals: usedSignals, countrySets: usedCountrySets, settings: usedSettings, sets: usedSets };
  const stubbed = input.stubbedSettings ?? new Set<string>();
  const scope = { ref, r, byName, settings, countrySets, stringSets: declared.stringSets, fields: declared.fields, fieldIndex: declared.fieldIndex, languages: doc.languages ?? [], used, stubbed };
  const reasonOf = (text: string, path: (string | number)[]) => {
    const named = reasonSettings(text);
    for (const n of named) {
      if (settings.has(n.name) || stubbed.has(n.name)) usedSettings.add(n.name);
      else r.error(ref, path, "unknown-setting", `the reason names setting '${n.name}', which the policy does not have${didYouMean(n.name, settings.keys())}`, "value", n.at);
    }
    return named.length === 0 ? { reason: text } : { reason: fillReason(text, settings), reasonTemplate: text };
  };

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
    const when = resolveCondition(expr, { ...scope, path: [...path, "when"] }, rd.when);
    rules.push({ id: rd.id, index: i, description: rd.description, when, whenSource: rd.when, decision: rd.decision, ...reasonOf(rd.reason, [...path, "reason"]) });
  });

  checkEffective(doc.effective, ref, r);
  const fallback = typeof doc.default === "string" ? { decision: doc.default, reason: `no rule applies: the policy's default is ${doc.default}` } : { decision: doc.default.decision, ...reasonOf(doc.default.reason, ["default", "reason"]) };

  const tests: TestCase[] = (doc.tests ?? []).map((t, i) => {
    const path = ["tests", i];
    let country: string | undefined;
    if (t.country !== undefined) {
      country = resolveCountry(t.country);
      if (!country) r.error(ref, [...path, "country"], "invalid-country", `'${t.country}' is not a country code (PL, POL) or country name (Poland, Polska)`);
    }
    // A test's record must be one the command line would accept, or the test proves nothing.
    for (const f of declared.fields) {
      const p = readField(t.fields ?? {}, f, false).problem;
      if (!p) continue;
      const written = t.fields !== undefined && Object.hasOwn(t.fields, f.path) ? [f.path] : f.segments;
      const at = t.fields === undefined ? path : p.code === "missing-field" ? [...path, "fields"] : [...path, "fields", ...written];
      r.error(ref, at, p.code, `the test's record cannot be evaluated: ${p.message}`);
    }
    if (t.rule && !ruleIds.has(t.rule)) r.error(ref, [...path, "rule"], "unknown-rule", `unknown rule '${t.rule}'${didYouMean(t.rule, ruleIds.keys())}`);
    const at = ref.span(path);
    return { id: t.id ?? `${doc.id}#${i + 1}`, text: t.text, country, date: t.date, lang: t.lang, ...(t.fields ? { fields: t.fields } : {}), expect: t.expect, rule: t.rule, todo: t.todo ?? false, note: t.note, file: ref.file, line: at.line, column: at.column };
  });

  if (r.hasErrors) return { diagnostics: r.diagnostics };
  const compileInfo: CompileInfo = {
    policyRef: ref,
    definitions,
    used: { lexicon: usedLexicons, "lexicon-group": usedGroups, signal: usedSignals, "country-set": usedCountrySets, set: usedSets, setting: usedSettings },
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
    stringSets: declared.stringSets,
    fields: declared.fields,
    settings,
    index,
    signals,
    signalByName: byName,
    lexiconExcept: lexicons.except.map((words) => packSet(words)),
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
export function checkLibraries(files: PolicyInput["lexiconFiles"], terms?: TermMemo): Diagnostic[] {
  const r = new Reporter();
  compileLexicons(lexiconSources(undefined, undefined, files), r, {}, terms);
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

/** Which lexicons no signal draws candidates from (see {@link CompiledPolicy.deferredLexicons}). */
export function contextOnly(lexicons: number, signals: readonly SignalC[]): boolean[] {
  const out = new Array<boolean>(lexicons).fill(true);
  for (const s of signals) if (s.members.length === 0) for (const l of s.lexicons) out[l] = false;
  return out;
}
