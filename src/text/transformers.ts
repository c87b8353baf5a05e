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
// "\x1b[31mkill" must read as "kill", not as one word "31mkill".
// eslint-disable-next-line no-control-regex
const CONTROL = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-_]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const CONTROL_G = new RegExp(CONTROL.source, "gu");
const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFE00-\uFE0F\uFEFF\u3164\uFFA0]/u;
const INVISIBLE_G = new RegExp(INVISIBLE.source, "gu");

/** Zero-width, bidi and other invisible characters, used to split words so filters miss them. */
const invisible: Transformer = {
  name: "invisible",
  description: "removed invisible characters",
  evasion: true,
  apply(input) {
    const invisible = INVISIBLE.test(input);
    const control = CONTROL.test(input);
    if (!invisible && !control) return null;
    // Control sequences become a space (they separate words); invisible characters vanish (they
    // are put inside words to split them).
    const spans: Array<[number, number, string]> = [];
    if (control) for (const m of input.matchAll(CONTROL_G)) spans.push([m.index, m.index + m[0].length, " "]);
    if (invisible) for (const m of input.matchAll(INVISIBLE_G)) spans.push([m.index, m.index + m[0].length, ""]);
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
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;
// eslint-disable-next-line no-control-regex
const ASCII_ONLY = /^[\u0000-\u007F]*$/;
/**
 * Characters NFKC can change: Latin-1 and spacing/compatibility blocks, combining marks, ligatures,
 * fullwidth, styled and enclosed forms, Armenian և. Plain Latin, Cyrillic, Georgian and Armenian
 * letters are outside it, so most posts skip the (slow) whole-text normalize() call.
 */
const MAY_CHANGE_UNDER_NFKC =
  /[\u00A0-\u00BF\u0132\u0133\u013F\u0140\u0149\u017F\u01C4-\u01CC\u01F1-\u01F3\u02B0-\u036F\u0587\u1D2C-\u1DBF\u1E9A\u1E9B\u2000-\u2BFF\u2E80-\u33FF\uA000-\uFFFF\u{10000}-\u{10FFFF}]|\p{M}/u;
/** A disguise is a styled letter or digit (fullwidth, mathematical, circled, squared) that folds to one plain one. */
const STYLED = /^[\p{L}\p{Nd}\p{So}]/u;
const PLAIN = /^[\p{L}\p{N}]\p{M}*$/u;

/** Unicode compatibility folding (NFKC): fullwidth, mathematical and other styled letters. */
const compat: Transformer = {
  name: "compat",
  description: "folded styled or fullwidth characters",
  evasion: true,
  apply(input) {
    if (ASCII_ONLY.test(input) || !MAY_CHANGE_UNDER_NFKC.test(input) || input.normalize("NFKC") === input) return null;
    const b = new RewriteBuilder(input);
    for (const m of input.matchAll(CLUSTER)) {
      const c = m[0];
      const k = c.normalize("NFKC");
      if (k === c) b.keep(m.index, m.index + c.length);
      // Canonical recomposition (e + U+0301 → é) is ordinary text, not a disguise; so is typography
      // (…, №, ﬁ, Armenian և, no-break space, m²). A disguise is a styled letter or digit made plain.
      else b.replace(m.index, m.index + c.length, k, c.normalize("NFC") !== k && STYLED.test(c) && PLAIN.test(k));
    }
    return b.finish();
  },
};

const HAS_UPPER = /\p{Lu}|\p{Lt}/u;
const CODE_POINT = /[\s\S]/gu;

/** Case folding, code point by code point so that offsets stay exact (İ → i̇ grows). */
const lower: Transformer = {
  name: "lower",
  description: "folded case",
  evasion: false,
  apply(input) {
    if (!HAS_UPPER.test(input)) return null;
    const whole = input.toLowerCase();
    // Nearly always lowering keeps every character's length: one aligned rewrite, no per-character work.
    if (whole.length === input.length) return alignedRewrite(whole);
    const b = new RewriteBuilder(input);
    for (const m of input.matchAll(CODE_POINT)) {
      const c = m[0];
      const l = c.toLowerCase();
      if (l === c) b.keep(m.index, m.index + c.length);
      else b.replace(m.index, m.index + c.length, l, false);
    }
    return b.finish();
  },
};

const APOSTROPHES = /[\u2019\u02BC\u02BB\u0060\u00B4\u2032\u2018]/u;
const APOSTROPHES_G = new RegExp(APOSTROPHES.source, "gu");

/** One apostrophe for all: Ukrainian writes вб'ю with ', ’ or ʼ interchangeably. */
const apostrophes: Transformer = {
  name: "apostrophes",
  description: "unified apostrophes",
  evasion: false,
  apply(input) {
    if (!APOSTROPHES.test(input)) return null;
    const b = new RewriteBuilder(input);
    let last = 0;
    for (const m of input.matchAll(APOSTROPHES_G)) {
      b.keep(last, m.index);
      b.replace(m.index, m.index + 1, "'", false);
      last = m.index + 1;
    }
    b.keep(last, input.length);
    return b.finish();
  },
};

const LATIN = /\p{Script=Latin}/u;
const MARK = /\p{M}/u;
const MARKS_G = /\p{M}/gu;
const SPECIAL_LATIN: Record<string, string> = {
  ł: "l", ø: "o", đ: "d", ħ: "h", ı: "i", ß: "ss", æ: "ae", œ: "oe", þ: "th", ŀ: "l", ə: "e",
  "\u055B": "", "\u055C": "", "\u055D": "", "\u055E": "",
};
// Latin letters with diacritics, ə, ё, Armenian emphasis marks (written inside words), and marks.
const NEEDS_FOLD = /[\p{M}\u00C0-\u024F\u0259\u1E00-\u1EFFё\u055B-\u055E]/u;
const FOLD_CLUSTER = /[\u00C0-\u024F\u0259\u1E00-\u1EFFё\u055B-\u055E]\p{M}*|\P{M}\p{M}+|\p{M}+/gsu;

/**
 * Folds Latin diacritics (śmierć = smierc; people type both) and ё → е; strips stray combining marks
 * piled on other scripts ("Zalgo" text), keeping canonical letters such as й and ї.
 */
const diacritics: Transformer = {
  name: "diacritics",
  description: "folded diacritics",
  // Only piles of marks ("Zalgo") count as disguise; ordinary diacritics are folded unflagged.
  evasion: true,
  apply(input) {
    if (!NEEDS_FOLD.test(input)) return null;
    const b = new RewriteBuilder(input);
    let last = 0;
    // Only clusters that can change are visited; the text between them is copied in one go.
    for (const m of input.matchAll(FOLD_CLUSTER)) {
      const c = m[0];
      const end = m.index + c.length;
      b.keep(last, m.index);
      last = end;
      let out: string;
      let evasive = false;
      const base = c.normalize("NFC");
      if (base === "ё") out = "е";
      else if (SPECIAL_LATIN[c] !== undefined) out = SPECIAL_LATIN[c];
      else if (LATIN.test(c)) {
        out = base.normalize("NFD").replace(MARKS_G, "");
        // Marks that do not compose into one letter (ệ does) are piled on for decoration.
        evasive = base.length - out.length > 1;
      } else if (MARK.test(base)) {
        out = base.replace(MARKS_G, "");
        // One stray mark can be a typo; a pile of them is decoration meant to defeat filters.
        evasive = c.length - out.length > 1;
      } else out = base;
      if (out === c) b.keep(m.index, end);
      else b.replace(m.index, end, out, evasive);
    }
    b.keep(last, input.length);
    return b.finish();
  },
};

export { invisible, compat, lower, apostrophes, diacritics };
