import fc from "fast-check";

/** Characters where the text scanners branch: word edges, quotes, stops, marks, surrogates, folds. */
const PIECES = [
  "a", "K", "ж", "Ё", "ё", "ł", "ś", "ß", "ə", "1", "٣", "'", "’", "‘", "\"", "“", "”", "«", "»", "„", "‹", "›", "‚",
  ".", "!", "?", "…", ",", ";", ":", "—", "–", "(", ")", "[", "]", "-", " - ", " ", "  ", "\n", "\t", "\u00A0",
  "\u0301", "\u0308", "\u0306", "\u0338", "\u055B", "и\u0306", "e\u0323\u0302", "ệ", "𝐃", "💀", "🔥", "✅", "•", ">", ">>", "> ", "\n>", "/", " /", "\uD83D", "\uD800", "\uDC00", "\u200B",
];

/** Short texts built mostly from {@link PIECES}, with some arbitrary characters mixed in. */
export const SCANNER_TEXT = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 3, unit: "binary" }) }), { maxLength: 40 })
  .map((a) => a.join(""));
