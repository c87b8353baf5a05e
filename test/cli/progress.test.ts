import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { metered, Progress } from "../../src/cli/progress.js";

function tty(isTTY: boolean): PassThrough & { isTTY?: boolean; text: () => string } {
  const s = new PassThrough() as PassThrough & { isTTY?: boolean; text: () => string };
  const chunks: string[] = [];
  s.on("data", (b: Buffer) => chunks.push(b.toString()));
  s.isTTY = isTTY;
  s.text = () => chunks.join("");
  return s;
}

describe("Progress", () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    [true, {}, true],
    [true, { CI: "true" }, false],
    [false, {}, false],
  ])("on a terminal %s with env %j: shown %s", (isTTY, env, shown) => {
    expect(Progress.create(tty(isTTY), env, { read: 0, total: undefined }) !== undefined).toBe(shown);
  });

  it("shows records, rate, percent and time left, then erases itself", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(0);
    const s = tty(true);
    const meter = { read: 0, total: 1000 };
    const p = Progress.create(s, {}, meter)!;
    vi.setSystemTime(2000);
    meter.read = 250;
    p.tick(500);
    p.end();
    await new Promise((r) => setImmediate(r));
    expect(s.text()).toContain("modpol: 500 records, 250/s, 25%, about 6 s left");
    expect(s.text().endsWith("\r\u001b[K")).toBe(true);
  });

  it("counts the bytes that pass through", async () => {
    const meter = { read: 0, total: undefined };
    const chunks: unknown[] = [];
    for await (const c of metered((async function* () { yield* [Buffer.from("abc"), "dé"]; })(), meter)) chunks.push(c);
    expect(chunks).toHaveLength(2);
    expect(meter.read).toBe(6);
  });
});
