import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ContextC, SignalC } from "../../src/compile/types.js";
import { explain } from "../../src/evaluate/explain.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";
import { checkWorkspace, loadWorkspace } from "../../src/use-cases/workspace.js";

// Lexicon groups (docs/policy-language.md#lexicon-groups): a named list of lexicon references, used
// by name wherever a list of lexicons is read. Each case writes a small policy (and, where it says,
// a library file it includes) to a folder of its own and loads it as `modpol` would.

const root = mkdtempSync(join(tmpdir(), "modpol-groups-"));
let n = 0;

/** Writes the files of one case (path → text) and returns the policy's path. */
function write(files: Record<string, string>): { dir: string; policy: string } {
  const dir = join(root, String(n++));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, policy: join(dir, "policy.yaml") };
}

const LEXICONS = `
lexicons:
  call: { terms: { en: [kill] } }
  target.invaders: { terms: { en: [invader*] } }
  target.putin: { terms: { en: [putin] } }
  target.lukashenko: { terms: { en: [lukashenko] } }
  target.civilians: { terms: { en: [civilian*] } }
  cue.pronoun: { terms: { en: [them] } }
  cue.joke: { terms: { en: [lol] } }
`;

/** A policy of the lexicons above, the groups given, and one signal whose `lexicon:` is `list`. */
function policyWith(groups: string, list: string, extra = ""): string {
  return `id: groups${LEXICONS}lexicon-groups:\n${groups}\nsignals:\n  call: { lexicon: call }\n  target: { lexicon: ${list}, near: call }\n${extra}rules:\n  - { id: r1, when: call and target, decision: violating, reason: x }\ndefault: clear\n`;
}

/** The text a one-line diagnostic spans, read from the files written. */
function spanned(files: Record<string, string>, d: { file: string; line: number; column: number; endLine: number; endColumn: number }): string {
  const line = (files[d.file] ?? "").split("\n")[d.line - 1] ?? "";
  return d.endLine === d.line ? line.slice(d.column - 1, d.endColumn - 1) : `${line.slice(d.column - 1)}…`;
}

const namesOf = (p: { index: { lexicons: readonly string[] } }, ids: readonly number[]) => ids.map((i) => p.index.lexicons[i]);

describe("what a list naming groups stands for", () => {
  const groups = `  heads-of-state: [target.putin, target.lukashenko]
  war-targets: [target.invaders, heads-of-state, target.civilians]
  war-targets-or-pronoun: [war-targets, cue.pronoun]
  others: [target.civilians, target.invaders]`;
  it.each([
    ["a lexicon alone", "target.putin", ["target.putin"]],
    ["a group: its members, in order", "heads-of-state", ["target.putin", "target.lukashenko"]],
    ["a group of groups: flattened in order", "war-targets-or-pronoun", ["target.invaders", "target.putin", "target.lukashenko", "target.civilians", "cue.pronoun"]],
    ["a group and a lexicon after it", "[heads-of-state, cue.pronoun]", ["target.putin", "target.lukashenko", "cue.pronoun"]],
    ["a lexicon and then a group that holds it: once, where first named", "[target.lukashenko, heads-of-state]", ["target.lukashenko", "target.putin"]],
    ["two groups that share lexicons: each once", "[others, war-targets]", ["target.civilians", "target.invaders", "target.putin", "target.lukashenko"]],
  ])("%s", (_what, list, expected) => {
    const r = loadYamlPolicy(write({ "policy.yaml": policyWith(groups, list) }).policy);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const target = r.policy?.signalByName.get("target") as SignalC;
    expect(namesOf(r.policy!, target.lexicons)).toEqual(expected);
  });
});

