import { createHash } from "node:crypto";
import { printable } from "../../base/safe-text.js";
import { VERSION } from "../../base/version.js";
import { PAGE_CSS } from "./page-css.js";

/**
 * The frame of modpol's HTML reports: one self-contained file (styles and script inline, no font,
 * image or request of any kind), which a reader may open from a mail attachment, offline. Posts are
 * written by anyone, so every piece of text goes through {@link esc}, and a Content-Security-Policy
 * allows no network and runs only the report's own script (by its hash): were a post ever to slip
 * through unescaped, its `<script>` or `onerror` would still not run.
 */

/** Escapes text for HTML content and quoted attribute values; control and bidi characters become visible stand-ins. */
export function esc(s: string): string {
  return printable(s, true)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A language tag fit for a `lang` attribute, or undefined (record languages are checked on input; this is a second guard). */
export function langAttr(lang: string | null | undefined): string {
  return lang && /^[a-z]{2,3}$/.test(lang) ? ` lang="${lang}"` : "";
}

/** `text` escaped, with each evidence span (UTF-16 offsets) in a `<mark>` titled with its signal. */
export function highlightHtml(text: string, spans: readonly { readonly start: number; readonly end: number; readonly signal: string }[]): string {
  // printable() keeps the length, so the offsets still fit the text shown.
  const shown = printable(text, true);
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = "";
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos) continue;
    out += esc(shown.slice(pos, s.start)) + `<mark title="${esc(s.signal)}">${esc(shown.slice(s.start, s.end))}</mark>`;
    pos = s.end;
  }
  return out + esc(shown.slice(pos));
}

/**
 * The report's script: the filter of the post list (search text and choice lists, shown count
 * announced to screen readers) and, before printing, every folded section opened. Without script
 * the page shows every post and every figure: the script only hides.
 */
const SCRIPT = `(function () {
  var form = document.getElementById("filter");
  if (form) {
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-item]"));
    var status = document.getElementById("filter-status");
    var apply = function () {
      var q = form.elements.namedItem("q").value.trim().toLowerCase();
      var picks = Array.prototype.slice.call(form.querySelectorAll("select"));
      var shown = 0;
      items.forEach(function (el) {
        var ok = (q === "" || el.textContent.toLowerCase().indexOf(q) >= 0) && picks.every(function (s) { return s.value === "" || el.getAttribute("data-" + s.name) === s.value; });
        el.hidden = !ok;
        if (ok) shown++;
      });
      status.textContent = shown + " of " + items.length + " posts shown";
    };
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    form.hidden = false;
    apply();
  }
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
  });
})();`;

const SCRIPT_HASH = createHash("sha256").update(SCRIPT).digest("base64");

/** The Content-Security-Policy of every report: nothing from anywhere, but its inline styles and its own script. */
export const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'`;

/** A whole report page around `body` (already HTML), titled `title` (text). */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="modpol ${VERSION}">
<title>${esc(title)}</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
${body}
<footer><p>Written by modpol ${VERSION}. A single file: it loads nothing from anywhere.</p></footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** The filter form over the `[data-item]` elements: a search box and one choice list per attribute. */
export function filterForm(choices: readonly { readonly name: string; readonly label: string; readonly values: readonly string[] }[]): string {
  const selects = choices
    .filter((c) => c.values.length > 1)
    .map((c) => `<label>${esc(c.label)} <select name="${esc(c.name)}"><option value="">all</option>${c.values.map((v) => `<option>${esc(v)}</option>`).join("")}</select></label>`)
    .join("\n");
  // Hidden until the script shows it: without script there is nothing to filter with.
  return `<form id="filter" class="filters" role="search" aria-label="Filter the posts" hidden>
<label>Search <input type="search" name="q" placeholder="words of the post, a rule, an id"></label>
${selects}
<p id="filter-status" role="status" aria-live="polite"></p>
</form>`;
}

/** A decision (or class) as a badge; the text says it, the colour only repeats it. */
export function badge(decision: string): string {
  const known = ["violating", "exempt", "clear", "review"].includes(decision) ? decision : "other";
  return `<span class="badge b-${known}">${esc(decision)}</span>`;
}
