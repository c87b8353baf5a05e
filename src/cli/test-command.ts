import { performance } from "node:perf_hooks";
import { embeddedCases } from "../compile/compile-cases.js";
import { formatDiagnosticLine, sortDiagnostics, type Diagnostic, appendAll } from "../base/diagnostics.js";
import { runPolicyTests, totals, type PolicyTestRun } from "../evaluate/run-tests.js";
import { formatJunit } from "../report/junit.js";
import { formatTestJson, formatTestText, loadErrors, type TestReport } from "../report/test-format.js";
import { workspaceCases } from "../use-cases/workspace.js";
import { openWorkspace } from "./check-command.js";
import { emit } from "./emit.js";
import { TEST_FORMATS } from "./formats.js";
import { UsageError, type Io } from "./io.js";
import { makeStyle, wantsColour } from "./style.js";
import { parseSetOptions } from "./set-option.js";
import { applyRunSettingsToAll } from "../use-cases/run-settings.js";
import type { CompiledPolicy } from "../compile/types.js";

/** Options of `modpol test`, as parsed from the command line. */
export interface TestOptions {
  readonly format: string;
  readonly minCoverage?: string;
  readonly output?: string;
  readonly verbose?: boolean;
  readonly quiet?: boolean;
  readonly color?: boolean;
  readonly set?: string[];
}

function parseCoverage(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s.replace(/%$/, ""));
  if (s.trim() === "" || !Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`--min-coverage: '${s}' is not a percentage from 0 to 100`);
  return n;
}

/** Codes of files that could not be read at all: one of them may have been the policy. */
const UNREAD = new Set(["path-outside-root", "not-a-regular-file", "file-unreadable", "file-too-large"]);

/**
 * `modpol test [PATH...]`: runs the tests embedded in policies and the cases of case files, and
 * measures rule coverage. Exit 1 on a failing case or coverage below --min-coverage; 2 when a policy
 * or case file cannot be loaded.
 */
export async function runTest(paths: readonly string[], o: TestOptions, io: Io): Promise<number> {
  const format = o.format.toLowerCase();
  if (!(TEST_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format: '${o.format}' is not one of ${TEST_FORMATS.join(", ")}`);
  const minCoverage = parseCoverage(o.minCoverage);
  const set = parseSetOptions(o.set);
  const ws = await openWorkspace(paths, io);
  if (ws.policies.length === 0) {
    // Files that could not even be read (refused links, unreadable files) say why there are none.
    const unread = ws.diagnostics.filter((d) => UNREAD.has(d.code));
    if (unread.length === 0) throw new UsageError(`no policy files among the ${ws.fileCount} rule files given`);
    for (const d of sortDiagnostics(unread)) io.stderr.write(`${formatDiagnosticLine(d)}\n`);
    io.stderr.write(`modpol: no policy could be read among the ${ws.fileCount} rule files given\n`);
    return 2;
  }

  // Problems that stop a policy or case file from being used: reported, and the run exits 2.
  const problems: Diagnostic[] = ws.diagnostics.filter((d) => d.severity === "error");
  const compiled = workspaceCases(ws);
  appendAll(problems, compiled.diagnostics);
  for (const d of sortDiagnostics(problems)) io.stderr.write(`${formatDiagnosticLine(d)}\n`);
  const broken = problems.some((d) => d.severity === "error");

  const seen = new Set<string>();
  const policies: CompiledPolicy[] = [];
  for (const p of ws.policies) {
    const policy = p.result.policy;
    if (!policy || seen.has(policy.id)) continue;
    seen.add(policy.id);
    policies.push(policy);
  }
  // --set: each policy takes the settings it has; a setting none of them has is a mistake.
  const applied = applyRunSettingsToAll(policies, set);
  if (!applied.ok) throw new UsageError(`--set: ${applied.errors.join("; ")}`);
  const runs: PolicyTestRun[] = applied.values.map((policy) => runPolicyTests(policy, [...embeddedCases(policy), ...(compiled.byPolicy.get(policy.id) ?? [])], () => performance.now()));
  const errors = loadErrors(problems);
  const report: TestReport = { runs, skipped: compiled.skipped, totals: totals(runs, compiled.skipped.length, errors.length), errors, minCoverage, ...(set.size > 0 ? { settings: applied.echo } : {}) };
  const toFile = o.output !== undefined && o.output !== "-";
  if (format === "junit") await emit(formatJunit(report), o.output, io);
  else if (format === "json") await emit(formatTestJson(report), o.output, io);
  else {
    const style = await makeStyle(!toFile && wantsColour(io.stdout, io.env, o.color));
    await emit(formatTestText(report, { style, verbose: o.verbose, quiet: o.quiet }), o.output, io);
  }

  const failedPolicies = ws.policies.filter((p) => !p.result.policy).map((p) => p.file);
  if (failedPolicies.length > 0) io.stderr.write(`modpol: ${failedPolicies.length} polic${failedPolicies.length === 1 ? "y" : "ies"} could not be loaded (${failedPolicies.join(", ")}); run 'modpol check' for details\n`);
  if (broken) return 2;
  const low = minCoverage !== undefined ? runs.filter((r) => r.coverage.percent < minCoverage) : [];
  if (low.length > 0) io.stderr.write(`modpol: rule coverage below ${minCoverage}%: ${low.map((r) => `${r.policy.id} (${Math.floor(r.coverage.percent)}%)`).join(", ")}\n`);
  return report.totals.failed > 0 || low.length > 0 ? 1 : 0;
}
