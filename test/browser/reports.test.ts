import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../cli/run.js";
import { findChromium, launchOptions } from "../helpers/chromium.js";

// The HTML reports in a real headless Chromium (Debian's package, driven by playwright-core): they
// load offline without an error, show the figures of the JSON output, and keep hostile posts inert.
// Without one they skip and say so; in CI (CI or MODPOL_REQUIRE_CHROMIUM set, as .ci/run does) they fail.
const search = findChromium();
const chromium = search.path;
if (!chromium && !search.required) console.warn(`test/browser: the HTML report tests are SKIPPED: ${search.why}`);

const MINI = "test/fixtures/mini/policy.yaml";
const V3 = "test/fixtures/timeline/v3.yaml";
const LABELS = "test/fixtures/score/labels.jsonl";
const HOSTILE = "test/fixtures/score/hostile.jsonl";
const CORPUS = "test/fixtures/score/corpus.jsonl";

type Doc = Record<string, any>;

/** What the tests read of the page's DOM, inside page.evaluate (the test project has no DOM types). */
declare const document: {
  readonly title: string;
  readonly scripts: { readonly length: number };
  readonly images: { readonly length: number };
  readonly body: { readonly innerText: string };
  readonly activeElement: { readonly textContent: string | null } | null;
};

/** A page opened from a file, as a mail attachment would be, with everything it did recorded. */
interface Opened {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
  readonly dialogs: string[];
}

const percent = (v: number | null) => (v === null ? "–" : `${(v * 100).toFixed(1)}%`);
const two = (v: number | null) => (v === null ? "–" : v.toFixed(2));

/** The JSON figure a `data-figure` path of the score report names, and how the page must write it. */
function scoreFigure(p: Doc, path: string[]): { value: number | null; text: string } {
  const [kind, a, b] = path;
  const cls = (c: string) => (p.classes as Doc[]).find((x) => x.class === c) as Doc;
  switch (kind) {
    case "labelled":
      return { value: p.labelled, text: String(p.labelled) };
    case "accuracy":
      return { value: p.accuracy.value, text: percent(p.accuracy.value) };
    case "kappa":
      return { value: p.kappa, text: two(p.kappa) };
    case "agreement":
      return { value: p.agreement.kappa, text: two(p.agreement.kappa) };
    case "precision":
    case "recall":
      return { value: cls(a as string)[kind].value, text: percent(cls(a as string)[kind].value) };
    case "f1":
      return { value: cls(a as string).f1, text: two(cls(a as string).f1) };
    case "confusion":
      return { value: p.confusion.matrix[a as string][b as string], text: String(p.confusion.matrix[a as string][b as string]) };
    case "groups": {
      const g = (p.groups[a as string] as Doc[]).find((x) => (x.value ?? "(none)") === b) as Doc;
      return { value: g.accuracy.value, text: percent(g.accuracy.value) };
    }
    case "rules": {
      const r = (p.rules as Doc[]).find((x) => x.rule === a) as Doc;
      return { value: r[b as string], text: String(r[b as string]) };
    }
    default:
      throw new Error(`unknown figure ${JSON.stringify(path)}`);
  }
}

/** Every figure on the page: its policy, path, data value and visible text. */
async function figures(page: Page): Promise<{ policy: string | null; path: string[]; value: string; text: string }[]> {
  return page.$$eval("[data-figure]", (els) => els.map((e) => ({ policy: e.getAttribute("data-policy"), path: JSON.parse(e.getAttribute("data-figure") as string) as string[], value: e.getAttribute("data-value") as string, text: (e.textContent ?? "").trim() })));
}

/** Run in the page (a string: the test project has no DOM types): how many visible texts were checked, and those whose contrast is under 4.5:1. */
const CONTRAST = `(() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }).reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
  const bg = (el) => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3); } return [255, 255, 255]; };
  const out = [];
  let checked = 0;
  for (const el of document.querySelectorAll("body *")) {
    const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim() !== "");
    if (!own || el.getClientRects().length === 0) continue;
    checked++;
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) out.push({ text: el.textContent.trim().slice(0, 40), ratio: Math.round(ratio * 100) / 100 });
  }
  return { checked, low: out };
})()`;

describe.runIf(!chromium)("HTML reports in headless Chromium", () => {
  if (search.required) {
    it("needs a Chromium here", () => {
      throw new Error(`test/browser: ${search.why}; in CI the HTML report tests must run, not skip`);
    });
  } else {
    it.skip(`are skipped: ${search.why}`, () => {});
  }
});

