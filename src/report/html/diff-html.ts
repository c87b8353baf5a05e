import { DECISIONS } from "../../base/decisions.js";
import { matrixTotals, transitions, type DiffSummary, type Matrix } from "../../evaluate/diff.js";
import type { Decision } from "../../evaluate/evaluate.js";
import type { DiffItem } from "../diff-format.js";
import { barTable, heatTable } from "./charts.js";
import { badge, esc, filterForm, highlightHtml, langAttr, page } from "./page.js";

/** What the diff report shows: the two policies, the posts listed, and the counts. */
export interface DiffReport {
  readonly from: string;
  readonly to: string;
  /** The inputs read, as given. */
  readonly inputs: readonly string[];
  /** The posts listed: those whose decision changed (every post with `--all`), and error records. */
  readonly items: readonly DiffItem[];
  /** Posts that would have been listed but were not, past the report's limit. */
  readonly notListed: number;
  readonly summary: DiffSummary;
}

const countryName = (c: string | null): string => c ?? "(none)";

/** The transition matrix as a heat map: unchanged posts on the diagonal, changes off it. */
function matrixSection(r: DiffReport): string {
  const m = r.summary.matrix;
  return heatTable({
    caption: `Decisions of every post: rows under ${r.from}, columns under ${r.to}`,
    corner: `${r.from} \\ ${r.to}`,
    rows: DECISIONS,
    cols: DECISIONS,
    counts: DECISIONS.map((f) => DECISIONS.map((t) => m[f][t])),
    figure: (i, j) => JSON.stringify(["matrix", DECISIONS[i], DECISIONS[j]]),
  });
}

