import { describePeriod } from "../base/dates.js";
import type { Decision, Evidence } from "../evaluate/evaluate.js";
import type { CallTrace, CondTrace, Explanation } from "../evaluate/explain.js";
import { printable } from "../base/safe-text.js";
import { decisionColour, type Style } from "./style.js";
import { guardFormula } from "./csv-guard.js";
import type { WorkMeter } from "../evaluate/context-index.js";

/** How evidence offsets are counted in machine-readable output. */
export type OffsetUnit = "codepoint" | "utf16";

/** For a post decided under a timeline: the date used and the period of the version that decided. */
export interface DatedVersion {
  readonly date: string;
  readonly from: string | undefined;
  readonly until: string | undefined;
}

/** One output record: a decision for a post, or an error for a record that could not be evaluated. */
export type ResultItem =
  | { readonly kind: "decision"; readonly id: string; readonly line: number; readonly text: string; readonly decision: Decision; readonly explanation?: Explanation | undefined; readonly dated?: DatedVersion | undefined }
  | { readonly kind: "error"; readonly id: string; readonly line: number; readonly code: string; readonly message: string };

/** Options shared by the eval formatters. */
export interface EvalFormatOptions {
  readonly offsets: OffsetUnit;
  readonly style: Style;
  /** Counts the units the offset conversion scans (for the tests). */
  readonly meter?: WorkMeter | undefined;
}

/** A post's offset conversion: a UTF-16 offset into its text, in the unit asked for. */
export type Offsets = (utf16: number) => number;

const SURROGATE = /[\uD800-\uDFFF]/;
/** Units between checkpoints of the conversion: a look-up scans fewer than this many. */
const BLOCK = 64;
const sameOffset: Offsets = (utf16) => utf16;

/**
 * The offset conversion of one post, built once and shared by every offset written for it, so that
 * output stays linear in the post's length: the text is scanned at most once (and only when an
 * offset is asked for), recording how many low surrogates come before every BLOCK-th unit; each
 * offset then costs fewer than BLOCK units from the checkpoint before it. Converting each offset by
 * a scan from the start of the text made a long post with emoji cost its length times its matches.
 *
 * A code point offset is the number of units before it that are not low surrogates (a lone high
 * surrogate counts as one code point, a lone low surrogate as none); offsets outside the text are
 * clamped to it. A text with no surrogate keeps its offsets as they are.
 */
export function offsetsFor(text: string, unit: OffsetUnit, meter?: WorkMeter): Offsets {
  if (unit === "utf16") return sameOffset;
  let lows: Uint32Array | null | undefined;
  return (utf16) => {
    if (lows === undefined) lows = lowSurrogateCheckpoints(text, meter);
    if (lows === null) return utf16;
    const u = utf16 <= 0 ? 0 : utf16 >= text.length ? text.length : utf16;
    const k = Math.floor(u / BLOCK);
    let before = lows[k] as number;
    for (let i = k * BLOCK; i < u; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff) before++;
    }
    if (meter) meter.steps += u - k * BLOCK;
    return u - before;
  };
}

/** Low surrogates before every BLOCK-th unit of `text` (one pass), or null when it holds no surrogate. */
function lowSurrogateCheckpoints(text: string, meter: WorkMeter | undefined): Uint32Array | null {
  if (meter) meter.steps += text.length;
  const first = text.search(SURROGATE);
  if (first < 0) return null;
  // Before the first surrogate every count is 0, as the array starts.
  const lows = new Uint32Array(Math.floor(text.length / BLOCK) + 1);
  let count = 0;
  for (let i = first - (first % BLOCK); i < text.length; i++) {
    if (i % BLOCK === 0) lows[i / BLOCK] = count;
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) count++;
  }
  // The end of a text whose length is a multiple of BLOCK is a checkpoint the loop does not reach.
  if (text.length % BLOCK === 0) lows[text.length / BLOCK] = count;
  return lows;
}

function jsonMatch(e: Evidence, at: Offsets): Record<string, unknown> {
  return { signal: e.signal, term: e.term, text: e.text, start: at(e.start), end: at(e.end) };
}

