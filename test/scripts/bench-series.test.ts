import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { realTexts, writeLongPosts, writeRealText } from "../../scripts/bench/series.js";

const ROOT = resolve(".");
const dir = mkdtempSync(join(tmpdir(), "modpol-series-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lines = (path: string): { id: string; text: string }[] => readFileSync(path, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string });

describe("the benchmark's series corpora", () => {
  it("real text: every post once (no text twice), the project's blind rounds always among them, in a fixed order", () => {
    const { posts, sources } = realTexts(ROOT);
    expect(new Set(posts.map((p) => p.text)).size).toBe(posts.length);
    expect(sources.some((s) => s.includes("test/fixtures/blind/round-1.jsonl"))).toBe(true);
    expect(posts.length).toBeGreaterThan(1500);
    const a = join(dir, "a.jsonl");
    const b = join(dir, "b.jsonl");
    writeRealText(ROOT, a, 500);
    writeRealText(ROOT, b, 500);
    expect(readFileSync(a, "utf8")).toBe(readFileSync(b, "utf8"));
    expect(lines(a)).toHaveLength(500);
  });

  it("long posts: each about the size asked, of real text", () => {
    const path = join(dir, "long.jsonl");
    writeLongPosts(ROOT, path, 3, 20_000);
    const posts = lines(path);
    expect(posts).toHaveLength(3);
    for (const p of posts) {
      const bytes = Buffer.byteLength(p.text);
      expect(bytes).toBeGreaterThanOrEqual(20_000);
      expect(bytes).toBeLessThan(22_000);
    }
  });

  it("the size-matched floor writes records of the size asked", () => {
    const path = join(dir, "real.jsonl");
    writeRealText(ROOT, path, 50);
    const out = execFileSync(process.execPath, ["scripts/bench/io-floor.js", path, "--pad-to", "300"], { encoding: "utf8" });
    const records = out.split("\n").filter(Boolean);
    expect(records).toHaveLength(50);
    for (const r of records) expect(Buffer.byteLength(r) + 1).toBe(300);
  });
});
