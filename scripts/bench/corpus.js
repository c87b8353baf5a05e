// Deterministic synthetic corpus for `npm run bench`: JSONL posts in English, Ukrainian, Russian and
// Polish — news, opinions and everyday talk, with a few percent of violent calls ("Death to the
// Russian invaders!", "Смерть окупантам!", "Śmierć Putinowi!") and a few percent of negated,
// quoted or figurative ones ("This heat is killing me."). Each record is
//   {"id":"p1","text":"...","country":"UA","date":"2022-03-05"}
// (country is left out of some records) and about `recordBytes` bytes long on average, padded with
// realistic filler sentences. The same options always give the same bytes (seeded PRNG, no clock,
// no locale), so runs on different days measure the same input.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";

/** Bump when the templates or the algorithm change, so cached corpora are regenerated. */
export const CORPUS_VERSION = 1;

export const DEFAULTS = Object.freeze({ posts: 200_000, seed: 20220310, recordBytes: 200 });

/** mulberry32: a small, fast, seeded 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rng, list) => list[Math.floor(rng() * list.length)];
const int = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
function weighted(rng, table) {
  let r = rng();
  for (const [value, w] of table) {
    if (r < w) return value;
    r -= w;
  }
  return table[table.length - 1][0];
}

// ---------------------------------------------------------------------------------------------
// Templates. {slot} is filled from the language's slots; {n}, {h}, {age}, {time} are numbers.
// ---------------------------------------------------------------------------------------------

const LANGS = {
  en: {
    slots: {
      city: ["Kyiv", "Kharkiv", "Lviv", "Odesa", "Dnipro", "Chernihiv", "Mariupol", "Zaporizhzhia", "Warsaw", "Kraków", "Gdańsk", "Riga", "Vilnius", "Berlin"],
      day: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
      item: ["blankets", "sleeping bags", "medicine", "baby food", "power banks", "warm socks", "first aid kits", "canned food"],
    },
    news: [
      "Officials in {city} said {n} families were evacuated overnight as shelling continued.",
      "The UN says more than {n} thousand refugees crossed into Poland since {day}.",
      "Evacuation trains from {city} are running with delays of up to {h} hours.",
      "Humanitarian convoys reached the outskirts of {city} after a local ceasefire was agreed.",
      "The EU announced a new package of sanctions targeting Russian banks and oligarchs.",
      "Air raid sirens sounded in {city} again at {time} this morning.",
      "Volunteers in {city} are collecting {item} and {item} for displaced families.",
      "Negotiators met again in Belarus, but no agreement was reached on humanitarian corridors.",
      "Fuel prices rose by {n} cents a litre this week, the statistics office said.",
      "The mayor of {city} thanked everyone who donated blood at the central hospital.",
      "Rescuers are still clearing the rubble of a residential building in {city}.",
      "Several airlines cancelled flights over the region until further notice.",
      "Schools in {city} will continue remote lessons at least until the end of the month.",
    ],
    opinion: [
      "Honestly, I think the sanctions should have come much earlier.",
      "The West needs to send more air defence, not just statements.",
      "I can't believe this is happening in Europe in 2022.",
      "Putin will go down in history as a war criminal.",
      "Every journalist covering this war deserves our respect.",
      "If you can, donate to a verified charity instead of sharing rumours.",
      "The Russian army is clearly not the force everyone thought it was.",
      "My neighbours took in a family from {city} and it restored my faith in people.",
      "Fact-check before you repost anything about troop movements, please.",
      "Energy independence should have been a priority a decade ago.",
    ],
    everyday: [
      "Made borscht for the neighbours tonight, my grandmother's recipe.",
      "Anyone know a pharmacy open late near the {city} train station?",
      "Our cat finally got used to the new flat.",
      "The kids are doing online school again, this time from the basement.",
      "Happy birthday to my sister, {age} years young today!",
      "Coffee first, news later.",
      "Rain all {day} in {city}, perfect weather to stay in and read.",
      "Looking for a room for two people in {city} for a few weeks, any leads?",
      "Finally fixed the bike, going for a long ride on {day}.",
      "Does anyone have a good recipe for potato pancakes?",
    ],
    filler: [
      "Stay safe, everyone.", "Thanks for sharing.", "Please repost.", "More updates later.",
      "What do you think?", "Peace to everyone.", "Keep strong.", "Sources in the comments.",
      "Details below.", "#StandWithUkraine", "🇺🇦", "🙏", "Slava Ukraini!", "Unbelievable.",
      "Hugs to all of you.", "Good night.",
    ],
    violent: [
      "Death to the Russian invaders!", "Death to Putin!", "Glory to Ukraine! Death to the enemies!",
      "Kill the occupiers!", "Russian invaders must die.", "Putin should be hanged in Moscow.",
      "Death to all Russians.", "Someone should shoot Putin.",
    ],
    benign: [
      "I don't want Russian soldiers to die, I want them to go home.", "This heat is killing me.",
      "He wrote 'death to all Russians' and was banned.", "Sanctions will kill the Russian economy.",
      "No one deserves to die in this war.", "My feet are killing me after the march.",
    ],
  },
  uk: {
    slots: {
      city_loc: ["у Києві", "у Харкові", "у Львові", "в Одесі", "у Дніпрі", "у Чернігові", "у Запоріжжі", "у Варшаві", "у Вінниці"],
      city_gen: ["з Києва", "з Харкова", "зі Львова", "з Одеси", "з Дніпра", "з Чернігова", "з Маріуполя", "з Ірпеня"],
      item: ["ліки", "ковдри", "дитяче харчування", "павербанки", "теплі шкарпетки", "аптечки", "консерви"],
    },
    news: [
      "{city_loc} вночі знову лунали сирени повітряної тривоги.",
      "Евакуаційні потяги {city_gen} курсують із затримками до {h} годин.",
      "{city_gen} евакуювали ще {n} людей, повідомила обласна адміністрація.",
      "Ціни на пальне за тиждень зросли на {n} копійок.",
      "Україна отримала нову партію гуманітарної допомоги від Польщі.",
      "Переговори в Білорусі знову завершилися без результату.",
      "Рятувальники розбирають завали житлового будинку {city_loc}.",
      "Волонтери {city_loc} збирають {item} та {item} для переселенців.",
      "Школи {city_loc} продовжать дистанційне навчання щонайменше до кінця місяця.",
      "Мер подякував усім, хто здав кров у міській лікарні.",
    ],
    opinion: [
      "Санкції треба було запроваджувати ще вісім років тому.",
      "Не можу повірити, що таке відбувається в Європі у 2022 році.",
      "Пишаюся нашими лікарями, вони працюють без вихідних.",
      "Путін увійде в історію як воєнний злочинець.",
      "Дякую всім, хто приймає наших біженців.",
      "Перевіряйте інформацію, перш ніж поширювати фото з блокпостів.",
      "Сусіди прихистили родину {city_gen}, і це повернуло мені віру в людей.",
      "Нам потрібна протиповітряна оборона, а не лише заяви.",
    ],
    everyday: [
      "Зварила борщ для сусідів, рецепт від бабусі.",
      "Хтось знає, яка аптека працює допізна біля вокзалу?",
      "Діти знову вчаться онлайн, цього разу з підвалу.",
      "Кіт нарешті звик до нової квартири.",
      "Шукаємо житло для родини з {small} людей {city_loc} на кілька тижнів.",
      "Спочатку кава, новини потім.",
      "З днем народження, сестричко, тобі сьогодні {age}!",
      "Цілий день дощ, сиджу вдома з книжкою.",
    ],
    filler: [
      "Бережіть себе.", "Дякую, що поширюєте.", "Слава Україні!", "Героям слава!", "Усім миру.",
      "Тримаймося.", "Подробиці в коментарях.", "Що думаєте?", "🇺🇦", "💙💛", "Обіймаю всіх.",
      "Добраніч.", "Репост, будь ласка.",
    ],
    violent: [
      "Смерть окупантам!", "Смерть російським окупантам!", "Слава Україні! Смерть ворогам!",
      "Смерть Путіну!", "Вбивайте окупантів!", "Хай усі окупанти здохнуть.",
    ],
    benign: [
      "Я не хочу, щоб російські солдати гинули, хай їдуть додому.", "Ця спека мене просто вбиває.",
      "Він написав «смерть усім росіянам», і його заблокували.", "Санкції вб'ють російську економіку.",
    ],
  },
  ru: {
    slots: {
      city_loc: ["в Киеве", "в Харькове", "во Львове", "в Одессе", "в Днепре", "в Чернигове", "в Риге", "в Варшаве"],
      city_gen: ["из Киева", "из Харькова", "из Мариуполя", "из Одессы", "из Чернигова", "из Ирпеня"],
      item: ["лекарства", "одеяла", "детское питание", "пауэрбанки", "тёплые носки", "аптечки"],
    },
    news: [
      "{city_loc} ночью снова звучали сирены воздушной тревоги.",
      "{city_gen} эвакуировали ещё {n} человек, сообщила областная администрация.",
      "Цены на бензин за неделю выросли на {n} копеек.",
      "Переговоры в Беларуси снова закончились ничем.",
      "Евросоюз объявил новый пакет санкций против российских банков.",
      "Спасатели разбирают завалы жилого дома {city_loc}.",
      "Волонтёры {city_loc} собирают {item} и {item} для беженцев.",
      "Несколько авиакомпаний отменили рейсы над регионом до особого уведомления.",
    ],
    opinion: [
      "Не могу поверить, что такое происходит в Европе в 2022 году.",
      "Нет войне. Мне стыдно за свою страну.",
      "Мои родственники {city_loc} уже неделю сидят в подвале.",
      "Путин войдёт в историю как военный преступник.",
      "Независимых СМИ почти не осталось, читаем новости через VPN.",
      "Проверяйте источники, прежде чем делиться видео с улиц.",
      "Санкции надо было вводить гораздо раньше.",
    ],
    everyday: [
      "Сварила борщ для соседей, рецепт бабушки.",
      "Кто-нибудь знает аптеку, которая работает допоздна у вокзала?",
      "Кот наконец привык к новой квартире.",
      "Дети опять учатся онлайн.",
      "С днём рождения, сестрёнка, тебе сегодня {age}!",
      "Весь день дождь, сижу дома с книгой.",
      "Ищем комнату для двоих {city_loc} на пару недель.",
    ],
    filler: [
      "Берегите себя.", "Спасибо, что делитесь.", "Всем мира.", "Подробности в комментариях.",
      "Что думаете?", "Держитесь.", "Обнимаю всех.", "Спокойной ночи.", "🙏", "Нет войне!",
    ],
    violent: [
      "Смерть оккупантам!", "Смерть Путину!", "Путин должен умереть.", "Убейте оккупантов!",
      "Смерть российским захватчикам!",
    ],
    benign: [
      "Я не хочу, чтобы русские солдаты умирали, пусть едут домой.", "Эта жара меня убивает.",
      "Санкции убьют российскую экономику.", "Он написал «смерть всем русским», и его забанили.",
    ],
  },
  pl: {
    slots: {
      city_loc: ["w Krakowie", "w Warszawie", "w Przemyślu", "w Lublinie", "w Gdańsku", "we Wrocławiu", "w Rzeszowie"],
      border: ["Medyce", "Dorohusku", "Hrebennem", "Korczowej", "Zosinie"],
      item: ["leki", "koce", "śpiwory", "żywność dla dzieci", "powerbanki", "ciepłe skarpety"],
    },
    news: [
      "Na przejściu granicznym w {border} czeka ponad {n} osób.",
      "Wolontariusze {city_loc} zbierają {item} i {item} dla uchodźców.",
      "Straż Graniczna podała, że od początku wojny do Polski przyjechało ponad {n} tysięcy osób.",
      "Ceny paliwa wzrosły w tym tygodniu o {n} groszy na litrze.",
      "Unia Europejska ogłosiła kolejny pakiet sankcji wobec Rosji.",
      "Rozmowy na Białorusi znów zakończyły się bez porozumienia.",
      "Pociągi ewakuacyjne ze Lwowa przyjeżdżają z opóźnieniem do {h} godzin.",
      "Szkoły {city_loc} przyjęły już kilkaset dzieci z Ukrainy.",
    ],
    opinion: [
      "Nie mogę uwierzyć, że to się dzieje w Europie w 2022 roku.",
      "Jestem dumna z sąsiadów, którzy przyjęli rodziny z Ukrainy.",
      "Sankcje powinny były wejść w życie dużo wcześniej.",
      "Putin przejdzie do historii jako zbrodniarz wojenny.",
      "Sprawdzajcie źródła, zanim udostępnicie cokolwiek o ruchach wojsk.",
      "Europa musi wreszcie uniezależnić się od rosyjskiego gazu.",
    ],
    everyday: [
      "Ugotowałam dziś barszcz dla sąsiadów według przepisu babci.",
      "Czy ktoś zna aptekę otwartą do późna koło dworca?",
      "Kot w końcu przyzwyczaił się do nowego mieszkania.",
      "Szukamy pokoju dla dwóch osób {city_loc} na kilka tygodni.",
      "Cały dzień pada, zostaję w domu z książką.",
      "Wszystkiego najlepszego z okazji urodzin, siostrzyczko!",
      "Najpierw kawa, potem wiadomości.",
    ],
    filler: [
      "Uważajcie na siebie.", "Dzięki za udostępnienie.", "Pokój wszystkim.", "Szczegóły w komentarzach.",
      "Co o tym myślicie?", "Trzymajcie się.", "Dobranoc.", "🇵🇱🇺🇦", "Ściskam wszystkich.",
      "Udostępniajcie, proszę.",
    ],
    violent: [
      "Śmierć Putinowi!", "Śmierć rosyjskim najeźdźcom!", "Zabijcie okupantów!", "Putin musi zginąć.",
      "Śmierć okupantom!",
    ],
    benign: [
      "Nie chcę, żeby rosyjscy żołnierze ginęli, niech wracają do domu.", "Ten upał mnie zabija.",
      "Sankcje zabiją rosyjską gospodarkę.", "Napisał „śmierć wszystkim Rosjanom” i dostał bana.",
    ],
  },
};

/** Every word any corpus post can contain (lower case), for tools that must not match the corpus. */
export function vocabulary() {
  const words = new Set();
  const add = (s) => {
    for (const w of s.toLowerCase().split(/[^\p{L}\p{M}\p{N}']+/u)) if (w) words.add(w);
  };
  for (const L of Object.values(LANGS)) {
    for (const [key, list] of Object.entries(L)) {
      if (key === "slots") for (const values of Object.values(list)) values.forEach(add);
      else list.forEach(add);
    }
  }
  return words;
}

/** Share of posts per language. */
export const LANGUAGE_MIX = Object.freeze({ en: 0.35, uk: 0.25, ru: 0.2, pl: 0.2 });
/** Share of posts that carry a violent call, and a negated / quoted / figurative one. */
export const VIOLENT_SHARE = 0.03;
export const BENIGN_VIOLENT_WORDS_SHARE = 0.02;
/** Poster's country by language; null = no country field. */
const COUNTRY_BY_LANG = {
  en: [["US", 0.35], ["DE", 0.15], ["UA", 0.15], ["PL", 0.1], ["LV", 0.05], [null, 0.2]],
  uk: [["UA", 0.75], ["PL", 0.12], ["DE", 0.05], ["LV", 0.02], [null, 0.06]],
  ru: [["RU", 0.4], ["UA", 0.25], ["LV", 0.15], ["DE", 0.1], [null, 0.1]],
  pl: [["PL", 0.8], ["DE", 0.05], ["UA", 0.05], [null, 0.1]],
};
const LANG_TABLE = Object.entries(LANGUAGE_MIX);
const FIRST_DAY = Date.UTC(2022, 1, 24); // 24 February 2022
const DAY_MS = 86_400_000;

function fill(rng, tpl, slots) {
  return tpl.replace(/\{(\w+)\}/g, (_, key) => {
    switch (key) {
      case "n": return String(int(rng, 2, 950));
      case "h": return String(int(rng, 2, 14));
      case "small": return String(int(rng, 2, 6));
      case "age": return String(int(rng, 18, 64));
      case "time": return `${String(int(rng, 0, 23)).padStart(2, "0")}:${String(int(rng, 0, 59)).padStart(2, "0")}`;
      default: {
        const list = slots[key];
        if (!list) throw new Error(`corpus template: unknown slot {${key}}`);
        return pick(rng, list);
      }
    }
  });
}

const capitalise = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const utf8 = (s) => Buffer.byteLength(s, "utf8");

/**
 * One post. `kind` is "violent", "benign" (violent words that are negated, quoted or figurative)
 * or "plain"; returned alongside the JSON line so a test can check the mix.
 */
export function makeRecord(rng, index, recordBytes = DEFAULTS.recordBytes) {
  const lang = weighted(rng, LANG_TABLE);
  const L = LANGS[lang];
  const country = weighted(rng, COUNTRY_BY_LANG[lang]);
  const date = new Date(FIRST_DAY + int(rng, 0, 65) * DAY_MS).toISOString().slice(0, 10);
  const r = rng();
  const kind = r < VIOLENT_SHARE ? "violent" : r < VIOLENT_SHARE + BENIGN_VIOLENT_WORDS_SHARE ? "benign" : "plain";
  const main = fill(rng, pick(rng, L[pick(rng, ["news", "news", "opinion", "everyday", "everyday"])]), L.slots);
  const sentences = [capitalise(main)];
  if (kind !== "plain") {
    const call = pick(rng, L[kind]);
    // The call opens the post, or follows the first sentence.
    if (rng() < 0.5) sentences.unshift(call);
    else sentences.push(call);
  }
  const id = `p${index + 1}`;
  const json = (text) => JSON.stringify(country ? { id, text, country, date } : { id, text, date });
  // Pad to a per-record target (mean recordBytes) with filler and further short posts' sentences.
  // (The overshoot of the last sentence adds about 8% on average, hence 0.47 + 0.9 × U[0,1).)
  const target = Math.round(recordBytes * (0.47 + 0.9 * rng()));
  let size = utf8(json(sentences.join(" ")));
  for (let guard = 0; size < target && guard < 40; guard++) {
    const pool = rng() < 0.4 ? L.filler : L[pick(rng, ["news", "opinion", "everyday"])];
    const s = capitalise(fill(rng, pick(rng, pool), L.slots));
    const add = utf8(s) + 1;
    if (guard < 39 && (sentences.includes(s) || size + add > target + 30)) continue; // try another
    sentences.push(s);
    size += add;
  }
  return { line: json(sentences.join(" ")), lang, kind, country };
}

/** Yields the corpus' JSONL lines (without newline). */
export function* corpusLines({ posts = DEFAULTS.posts, seed = DEFAULTS.seed, recordBytes = DEFAULTS.recordBytes } = {}) {
  const rng = mulberry32(seed);
  for (let i = 0; i < posts; i++) yield makeRecord(rng, i, recordBytes).line;
}

/** The whole corpus as one string (for small sizes: tests). */
export function corpusText(opts) {
  let out = "";
  for (const line of corpusLines(opts)) out += line + "\n";
  return out;
}

/** Writes the corpus to `path` (through a temporary file, renamed at the end). */
export function writeCorpus(path, opts = {}) {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, "w");
  let buf = "";
  try {
    for (const line of corpusLines(opts)) {
      buf += line + "\n";
      if (buf.length >= 1 << 20) {
        writeSync(fd, buf);
        buf = "";
      }
    }
    if (buf) writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  return path;
}

/** The cached corpus for these options in `dir`, generated if missing. */
export function ensureCorpus(dir, opts = {}) {
  const o = { ...DEFAULTS, ...opts };
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `corpus-v${CORPUS_VERSION}-n${o.posts}-s${o.seed}-b${o.recordBytes}.jsonl`);
  if (existsSync(path) && statSync(path).size > 0) return { path, cached: true };
  writeCorpus(path, o);
  return { path, cached: false };
}
