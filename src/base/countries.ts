/**
 * ISO 3166-1 alpha-2 codes (the 249 officially assigned, plus XK for Kosovo, in common use) and
 * resolution of what users type: a code in any case, or an English country name.
 */
const CODES =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
  "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
  "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
  "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
  "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK";

/** Every accepted country code. */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(CODES.split(" "));

/** Names people use that the English display names do not give. */
const ALIASES: Record<string, string> = {
  usa: "US", "u.s.": "US", "u.s.a.": "US", america: "US", "united states of america": "US", uk: "GB", "u.k.": "GB",
  britain: "GB", "great britain": "GB", england: "GB", scotland: "GB", wales: "GB", "czech republic": "CZ",
  czechia: "CZ", holland: "NL", "the netherlands": "NL", turkey: "TR", "türkiye": "TR", turkiye: "TR",
  "south korea": "KR", "north korea": "KP", "russian federation": "RU", moldova: "MD", "ivory coast": "CI",
  "cote d'ivoire": "CI", "côte d'ivoire": "CI", "vatican": "VA", "vatican city": "VA", "burma": "MM",
  "macedonia": "MK", "north macedonia": "MK", "swaziland": "SZ", "eswatini": "SZ", "east timor": "TL",
  "cape verde": "CV", "congo": "CG", "dr congo": "CD", "drc": "CD", "palestine": "PS", "syria": "SY",
  "iran": "IR", "laos": "LA", "vietnam": "VN", "bolivia": "BO", "venezuela": "VE", "tanzania": "TZ",
  "the gambia": "GM", "the bahamas": "BS", "hong kong": "HK", "macau": "MO", "taiwan": "TW", "kosovo": "XK",
};

let byName: Map<string, string> | undefined;

function names(): Map<string, string> {
  if (byName) return byName;
  // Built only when a name (not a code) is given: it costs a few milliseconds of ICU look-ups.
  const m = new Map<string, string>();
  const dn = new Intl.DisplayNames(["en"], { type: "region" });
  for (const c of COUNTRY_CODES) {
    const n = dn.of(c);
    if (n && n !== c) {
      m.set(n.toLowerCase(), c);
      m.set(n.toLowerCase().replace(/&/g, "and"), c);
    }
  }
  for (const [k, v] of Object.entries(ALIASES)) m.set(k, v);
  byName = m;
  return m;
}

/** The English name of a code, e.g. "PL" → "Poland". */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Resolves "pl", "PL", "Poland" or "poland" to "PL"; undefined when it names no country. */
export function resolveCountry(input: string): string | undefined {
  const s = input.trim();
  if (s === "") return undefined;
  if (s.length === 2) {
    const up = s.toUpperCase();
    return COUNTRY_CODES.has(up) ? up : undefined;
  }
  return names().get(s.toLowerCase().replace(/\s+/g, " "));
}
