import type { Evidence } from "../evaluate/evaluate.js";
import type { Blame, Operand, WhyNot } from "../evaluate/why-not.js";
import { printable } from "../base/safe-text.js";
import { callLines, showValue, type Offsets } from "./eval-format.js";
import { decisionColour, PLAIN, type Style } from "./style.js";

// Strings from posts and rule files are shown through printable(), as in eval's text output.
const quoteAll = (es: readonly Evidence[]): string => es.map((e) => `"${printable(e.text)}"`).join(", ");

function countryText(c: string | null): string {
  return c === null ? "the post has no country" : `the post is from ${printable(c)}`;
}

function langText(l: string | null): string {
  return l === null ? "the post's language is not known" : `the post is in ${l}`;
}

function operandText(o: Operand): string {
  if (o.field && o.value === null) return `the record has no ${printable(o.text)}`;
  const value = typeof o.value === "number" ? String(o.value) : showValue(o.value);
  const shown = o.text.trim() === value ? printable(o.text) : `${printable(o.text)} = ${value}`;
  if (o.setting?.policyValue !== undefined) return `${shown} (set by --set; the policy says ${showValue(o.setting.policyValue)})`;
  const held = (o.signals ?? []).filter((s) => s.holds);
  if (!o.signals) return shown;
  return `${shown} (${held.length ? held.map((s) => `${printable(s.signal)}: ${quoteAll(s.evidence)}`).join("; ") : "none held"})`;
}

/** What a failed part is now, as evidence from the post ("nothing in the post matches it"). */
function stateText(b: Exclude<Blame, { k: "any" }>): string {
  switch (b.k) {
    case "signal": {
      if (!b.want) return quoteAll(b.counted);
      const aside = b.discounted.map((d) => `"${printable(d.evidence.text)}" (${printable(d.evidence.signal)}) not counted: ${printable(d.why)}`);
      return aside.length ? aside.join("; ") : "nothing in the post matches it";
    }
    case "country-in":
      return `${countryText(b.country)}${b.set ? `; ${printable(b.set)} is ${printable(b.codes.join(" "))}` : ""}`;
    case "country-known":
      return countryText(b.country);
    case "lang-in":
      return `${langText(b.lang)}; the languages are ${printable(b.codes.join(" "))}`;
    case "lang-known":
      return langText(b.lang);
    case "compare":
      return `${operandText(b.left)}, ${operandText(b.right)}`;
    case "field": {
      const value = b.value === null ? `the record has no ${b.field}` : `${b.field} is ${showValue(b.value)}`;
      const against = b.test === "in" || b.test === "contains" ? `; ${b.set ?? "the list"} is ${b.values.map((v) => JSON.stringify(v)).join(" ")}` : "";
      return `${value}${against}`;
    }
    case "constant":
      return "";
  }
}

/** One failed part of a condition, as a line an analyst can check against the post. */
export function blameText(b: Blame, s: Style = PLAIN): string {
  const name = s.bold(printable(b.text));
  switch (b.k) {
    case "signal":
      return b.want ? `${name} does not hold: ${stateText(b)}` : `${name} holds, and must not: ${stateText(b)}`;
    case "country-in":
    case "country-known":
    case "lang-in":
    case "lang-known":
      return `${name} ${b.want ? "does not hold" : "holds, and must not"}: ${stateText(b)}`;
    case "compare":
      return `${name} ${b.want ? "is false" : "is true, and must not be"}: ${stateText(b)}`;
    case "field":
      return `${name} ${b.want ? "does not hold" : "holds, and must not"}: ${stateText(b)}`;
    case "constant":
      return `${name} ${b.want ? "never holds" : "always holds"}`;
    case "any":
      return `${name} ${b.want ? "does not hold; it would if any one of these changed:" : "holds; it would not if any one of these changed:"}`;
  }
}

/**
 * One alternative of an `any` part, said as the change it would take ("invaders held"), with what
 * the post has now: the alternatives are changes to choose from, not more failures.
 */
export function changeText(b: Blame, s: Style = PLAIN): string {
  const name = s.bold(b.text);
  switch (b.k) {
    case "signal":
      return b.want ? `${name} held (now ${stateText(b)})` : `${name} did not hold (now it holds: ${stateText(b)})`;
    case "country-in":
    case "country-known":
    case "lang-in":
    case "lang-known":
      return `${name} ${b.want ? "held" : "did not hold"} (now ${stateText(b)})`;
    case "compare":
      return `${name} ${b.want ? "were true" : "were false"} (now ${stateText(b)})`;
    case "field":
      return `${name} ${b.want ? "held" : "did not hold"} (now ${stateText(b)})`;
    case "constant":
      return `${name} ${b.want ? "held" : "did not hold"} (it never can: it is a constant)`;
    case "any":
      return `${name} ${b.want ? "held, which any one of these would do:" : "did not hold, which any one of these would do:"}`;
  }
}

function blameLines(bs: readonly Blame[], s: Style, indent: string): string[] {
  return bs.flatMap((b) => [`${indent}${s.red("✗")} ${blameText(b, s)}`, ...optionLines(b, s, `${indent}    `)]);
}

