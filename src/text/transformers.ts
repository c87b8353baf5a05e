import { APOSTROPHES, C_APOSTROPHE, C_CONTROL, C_INVISIBLE, C_MARK, C_NFKC, C_UPPER, codePointAt, codePointClass, INVISIBLE } from "./char-class.js";
import { textClasses } from "./text-profile.js";
import { lazyRegExp } from "./lazy.js";
import { lowerCase } from "./lower-case.js";
import { alignedRewrite, RewriteBuilder, type Rewrite, type StepMeter } from "./rewrite.js";

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
  /** `meter`, when given (by the tests that prove the cost linear), counts the units handled one at a time. */
  apply(input: string, meter?: StepMeter): Rewrite | null;
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

/** Units of text that compat and lower look at together before going cluster by cluster. */
const PIECE = 256;

/** The first unit at or after `i` that starts a code point and is no combining mark: where a {@link CLUSTER} starts. */
function clusterBoundary(s: string, i: number): number {
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue;
    if ((codePointClass(codePointAt(s, i)) & C_MARK) === 0) return i;
  }
  return s.length;
}

/** The first unit at or after `i` that starts a code point (not the low half of a pair). */
function codePointBoundary(s: string, i: number): number {
  if (i >= s.length) return s.length;
  const c = s.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800 ? i + 1 : i;
}

/** Unicode compatibility folding (NFKC): fullwidth, mathematical and other styled letters. */
const compat: Transformer = {
  name: "compat",
  description: "folded styled or fullwidth characters",
  evasion: true,
  apply(input, meter) {
    // Text without any character of MAY_CHANGE_UNDER_NFKC (char-class.ts) skips the whole-text normalize().
    if ((textClasses(input) & C_NFKC) === 0 || input.normalize("NFKC") === input) return null;
    const b = new RewriteBuilder(input, meter);
    // Cluster by cluster, but only in the pieces of the text that NFKC changes: a piece that starts
    // a cluster and normalises to itself holds no cluster that would change (so a long post with
    // one styled letter is not cut into a million clusters).
    for (let start = 0; start < input.length; ) {
      const end = clusterBoundary(input, start + PIECE);
      const piece = input.slice(start, end);
      if (meter) meter.steps++;
      if (piece.normalize("NFKC") === piece) b.keep(start, end);
      else
        for (const m of piece.matchAll(CLUSTER())) {
          if (meter) meter.steps += m[0].length;
          const c = m[0];
          const at = start + m.index;
          const k = c.normalize("NFKC");
          if (k === c) b.keep(at, at + c.length);
          // Canonical recomposition (e + U+0301 → é) is ordinary text, not a disguise; so is typography
          // (…, №, ﬁ, Armenian և, no-break space, m²). A disguise is a styled letter or digit made plain.
          else b.replace(at, at + c.length, k, c.normalize("NFC") !== k && STYLED().test(c) && PLAIN().test(k));
        }
      start = end;
    }
    return b.finish();
  },
};

const CODE_POINT = lazyRegExp(String.raw`[\s\S]`, "gu");
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Whether `low`, as long as `piece`, holds every surrogate of `piece` where it was and no other:
 * then no supplementary letter changed case and no unit moved, so each BMP unit lowered to one unit.
 */
function pairsKept(piece: string, low: string): boolean {
  if (!SURROGATE.test(piece) && !SURROGATE.test(low)) return true;
  for (let i = 0; i < piece.length; i++) {
    const c = piece.charCodeAt(i);
    const l = low.charCodeAt(i);
    if (((c & 0xf800) === 0xd800 || (l & 0xf800) === 0xd800) && c !== l) return false;
  }
  return true;
}

/** Case folding, code point by code point so that offsets stay exact (İ → i̇ grows). */
const lower: Transformer = {
  name: "lower",
  description: "folded case",
  evasion: false,
  apply(input, meter) {
    if ((textClasses(input) & C_UPPER) === 0) return null;
    const whole = lowerCase(input);
    // Nearly always lowering keeps every character's length: one aligned rewrite, no per-character work.
    if (whole.length === input.length) return alignedRewrite(whole);
    const b = new RewriteBuilder(input, meter);
    // Code point by code point, but a piece of text that holds no capital sigma (the one letter
    // whose lower case depends on its neighbours) lowers as its code points do, one by one; when
    // it keeps its length and holds only BMP units, every unit lowered to one unit, in place.
    for (let start = 0; start < input.length; ) {
      const end = codePointBoundary(input, start + PIECE);
      const piece = input.slice(start, end);
      if (meter) meter.steps++;
      const low = piece.indexOf("\u03a3") < 0 ? piece.toLowerCase() : undefined;
      if (low === piece) b.keep(start, end);
      else if (low !== undefined && low.length === piece.length && pairsKept(piece, low)) b.keepAs(start, end, low);
      else
        for (const m of piece.matchAll(CODE_POINT())) {
          const c = m[0];
          const at = start + m.index;
          if (meter) meter.steps += c.length;
          const l = c.toLowerCase();
          if (l === c) b.keep(at, at + c.length);
          else b.replace(at, at + c.length, l, false);
        }
      start = end;
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
