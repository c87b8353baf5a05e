import type { Judged, PolicyScore, ScoreRun } from "../../evaluate/score.js";
import type { Proportion } from "../../evaluate/stats.js";
import { PLAIN } from "../style.js";
import { whyNotLines } from "../why-not-format.js";
import { gateText } from "../score-format.js";
import { groupingTitle, groupValue, interval, percent, ratio } from "../score-figures.js";
import { barTable, heatTable } from "./charts.js";
import { badge, esc, filterForm, highlightHtml, langAttr, page } from "./page.js";

/**
 * A figure cell: the figure as text, and as data a reader (or a test) can check against the JSON
 * report: `data-figure` is the figure's path (a JSON list: `["recall","violating"]`), `data-value`
 * the number, `data-policy` whose it is.
 */
function fig(policy: string, path: readonly string[], value: number | null, text: string, cls = "value"): string {
  return `<td class="${cls}" data-policy="${esc(policy)}" data-figure="${esc(JSON.stringify(path))}" data-value="${value ?? ""}">${esc(text)}</td>`;
}

/** A proportion in two cells: the figure, then its interval and counts. */
function propCells(policy: string, path: readonly string[], p: Proportion): string {
  return `${fig(policy, path, p.value, percent(p.value))}<td class="ci">${esc(`${interval(p)} ${p.k}/${p.n}`.trim())}</td>`;
}

function figuresTable(run: ScoreRun): string {
  const ps = run.policies;
  const head = `<tr><th scope="col">measure</th>${ps.map((p) => `<th scope="col" colspan="2">${esc(p.policy)}</th>`).join("")}</tr>`;
  const rows: string[] = [];
  const row = (label: string, cells: (p: PolicyScore) => string) => rows.push(`<tr><th scope="row">${esc(label)}</th>${ps.map(cells).join("")}</tr>`);
  row("posts labelled", (p) => `${fig(p.policy, ["labelled"], p.labelled, String(p.labelled))}<td class="ci">${p.unlabelled ? esc(`${p.unlabelled} not labelled`) : ""}</td>`);
  row("accuracy", (p) => propCells(p.policy, ["accuracy"], p.accuracy));
  row("κ against the labels", (p) => `${fig(p.policy, ["kappa"], p.kappa.kappa, ratio(p.kappa.kappa))}<td class="ci"></td>`);
  for (const c of run.classes) {
    if (!ps.some((p) => p.classes.some((x) => x.class === c && x.support + x.predicted > 0))) continue;
    for (const m of ["precision", "recall"] as const) row(`${c}: ${m}`, (p) => propCells(p.policy, [m, c], (p.classes.find((x) => x.class === c) as PolicyScore["classes"][number])[m]));
    row(`${c}: F1`, (p) => {
      const f1 = p.classes.find((x) => x.class === c)?.f1 ?? null;
      return `${fig(p.policy, ["f1", c], f1, ratio(f1))}<td class="ci"></td>`;
    });
  }
  if (ps.some((p) => p.agreement)) {
    row(`κ between ${run.labelField} and ${run.secondField ?? "the second label"}`, (p) => (p.agreement ? `${fig(p.policy, ["agreement"], p.agreement.kappa, ratio(p.agreement.kappa))}<td class="ci">${esc(`${p.agreement.n} posts, ${percent(p.agreement.observed)} alike`)}</td>` : `<td>–</td><td></td>`));
  }
  return `<table class="figures"><caption>Figures per policy; in brackets, 95% Wilson confidence intervals, then the counts</caption>\n<thead>${head}</thead>\n<tbody>${rows.join("\n")}</tbody></table>`;
}

function groupChart(p: PolicyScore, g: string): string {
  const list = p.groups.get(g) ?? [];
  if (list.length === 0) return "";
  const rows = list.map((x) => ({
    label: groupValue(x.value),
    parts: [{ value: x.accuracy.k, kind: "ok" as const }, { value: x.accuracy.n - x.accuracy.k, kind: "wrong" as const }],
    cells: `${propCells(p.policy, ["groups", g, groupValue(x.value)], x.accuracy)}`,
  }));
  // Each bar is the group's posts, split into right and wrong: its blue part is the accuracy.
  const rowsByShare = rows.map((r, i) => ({ ...r, parts: r.parts.map((x) => ({ ...x, value: x.value / Math.max(1, (list[i] as (typeof list)[number]).accuracy.n) })) }));
  return barTable(`${p.policy}: accuracy by ${groupingTitle(g)} (bar: the share of posts decided right, then wrong)`, [groupingTitle(g), "accuracy", "interval, right/posts"], rowsByShare, 1);
}

