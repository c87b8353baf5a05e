import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { Output } from "../../src/cli/output.js";

/** A stream that records each write, and can refuse more (backpressure) until drained. */
function sink(highWaterMark = 1 << 20) {
  const writes: string[] = [];
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _enc, cb) {
      writes.push(chunk.toString());
      setImmediate(cb);
    },
  });
  return { stream, writes };
}

describe("Output", () => {
  it("add queues without writing; flushIfFull writes only past the threshold, in order", async () => {
    const { stream, writes } = sink();
    const out = new Output(stream, 10);
    out.add("abc");
    out.add("def");
    await out.flushIfFull();
    expect(writes).toEqual([]);
    out.add("ghijk");
    await out.flushIfFull();
    expect(writes).toEqual(["abcdefghijk"]);
    out.add("rest");
    await out.flush();
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual(["abcdefghijk", "rest"]);
  });

  it("writes queued text after a moment even when no flush follows (slow input)", async () => {
    const { stream, writes } = sink();
    const out = new Output(stream, 1 << 16);
    out.add("late\n");
    await new Promise((r) => setTimeout(r, 120));
    expect(writes).toEqual(["late\n"]);
  });

  it("waits for the stream to drain when it asks to, losing nothing", async () => {
    const { stream, writes } = sink(4);
    const out = new Output(stream, 4);
    for (let i = 0; i < 50; i++) {
      out.add(`${i},`);
      await out.flushIfFull();
    }
    await out.flush();
    await new Promise((r) => setImmediate(r));
    expect(writes.join("")).toBe(Array.from({ length: 50 }, (_, i) => `${i},`).join(""));
  });

  it("drops everything quietly once the stream is gone", async () => {
    const { stream, writes } = sink();
    const out = new Output(stream, 1);
    stream.destroy();
    out.add("x");
    await out.flushIfFull();
    expect(out.closed).toBe(true);
    expect(writes).toEqual([]);
  });
});
