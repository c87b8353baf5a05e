/**
 * ISO 3166-1 alpha-2 codes (the 249 officially assigned, plus XK for Kosovo, in common use) and
 * resolution of what users type: an alpha-2 or alpha-3 code in any case, an English country name,
 * or the country's name in its own language (Україна, Polska) or in a few others (see names()).
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

/**
 * ISO 3166-1 alpha-3 codes, each written after its alpha-2 code ("UAUKR": UA is UKR), from the ISO
 * 3166-1 list; XKX for Kosovo, as in common use. Exports often carry alpha-3 codes (UKR, POL).
 */
const ALPHA3 =
  "ADAND AEARE AFAFG AGATG AIAIA ALALB AMARM AOAGO AQATA ARARG ASASM ATAUT AUAUS AWABW AXALA AZAZE BABIH BBBRB BDBGD BEBEL " +
  "BFBFA BGBGR BHBHR BIBDI BJBEN BLBLM BMBMU BNBRN BOBOL BQBES BRBRA BSBHS BTBTN BVBVT BWBWA BYBLR BZBLZ CACAN CCCCK CDCOD " +
  "CFCAF CGCOG CHCHE CICIV CKCOK CLCHL CMCMR CNCHN COCOL CRCRI CUCUB CVCPV CWCUW CXCXR CYCYP CZCZE DEDEU DJDJI DKDNK DMDMA " +
  "DODOM DZDZA ECECU EEEST EGEGY EHESH ERERI ESESP ETETH FIFIN FJFJI FKFLK FMFSM FOFRO FRFRA GAGAB GBGBR GDGRD GEGEO GFGUF " +
  "GGGGY GHGHA GIGIB GLGRL GMGMB GNGIN GPGLP GQGNQ GRGRC GSSGS GTGTM GUGUM GWGNB GYGUY HKHKG HMHMD HNHND HRHRV HTHTI HUHUN " +
  "IDIDN IEIRL ILISR IMIMN ININD IOIOT IQIRQ IRIRN ISISL ITITA JEJEY JMJAM JOJOR JPJPN KEKEN KGKGZ KHKHM KIKIR KMCOM KNKNA " +
  "KPPRK KRKOR KWKWT KYCYM KZKAZ LALAO LBLBN LCLCA LILIE LKLKA LRLBR LSLSO LTLTU LULUX LVLVA LYLBY MAMAR MCMCO MDMDA MEMNE " +
  "MFMAF MGMDG MHMHL MKMKD MLMLI MMMMR MNMNG MOMAC MPMNP MQMTQ MRMRT MSMSR MTMLT MUMUS MVMDV MWMWI MXMEX MYMYS MZMOZ NANAM " +
  "NCNCL NENER NFNFK NGNGA NINIC NLNLD NONOR NPNPL NRNRU NUNIU NZNZL OMOMN PAPAN PEPER PFPYF PGPNG PHPHL PKPAK PLPOL PMSPM " +
  "PNPCN PRPRI PSPSE PTPRT PWPLW PYPRY QAQAT REREU ROROU RSSRB RURUS RWRWA SASAU SBSLB SCSYC SDSDN SESWE SGSGP SHSHN SISVN " +
  "SJSJM SKSVK SLSLE SMSMR SNSEN SOSOM SRSUR SSSSD STSTP SVSLV SXSXM SYSYR SZSWZ TCTCA TDTCD TFATF TGTGO THTHA TJTJK TKTKL " +
  "TLTLS TMTKM TNTUN TOTON TRTUR TTTTO TVTUV TWTWN TZTZA UAUKR UGUGA UMUMI USUSA UYURY UZUZB VAVAT VCVCT VEVEN VGVGB VIVIR " +
  "VNVNM VUVUT WFWLF WSWSM YEYEM YTMYT ZAZAF ZMZMB ZWZWE XKXKX";

let byAlpha3: Map<string, string> | undefined;

function alpha3(): Map<string, string> {
  byAlpha3 ??= new Map(ALPHA3.split(" ").map((x) => [x.slice(2), x.slice(0, 2)]));
  return byAlpha3;
}

/**
 * Languages whose names for every country are accepted besides English and the country's own main
 * language: those of the regions the bundled policies cover, and the most used in exports.
 */
const NAME_LANGUAGES = ["uk", "ru", "pl", "de", "fr", "es"];

/** Languages of a country beyond its main one, whose name for it is in common native use. */
const MORE_NATIVE: Record<string, readonly string[]> = {
  BE: ["fr", "de"], CH: ["fr", "it", "rm"], CA: ["fr"], FI: ["sv"], LU: ["lb", "fr", "de"], BY: ["be"], KZ: ["kk"],
  IE: ["ga"], MT: ["mt"], ES: ["ca", "eu", "gl"], IN: ["hi"], PK: ["ur"], ZA: ["af", "zu"], IL: ["ar"], MD: ["ro"],
};

/** " Österreich" → "osterreich": names are compared without case or accents, as people type them. */
function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

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
  // Then each country's own name in its main language(s) (Україна, Polska, Deutschland), and every
  // country's name in the languages of NAME_LANGUAGES (Niemcy, Германия). An English name or alias
  // wins a clash. Intl knows each region's main language (likely subtags) and the names.
  const display = new Map<string, Intl.DisplayNames>();
  const nameIn = (lang: string, code: string): string | undefined => {
    let d = display.get(lang);
    if (!d) display.set(lang, (d = new Intl.DisplayNames([lang], { type: "region", fallback: "none" })));
    return d.of(code);
  };
  const add = (name: string | undefined, code: string) => {
    if (!name) return;
    for (const k of [name.toLowerCase(), fold(name)]) if (!m.has(k)) m.set(k, code);
  };
  for (const c of COUNTRY_CODES) {
    let main: string | undefined;
    try {
      main = new Intl.Locale(`und-${c}`).maximize().language;
    } catch {
      main = undefined;
    }
    for (const lang of [...(main ? [main] : []), ...(MORE_NATIVE[c] ?? []), ...NAME_LANGUAGES]) add(nameIn(lang, c), c);
  }
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
  if (s.length === 3 && /^[a-z]{3}$/i.test(s)) {
    const code = alpha3().get(s.toUpperCase());
    if (code) return code;
  }
  const n = names();
  return n.get(s.toLowerCase().replace(/\s+/g, " ")) ?? n.get(fold(s));
}