function ruleChart(p: PolicyScore): string {
  const max = Math.max(1, ...p.rules.map((r) => r.decided));
  const rows = p.rules.map((r) => ({
    label: r.rule,
    parts: [{ value: r.decided - r.wrong, kind: "ok" as const }, { value: r.wrong, kind: "wrong" as const }],
    cells: `${fig(p.policy, ["rules", r.rule, "decided"], r.decided, String(r.decided))}${fig(p.policy, ["rules", r.rule, "wrong"], r.wrong, String(r.wrong))}<td class="label">${esc(Object.entries(r.wrongExpected).map(([c, n]) => `${c} ${n}`).join(", "))}</td>`,
  }));
  return barTable(`${p.policy}: posts each rule decided (bar: right and wrong)`, ["rule", "decided", "wrong", "the wrong ones should have been"], rows, max);
}

const LEGEND = `<p class="legend"><span><span class="swatch" style="background:#1f5fa8"></span>decided as labelled</span><span><span class="swatch" style="background:#b3261e"></span>decided wrongly</span></p>`;

function policySection(run: ScoreRun, p: PolicyScore, i: number): string {
  const heat = heatTable({
    caption: `${p.policy}: confusion matrix (rows: the label; columns: the decision)`,
    corner: "label \\ decided",
    rows: p.confusion.classes,
    cols: p.confusion.classes,
    counts: p.confusion.matrix,
    figure: (r, c) => JSON.stringify(["confusion", p.confusion.classes[r], p.confusion.classes[c]]),
    policy: p.policy,
  });
  const groups = run.groupings.map((g) => groupChart(p, g)).filter(Boolean);
  return `<section id="policy-${i}" aria-labelledby="policy-${i}-h">
<h2 id="policy-${i}-h">${esc(p.policy)}</h2>
<p>${esc(`${p.labelled} posts labelled, ${p.missCount} decided wrongly.`)}</p>
${heat}
${LEGEND}
${groups.join("\n")}
${ruleChart(p)}
</section>`;
}

/** One post decided wrongly, as an article the filter can show or hide. */
function missArticle(j: Judged, policy: string, n: number): string {
  const d = j.decision;
  const id = `miss-${n}`;
  const attrs = { policy, expected: j.truth, decided: j.decided, rule: j.ruleKey, lang: d.lang ?? "(none)", country: d.country ?? "(none)" };
  const data = Object.entries(attrs).map(([k, v]) => ` data-${k}="${esc(v)}"`).join("");
  const evidence = d.matches.length ? d.matches.map((m) => `<mark title="${esc(m.signal)}">${esc(m.text)}</mark> <span class="note">(${esc(m.signal)})</span>`).join(", ") : `<span class="none">none</span>`;
  const exp = j.expectedRule ? `${j.expectedRule.rule === null ? "the default" : `<code>${esc(j.expectedRule.rule)}</code>`}${j.expectedRule.source === "nearest" ? ` <span class="note">(the nearest rule that gives ${esc(j.whyNot?.wanted ?? j.truth)})</span>` : ""}` : "";
  const why = j.whyNot ? `<details><summary>Why not ${esc(j.whyNot.wanted)}?</summary><pre>${esc(whyNotLines(j.whyNot, PLAIN, "").join("\n"))}</pre></details>` : "";
  return `<article class="post" data-item${data} aria-labelledby="${id}">
<header><h3 id="${id}">${esc(j.item.id)}</h3><span>${esc(policy)}</span><span>${esc(`${d.country ?? "no country"}${d.lang ? ` · ${d.lang}` : ""}`)}</span><span>${esc(`line ${j.item.line}`)}</span></header>
<blockquote dir="auto"${langAttr(d.lang)}>${highlightHtml(j.item.text, d.matches)}</blockquote>
<dl>
<dt>expected</dt><dd>${j.item.expected.map(badge).join(" or ")}</dd>
<dt>decided</dt><dd>${badge(j.decided)} by ${d.rule === null ? "the default" : `rule <code>${esc(d.rule)}</code>`}: ${esc(d.reason)}</dd>
${exp ? `<dt>expected rule</dt><dd>${exp}</dd>\n` : ""}<dt>evidence</dt><dd>${evidence}</dd>
</dl>
${why}
</article>`;
}