/** The JSON object of one result, with exactly the fields SPEC §4 names (plus `explanation` on request). */
export function resultObject(item: ResultItem, unit: OffsetUnit, at?: Offsets): Record<string, unknown> {
  if (item.kind === "error") return { id: item.id, line: item.line, error: { code: item.code, message: item.message } };
  const d = item.decision;
  const conv = at ?? offsetsFor(item.text, unit);
  const o: Record<string, unknown> = { id: item.id, decision: d.decision, rule: d.rule, reason: d.reason, policy: d.policy, country: d.country, lang: d.lang, matches: d.matches.map((m) => jsonMatch(m, conv)) };
  if (item.explanation) o.explanation = explanationObject(item.explanation, conv);
  return o;
}

function explanationObject(x: Explanation, at: Offsets): Record<string, unknown> {
  const ev = (e: Evidence) => ({ ...jsonMatch(e, at), lexicon: e.lexicon, lang: e.lang, transforms: e.transforms });
  return {
    language: x.language,
    ...(x.fields.length > 0 ? { fields: Object.fromEntries(x.fields.map((f) => [f.path, f.value])) } : {}),
    ...(x.settings.length > 0 ? { settings: Object.fromEntries(x.settings.map((g) => [g.name, g.policyValue === undefined ? g.value : { value: g.value, policy: g.policyValue }])) } : {}),
    calls: x.calls.map((c) => ({ signal: c.signal, frame: c.frame ?? null, call: ev(c.call), targets: c.targets.map((t) => ({ ...ev(t.evidence), role: t.role, ...(t.why ? { why: t.why } : {}) })), credibility: c.credibility.map(ev) })),
    rules: x.rules.map((r) => ({ id: r.id, decision: r.decision, holds: r.holds, condition: r.trace })),
    signals: x.signals.filter((s) => s.counted.length + s.discounted.length > 0).map((s) => ({ name: s.name, holds: s.holds, counted: s.counted.map(ev), discounted: s.discounted.map((d) => ({ ...ev(d.evidence), why: d.why })) })),
  };
}

/**
 * One JSONL line (with its newline). A plain decision, the line written for every post of a batch
 * run, is put together directly: the same text as `JSON.stringify(resultObject(…))` (a test holds
 * them equal), without building the objects first.
 */
export function jsonlLine(item: ResultItem, o: EvalFormatOptions): string {
  if (item.kind !== "decision" || item.explanation) return `${JSON.stringify(resultObject(item, o.offsets, item.kind === "decision" ? offsetsFor(item.text, o.offsets, o.meter) : undefined))}\n`;
  const d = item.decision;
  const q = JSON.stringify;
  const at = offsetsFor(item.text, o.offsets, o.meter);
  let ms = "";
  for (const e of d.matches) {
    const start = at(e.start);
    const end = at(e.end);
    ms += `${ms === "" ? "" : ","}{"signal":${q(e.signal)},"term":${q(e.term)},"text":${q(e.text)},"start":${start},"end":${end}}`;
  }
  return `{"id":${q(item.id)},"decision":${q(d.decision)},"rule":${d.rule === null ? "null" : q(d.rule)},"reason":${q(d.reason)},"policy":${q(d.policy)},"country":${d.country === null ? "null" : q(d.country)},"lang":${d.lang === null ? "null" : q(d.lang)},"matches":[${ms}]}\n`;
}

/** CSV columns of eval output. */
export const CSV_COLUMNS = ["id", "decision", "rule", "reason", "policy", "country", "lang", "matches", "error_code", "error_message"] as const;

/** Quotes a CSV field when it needs it (RFC 4180); formulas are guarded before (csv-guard.ts). */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The `matches` cell of CSV output: `signal:text@start-end` joined by "; ". The matched text is the
 * post's own, so it may hold the separators: a backslash, ';' and '@' in it are escaped with a
 * backslash, so the cell splits one way only (at "; " not after a backslash, then at the last '@').
 * Signal names and offsets never hold them.
 */
