/**
 * The language subtag of a language tag, lower-cased: "uk", "pt-BR" → "pt", "zh_Hant" → "zh"; it
 * decides which lexicons apply. Undefined for anything that is not a language tag. Records and the
 * API read a post's `lang` with it.
 */
export function languageSubtag(tag: string): string | undefined {
  const m = /^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$/.exec(tag.trim());
  return m ? (m[1] as string).toLowerCase() : undefined;
}
