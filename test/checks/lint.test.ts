import { describe, expect, it } from "vitest";
import { lintPolicy, mergeLintResults } from "../../src/checks/lint.js";
import { covers, signalImplication, toDnf } from "../../src/checks/shadow.js";
import { loadYamlPolicy } from "../../src/use-cases/load-yaml-policy.js";
import { checkWorkspace, loadWorkspace } from "../../src/use-cases/workspace.js";
import { asMarks, marksUnder } from "../helpers/marks.js";

const DIR = "test/fixtures/lint";

describe("semantic lint (test/fixtures/lint)", () => {
  it("reports every marked warning at its line and column, and nothing else", () => {
    const ds = checkWorkspace(loadWorkspace([DIR], { cwd: process.cwd() }));
    expect(asMarks(ds)).toEqual(marksUnder(DIR));
  });

  it("judges a shared definition unused only when no policy including it uses it", () => {
    const a = loadYamlPolicy(`${DIR}/policy-a.yaml`);
    const b = loadYamlPolicy(`${DIR}/policy-b.yaml`);
    const la = lintPolicy(a.policy!, a.info!);
    const lb = lintPolicy(b.policy!, b.info!);
    // policy-a alone leaves region-b and hos unused; policy-b uses them.
    expect(la.sharedUnused.map((u) => u.diagnostic.message)).toEqual(expect.arrayContaining(["country set 'region-b' is never used: no rule refers to it", "signal 'hos' is never used: no rule or other signal refers to it"]));
    const merged = mergeLintResults([la, lb]).map((d) => d.message);
    expect(merged.filter((m) => m.includes("never used") && (m.includes("region-b") || m.includes("'hos'")))).toEqual([]);
    expect(merged.filter((m) => m.includes("'nowhere'"))).toHaveLength(1);
  });

  it("words its messages for people", () => {
    const ds = checkWorkspace(loadWorkspace([DIR], { cwd: process.cwd() }));
    expect(ds.map((d) => `${d.file.replace(`${DIR}/`, "")}:${d.line} ${d.code}: ${d.message}`)).toMatchInlineSnapshot(`
      [
        "always.yaml:18 unreachable-rule: rule 'after' can never decide: rule 'catch-all' always holds and comes first",
        "always.yaml:23 unreachable-default: the default can never apply: rule 'catch-all' always holds",
        "groups.yaml:8 unused-lexicon: lexicon 'target.civilians' is never used: no signal or context refers to it",
        "groups.yaml:13 unused-lexicon-group: lexicon group 'protected' is never used: no signal or context refers to it, directly or through another group",
        "lib/shared.yaml:5 unused-country-set: country set 'nowhere' is never used: no rule refers to it",
        "lib/shared.yaml:10 conflicting-term: 'orc*' (en) is also in lexicon invaders (test/fixtures/lint/lib/shared.yaml:9), which the rules treat differently from civilians: a post with it counts as both",
        "lib/shared.yaml:12 lexicon-missing-language: lexicon 'putin' has no terms in uk (a language the policy declares)",
        "lib/shared.yaml:14 unused-lexicon: lexicon 'spare' is never used: no signal or context refers to it",
        "lib/shared.yaml:21 unused-signal: signal 'second-call' is never used: no rule or other signal refers to it",
        "policy-a.yaml:6 unused-setting: setting 'knob' is never used: no rule refers to it",
        "policy-a.yaml:10 unused-country-set: country set 'local-only' is never used: no rule refers to it",
        "policy-a.yaml:21 unreachable-rule: rule 'invaders-ok' can never decide: whenever its condition holds, so does that of earlier rule 'any-call', which decides first",
        "policy-a.yaml:21 untested-rule: rule 'invaders-ok' has no embedded test: add one to tests: with rule: invaders-ok",
        "policy-a.yaml:27 unreachable-rule: rule 'contradiction' can never decide: its condition can never hold",
        "policy-a.yaml:27 untested-rule: rule 'contradiction' has no embedded test: add one to tests: with rule: contradiction",
        "policy-b.yaml:12 unreachable-rule: rule 'narrower' can never decide: whenever its condition holds, so does that of earlier rule 'hos', which decides first",
        "policy-b.yaml:21 unreachable-rule: rule 'invaders-again' can never decide: whenever its condition holds, so does that of earlier rule 'invaders', which decides first",
      ]
    `);
  });

});

describe("shadowed-rule reasoning", () => {
  const policy = loadYamlPolicy(`${DIR}/policy-b.yaml`).policy!;
  const sig = signalImplication(policy.signals);
  const byName = (n: string) => policy.signalByName.get(n)!.index;
  const rule = (id: string) => policy.rules.find((r) => r.id === id)!.when;

  it("knows that a signal counted only near another implies it", () => {
    expect(sig(byName("invaders"), byName("violent-call"))).toBe(true);
    expect(sig(byName("violent-call"), byName("invaders"))).toBe(false);
  });

  it("puts conditions in disjunctive normal form", () => {
    expect(toDnf(rule("civilians"))).toHaveLength(1);
    expect(toDnf(rule("hos"))?.[0]).toHaveLength(3);
  });

  it("says a narrower conjunction is covered by a wider one, not the reverse", () => {
    const wide = toDnf(rule("hos"))![0]!;
    const narrow = toDnf(rule("narrower"))![0]!;
    expect(covers(wide, narrow, sig)).toBe(true);
    expect(covers(narrow, wide, sig)).toBe(false);
  });
});

describe("rules over record fields", () => {
  it("finds a rule shadowed by the same field condition, and never concludes from an absent field", () => {
    const r = loadYamlPolicy("test/fixtures/fields/shadow.yaml");
    const ds = lintPolicy(r.policy!, r.info!).diagnostics.filter((d) => d.code === "unreachable-rule").map((d) => d.message);
    // 'not-high' after 'low' is reachable: a record without score fails 'score <= 5'.
    expect(ds).toEqual(["rule 'high-again' can never decide: whenever its condition holds, so does that of earlier rule 'high', which decides first"]);
  });
});

