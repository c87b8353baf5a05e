import { C_FOLD, C_MARK, codePointAt, codePointClass, unitClass } from "./char-class.js";
import { textClasses } from "./text-profile.js";
import { lazyRegExp } from "./lazy.js";
import { alignedRewrite, RewriteBuilder, type Rewrite } from "./rewrite.js";
import type { Transformer } from "./transformers.js";

const LATIN = lazyRegExp(String.raw`\p{Script=Latin}`, "u");
const MARK = lazyRegExp(String.raw`\p{M}`, "u");
const MARKS_G = lazyRegExp(String.raw`\p{M}`, "gu");
const SPECIAL_LATIN: Record<string, string> = {
  ł: "l", ø: "o", đ: "d", ħ: "h", ı: "i", ß: "ss", æ: "ae", œ: "oe", þ: "th", ŀ: "l", ə: "e",
  // Armenian emphasis, exclamation and question marks sit on a word's stressed vowel and go; the
  // Armenian comma (but, U+055D) follows its word as a comma does and becomes one, unit for unit, so
  // that it still ends a clause ("Կախեք նկարը՝ պատին", "Ռուսներին՝ ոչ").
  "\u055B": "", "\u055C": "", "\u055D": ",", "\u055E": "",
};
/** The characters that start a cluster even without marks after them: {@link NEEDS_FOLD} but the marks. */
const FOLD_BASE = lazyRegExp(String.raw`^[\u00C0-\u024F\u0259\u1E00-\u1EFF\u0451\u055B-\u055E]$`, "u");

interface Fold {
  readonly out: string;
  readonly evasive: boolean;
  /** True when the cluster folds to itself. */
  readonly same: boolean;
}

/** What one cluster (a base character and its marks, or a run of marks) folds to. */
function foldCluster(c: string): Fold {
  let out: string;
  let evasive = false;
  const base = c.normalize("NFC");
  if (base === "ё") out = "е";
  else if (SPECIAL_LATIN[c] !== undefined) out = SPECIAL_LATIN[c];
  else if (LATIN().test(c)) {
    out = base.normalize("NFD").replace(MARKS_G(), "");
    // Marks that do not compose into one letter (ệ does) are piled on for decoration.
    evasive = base.length - out.length > 1;
  } else if (MARK().test(base)) {
    out = base.replace(MARKS_G(), "");
    // One stray mark can be a typo; a pile of them is decoration meant to defeat filters.
    evasive = c.length - out.length > 1;
  } else out = base;
  return { out, evasive, same: out === c };
}

/** Folds of single base characters, by code unit: Polish or Russian text repeats a handful of them. */
const SINGLE = new Map<number, Fold | null>();

/** The fold of a base character with no marks after it, or null when it is not a cluster at all. */
function foldSingle(c: number): Fold | null {
  let f = SINGLE.get(c);
  if (f === undefined) {
    const ch = String.fromCharCode(c);
    f = FOLD_BASE().test(ch) ? foldCluster(ch) : null;
    SINGLE.set(c, f);
  }
  return f;
}

/** One past the run of combining marks (code points) starting at unit `i`. */
function marksEnd(s: string, i: number): number {
  while (i < s.length) {
    const cp = codePointAt(s, i);
    if ((codePointClass(cp) & C_MARK) === 0) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

interface Cluster {
  readonly start: number;
  readonly end: number;
  readonly fold: Fold;
}

/**
 * The clusters that can change, left to right, as the regex
 * `[\u00C0-\u024F\u0259\u1E00-\u1EFFё\u055B-\u055E]\p{M}*|\P{M}\p{M}+|\p{M}+` finds them: a fold
 * base with its marks, any other character with at least one mark, or a run of marks.
 */
function clusters(input: string): Cluster[] {
  const out: Cluster[] = [];
  const n = input.length;
  // A run of marks with no base can only open the text: any later mark follows a base and joins
  // its cluster. So from here on, every position the loop stands on holds a non-mark.
  let i = marksEnd(input, 0);
  if (i > 0) out.push({ start: 0, end: i, fold: foldCluster(input.slice(0, i)) });
  while (i < n) {
    const c = input.charCodeAt(i);
    let next = i + 1;
    let cls: number;
    if (c < 0xd800 || c > 0xdbff) cls = unitClass(c);
    else {
      const cp = codePointAt(input, i);
      cls = codePointClass(cp);
      if (cp > 0xffff) next++;
    }
    let end = next;
    if (next < n) {
      const d = input.charCodeAt(next);
      if ((d >= 0xd800 && d <= 0xdbff) || (unitClass(d) & C_MARK) !== 0) end = marksEnd(input, next);
    }
    if (end > next) {
      out.push({ start: i, end, fold: foldCluster(input.slice(i, end)) });
      i = end;
      continue;
    }
    // Fold bases are all single BMP units.
    if ((cls & C_FOLD) !== 0 && next === i + 1) {
      const f = foldSingle(c);
      if (f) out.push({ start: i, end: next, fold: f });
    }
    i = next;
  }
  return out;
}

/**
 * Folds Latin diacritics (śmierć = smierc; people type both) and ё → е; strips stray combining marks
 * piled on other scripts ("Zalgo" text), keeping canonical letters such as й and ї.
 */
export const diacritics: Transformer = {
  name: "diacritics",
  description: "folded diacritics",
  // Only piles of marks ("Zalgo") count as disguise; ordinary diacritics are folded unflagged.
  evasion: true,
  apply(input): Rewrite | null {
    if ((textClasses(input) & C_FOLD) === 0) return null;
    const found = clusters(input);
    // Most text folds letter for letter (ś → s, ё → е), unflagged: an aligned rewrite, no maps.
    let aligned = true;
    let changed = false;
    for (const { start, end, fold } of found) {
      if (fold.same) continue;
      changed = true;
      if (end - start !== 1 || fold.out.length !== 1 || fold.evasive) aligned = false;
    }
    if (!changed) return null;
    if (aligned) {
      let text = "";
      let last = 0;
      for (const { start, end, fold } of found) {
        text += input.slice(last, start) + fold.out;
        last = end;
      }
      return alignedRewrite(text + input.slice(last));
    }
    const b = new RewriteBuilder(input);
    let last = 0;
    for (const { start, end, fold } of found) {
      b.keep(last, start);
      last = end;
      if (fold.same) b.keep(start, end);
      else b.replace(start, end, fold.out, fold.evasive);
    }
    b.keep(last, input.length);
    return b.finish();
  },
};
