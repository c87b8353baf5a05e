/**
 * Drops terms that equal an earlier one once normalised as the engine does (diacritics folded:
 * "lőjétek" and "lőjetek" are one term to it), keeping the first: a duplicate is a `check --strict`
 * warning. Shared by the language modules whose grammar makes such spellings side by side.
 */
export function dedupe(out) {
  const fold = (t) => t.normalize("NFD").replace(/\p{M}/gu, "").replace(/ə/g, "e").replace(/ı/g, "i").toLowerCase();
  for (const [lex, terms] of Object.entries(out)) {
    const seen = new Set();
    out[lex] = terms.filter((t) => !seen.has(fold(t)) && seen.add(fold(t)));
  }
  return out;
}