function missSection(run: ScoreRun): string {
  const all = run.policies.flatMap((p) => p.misses.map((j) => ({ j, policy: p.policy })));
  const total = run.policies.reduce((a, p) => a + p.missCount, 0);
  const values = (f: (x: (typeof all)[number]) => string) => [...new Set(all.map(f))].sort();
  const form = filterForm([
    { name: "policy", label: "Policy", values: values((x) => x.policy) },
    { name: "expected", label: "Expected", values: values((x) => x.j.truth) },
    { name: "decided", label: "Decided", values: values((x) => x.j.decided) },
    { name: "rule", label: "Deciding rule", values: values((x) => x.j.ruleKey) },
    { name: "lang", label: "Language", values: values((x) => x.j.decision.lang ?? "(none)") },
    { name: "country", label: "Country", values: values((x) => x.j.decision.country ?? "(none)") },
  ]);
  const kept = all.length < total ? `<p class="note">${esc(`The first ${all.length} of ${total} are listed.`)}</p>` : "";
  const body = all.length === 0 ? `<p class="none">None: every labelled post got an acceptable decision.</p>` : `${form}\n${kept}\n${all.map((x, i) => missArticle(x.j, x.policy, i + 1)).join("\n")}`;
  return `<section id="wrong" aria-labelledby="wrong-h">
<h2 id="wrong-h">${esc(`Posts decided wrongly (${total})`)}</h2>
<p class="note">Each post with its evidence <mark>marked</mark>, the decision and the rule that made it, the expected decision, and why the policy did not give it.</p>
${body}
</section>`;
}

function errorSection(run: ScoreRun): string {
  if (run.errors === 0) return "";
  const items = run.errorList.map((e) => `<li><code>${esc(e.code)}</code> ${esc(e.message)}</li>`).join("\n");
  return `<section id="errors" aria-labelledby="errors-h"><h2 id="errors-h">${esc(`Records that could not be scored (${run.errors})`)}</h2><ul>${items}</ul></section>`;
}

function gateSection(run: ScoreRun): string {
  if (run.gates.length === 0) return "";
  const items = run.gates.map((g) => `<li>${g.passed ? "✓ passed" : "✗ failed"}: ${esc(`${g.policy}: ${gateText(g)}`)}</li>`).join("\n");
  return `<section id="gates" aria-labelledby="gates-h"><h2 id="gates-h">Gates</h2><ul>${items}</ul></section>`;
}

/**
 * The score as one self-contained HTML page: the figures side by side, per policy a confusion heat
 * map and bars per language, country, `--by` field and rule, then the posts decided wrongly with
 * their evidence marked and a filter. A pure function of the run.
 */
export function scoreHtml(run: ScoreRun): string {
  const names = run.policies.map((p) => p.policy).join(", ");
  const scheme = run.positive ? `; yes/no labels, a yes meaning ${run.positive.join(" or ")}` : "";
  const nav = [["figures", "Figures"], ...run.policies.map((p, i) => [`policy-${i}`, p.policy]), ["wrong", "Posts decided wrongly"], ...(run.errors ? [["errors", "Records not scored"]] : []), ...(run.gates.length ? [["gates", "Gates"]] : [])];
  const body = `<header>
<h1>${esc(`Score against labels: ${names}`)}</h1>
<p class="lede">${esc(`${run.records} records from ${run.files.join(", ")}; label field: ${run.labelField}${scheme}.`)}</p>
<nav aria-label="Sections"><ul>${nav.map(([id, t]) => `<li><a href="#${id}">${esc(t as string)}</a></li>`).join("")}</ul></nav>
</header>
<main id="main">
<section id="figures" aria-labelledby="figures-h"><h2 id="figures-h">Figures</h2>
${figuresTable(run)}
</section>
${run.policies.map((p, i) => policySection(run, p, i)).join("\n")}
${missSection(run)}
${errorSection(run)}
${gateSection(run)}
</main>`;
  return page(`modpol score: ${names}`, body);
}
