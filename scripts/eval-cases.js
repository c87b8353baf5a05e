#!/usr/bin/env node
// Scores the bundled policies (or --policy ones) on a labelled JSONL file:
//   npm run eval:cases -- PATH [--policy ID]... [--show N] [--json] [--min-accuracy PCT]
// Each line: {"id","text","country"?,"lang"?,"functionality"?,"expect": {POLICY: [decisions]} | [decisions]}.
// Prints accuracy per policy, per language and per functionality, and the misclassified posts.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { BUNDLED_IDS, evaluate, loadPolicy } from "../dist/index.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    policy: { type: "string", multiple: true },
    show: { type: "string", default: "40" },
    json: { type: "boolean", default: false },
    "min-accuracy": { type: "string" },
  },
});
if (positionals.length === 0) {
  console.error("usage: npm run eval:cases -- PATH.jsonl [--policy ID]... [--show N] [--json] [--min-accuracy PCT]");
  process.exit(2);
}

const policies = [];
for (const id of values.policy ?? [...BUNDLED_IDS]) {
  const r = await loadPolicy(id);
  if (!r.policy) {
    for (const d of r.diagnostics) console.error(`${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code} ${d.message}`);
    process.exit(2);
  }
  policies.push(r.policy);
}

const cases = [];
for (const path of positionals) {
  readFileSync(path, "utf8").split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    try {
      cases.push({ ...JSON.parse(line), _where: `${path}:${i + 1}` });
    } catch (e) {
      console.error(`${path}:${i + 1}: skipped, not JSON: ${e.message}`);
    }
  });
}

const pct = (ok, n) => (n === 0 ? "-" : `${((100 * ok) / n).toFixed(1)}%`);
const report = { policies: {}, misses: [] };
let worst = 100;
for (const policy of policies) {
  const tally = { all: [0, 0], lang: {}, functionality: {} };
  const bump = (group, key, ok) => {
    const t = (group[key] ??= [0, 0]);
    t[0] += ok ? 1 : 0;
    t[1]++;
  };
  for (const c of cases) {
    const expected = Array.isArray(c.expect) ? c.expect : c.expect?.[policy.id];
    if (!expected) continue;
    const d = evaluate({ text: c.text, country: c.country ?? null }, policy);
    const ok = expected.includes(d.decision);
    tally.all[0] += ok ? 1 : 0;
    tally.all[1]++;
    bump(tally.lang, c.lang ?? "?", ok);
    if (c.functionality) bump(tally.functionality, c.functionality, ok);
    if (!ok) report.misses.push({ policy: policy.id, id: c.id, lang: c.lang, functionality: c.functionality, country: c.country ?? null, text: c.text, expected, got: d.decision, rule: d.rule, evidence: d.matches.map((m) => `${m.signal}:${m.text}`) });
  }
  report.policies[policy.id] = tally;
  if (tally.all[1] > 0) worst = Math.min(worst, (100 * tally.all[0]) / tally.all[1]);
}

if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  for (const [id, t] of Object.entries(report.policies)) {
    console.log(`\n${id}: ${t.all[0]}/${t.all[1]} correct (${pct(...t.all)})`);
    console.log(`  by language:      ${Object.entries(t.lang).sort().map(([k, v]) => `${k} ${pct(...v)} (${v[0]}/${v[1]})`).join(", ")}`);
    const f = Object.entries(t.functionality).sort();
    if (f.length) {
      console.log("  by functionality:");
      for (const [k, v] of f) console.log(`    ${k.padEnd(28)} ${pct(...v).padStart(6)}  (${v[0]}/${v[1]})`);
    }
  }
  const show = Number(values.show);
  if (report.misses.length) console.log(`\nmisclassified (${report.misses.length}${report.misses.length > show ? `, first ${show}` : ""}):`);
  for (const m of report.misses.slice(0, show)) {
    console.log(`  [${m.policy}] ${m.id} ${m.lang ?? ""}${m.functionality ? ` ${m.functionality}` : ""} ${m.country ?? "--"}: expected ${m.expected.join("|")}, got ${m.got}${m.rule ? ` (${m.rule})` : ""}`);
    console.log(`      ${m.text}`);
    if (m.evidence.length) console.log(`      evidence: ${m.evidence.join(", ")}`);
  }
}
if (values["min-accuracy"] !== undefined && worst < Number(values["min-accuracy"])) {
  console.error(`accuracy ${worst.toFixed(1)}% is below --min-accuracy ${values["min-accuracy"]}%`);
  process.exit(1);
}