describe("every place a list of lexicons is read takes a group", () => {
  const groups = "  heads-of-state: [target.putin, target.lukashenko]\n  jokes: [cue.joke]";
  const ctx = (c: ContextC | undefined): ContextC => c as ContextC;
  it.each([
    ["a signal's lexicon", "{ lexicon: heads-of-state }", (s: SignalC) => s.lexicons],
    ["a context's lexicon", "{ lexicon: call, require: { lexicon: heads-of-state } }", (s: SignalC) => ctx(s.require?.[0]).k === "lexicon" && (s.require?.[0] as Extract<ContextC, { k: "lexicon" }>).lexicons],
    ["a context's stop", "{ lexicon: call, require: { lexicon: cue.pronoun, stop: heads-of-state } }", (s: SignalC) => (s.require?.[0] as Extract<ContextC, { k: "lexicon" }>).stop],
    ["a context's contrast", "{ lexicon: call, require: { lexicon: cue.pronoun, contrast: heads-of-state } }", (s: SignalC) => (s.require?.[0] as Extract<ContextC, { k: "lexicon" }>).contrast],
    ["a context's negated-by", "{ lexicon: call, require: { lexicon: cue.pronoun, negated-by: heads-of-state } }", (s: SignalC) => (s.require?.[0] as Extract<ContextC, { k: "lexicon" }>).negatedBy],
    ["a context's outside", "{ lexicon: call, require: { lexicon: cue.pronoun, outside: heads-of-state } }", (s: SignalC) => (s.require?.[0] as Extract<ContextC, { k: "lexicon" }>).outside],
    ["a clause-start's skip", "{ lexicon: call, require: { clause-start: true, skip: heads-of-state } }", (s: SignalC) => (s.require?.[0] as Extract<ContextC, { k: "clause-start" }>).skip],
    ["a call's targets", "{ lexicon: call, targets: { one-person: heads-of-state } }", (s: SignalC) => s.targets?.onePerson],
  ])("%s", (_what, def, read) => {
    const text = `id: groups${LEXICONS}lexicon-groups:\n${groups}\nsignals:\n  probe: ${def}\n  call: { lexicon: call, exclude: { lexicon: jokes } }\nrules:\n  - { id: r1, when: call and probe, decision: violating, reason: x }\ndefault: clear\n`;
    const r = loadYamlPolicy(write({ "policy.yaml": text }).policy);
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const got = read(r.policy?.signalByName.get("probe") as SignalC);
    expect(namesOf(r.policy!, got as number[])).toEqual(["target.putin", "target.lukashenko"]);
  });
});

describe("scope: one namespace for a policy and its includes", () => {
  it.each([
    ["defined in a library, used in the policy", "lexicon-groups:\n  heads-of-state: [target.putin, target.lukashenko]\n", "", "heads-of-state"],
    ["defined in the policy, used by a signal of the library", "", "lexicon-groups:\n  heads-of-state: [target.putin, target.lukashenko]\n", "target.putin"],
    ["defined in one library, naming a lexicon of another, used in the policy", "lexicon-groups:\n  heads-of-state: [target.putin, target.lukashenko]\ninclude: [other.yaml]\n", "", "heads-of-state"],
  ])("%s", (_what, lib, own, used) => {
    const policy = `id: scoped\ninclude: [lib.yaml]\n${own}lexicons:\n  call: { terms: { en: [kill] } }\nsignals:\n  call: { lexicon: call }\n  heads: { lexicon: ${used}, near: call }\nrules:\n  - { id: r1, when: call and heads and lib-heads, decision: violating, reason: x }\ndefault: clear\n`;
    const library = `language: en\n${lib}lexicons:\n  target.putin: [putin]\n${lib.includes("other.yaml") ? "" : "  target.lukashenko: [lukashenko]\n"}signals:\n  lib-heads: { lexicon: heads-of-state, near: call }\n`;
    const r = loadYamlPolicy(write({ "policy.yaml": policy, "lib.yaml": library, "other.yaml": "language: en\nlexicons:\n  target.lukashenko: [lukashenko]\n" }).policy);
    expect(r.diagnostics).toEqual([]);
    const s = r.policy?.signalByName.get("lib-heads") as SignalC;
    expect(namesOf(r.policy!, s.lexicons)).toEqual(["target.putin", "target.lukashenko"]);
  });
});