/** Changes by country as bars: each country's posts, the changed part first, with a column per kind of change. */
function countrySection(r: DiffReport): string {
  const kinds = transitions(r.summary.matrix);
  const countries = [...r.summary.byCountry.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  const max = Math.max(1, ...countries.map((c) => matrixTotals(r.summary.byCountry.get(c) as Matrix).posts));
  const rows = countries.map((c) => {
    const cm = r.summary.byCountry.get(c) as Matrix;
    const t = matrixTotals(cm);
    const name = countryName(c);
    const cell = (path: readonly string[], v: number) => `<td data-figure="${esc(JSON.stringify(path))}" data-value="${v}">${v}</td>`;
    const cells = kinds.map((k) => cell(["byCountry", name, `${k.from}→${k.to}`], cm[k.from][k.to])).join("") + cell(["byCountry", name, "unchanged"], t.unchanged) + cell(["byCountry", name, "posts"], t.posts);
    return { label: name, parts: [{ value: t.posts - t.unchanged, kind: "wrong" as const }, { value: t.unchanged, kind: "ok" as const }], cells };
  });
  return `${barTable("Changes by country (bar: the country's posts, those whose decision changes first)", ["country", ...kinds.map((k) => `${k.from} → ${k.to}`), "unchanged", "posts"], rows, max)}
<p class="legend"><span><span class="swatch" style="background:#b3261e"></span>decision changes</span><span><span class="swatch" style="background:#1f5fa8"></span>unchanged</span></p>`;
}

function side(d: Decision, showEvidence: boolean): string {
  const rule = d.rule === null ? "the default" : `rule <code>${esc(d.rule)}</code>`;
  const ev = showEvidence ? `<dd class="note">evidence: ${d.matches.length ? d.matches.map((m) => `<mark title="${esc(m.signal)}">${esc(m.text)}</mark> (${esc(m.signal)})`).join(", ") : "none"}</dd>` : "";
  return `<dt>${esc(d.policy)}</dt><dd>${badge(d.decision)} by ${rule}: ${esc(d.reason)}</dd>${ev}`;
}

const sameEvidence = (a: Decision, b: Decision): boolean => a.matches.length === b.matches.length && a.matches.every((m, i) => m.signal === b.matches[i]?.signal && m.start === b.matches[i]?.start && m.end === b.matches[i]?.end);

function postArticle(item: DiffItem, n: number): string {
  const id = `post-${n}`;
  if (item.kind === "error") {
    return `<article class="post" data-item data-change="error" data-country="(none)" aria-labelledby="${id}"><header><h3 id="${id}">${esc(item.id)}</h3><span>${esc(`line ${item.line}`)}</span></header><p>${esc(`${item.code}: ${item.message}`)}</p></article>`;
  }
  const { from, to, changed } = item.diff;
  const change = changed ? `${from.decision}→${to.decision}` : "unchanged";
  const same = sameEvidence(from, to);
  // With the same evidence both sides, it is marked once in the post; otherwise each side lists its own.
  const marks = same ? from.matches : [];
  return `<article class="post${changed ? "" : " unchanged"}" data-item data-change="${esc(change)}" data-country="${esc(countryName(from.country))}" aria-labelledby="${id}">
<header><h3 id="${id}">${esc(item.id)}</h3><span>${badge(from.decision)} → ${badge(to.decision)}</span><span>${esc(`${from.country ?? "no country"}${from.lang ? ` · ${from.lang}` : ""}`)}</span></header>
<blockquote dir="auto"${langAttr(from.lang)}>${highlightHtml(item.text, marks)}</blockquote>
<dl>
${side(from, !same)}
${side(to, !same)}
${same && from.matches.length ? `<dt>evidence</dt><dd>${from.matches.map((m) => `<mark title="${esc(m.signal)}">${esc(m.text)}</mark> (${esc(m.signal)})`).join(", ")}</dd>` : ""}
</dl>
</article>`;
}

function postsSection(r: DiffReport): string {
  const changes = [...new Set(r.items.map((i) => (i.kind === "error" ? "error" : i.diff.changed ? `${i.diff.from.decision}→${i.diff.to.decision}` : "unchanged")))].sort();
  const countries = [...new Set(r.items.map((i) => (i.kind === "error" ? "(none)" : countryName(i.diff.from.country))))].sort();
  const form = filterForm([
    { name: "change", label: "Change", values: changes },
    { name: "country", label: "Country", values: countries },
  ]);
  const more = r.notListed > 0 ? `<p class="note">${esc(`${r.notListed} more posts are not listed (the report lists at most ${r.items.length}); the JSON output has them all.`)}</p>` : "";
  const body = r.items.length === 0 ? `<p class="none">No post changes decision.</p>` : `${form}\n${more}\n${r.items.map((x, i) => postArticle(x, i + 1)).join("\n")}`;
  return `<section id="posts" aria-labelledby="posts-h"><h2 id="posts-h">Posts</h2>
<p class="note">Each post with both decisions, the rules that made them and the evidence <mark>marked</mark>.</p>
${body}
</section>`;
}

/**
 * The diff as one self-contained HTML page: the headline, the transition matrix as a heat map,
 * the changes by country as bars, and the posts listed with both decisions and their evidence,
 * with a filter. A pure function of the report.
 */
export function diffHtml(r: DiffReport): string {
  const s = r.summary;
  const posts = s.total - s.errors;
  const head = `${s.changed} of ${posts} posts change decision from ${r.from} to ${r.to}`;
  const notes = [`${posts - s.changed} unchanged`, ...(s.ruleChanged ? [`${s.ruleChanged} of them decided by another rule`] : []), ...(s.errors ? [`${s.errors} records could not be evaluated`] : [])];
  const body = `<header>
<h1>${esc(`Policy change: ${r.from} → ${r.to}`)}</h1>
<p class="lede">${esc(`Posts from ${r.inputs.join(", ")}.`)}</p>
<nav aria-label="Sections"><ul><li><a href="#summary">Summary</a></li><li><a href="#countries">By country</a></li><li><a href="#posts">Posts</a></li></ul></nav>
</header>
<main id="main">
<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>
<p><strong data-figure='["changed"]' data-value="${s.changed}">${esc(head)}</strong> (${esc(notes.join(", "))}).</p>
${matrixSection(r)}
<p class="legend"><span><span class="swatch" style="background:#1f5fa8"></span>unchanged</span><span><span class="swatch" style="background:#b3261e"></span>decision changes</span></p>
</section>
<section id="countries" aria-labelledby="countries-h"><h2 id="countries-h">By country</h2>
${countrySection(r)}
</section>
${postsSection(r)}
</main>`;
  return page(`modpol diff: ${r.from} → ${r.to}`, body);
}