export function csvMatchesCell(ms: readonly Evidence[], at: Offsets): string {
  return ms.map((m) => `${m.signal}:${m.text.replace(/[\\;@]/g, "\\$&")}@${at(m.start)}-${at(m.end)}`).join("; ");
}

/** One CSV row (with its newline); matches as {@link csvMatchesCell} writes them. */
export function csvLine(item: ResultItem, o: EvalFormatOptions): string {
  const cells =
    item.kind === "error"
      ? [item.id, "", "", "", "", "", "", "", item.code, item.message]
      : [item.id, item.decision.decision, item.decision.rule ?? "", item.decision.reason, item.decision.policy, item.decision.country ?? "", item.decision.lang ?? "", csvMatchesCell(item.decision.matches, offsetsFor(item.text, o.offsets, o.meter)), "", ""];
  return `${cells.map((c) => csvField(guardFormula(c))).join(",")}
`;
}

/** The text with every evidence span marked by the style's highlight. */
export function highlightSpans(text: string, spans: readonly { start: number; end: number }[], style: Style): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = "";
  let pos = 0;
  for (const s of sorted) {
    if (s.start < pos) continue;
    out += text.slice(pos, s.start) + style.highlight(text.slice(s.start, s.end));
    pos = s.end;
  }
  return out + text.slice(pos);
}

/** A value of a record field, a setting or the language as explanations show it: text quoted, absent as such. */
export function showValue(v: string | number | boolean | readonly string[] | null): string {
  if (v === null) return "absent";
  // A record's field is a post's string: JSON quotes it, printable() shows what JSON leaves raw
  // (C1 controls, bidi overrides, line separators).
  if (Array.isArray(v)) return printable(`[${v.map((x) => JSON.stringify(x)).join(", ")}]`);
  return typeof v === "string" ? printable(JSON.stringify(v)) : String(v);
}

/** The operator at the top of a condition's source text: names hold no spaces, so " or " at depth 0 is one. */
function topOperator(text: string): "and" | "or" | "not" | undefined {
  let t = text.trim();
  // Parentheses around the whole of it change nothing.
  while (t.startsWith("(") && closingParen(t, 0) === t.length - 1) t = t.slice(1, -1).trim();
  let depth = 0;
  let and = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    else if (depth === 0 && c === " ") {
      if (t.startsWith(" or ", i)) return "or";
      if (t.startsWith(" and ", i)) and = true;
    }
  }
  if (and) return "and";
  return /^not\b/.test(t) ? "not" : undefined;
}

function closingParen(t: string, open: number): number {
  let depth = 0;
  for (let i = open; i < t.length; i++) {
    if (t[i] === "(") depth++;
    else if (t[i] === ")" && --depth === 0) return i;
  }
  return -1;
}

/**
 * A condition trace as lines, one condition a line, parts indented under the whole: `all of:` and
 * `any of:` for a conjunction and an alternative, the values a comparison compared beside it.
 * `label` stands in for the top line's text (the rule, whose condition is then listed below it).
 */