describe("diagnostics, each at its YAML node", () => {
  const lib = (groups: string) => `language: en\nlexicons:\n  target.other: [mayor]\nlexicon-groups:\n${groups}\n`;
  it.each<{ what: string; files: Record<string, string>; expected: string[] }>([
    {
      what: "a name that is neither a lexicon nor a group, suggesting the group",
      files: { "policy.yaml": policyWith("  heads-of-state: [target.putin, target.lukashenko]", "[heads-of-stat]") },
      expected: ["policy.yaml:14 error unknown-lexicon at 'heads-of-stat': unknown lexicon or lexicon group 'heads-of-stat' (did you mean 'heads-of-state'?)"],
    },
    {
      what: "in a policy without groups, the message of old",
      files: { "policy.yaml": policyWith("  heads-of-state: [target.putin, target.lukashenko]", "[target.puttin]").replace(/lexicon-groups:\n.*\n/, "") },
      expected: ["policy.yaml:12 error unknown-lexicon at 'target.puttin': unknown lexicon 'target.puttin' (did you mean 'target.putin'?)"],
    },
    {
      what: "a group naming nothing",
      files: { "policy.yaml": policyWith("  heads-of-state: [target.putin, target.lukashenkoo]", "heads-of-state") },
      expected: ["policy.yaml:11 error unknown-lexicon at 'target.lukashenkoo': lexicon group 'heads-of-state' names 'target.lukashenkoo', which is neither a lexicon nor a lexicon group (did you mean 'target.lukashenko'?)"],
    },
    {
      what: "a group naming itself",
      files: { "policy.yaml": policyWith("  heads-of-state: [target.putin, heads-of-state]", "heads-of-state") },
      expected: ["policy.yaml:11 error lexicon-group-cycle at 'heads-of-state': lexicon groups name each other in a cycle: heads-of-state → heads-of-state"],
    },
    {
      what: "groups naming each other through a third",
      files: { "policy.yaml": policyWith("  a: [b]\n  b: [c, target.putin]\n  c: [a]", "a") },
      expected: ["policy.yaml:11 error lexicon-group-cycle at 'a': lexicon groups name each other in a cycle: a → b → c → a"],
    },
    {
      what: "a group with the name of a lexicon of the same file",
      files: { "policy.yaml": policyWith("  cue.pronoun: [target.putin]", "target.putin") },
      expected: ["policy.yaml:11 error duplicate-name at 'cue.pronoun': 'cue.pronoun' is both a lexicon (in policy.yaml) and a lexicon group: a list naming it could not tell which is meant; rename the group"],
    },
    {
      what: "a group of a library with the name of a lexicon of another file",
      files: { "policy.yaml": policyWith("  heads-of-state: [target.putin]", "heads-of-state").replace("id: groups", "id: groups\ninclude: [lib.yaml]"), "lib.yaml": lib("  call: [target.other]") },
      expected: ["lib.yaml:5 error duplicate-name at 'call': 'call' is both a lexicon (in policy.yaml) and a lexicon group: a list naming it could not tell which is meant; rename the group"],
    },
    {
      what: "a group defined in two files",
      files: { "policy.yaml": policyWith("  heads-of-state: [target.putin]", "heads-of-state").replace("id: groups", "id: groups\ninclude: [lib.yaml]"), "lib.yaml": lib("  heads-of-state: [target.other]") },
      expected: ["lib.yaml:5 error duplicate-name at 'heads-of-state': lexicon group 'heads-of-state' is already defined in policy.yaml"],
    },
    {
      what: "a group with no member",
      files: { "policy.yaml": policyWith("  heads-of-state: []", "target.putin") },
      expected: ["policy.yaml:11 error invalid-value at '[]': 'lexicon-groups.heads-of-state': Too small: expected array to have >=1 items"],
    },
    {
      what: "a group that is not a list",
      files: { "policy.yaml": policyWith("  heads-of-state: target.putin", "target.putin") },
      expected: ["policy.yaml:11 error invalid-type at 'target.putin': 'lexicon-groups.heads-of-state': expected array, got string \"target.putin\""],
    },
    {
      what: "a group with an invalid name",
      files: { "policy.yaml": policyWith("  Heads: [target.putin]", "target.putin") },
      expected: ["policy.yaml:11 error invalid-name at 'Heads': invalid name 'Heads': lexicon group names are lower-case words joined by '-' or '.', e.g. target.invaders"],
    },
    {
      what: "a misspelt key elsewhere: groups are still known, so no name is called unknown",
      files: { "policy.yaml": policyWith("  heads-of-state: [target.putin, target.lukashenko]", "heads-of-state").replace("  call: { lexicon: call }", "  call: { lexicon: call, descripton: x }") },
      expected: ["policy.yaml:13 error unknown-key at 'descripton': unknown key 'descripton' in 'signals.call' (did you mean 'description'?)"],
    },
    {
      what: "an invalid group still stands in by its name",
      files: { "policy.yaml": policyWith("  heads-of-state: [target.putin, Target.Lukashenko]", "heads-of-state") },
      expected: ["policy.yaml:11 error invalid-value at 'Target.Lukashenko': 'lexicon-groups.heads-of-state.1': lexicon names are lower-case words joined by '-' or '.', e.g. target.invaders"],
    },
  ])("$what", ({ files, expected }) => {
    const { dir, policy } = write(files);
    const r = loadYamlPolicy(policy, { cwd: dir });
    expect(r.policy).toBeUndefined();
    expect(r.diagnostics.map((d) => `${d.file}:${d.line} ${d.severity} ${d.code} at '${spanned(files, d)}': ${d.message}`)).toEqual(expected);
  });

  it.each([
    {
      what: "a group nothing names, and the lexicon only it named",
      groups: "  heads-of-state: [target.putin, target.lukashenko]\n  protected: [target.civilians]",
      list: "[heads-of-state, target.invaders]",
      expected: ["unused-lexicon at 'target.civilians'", "unused-lexicon-group at 'protected'"],
    },
    {
      what: "a group named only by a group nothing names",
      groups: "  heads-of-state: [target.putin, target.lukashenko]\n  protected: [target.civilians]\n  unused: [protected, target.putin]",
      list: "[heads-of-state, target.invaders]",
      expected: ["unused-lexicon at 'target.civilians'", "unused-lexicon-group at 'protected'", "unused-lexicon-group at 'unused'"],
    },
    {
      what: "a group used through another: no warning",
      groups: "  heads-of-state: [target.putin, target.lukashenko]\n  protected: [target.civilians]\n  all: [protected, heads-of-state]",
      list: "[all, target.invaders]",
      expected: [],
    },
  ])("warns of $what", ({ groups, list, expected }) => {
    const files = { "policy.yaml": policyWith(groups, list).replace("  cue.pronoun: { terms: { en: [them] } }\n  cue.joke: { terms: { en: [lol] } }\n", "") };
    const { dir } = write(files);
    const ds = checkWorkspace(loadWorkspace([dir], { cwd: dir })).filter((d) => d.code.startsWith("unused-"));
    expect(ds.map((d) => `${d.code} at '${spanned(files, d)}'`)).toEqual(expected);
  });
});

describe("explanations", () => {
  const text = `id: groups${LEXICONS}lexicon-groups:\n  heads-of-state: [target.putin, target.lukashenko]\nsignals:\n  call: { lexicon: call, require: { lexicon: heads-of-state, after: 3 }, exclude: { lexicon: [cue.joke], after: 3 } }\n  heads: { lexicon: heads-of-state, near: call }\nrules:\n  - { id: r1, when: call and heads, decision: violating, reason: x }\ndefault: clear\n`;
  const policy = (() => loadYamlPolicy(write({ "policy.yaml": text }).policy).policy!)();

  it("give the lexicon that matched as evidence, whichever group named it", () => {
    const x = explain({ text: "kill Lukashenko" }, policy);
    expect(x.signals.find((s) => s.name === "heads")?.counted.map((e) => [e.text, e.lexicon])).toEqual([["Lukashenko", "target.lukashenko"]]);
  });

  it("name the group as written where a context did not hold", () => {
    const x = explain({ text: "kill" }, policy);
    expect(x.signals.find((s) => s.name === "call")?.discounted.map((d) => d.why)).toEqual(["needs heads-of-state within 3 words after in the same sentence"]);
  });
});
