import { describe, expect, it } from "vitest";
import { WordTable } from "../../src/text/word-table.js";

const codes = (w: string): number[] => [...w].map((c) => c.charCodeAt(0));

describe("WordTable", () => {
  it.each([
    ["nado", 1],
    ["shcho", 2],
    ["both", 1],
    ["nope", undefined],
    ["nad", undefined],
  ])("finds %j listed with its value (the first list that names it)", (word, want) => {
    const t = new WordTable<number>();
    t.add(1, "nado both");
    t.add(2, "shcho both");
    expect(t.get(codes(word), word.length)).toBe(want);
  });

  it("files words listed after the first look-up too", () => {
    const t = new WordTable<string>();
    t.add("a", "one");
    expect(t.get(codes("two"), 3)).toBeUndefined();
    t.add("b", "two");
    expect(t.get(codes("two"), 3)).toBe("b");
    expect(t.get(codes("one"), 3)).toBe("a");
  });

  it("looks a word up by the first n codes of a longer buffer", () => {
    const t = new WordTable<number>();
    t.add(7, "vot");
    expect(t.get([...codes("vot"), 120, 121], 3)).toBe(7);
  });
});
