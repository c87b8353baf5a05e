import { mulberry32 } from "../../scripts/bench/corpus.js";

/**
 * Sentences written for the language-identification tests: the 14 languages modpol's policies
 * cover, then ten neighbours eld also knows. They are inputs for comparing the detector with eld,
 * not a measure of accuracy.
 */
export const SENTENCES: Readonly<Record<string, readonly string[]>> = {
  en: ["The weather was cold this morning, so we stayed at home and read books.", "Could you please send me the report before Friday evening?", "Nobody expected the meeting to last three hours, but it did."],
  uk: ["Сьогодні вранці ми гуляли парком і говорили про майбутнє.", "Будь ласка, надішліть мені звіт до п'ятниці.", "Діти бавилися на подвір’ї, поки батьки готували вечерю."],
  ru: ["Сегодня утром мы гуляли по парку и говорили о будущем.", "Пожалуйста, пришлите мне отчёт до пятницы.", "Никто не ожидал, что собрание продлится три часа."],
  pl: ["Dzisiaj rano spacerowaliśmy po parku i rozmawialiśmy o przyszłości.", "Proszę przesłać mi raport przed piątkiem wieczorem.", "Nikt się nie spodziewał, że spotkanie potrwa trzy godziny."],
  be: ["Сёння раніцай мы гулялі па парку і размаўлялі пра будучыню.", "Калі ласка, дашліце мне справаздачу да пятніцы.", "Ніхто не чакаў, што сход працягнецца тры гадзіны."],
  sk: ["Dnes ráno sme sa prechádzali po parku a rozprávali sme sa o budúcnosti.", "Prosím, pošlite mi správu do piatku večer.", "Nikto nečakal, že stretnutie bude trvať tri hodiny."],
  lt: ["Šiandien ryte vaikščiojome parke ir kalbėjomės apie ateitį.", "Prašau atsiųsti man ataskaitą iki penktadienio vakaro.", "Niekas nesitikėjo, kad susitikimas truks tris valandas."],
  lv: ["Šorīt mēs pastaigājāmies parkā un runājām par nākotni.", "Lūdzu, atsūtiet man ziņojumu līdz piektdienas vakaram.", "Neviens negaidīja, ka sanāksme ilgs trīs stundas."],
  et: ["Täna hommikul jalutasime pargis ja rääkisime tulevikust.", "Palun saatke mulle aruanne enne reede õhtut.", "Keegi ei oodanud, et koosolek kestab kolm tundi."],
  ro: ["Azi dimineață ne-am plimbat prin parc și am vorbit despre viitor.", "Vă rog să-mi trimiteți raportul până vineri seara.", "Nimeni nu se aștepta ca ședința să dureze trei ore."],
  hu: ["Ma reggel a parkban sétáltunk, és a jövőről beszélgettünk.", "Kérem, küldje el nekem a jelentést péntek estig.", "Senki sem számított arra, hogy az értekezlet három óráig tart."],
  ka: ["დღეს დილით პარკში ვსეირნობდით და მომავალზე ვსაუბრობდით.", "გთხოვთ, გამომიგზავნოთ ანგარიში პარასკევამდე.", "არავინ ელოდა, რომ შეხვედრა სამ საათს გაგრძელდებოდა."],
  hy: ["Այսօր առավոտյան մենք զբոսնում էինք այգում և խոսում ապագայի մասին։", "Խնդրում եմ ուղարկել ինձ զեկույցը մինչև ուրբաթ երեկո։", "Ոչ ոք չէր սպասում, որ հանդիպումը երեք ժամ կտևի։"],
  az: ["Bu səhər parkda gəzdik və gələcək haqqında danışdıq.", "Zəhmət olmasa, hesabatı cümə axşamına qədər mənə göndərin.", "Heç kim gözləmirdi ki, iclas üç saat davam edəcək."],
  de: ["Heute Morgen sind wir im Park spazieren gegangen und haben über die Zukunft gesprochen.", "Bitte schicken Sie mir den Bericht bis Freitagabend.", "Niemand hat erwartet, dass die Besprechung drei Stunden dauert."],
  fr: ["Ce matin, nous nous sommes promenés dans le parc et avons parlé de l'avenir.", "Pourriez-vous m'envoyer le rapport avant vendredi soir ?", "Personne ne s'attendait à ce que la réunion dure trois heures."],
  es: ["Esta mañana paseamos por el parque y hablamos del futuro.", "¿Podría enviarme el informe antes del viernes por la noche?", "Nadie esperaba que la reunión durara tres horas."],
  it: ["Stamattina abbiamo passeggiato nel parco e parlato del futuro.", "Potrebbe inviarmi il rapporto entro venerdì sera?", "Nessuno si aspettava che la riunione durasse tre ore."],
  nl: ["Vanochtend hebben we in het park gewandeld en over de toekomst gepraat.", "Kunt u mij het rapport vóór vrijdagavond sturen?", "Niemand had verwacht dat de vergadering drie uur zou duren."],
  pt: ["Hoje de manhã passeámos no parque e falámos sobre o futuro.", "Pode enviar-me o relatório antes de sexta-feira à noite?", "Ninguém esperava que a reunião durasse três horas."],
  cs: ["Dnes ráno jsme se procházeli v parku a mluvili o budoucnosti.", "Prosím, pošlete mi zprávu do pátečního večera.", "Nikdo nečekal, že schůzka bude trvat tři hodiny."],
  bg: ["Тази сутрин се разходихме в парка и говорихме за бъдещето.", "Моля, изпратете ми доклада до петък вечерта.", "Никой не очакваше срещата да продължи три часа."],
  tr: ["Bu sabah parkta yürüdük ve gelecek hakkında konuştuk.", "Lütfen raporu cuma akşamına kadar bana gönderin.", "Toplantının üç saat süreceğini kimse beklemiyordu."],
  fi: ["Tänä aamuna kävelimme puistossa ja puhuimme tulevaisuudesta.", "Voisitteko lähettää minulle raportin ennen perjantai-iltaa?", "Kukaan ei odottanut, että kokous kestäisi kolme tuntia."],
};

