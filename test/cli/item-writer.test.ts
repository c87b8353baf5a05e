import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { ItemWriter, joinItems, JSON_ARRAY, NO_SEPARATORS, type ItemSeparators } from "../../src/cli/item-writer.js";
import { Output } from "../../src/cli/output.js";

/** Writes items one by one and in joined batches, as eval does with and without worker threads. */
async function written(sep: ItemSeparators, plan: readonly (string | readonly string[])[]): Promise<string> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (b: Buffer) => chunks.push(b));
  const out = new Output(stream);
  const w = new ItemWriter(out, sep);
  for (const step of plan) {
    if (typeof step === "string") w.add(step);
    else w.addJoined(joinItems(step, sep), step.length);
  }
  out.add(w.tail);
  await out.flush();
  return Buffer.concat(chunks).toString("utf8");
}

describe("ItemWriter", () => {
  it.each([
    [["1", "2", "3"]],
    [[["1", "2"], "3"]],
    [["1", ["2", "3"]]],
    [[["1"], [], ["2", "3"]]],
    [[[], "1", [], "2", ["3"]]],
  ])("writes the same JSON array however the items are batched: %j", async (plan) => {
    const json = `[${await written(JSON_ARRAY, plan)}]`;
    expect(JSON.parse(json)).toEqual([1, 2, 3]);
    expect(json).toBe("[\n1,\n2,\n3\n]");
  });

  it("writes nothing between items without separators, and no tail", async () => {
    expect(await written(NO_SEPARATORS, ["a\n", ["b\n", "c\n"]])).toBe("a\nb\nc\n");
  });

  it("sets text blocks apart by a blank line and ends with one", async () => {
    expect(await written({ lead: "", glue: "\n" }, ["a\n", ["b\n", "c\n"]])).toBe("a\n\nb\n\nc\n\n");
  });

  it("has no tail when nothing was written", async () => {
    expect(await written(JSON_ARRAY, [[]])).toBe("");
  });
});
