import { APOSTROPHES, C_APOSTROPHE, C_CONTROL, C_INVISIBLE, C_NFKC, C_UPPER, INVISIBLE } from "./char-class.js";
import { textClasses } from "./text-profile.js";
import { lazyRegExp } from "./lazy.js";
import { lowerCase } from "./lower-case.js";
import { alignedRewrite, RewriteBuilder, type Rewrite } from "./rewrite.js";

/**
 * One small normalisation step. Transformers run in a fixed order (see {@link TRANSFORMERS}); each
 * either returns null (nothing to do, the fast path for clean text) or a {@link Rewrite}.
 */
export interface Transformer {
  /** Stable identifier, used in explanations and tests. */
  readonly name: string;
  /** How an explanation names what it did, e.g. "folded look-alike letters". */
  readonly description: string;
  /** True when a change by this step is evidence of deliberate disguise and worth reporting. */
  readonly evasion: boolean;
  apply(input: string): Rewrite | null;
}

// Terminal escape sequences and other control characters (but tab and line breaks) are no text:
// "\x1b[31mkill" must read as "kill", not as one word "31mkill", and "k\x01ill" as "kill".
const CONTROL_G = lazyRegExp(String.raw`\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]`, "gu");
const INVISIBLE_G = lazyRegExp(INVISIBLE, "gu");
/** The controls that break a line (vertical tab, form feed, next line): they separate words. */
const LINE_BREAK_CONTROL = /^[\u000B\u000C\u0085]$/;

/** Zero-width, bidi and other invisible characters, used to split words so filters miss them. */
const invisible: Transformer = {
  name: "invisible",
  description: "removed invisible characters",
  evasion: true,
  apply(input) {
    // Every control sequence starts with a control character, so the classes answer both questions.
    const classes = textClasses(input);
    const invisible = (classes & C_INVISIBLE) !== 0;
    const control = (classes & C_CONTROL) !== 0;
    if (!invisible && !control) return null;
    // Invisible characters, control characters and escape sequences vanish: shown, they leave no
    // mark, and they are put inside words to split them ("k\x01ill" reads as "kill"). The controls
    // that break a line become a space, as a line break separates words.
    const spans: Array<[number, number, string]> = [];
    if (control) for (const m of input.matchAll(CONTROL_G())) spans.push([m.index, m.index + m[0].length, LINE_BREAK_CONTROL.test(m[0]) ? " " : ""]);
    if (invisible) for (const m of input.matchAll(INVISIBLE_G())) spans.push([m.index, m.index + m[0].length, ""]);
    spans.sort((a, b) => a[0] - b[0]);
    const b = new RewriteBuilder(input);
    let last = 0;
    for (const [start, end, out] of spans) {
      if (start < last) continue;
      b.keep(last, start);
      if (out === "") b.drop(start, end);
      else b.replace(start, end, out);
      last = end;
    }
    b.keep(last, input.length);
    return b.finish();
  },
};

/** A base character with the combining marks that follow it (or a lone run of marks). */
const CLUSTER = lazyRegExp(String.raw`\P{M}\p{M}*|\p{M}+`, "gsu");
/** A disguise is a styled letter or digit (fullwidth, mathematical, circled, squared) that folds to one plain one. */
const STYLED = lazyRegExp(String.raw`^[\p{L}\p{Nd}\p{So}]`, "u");
const PLAIN = lazyRegExp(String.raw`^[\p{L}\p{N}]\p{M}*$`, "u");

/** Unicode compatibility folding (NFKC): fullwidth, mathematical and other styled letters. */
const compat: Transformer = {
  name: "compat",
  description: "folded styled or fullwidth characters",
  evasion: true,
  apply(input) {
    // Text without any character of MAY_CHANGE_UNDER_NFKC (char-class.ts) skips the whole-text normalize().
    if ((textClasses(input) & C_NFKC) === 0 || input.normalize("NFKC") === input) return null;
    const b = new RewriteBuilder(input);
    for (const m of input.matchAll(CLUSTER())) {
      const c = m[0];
      const k = c.normalize("NFKC");
      if (k === c) b.keep(m.index, m.index + c.length);
      // Canonical recomposition (e + U+0301 → é) is ordinary text, not a disguise; so is typography
      // (…, №, ﬁ, Armenian և, no-break space, m²). A disguise is a styled letter or digit made plain.
      else b.replace(m.index, m.index + c.length, k, c.normalize("NFC") !== k && STYLED().test(c) && PLAIN().test(k));
    }
    return b.finish();
  },
};

const CODE_POINT = lazyRegExp(String.raw`[\s\S]`, "gu");

/** Case folding, code point by code point so that offsets stay exact (İ → i̇ grows). */
const lower: Transformer = {
  name: "lower",
  description: "folded case",
  evasion: false,
  apply(input) {
    if ((textClasses(input) & C_UPPER) === 0) return null;
    const whole = lowerCase(input);
    // Nearly always lowering keeps every character's length: one aligned rewrite, no per-character work.
    if (whole.length === input.length) return alignedRewrite(whole);
    const b = new RewriteBuilder(input);
    for (const m of input.matchAll(CODE_POINT())) {
      const c = m[0];
      const l = c.toLowerCase();
      if (l === c) b.keep(m.index, m.index + c.length);
      else b.replace(m.index, m.index + c.length, l, false);
    }
    return b.finish();
  },
};

const APOSTROPHES_G = lazyRegExp(APOSTROPHES, "gu");

/** One apostrophe for all: Ukrainian writes вб'ю with ', ’ or ʼ interchangeably. */
const apostrophes: Transformer = {
  name: "apostrophes",
  description: "unified apostrophes",
  evasion: false,
  apply(input) {
    if ((textClasses(input) & C_APOSTROPHE) === 0) return null;
    // One unit for one unit, never flagged: the maps stay as they are.
    return alignedRewrite(input.replace(APOSTROPHES_G(), "'"));
  },
};

export { invisible, compat, lower, apostrophes };
export { diacritics } from "./diacritics.js";
