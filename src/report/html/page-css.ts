/**
 * The stylesheet of the HTML reports. Colours are chosen for contrast (every text colour on its
 * background is at least 4.5:1, WCAG AA), and colour never carries meaning alone: a decision badge
 * says its name, a heat-map cell shows its count, a bar sits beside its figure. Printed, the filter
 * disappears, everything is black on white, and a post is never split across pages.
 */
export const PAGE_CSS = `
:root { --fg: #1b1b1b; --muted: #595959; --line: #c8c8c8; --bg: #ffffff; --panel: #f5f6f8; --link: #0b57d0;
  --good: #1f5fa8; --bad: #b3261e; --mark: #ffe08a; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1rem 1.5rem 3rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--link); }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; z-index: 1; }
:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
h1 { font-size: 1.6rem; margin: .5rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.lede { color: var(--muted); margin-top: 0; }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; list-style: none; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .55rem; text-align: right; vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
th[scope=row], td.label { text-align: left; }
td.ci { color: var(--muted); font-size: .85em; white-space: nowrap; }
.figures td.value { font-weight: 600; }
.heat td { min-width: 4.2rem; text-align: center; }
.heat td.diag { font-weight: 700; outline: 2px solid #1b1b1b; outline-offset: -3px; }
.bars td.bar-cell { width: 40%; min-width: 10rem; text-align: left; }
.bar { display: flex; height: .9rem; background: #e6e8eb; border: 1px solid #8a8f98; }
.bar span { display: block; height: 100%; }
.bar .ok { background: var(--good); }
.bar .wrong { background: var(--bad); }
.legend { display: flex; gap: 1rem; flex-wrap: wrap; color: var(--muted); font-size: .9em; margin: .25rem 0; }
.swatch { display: inline-block; width: .9rem; height: .9rem; vertical-align: -.1rem; border: 1px solid #555; margin-right: .3rem; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .3rem; color: #fff; font-weight: 600; font-size: .9em; }
.b-violating { background: #b3261e; } .b-exempt { background: #7a4f00; } .b-clear { background: #1e6b2a; } .b-review { background: #6a1b9a; } .b-other { background: #3d4a5c; }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; background: var(--panel); padding: .75rem; border: 1px solid var(--line); position: sticky; top: 0; }
.filters label { display: flex; flex-direction: column; font-size: .85em; color: var(--muted); }
.filters input, .filters select { font: inherit; color: var(--fg); padding: .2rem .35rem; border: 1px solid #767676; border-radius: .25rem; background: #fff; }
.filters p { margin: 0; font-weight: 600; }
.post { border: 1px solid var(--line); border-left: 4px solid var(--bad); padding: .6rem .9rem; margin: .75rem 0; }
.post header { display: flex; flex-wrap: wrap; gap: .3rem .75rem; align-items: baseline; color: var(--muted); font-size: .9em; }
.post blockquote { margin: .4rem 0; padding: .4rem .6rem; background: var(--panel); white-space: pre-wrap; overflow-wrap: anywhere; font-size: 1.05em; }
mark { background: var(--mark); color: #000; text-decoration: underline dotted; padding: 0 .1em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .15rem .75rem; margin: .4rem 0; }
dt { color: var(--muted); }
dd { margin: 0; }
details summary { cursor: pointer; color: var(--link); }
details pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--panel); padding: .5rem; font-size: .85em; }
.note { color: var(--muted); }
.none { color: var(--muted); font-style: italic; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85em; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; color: #000; }
  .filters, .skip, nav { display: none !important; }
  [data-item][hidden] { display: block !important; }
  .post, table, figure { break-inside: avoid; }
  h2 { break-after: avoid; }
  a { color: #000; }
  .bar, .bar span, .heat td, .badge { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