/** The alternatives of an `any` part, one a line, each the change it would take; nested ones indented further. */
function optionLines(b: Blame, s: Style, indent: string): string[] {
  if (b.k !== "any") return [];
  return b.options.flatMap((opt) => {
    const dash = s.dim("-");
    const only = opt.length === 1 ? (opt[0] as Blame) : undefined;
    if (only) return [`${indent}${dash} ${changeText(only, s)}`, ...optionLines(only, s, `${indent}    `)];
    return [`${indent}${dash} all of these changed:`, ...blameLines(opt, s, `${indent}    `)];
  });
}

/** The "why not" of one post as text lines (indented under the post's result). */
export function whyNotLines(w: WhyNot, s: Style = PLAIN, indent = "  "): string[] {
  const want = s.bold(decisionColour(s, w.wanted)(w.wanted));
  const out: string[] = [];
  if (w.already) {
    out.push(`${indent}${s.dim("why not")} ${want}${s.dim("?")} it is ${w.wanted}, by ${w.decision.rule === null ? "the default" : `rule ${printable(w.decision.rule)}`}`);
    return out;
  }
  out.push(`${indent}${s.dim("why not")} ${want}${s.dim("?")}`);
  out.push(...callLines(w.calls, s, `${indent}  `));
  if (w.rules.length === 0 && !w.fallback) out.push(`${indent}  no rule of ${printable(w.decision.policy)} gives ${w.wanted}, and its default is not ${w.wanted}`);
  for (const r of w.rules) {
    if (r.holds) {
      out.push(`${indent}  ${s.yellow("!")} rule ${s.bold(printable(r.id))} holds, but rule ${printable(String(r.preemptedBy))} comes first and decides`);
      continue;
    }
    out.push(`${indent}  ${s.red("✗")} rule ${s.bold(printable(r.id))} does not hold:`);
    out.push(...blameLines(r.failed, s, `${indent}      `));
  }
  if (w.fallback) {
    out.push(`${indent}  ${s.red("✗")} the default (${w.wanted}) applies only when no rule holds, and these hold:`);
    for (const b of w.fallback.blockedBy) {
      out.push(`${indent}      rule ${s.bold(printable(b.id))} → ${b.decision}`);
      out.push(...blameLines(b.failed, s, `${indent}        `));
    }
  }
  return out;
}

function evidenceObject(e: Evidence, at: Offsets): Record<string, unknown> {
  return { signal: e.signal, term: e.term, text: e.text, start: at(e.start), end: at(e.end) };
}

function blameObject(b: Blame, at: Offsets): Record<string, unknown> {
  const ev = (es: readonly Evidence[]) => es.map((e) => evidenceObject(e, at));
  const op = (o: Operand) => ({
    text: o.text,
    value: o.value,
    ...(o.signals ? { signals: o.signals.map((x) => ({ signal: x.signal, holds: x.holds, matches: ev(x.evidence) })) } : {}),
    ...(o.setting ? { setting: o.setting.name, ...(o.setting.policyValue !== undefined ? { policyValue: o.setting.policyValue } : {}) } : {}),
  });
  const base = { condition: b.text, kind: b.k, needed: b.want };
  switch (b.k) {
    case "signal":
      return { ...base, signal: b.signal, matches: ev(b.counted), setAside: b.discounted.map((d) => ({ ...evidenceObject(d.evidence, at), why: d.why })) };
    case "country-in":
      return { ...base, country: b.country, set: b.set, codes: b.codes };
    case "country-known":
      return { ...base, country: b.country };
    case "lang-in":
      return { ...base, lang: b.lang, codes: b.codes };
    case "lang-known":
      return { ...base, lang: b.lang };
    case "compare":
      return { ...base, left: op(b.left), right: op(b.right) };
    case "field":
      return { ...base, field: b.field, value: b.value, ...(b.test === "in" || b.test === "contains" ? { set: b.set, values: b.values } : {}) };
    case "constant":
      return base;
    case "any":
      return { ...base, anyOf: b.options.map((o) => o.map((x) => blameObject(x, at))) };
  }
}

/**
 * The "why not" of one post as plain data for JSON: `needed` is the value each failed part needed.
 * `at` is the post's offset conversion ({@link offsetsFor}), shared with the rest of its record.
 */
export function whyNotObject(w: WhyNot, at: Offsets): Record<string, unknown> {
  return {
    decision: w.wanted,
    already: w.already,
    calls: w.calls.map((c) => ({ signal: c.signal, frame: c.frame ?? null, call: evidenceObject(c.call, at), targets: c.targets.map((t) => ({ ...evidenceObject(t.evidence, at), role: t.role })) })),
    rules: w.rules.map((r) => ({
      id: r.id,
      holds: r.holds,
      ...(r.preemptedBy !== undefined ? { preemptedBy: r.preemptedBy } : {}),
      failed: r.failed.map((b) => blameObject(b, at)),
      condition: r.trace,
    })),
    ...(w.fallback ? { default: { reason: w.fallback.reason, blockedBy: w.fallback.blockedBy.map((b) => ({ id: b.id, decision: b.decision, mustFail: b.failed.map((x) => blameObject(x, at)) })) } } : {}),
  };
}
