#!/usr/bin/env node
// Screenshots of modpol's HTML reports, for the docs: opens the report from its file in headless
// Chromium (Debian's `chromium`, or MODPOL_CHROMIUM), driven by playwright-core (a dev dependency,
// which downloads no browser), and writes a PNG of its top.
//
//   node scripts/screenshot.js REPORT.html OUT.png [--width 1200] [--height 1800] [--from SELECTOR]
//
// --from: the region starts at that element (e.g. '#wrong', the posts decided wrongly) instead of
// the top of the page.
//
// How the screenshots in docs/images/ were made is written in docs/reports.md.
import { accessSync, constants } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { width: { type: "string", default: "1200" }, height: { type: "string", default: "1800" }, from: { type: "string" } } });
if (positionals.length !== 2) {
  console.error("usage: node scripts/screenshot.js REPORT.html OUT.png [--width 1200] [--height 1800] [--from SELECTOR]");
  process.exit(2);
}
const [input, output] = positionals;

function findChromium() {
  const can = (p) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  if (process.env.MODPOL_CHROMIUM) return can(process.env.MODPOL_CHROMIUM) ? process.env.MODPOL_CHROMIUM : undefined;
  for (const name of ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]) {
    for (const d of (process.env.PATH ?? "").split(delimiter).filter(Boolean)) if (can(join(d, name))) return join(d, name);
  }
  return undefined;
}

const executablePath = findChromium();
if (!executablePath) {
  console.error("screenshot: no Chromium found (Debian: apt-get install chromium; or set MODPOL_CHROMIUM)");
  process.exit(2);
}
const { chromium } = await import("playwright-core");
const root = typeof process.getuid === "function" && process.getuid() === 0;
const browser = await chromium.launch({ executablePath, chromiumSandbox: !root, args: ["--disable-gpu", "--no-first-run"] });
try {
  const width = Number(values.width);
  const height = Number(values.height);
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(resolve(input)).href, { waitUntil: "load" });
  let y = 0;
  if (values.from) {
    const box = await page.locator(values.from).first().boundingBox();
    if (!box) throw new Error(`screenshot: nothing on the page matches ${values.from}`);
    y = Math.max(0, Math.floor(box.y) - 16);
  }
  const full = await page.evaluate("document.documentElement.scrollHeight");
  await page.screenshot({ path: output, fullPage: true, clip: { x: 0, y, width, height: Math.min(height, full - y) } });
  console.error(`screenshot: ${output} (${width}×${Math.min(height, full - y)}) of ${input}${values.from ? ` from ${values.from}` : ""}`);
} finally {
  await browser.close();
}