describe.skipIf(!chromium)("HTML reports in headless Chromium", () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), "modpol-html-"));

  // As long as a test may take (vitest.config.ts), not the 10 s of a hook: a browser on a loaded machine is slow to start.
  beforeAll(async () => {
    const { chromium: pw } = await import("playwright-core");
    browser = await pw.launch(launchOptions(chromium as string));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Writes the report and opens it from its file, recording console errors, requests and dialogs. */
  async function open(html: string, name: string): Promise<Opened> {
    const file = join(dir, name);
    writeFileSync(file, html);
    const page = await browser.newPage();
    const o: Opened = { page, errors: [], requests: [], dialogs: [] };
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") o.errors.push(m.text());
    });
    page.on("pageerror", (e) => o.errors.push(e.message));
    page.on("request", (r) => o.requests.push(r.url()));
    page.on("dialog", (d) => {
      o.dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    return o;
  }

  async function report(args: readonly string[]): Promise<{ html: string; doc: Doc }> {
    const h = await run([...args, "-f", "html"]);
    const j = await run([...args, "-f", "json"]);
    expect(h.code).toBe(j.code);
    return { html: h.stdout, doc: JSON.parse(j.stdout) as Doc };
  }

  it("score: loads offline with no console error, and every figure on the page is the JSON output's", async () => {
    const { html, doc } = await report(["score", "--labels", LABELS, "-p", MINI, "-p", V3, "--second-label", "label_b", "--by", "group"]);
    const o = await open(html, "score.html");
    try {
      expect(o.errors).toEqual([]);
      expect(o.requests).toEqual([o.page.url()]);
      const figs = await figures(o.page);
      // Not a vacuous check: two policies' figures, confusion cells, groups and rules.
      expect(figs.length).toBeGreaterThan(80);
      for (const f of figs) {
        const p = (doc.policies as Doc[]).find((x) => x.policy === f.policy) as Doc;
        const want = scoreFigure(p, f.path);
        expect(f.value, JSON.stringify(f)).toBe(want.value === null ? "" : String(want.value));
        expect(f.text, JSON.stringify(f)).toBe(want.text);
      }
      const shown = await o.page.$$eval("article[data-item]", (els) => els.length);
      expect(shown).toBe((doc.policies as Doc[]).reduce((a, p) => a + p.misses.length, 0));
    } finally {
      await o.page.close();
    }
  });

  it("score and diff: every text on the page contrasts 4.5:1 or more with its background (WCAG AA)", async () => {
    const score = (await report(["score", "--labels", LABELS, "-p", MINI, "-p", V3])).html;
    const diff = (await report(["diff", "--from", MINI, "--to", V3, "--input", CORPUS])).html;
    for (const [name, html] of [["contrast-score.html", score], ["contrast-diff.html", diff]] as const) {
      const o = await open(html, name);
      try {
        // In the page: each element with text of its own, its colour against the first opaque background up the tree.
        const { checked, low } = (await o.page.evaluate(CONTRAST)) as { checked: number; low: { text: string; ratio: number }[] };
        expect(checked).toBeGreaterThan(50);
        expect(low, name).toEqual([]);
      } finally {
        await o.page.close();
      }
    }
  });

  it("score: the filter narrows the posts and says how many are shown", async () => {
    const { html } = await report(["score", "--labels", LABELS, "-p", MINI, "-p", V3]);
    const o = await open(html, "filter.html");
    try {
      const status = o.page.locator("#filter-status");
      await expect.poll(() => status.textContent()).toBe("3 of 3 posts shown");
      // Keyboard: the first Tab reaches the skip link, which leads to the report.
      await o.page.keyboard.press("Tab");
      expect(await o.page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the report");
      await o.page.selectOption("select[name=policy]", "mini-v3");
      expect(await status.textContent()).toBe("1 of 3 posts shown");
      await o.page.selectOption("select[name=policy]", "");
      await o.page.fill("input[name=q]", "putin");
      expect(await status.textContent()).toBe("1 of 3 posts shown");
      expect(await o.page.locator("article[data-item]:not([hidden]) h3").allTextContents()).toEqual(["e"]);
      // Printed: no filter, and the folded "why not" sections open.
      await o.page.emulateMedia({ media: "print" });
      expect(await o.page.locator("#filter").isVisible()).toBe(false);
      expect(await o.page.locator("article[data-item]").first().isVisible()).toBe(true);
      expect(o.errors).toEqual([]);
    } finally {
      await o.page.close();
    }
  });

  it("posts with <script> and <img onerror> stay inert text, in both reports", async () => {
    const score = (await run(["score", "--labels", HOSTILE, "-p", MINI, "-f", "html"])).stdout;
    const diff = (await run(["diff", "--from", MINI, "--to", V3, "--input", HOSTILE, "--all", "-f", "html"])).stdout;
    for (const [name, html] of [["hostile-score.html", score], ["hostile-diff.html", diff]] as const) {
      expect(html).not.toMatch(/<script>document|<img /);
      const o = await open(html, name);
      try {
        expect(o.errors).toEqual([]);
        expect(o.dialogs).toEqual([]);
        expect(o.requests).toEqual([o.page.url()]);
        const state = await o.page.evaluate(() => ({ title: document.title, scripts: document.scripts.length, images: document.images.length, text: document.body.innerText }));
        expect(state.title).not.toContain("pwned");
        expect(state.scripts).toBe(1);
        expect(state.images).toBe(0);
        expect(state.text).toContain("<script>document.title='pwned'</script> Death to Putin");
        expect(state.text).toContain(`<img src=x onerror="document.title='pwned'">`);
      } finally {
        await o.page.close();
      }
    }
  });

  it("diff: loads offline, and its matrix and countries are the JSON output's", async () => {
    const args = ["diff", "--from", MINI, "--to", V3, "--input", CORPUS];
    const { html, doc } = await report(args);
    const o = await open(html, "diff.html");
    try {
      expect(o.errors).toEqual([]);
      expect(o.requests).toEqual([o.page.url()]);
      const figs = await figures(o.page);
      expect(figs.length).toBeGreaterThan(16);
      const sum = doc.summary as Doc;
      for (const f of figs) {
        const [kind, a, b] = f.path as [string, string, string];
        let want: number;
        if (kind === "matrix") want = sum.matrix[a][b];
        else if (kind === "changed") want = sum.changed;
        else {
          const c = sum.byCountry[a === "(none)" ? "none" : a] as Doc;
          want = b === "posts" ? c.posts : b === "unchanged" ? c.posts - c.changed : c.matrix[b.split("→")[0] as string][b.split("→")[1] as string];
        }
        expect(f.value, JSON.stringify(f)).toBe(String(want));
        if (kind !== "changed") expect(f.text).toBe(String(want));
      }
      expect(await o.page.$$eval("article[data-item]", (els) => els.length)).toBe((doc.results as unknown[]).length);
    } finally {
      await o.page.close();
    }
  });
});
