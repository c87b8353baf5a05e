import { printable } from "../base/safe-text.js";
import type { CaseSpec } from "../compile/compile-cases.js";
import type { CaseOutcome } from "../evaluate/run-tests.js";
import { formatDiagnosticLine } from "../base/diagnostics.js";
import { postLine } from "./eval-format.js";
import { caseDetailLines, type TestReport } from "./test-format.js";

/**
 * Escapes text for XML. Control characters, bidi overrides and the like are first shown through
 * {@link printable}, as in every text output (line feeds kept: the failure details are lines; a
 * carriage return, which XML reads as a line feed, shown as ␍); what XML 1.0 still cannot carry
 * (lone surrogates, U+FFFE/FFFF) becomes U+FFFD.
 */
export function xmlEscape(s: string): string {
  return printable(s, true)
    .replace(/\r/g, "\u240d")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Escapes text for an XML attribute: {@link xmlEscape}, and line feeds as `&#10;` (kept as such). */
export function xmlAttr(s: string): string {
  return xmlEscape(s).replace(/\n/g, "&#10;");
}

const secs = (ms: number): string => (ms / 1000).toFixed(3);

function caseName(spec: CaseSpec): string {
  const text = [...spec.text.replace(/\s+/g, " ")];
  const short = text.length > 80 ? `${text.slice(0, 79).join("")}…` : text.join("");
  return `${short} [${spec.country ?? "no country"}] → ${spec.expect.join("|")}`;
}

function classname(policy: string, spec: CaseSpec): string {
  // CI systems group test cases by class name: one group per policy and source file.
  const base = spec.file.replace(/\\/g, "/").replace(/^.*\//, "").replace(/\.[^.]+$/, "").replace(/\./g, "_");
  return `${policy}.${spec.origin === "embedded" ? "embedded" : base}`;
}

function testcase(policy: string, o: CaseOutcome): string {
  const attrs = `name="${xmlAttr(caseName(o.spec))}" classname="${xmlAttr(classname(policy, o.spec))}" file="${xmlAttr(o.spec.file)}" line="${o.spec.line}" time="${secs(o.ms)}"`;
  // The post on one line (its line breaks as ⏎), as in the text report: a line break in it must not
  // start a line of its own in a log that prints the file.
  const detail = () => xmlEscape(`${o.spec.file}:${o.spec.line}:${o.spec.column}\n${postLine(o.spec.text)}\n${caseDetailLines(o, undefined, "").join("\n")}`);
  const got = `${o.decision.decision}${o.decision.rule ? ` by rule ${o.decision.rule}` : " by the default"}`;
  switch (o.status) {
    case "pass":
      return `    <testcase ${attrs}/>\n`;
    case "fail":
      return `    <testcase ${attrs}>\n      <failure message="${xmlAttr(`expected ${o.spec.expect.join(" or ")}${o.spec.rule !== undefined ? ` by ${o.spec.rule ?? "the default"}` : ""}, got ${got}`)}" type="${o.mismatch.join("+")}">${detail()}</failure>\n    </testcase>\n`;
    case "todo":
      return `    <testcase ${attrs}>\n      <skipped message="${xmlAttr(`todo${typeof o.spec.todo === "string" ? `: ${o.spec.todo}` : ""} (got ${got})`)}"/>\n    </testcase>\n`;
    case "fixed":
      return `    <testcase ${attrs}>\n      <system-out>${xmlEscape("marked todo but passes now: remove 'todo'")}</system-out>\n    </testcase>\n`;
  }
}

/**
 * JUnit XML of a `test` run, the dialect CI systems render (GitHub test reporters, GitLab, Jenkins):
 * one `<testsuite>` per policy, one `<testcase>` per case and policy, failures with expected and
 * actual decision and the evidence, known gaps (todo) and cases for policies not loaded as skipped,
 * and one `<error>` per rule file that could not be loaded.
 */
export function formatJunit(r: TestReport): string {
  const out: string[] = [];
  const t = r.totals;
  const totalMs = r.runs.reduce((a, run) => a + run.outcomes.reduce((b, o) => b + o.ms, 0), 0);
  out.push(`<?xml version="1.0" encoding="UTF-8"?>\n`);
  const errors = r.errors ?? [];
  out.push(`<testsuites name="modpol" tests="${t.total + errors.length}" failures="${t.failed}" errors="${errors.length}" skipped="${t.todo + t.skipped}" time="${secs(totalMs)}">\n`);
  for (const run of r.runs) {
    const n = (st: CaseOutcome["status"]) => run.outcomes.filter((o) => o.status === st).length;
    const ms = run.outcomes.reduce((a, o) => a + o.ms, 0);
    out.push(`  <testsuite name="${xmlAttr(run.policy.id)}" tests="${run.outcomes.length}" failures="${n("fail")}" errors="0" skipped="${n("todo")}" time="${secs(ms)}" file="${xmlAttr(run.policy.file)}">\n`);
    out.push(`    <properties>\n      <property name="rule-coverage" value="${run.coverage.covered}/${run.coverage.total}"/>\n`);
    const untested = run.coverage.rules.filter((x) => x.hits === 0).map((x) => x.id);
    if (untested.length) out.push(`      <property name="untested-rules" value="${xmlAttr(untested.join(" "))}"/>\n`);
    out.push(`    </properties>\n`);
    for (const o of run.outcomes) out.push(testcase(run.policy.id, o));
    out.push(`  </testsuite>\n`);
  }
  const byPolicy = new Map<string, CaseSpec[]>();
  for (const k of r.skipped) byPolicy.set(k.policy, [...(byPolicy.get(k.policy) ?? []), k.spec]);
  for (const [policy, specs] of byPolicy) {
    out.push(`  <testsuite name="${xmlAttr(policy)}" tests="${specs.length}" failures="0" errors="0" skipped="${specs.length}" time="0.000">\n`);
    for (const spec of specs) {
      out.push(`    <testcase name="${xmlAttr(caseName(spec))}" classname="${xmlAttr(classname(policy, spec))}" file="${xmlAttr(spec.file)}" line="${spec.line}" time="0.000">\n      <skipped message="${xmlAttr(`policy '${policy}' is not loaded`)}"/>\n    </testcase>\n`);
    }
    out.push(`  </testsuite>\n`);
  }
  if (errors.length > 0) {
    // A file that could not be loaded is an error of the run, not a skip: its cases never ran (a case
    // file with a YAML error has no cases to list at all), so CI must show it as broken.
    out.push(`  <testsuite name="load errors" tests="${errors.length}" failures="0" errors="${errors.length}" skipped="0" time="0.000">\n`);
    for (const e of errors) {
      const first = e.diagnostics[0];
      const message = first ? `${e.file} could not be loaded: ${first.code} ${first.message}` : `${e.file} could not be loaded`;
      out.push(`    <testcase name="${xmlEscape(e.file)}" classname="modpol.load" file="${xmlEscape(e.file)}" line="${first?.line ?? 1}" time="0.000">\n      <error message="${xmlEscape(message)}" type="${xmlEscape(first?.code ?? "load-error")}">${xmlEscape(e.diagnostics.map(formatDiagnosticLine).join("\n"))}</error>\n    </testcase>\n`);
    }
    out.push(`  </testsuite>\n`);
  }
  out.push(`</testsuites>\n`);
  return out.join("");
}
