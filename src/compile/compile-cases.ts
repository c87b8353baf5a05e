import { resolveCountry } from "../base/countries.js";
import type { DecisionName } from "../base/decisions.js";
import type { Diagnostic } from "../base/diagnostics.js";
import type { SourceRef } from "../load/yaml-file.js";
import { didYouMean } from "../base/suggest.js";
import type { CaseDoc } from "../validate/schema.js";
import { Reporter } from "./reporter.js";
import type { CompiledPolicy } from "./types.js";

/** One validated case of a case file and where it was written. */
export interface CaseEntry {
  readonly doc: CaseDoc;
  readonly ref: SourceRef;
  /** Path of the case inside its document (["cases", 3] in YAML, [] for a JSONL line). */
  readonly path: readonly (string | number)[];
  /** The file's `policy:` (YAML case files) and where each id is written, for cases whose `expect` names none. */
  readonly filePolicies: readonly { readonly id: string; readonly path: readonly (string | number)[] }[] | undefined;
}

/** A test case ready to run against one policy: an embedded test or a case-file case. */
export interface CaseSpec {
  readonly id: string;
  readonly text: string;
  /** ISO code, or undefined for a post with no country. */
  readonly country: string | undefined;
  /** The post's language when the case gives it (as a record's lang field would). */
  readonly lang?: string | undefined;
  /** The record's fields, for those the policy declares: `fields:` of a test or YAML case, a JSONL case's whole line. */
  readonly fields?: Readonly<Record<string, unknown>> | undefined;
  readonly date: string | undefined;
  /** Acceptable decisions (usually one). */
  readonly expect: readonly DecisionName[];
  /** Expected deciding rule; null = the default; undefined = not checked. */
  readonly rule: string | null | undefined;
  readonly todo: boolean | string;
  readonly note: string | undefined;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly origin: "embedded" | "cases";
}

/** Cases grouped by the policy they are for; those for a policy that is not loaded are skipped. */
export interface CompiledCases {
  readonly byPolicy: ReadonlyMap<string, readonly CaseSpec[]>;
  readonly skipped: readonly { readonly policy: string; readonly spec: CaseSpec }[];
  readonly diagnostics: readonly Diagnostic[];
}

/** The tests embedded in a policy, as case specs. */
export function embeddedCases(policy: CompiledPolicy): CaseSpec[] {
  return policy.tests.map((t) => ({ id: t.id, text: t.text, country: t.country, date: t.date, lang: t.lang, fields: t.fields, expect: [t.expect], rule: t.rule, todo: t.todo, note: t.note, file: t.file, line: t.line, column: t.column, origin: "embedded" }));
}

const list = <T>(v: T | readonly T[]): readonly T[] => (Array.isArray(v) ? (v as readonly T[]) : [v as T]);

/**
 * Resolves case-file cases against the policies of the run. `loaded` maps each loaded policy id to
 * its rule ids; `known` lists other policy ids that exist (the bundled ones), so a case for one of
 * them is skipped quietly while a case for a misspelt id gets an `unknown-policy` warning.
 */
export function compileCases(entries: readonly CaseEntry[], loaded: ReadonlyMap<string, readonly string[]>, known: readonly string[]): CompiledCases {
  const r = new Reporter();
  const byPolicy = new Map<string, CaseSpec[]>();
  const skipped: { policy: string; spec: CaseSpec }[] = [];
  const allIds = [...new Set([...loaded.keys(), ...known])];
  for (const e of entries) {
    const { doc, ref, path } = e;
    let country: string | undefined;
    if (doc.country !== undefined && doc.country !== null) {
      country = resolveCountry(doc.country);
      if (!country) {
        r.error(ref, [...path, "country"], "invalid-country", `'${doc.country}' is not a country code (PL, POL) or country name (Poland, Polska)`);
        continue;
      }
    }
    const at = ref.span(path);
    // A JSONL case is a record like those eval reads: its own fields are the record's.
    const fields = doc.fields ?? (e.path.length === 0 ? (doc as Readonly<Record<string, unknown>>) : undefined);
    const base = { id: doc.id !== undefined ? String(doc.id) : `${ref.file}:${at.line}`, text: doc.text, country, date: doc.date, lang: doc.lang, fields, todo: doc.todo ?? false, note: doc.note, file: ref.file, line: at.line, column: at.column, origin: "cases" as const };

    // Which policies the case is for, and where each is named (for diagnostics).
    const targets: { id: string; where: (string | number)[]; part: "key" | "value"; expect: readonly DecisionName[] }[] = [];
    const only = doc.policy === undefined ? undefined : list(doc.policy);
    if (typeof doc.expect === "string" || Array.isArray(doc.expect)) {
      const expect = list(doc.expect as DecisionName | DecisionName[]);
      const named = only ? only.map((id, i) => ({ id, path: Array.isArray(doc.policy) ? [...path, "policy", i] : [...path, "policy"] })) : e.filePolicies;
      // Neither the case nor its file names a policy: the case is for every policy of the run.
      if (named === undefined) for (const id of loaded.keys()) targets.push({ id, where: [...path, "expect"], part: "value", expect });
      else for (const n of named) targets.push({ id: n.id, where: [...n.path], part: "value", expect });
    } else {
      for (const [id, v] of Object.entries(doc.expect)) {
        if (only && !only.includes(id)) continue;
        targets.push({ id, where: [...path, "expect", id], part: "key", expect: list(v) });
      }
    }

    for (const t of targets) {
      const rules = loaded.get(t.id);
      const rule = doc.rule === undefined || doc.rule === null || typeof doc.rule === "string" ? doc.rule : Object.hasOwn(doc.rule, t.id) ? doc.rule[t.id] : undefined; // own keys only: a policy may be called "constructor"
      const spec: CaseSpec = { ...base, expect: t.expect, rule };
      if (!rules) {
        if (!known.includes(t.id)) r.warn(ref, t.where, "unknown-policy", `no policy '${t.id}' is loaded or bundled${didYouMean(t.id, allIds)}`, t.part);
        skipped.push({ policy: t.id, spec });
        continue;
      }
      if (typeof rule === "string" && !rules.includes(rule)) {
        const rulePath = typeof doc.rule === "string" ? [...path, "rule"] : [...path, "rule", t.id];
        r.error(ref, rulePath, "unknown-rule", `policy '${t.id}' has no rule '${rule}'${didYouMean(rule, rules)}`);
        continue;
      }
      const listFor = byPolicy.get(t.id) ?? [];
      listFor.push(spec);
      byPolicy.set(t.id, listFor);
    }
  }
  return { byPolicy, skipped, diagnostics: r.diagnostics };
}
