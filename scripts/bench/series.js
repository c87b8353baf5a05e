// The corpora of `npm run bench`'s series, beside the generated one: what modpol costs on text that
// does not flatter its per-word memo, against a floor that writes as many bytes as modpol does.
//
//   real text    posts written by people, each seen once: the project's blind rounds
//                (test/fixtures/blind/, written for it) and, when ../shared/data/ is beside the clone,
//                the Multilingual HateCheck cases in nine other languages and the HateCheck
//                (English, Polish) cases, deduplicated and shuffled (fixed seed). They are test
//                suites rather than social-media posts, but human-written sentences in 24 languages:
//                most of their words are new to each run. The project ships none of ../shared.
//   wide vocab   the generated corpus with made-up words added to each post (wide-vocab.js)
//   long posts   posts of about 100 KB, each the real-text posts joined, with emoji
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { mulberry32 } from "./corpus.js";
import { addWords } from "./wide-vocab.js";

/** Texts of a JSONL file of posts (`text` field), or none if it is absent. */
function jsonlTexts(path) {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)).filter((r) => typeof r.text === "string").map((r) => ({ text: r.text, country: r.country }));
}

/** The real-text posts: the sources that exist, deduplicated, in a fixed shuffled order. */
export function realTexts(root) {
  const shared = join(root, "..", "shared", "data");
  const blind = join(root, "test", "fixtures", "blind");
  const sources = [
    ...readdirSync(blind).filter((f) => f.endsWith(".jsonl")).map((f) => join(blind, f)),
    join(shared, "mhc-other-languages.jsonl"),
    join(shared, "hatecheck-violence.jsonl"),
    join(shared, "policy-cases.dev.jsonl"),
  ];
  const seen = new Set();
  const posts = [];
  const used = [];
  for (const s of sources) {
    const texts = jsonlTexts(s);
    if (texts.length > 0) used.push(s);
    for (const p of texts) if (!seen.has(p.text)) seen.add(p.text) && posts.push(p);
  }
  const rnd = mulberry32(20221205);
  for (let i = posts.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [posts[i], posts[j]] = [posts[j], posts[i]];
  }
  return { posts, sources: used };
}

const line = (id, p) => JSON.stringify({ id, text: p.text, ...(p.country ? { country: p.country } : {}) });

/** Writes the real-text corpus (at most `posts` posts); returns how many it holds and from where. */
export function writeRealText(root, path, posts = Infinity) {
  const { posts: all, sources } = realTexts(root);
  const kept = all.slice(0, posts);
  writeFileSync(path, `${kept.map((p, i) => line(`real-${i + 1}`, p)).join("\n")}\n`);
  return { posts: kept.length, sources };
}

/** Writes `count` posts of about `bytes` bytes each, made of the real-text posts run together with emoji. */
export function writeLongPosts(root, path, count, bytes) {
  const { posts } = realTexts(root);
  const out = [];
  let k = 0;
  for (let i = 0; i < count; i++) {
    const parts = [];
    let size = 0;
    while (size < bytes) {
      const t = `${posts[k++ % posts.length].text} ${k % 7 === 0 ? "🇺🇦🔥 " : ""}`;
      parts.push(t);
      size += Buffer.byteLength(t);
    }
    out.push(line(`long-${i + 1}`, { text: parts.join(""), country: i % 2 ? "UA" : "PL" }));
  }
  writeFileSync(path, `${out.join("\n")}\n`);
  return { posts: count };
}

/** Writes the generated corpus at `from` with made-up words added to each post (see wide-vocab.js). */
export function writeWideVocabulary(from, path) {
  const lines = readFileSync(from, "utf8").split("\n").filter(Boolean);
  const out = addWords(lines, { words: 4, vocabulary: 200_000, seed: 12345 });
  writeFileSync(path, `${out.join("\n")}\n`);
  return { posts: out.length };
}

/**
 * Times each series: the floor padded to modpol's bytes per record against `modpol eval --format
 * jsonl`, alternately, after one run of modpol that measures those bytes (and warms the caches).
 * `tools` is bench.js's runner: { run, median, progress, floorCmd, modpolCmd, outDir, root }.
 */
export async function measureSeries(o, synthetic, tools) {
  const { run, median, progress, floorCmd, modpolCmd, outDir, root } = tools;
  const quick = o.quick;
  const corpora = [
    ["synthetic (the generated corpus)", synthetic, null],
    ["wide vocabulary (+4 made-up words a post)", join(outDir, `series-wide-${quick ? "q" : "f"}.jsonl`), (p) => writeWideVocabulary(synthetic, p)],
    ["real text, each post seen once", join(outDir, `series-real-${quick ? "q" : "f"}.jsonl`), (p) => writeRealText(root, p, quick ? 3_000 : Infinity)],
    ["long posts (~100 KB, emoji)", join(outDir, `series-long-${quick ? "q" : "f"}.jsonl`), (p) => writeLongPosts(root, p, quick ? 5 : 40, 100_000)],
  ];
  const out = [];
  for (const [name, path, make] of corpora) {
    const made = make ? make(path) : undefined;
    const posts = made?.posts ?? readFileSync(path, "utf8").split("\n").filter(Boolean).length;
    const sized = `${path}.modpol-out`;
    const fd = openSync(sized, "w");
    await run(modpolCmd(path, o), { stdoutFd: fd, okCodes: [0, 3] });
    closeSync(fd);
    const bytesPerRecord = Math.round(statSync(sized).size / posts);
    progress(`series: ${name}: ${posts} posts, modpol writes ${bytesPerRecord} bytes a record`);
    const a = [];
    const b = [];
    for (let i = 0; i < o.runs; i++) {
      a.push((await run([...floorCmd(path), "--pad-to", String(bytesPerRecord)])).ms);
      b.push((await run(modpolCmd(path, o), { okCodes: [0, 3] })).ms);
    }
    const ratio = median(a.map((x, i) => b[i] / x));
    out.push({ name, path: relative(root, path), posts, bytesPerRecord, sources: made?.sources?.map((s) => relative(root, s)), floorMs: median(a), modpolMs: median(b), usPerPost: (median(b) * 1000) / posts, ratio });
  }
  return out;
}