/** Texts where eld's steps branch: separators and kept apostrophes, case folds, cut-offs, long words. */
export const EDGE_TEXTS: readonly string[] = [
  "", " ", "   ", "a", "ab", "abc", "abcd", "abcde", "'", "''", "''a", "a''", "a'.'b", "a.'b", "a'.b", "`x`", "’", "don't", "don’t", "l'avenir",
  "ΣΟΦΟΣ.", "ΟΔΟΣ ΣΟΦΟΣ", "Σ", "ΑΣ'", "İSTANBUL İzmir", "\u212A\u212Bx", "ǅemal ǈubav", "STRASSE ẞ", "ﬁnance ﬂow",
  "😀", "😀😀 hello 😀", "\uD800", "abc\uD800def", "\uDC00abc", "abc\uD83D", "123 456", "#tag @user https://example.com/a?b=c",
  "a".repeat(70), "a".repeat(71), "a".repeat(72), "a".repeat(73), "a".repeat(400), `${"a".repeat(75)} ${"a".repeat(80)}`, `${"a".repeat(75)} ${"a".repeat(75)}`, `${"ж".repeat(40)} ${"ж".repeat(45)}`, "ж".repeat(35), "ж".repeat(36), "ж".repeat(37), "ж".repeat(200),
  "ab ".repeat(200), "абв ".repeat(100), "x".repeat(349) + " слово", "x".repeat(350) + " слово", "x".repeat(351) + " слово", "y".repeat(378) + "жж", "y".repeat(379) + "жж",
  "w ".repeat(499) + "😀", "w ".repeat(499) + "ab", "word ".repeat(300),
  // eld's cut-offs falling inside a word: at 1000 characters, and at 380 bytes (330 + 1 + 2 × 25).
  `${".".repeat(997)}kitchen`, `${"😀".repeat(499)}kitchen`, `${"ab ".repeat(110)}aабвгдежзийклмнопрстуфхцчшщ`, `${"ab ".repeat(110)}abабвгдежзийклмнопрстуфхцчшщ`,
  // Words around eld's 70-byte cap that end in common endings, so that where the last n-gram starts matters.
  ...Array.from({ length: 12 }, (_, i) => `the ${"b".repeat(62 + i)}tion and ${"ш".repeat(30 + (i >> 1))}ння`),
];

const WORDS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(Object.entries(SENTENCES).map(([l, ss]) => [l, ss.flatMap((s) => s.split(/\s+/))]));
const LANGS = Object.keys(SENTENCES);
const DECOR = ["😀", "🇺🇦", "👍🏽", "❤️", "123", "2022", "3.14", "!!!", "?!", "...", "—", ",", ";", "(", ")", "«", "»", "\"", "#", "@user", "https://t.co/x1", "\n", "\t", "  ", "°C", "№5", "%", "€", "☺"];
const NOISE = ["中文字符", "日本語のテキスト", "한국어", "العربية", "עברית", "हिन्दी", "ไทย", "Ελληνικά", "ქართ", "Հայ", "𝐀𝐁𝐂", "ǅ", "ﬀ", "İ", "\u0301", "\u200B", "\u00A0", "\uFEFF"];

/**
 * `count` texts made from the sentences' words by a seeded generator: single-language runs, mixed
 * languages and scripts, decorations (emoji, digits, punctuation, links), case changes, long texts
 * past eld's cut-offs and words past its 70 bytes. The same seed gives the same texts.
 */
export function generatedTexts(count: number, seed: number): string[] {
  const rng = mulberry32(seed);
  const int = (n: number): number => Math.floor(rng() * n);
  const pick = <T>(a: readonly T[]): T => a[int(a.length)]!;
  const words = (lang: string, n: number): string[] => Array.from({ length: n }, () => pick(WORDS[lang]!));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const lang = pick(LANGS);
    let text: string;
    switch (i % 8) {
      case 0:
        text = words(lang, 1 + int(50)).join(" ");
        break;
      case 1:
        text = [...words(lang, 1 + int(20)), ...words(pick(LANGS), 1 + int(20))].sort(() => rng() - 0.5).join(" ");
        break;
      case 2:
        text = words(lang, 1 + int(30)).map((w) => (rng() < 0.3 ? `${w} ${pick(DECOR)}` : w)).join(rng() < 0.5 ? " " : pick(DECOR));
        break;
      case 3: {
        const ws = words(lang, 1 + int(25));
        text = ws.map((w) => (rng() < 0.5 ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1))).join(" ");
        break;
      }
      case 4:
        text = Array.from({ length: 2 + int(20) }, () => pick(SENTENCES[rng() < 0.7 ? lang : pick(LANGS)]!)).join(" ");
        break;
      case 5:
        text = words(lang, 1 + int(12)).join(rng() < 0.5 ? "" : pick(["-", "_", "'", "’"]));
        break;
      case 6:
        text = Array.from({ length: 1 + int(15) }, () => (rng() < 0.5 ? pick(NOISE) : pick(WORDS[lang]!))).join(rng() < 0.7 ? " " : "");
        break;
      default:
        text = pick(SENTENCES[lang]!).slice(int(20), 10 + int(80));
    }
    out.push(text);
  }
  return out;
}