export function traceLines(t: CondTrace, style: Style, indent = "", label?: string): string[] {
  const mark = (v: CondTrace["value"]) => (v === true ? style.green("✓") : style.red("✗"));
  const kids = t.children ?? [];
  // The values a comparison or a field test read (counts, settings, record fields), beside it.
  const operands = kids.filter((k) => k.operand || typeof k.value === "number");
  if (operands.length > 0) {
    const shown = (k: CondTrace) => (k.value === null ? style.yellow("absent") : style.cyan(`= ${showValue(k.value as Exclude<CondTrace["value"], null>)}`));
    const values = operands.filter((k) => k.text.trim() !== String(k.value)).map((k) => `${printable(k.text)} ${shown(k)}`);
    return [`${indent}${mark(t.value)} ${label ?? printable(t.text)}${values.length ? style.dim(` (${values.join(", ")})`) : ""}`];
  }
  const op = kids.length > 0 ? topOperator(t.text) : undefined;
  if (op === undefined) return [`${indent}${mark(t.value)} ${label ?? printable(t.text)}`];
  if (op === "not" && kids.length === 1 && (kids[0]?.children ?? []).length === 0) return [`${indent}${mark(t.value)} ${label ?? printable(t.text)}`];
  const head = op === "and" ? "all of:" : op === "or" ? "any of:" : "not";
  // "not" over a conjunction or alternative: "not any of:" with the parts below.
  if (op === "not") {
    const inner = kids[0] as CondTrace;
    const innerOp = topOperator(inner.text);
    const innerHead = innerOp === "and" ? "all of:" : innerOp === "or" ? "any of:" : undefined;
    if (innerHead) return [`${indent}${mark(t.value)} ${label ? `${label}: ` : ""}not ${innerHead}`, ...(inner.children ?? []).flatMap((k) => traceLines(k, style, `${indent}    `))];
    return [`${indent}${mark(t.value)} ${label ? `${label}: ` : ""}not`, ...traceLines(inner, style, `${indent}    `)];
  }
  return [`${indent}${mark(t.value)} ${label ? `${label}, when ${head}` : head}`, ...kids.flatMap((k) => traceLines(k, style, `${indent}    `))];
}

/**
 * A post's text as one line of a text report: its control characters shown, not obeyed (see
 * {@link printable}; the length is kept, so evidence spans still fit), and its line breaks as ⏎.
 * `mark` may style spans of it first (the evidence under --explain).
 */
export function postLine(text: string, mark: (safe: string) => string = (x) => x): string {
  return mark(printable(text, true))
    .replace(/\r?\n/g, " ⏎ ")
    .replace(/\r/g, "\u240d");
}

/**
 * The human-readable block for one result. Every string that comes from a post or a rule file (id,
 * text, reason, rule, policy, terms, conditions) is shown through {@link printable}: an escape
 * sequence, a line break or a bidi override in one cannot restyle the terminal, start a line a CI
 * runner reads as a command (`::error…`), or reorder what is shown.
 */
export function textBlock(item: ResultItem, o: EvalFormatOptions, showId: boolean): string {
  const s = o.style;
  const prefix = showId ? `${s.dim(printable(item.id))} ` : "";
  if (item.kind === "error") return `${prefix}${s.red("error")} ${item.code}: ${printable(item.message)}\n`;
  const d = item.decision;
  const colour = decisionColour(s, d.decision);
  const country = ` ${s.dim(`[${d.country ?? "no country"}${d.lang ? `, ${printable(d.lang)}` : ""}]`)}`;
  const lines: string[] = [];
  const shown = postLine(item.text, item.explanation ? (safe) => highlightSpans(safe, d.matches, s) : undefined);
  lines.push(`${prefix}${s.bold(colour(d.decision))}${country} ${shown}`);
  lines.push(`  ${s.dim(d.rule ? `rule ${printable(d.rule)}:` : "default:")} ${printable(d.reason)}`);
  if (item.dated) lines.push(`  ${s.dim("version:")} ${printable(d.policy)} ${s.dim(`(${describePeriod(item.dated.from, item.dated.until)}), for a post dated ${printable(item.dated.date)}`)}`);
  if (d.matches.length > 0) lines.push(`  ${s.dim("evidence:")} ${d.matches.map((m) => `${s.bold(`"${printable(m.text)}"`)} ${s.dim(`(${printable(m.signal)})`)}`).join(", ")}`);
  if (item.explanation) lines.push(...explainLines(item.explanation, s));
  return `${lines.join("\n")}\n`;
}

/** The calls of a post: each with its frame, whom it is aimed at and whom not, and its credibility. */
export function callLines(calls: readonly CallTrace[], s: Style, indent: string): string[] {
  const out: string[] = [];
  if (calls.length > 0) out.push(`${indent}${s.bold("calls")}`);
  calls.forEach((c, i) => {
    out.push(`${indent}  ${i + 1}. ${s.bold(`"${printable(c.call.text)}"`)} ${s.dim(`(${printable(c.call.signal)}${c.frame ? `, ${printable(c.frame)}` : ""})`)}`);
    const aimed = c.targets.filter((t) => t.role === "target" || t.role === "antecedent");
    const aside = c.targets.filter((t) => t.role !== "target" && t.role !== "antecedent");
    out.push(`${indent}     aimed at: ${aimed.length === 0 ? s.dim("no one named") : aimed.map((t) => `${s.bold(`"${printable(t.evidence.text)}"`)} (${printable(t.evidence.signal)}${t.role === "antecedent" ? `, ${printable(t.why ?? "from an earlier sentence")}` : ""})`).join(", ")}`);
    for (const t of aside) out.push(`${indent}     ${s.dim(`not aimed at: "${printable(t.evidence.text)}" (${printable(t.evidence.signal)}) — ${printable(t.why ?? t.role)}`)}`);
    if (c.credibility.length > 0) out.push(`${indent}     credibility: ${c.credibility.map((e) => `"${printable(e.text)}" (${printable(e.signal)})`).join(", ")}`);
  });
  return out;
}

/** A rule as tried: a line for the rule, then its condition one part a line (see {@link traceLines}). */
function ruleTraceLines(r: Explanation["rules"][number], s: Style): string[] {
  const label = `${printable(r.id)} → ${r.decision}`;
  const plain = traceLines(r.trace, s, "    ");
  // A condition of one part fits on the rule's line: "✓ id → decision: condition".
  if (plain.length === 1) {
    const lead = `    ${r.trace.value === true ? s.green("✓") : s.red("✗")} `;
    return [`${lead}${label}: ${(plain[0] as string).slice(lead.length)}`];
  }
  return traceLines(r.trace, s, "    ", label);
}

function explainLines(x: Explanation, s: Style): string[] {
  const out: string[] = [];
  const lg = x.language;
  if (lg.guess !== null || lg.lang !== null) {
    const cands = lg.candidates.map(([l, v]) => `${l} ${v.toFixed(2)}`).join(", ");
    out.push(`  ${s.bold("language")} ${printable(lg.lang ?? "not known")}${lg.guess !== null ? s.dim(` (identified: ${printable(lg.guess)}, ${lg.reliable ? "reliable" : "unsure"}${cands ? `; ${cands}` : ""})`) : s.dim(" (the record's own)")}`);
  }
  if (x.fields.length > 0) out.push(`  ${s.bold("fields")} ${x.fields.map((f) => `${printable(f.path)} ${f.value === null ? s.yellow("absent") : `= ${showValue(f.value)}`}`).join(", ")}`);
  if (x.settings.length > 0) out.push(`  ${s.bold("settings")} ${x.settings.map((g) => `${printable(g.name)} = ${showValue(g.value)}${g.policyValue === undefined ? "" : s.yellow(` (--set; the policy says ${showValue(g.policyValue)})`)}`).join(", ")}`);
  out.push(...callLines(x.calls, s, "  "));
  const active = x.signals.filter((g) => g.counted.length + g.discounted.length > 0);
  if (active.length > 0) out.push(`  ${s.bold("signals")}`);
  for (const g of active) {
    out.push(`    ${g.holds ? s.green("✓") : s.red("✗")} ${printable(g.name)}`);
    for (const e of g.counted) out.push(`        ${s.bold(`"${printable(e.text)}"`)} [${e.start}, ${e.end}) term ${s.cyan(printable(e.term))} (${printable(e.lexicon)}, ${printable(e.lang)})${e.transforms.length ? s.yellow(` — ${e.transforms.join("; ")}`) : ""}`);
    for (const d of g.discounted) out.push(`        ${s.dim(`"${printable(d.evidence.text)}" [${d.evidence.start}, ${d.evidence.end}) not counted: ${printable(d.why)}`)}`);
  }
  out.push(`  ${s.bold("rules")}`);
  for (const r of x.rules) out.push(...ruleTraceLines(r, s));
  if (x.rule === null) out.push(`    ${s.dim(`no rule held: default → ${x.decision}`)}`);
  return out;
}
