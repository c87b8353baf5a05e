import { describe, expect, it } from "vitest";
import { parseYaml } from "../../src/load/yaml-file.js";

const syntax = (text: string) => parseYaml("f.yaml", "/f.yaml", text).diagnostics.map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);

describe("YAML syntax errors are reported where the user erred", () => {
  it("an unclosed '[' at its bracket, saying it is unclosed, not at the next line", () => {
    expect(syntax("id: x\nlexicons:\n  call:\n    en: [death to, kill\nsignals:\n  a: { lexicon: call }\n")).toEqual(["4:9 yaml-syntax '[' is not closed: this list needs a ']'"]);
  });

  it("an unclosed '{', and a '[' closed by the wrong bracket", () => {
    expect(syntax("a: {x: 1\nb: 1\n")).toEqual(["1:4 yaml-syntax '{' is not closed: this mapping needs a '}'"]);
    expect(syntax("terms: { en: [death to, kill }\n")).toEqual(["1:14 yaml-syntax '[' is not closed: a '}' comes before its ']'"]);
  });

  it("only the inner bracket when an outer one lost its closer to it", () => {
    expect(syntax("a: [1, {x: 2]\nb: 1\n")).toEqual(["1:8 yaml-syntax '{' is not closed: a ']' comes before its '}'"]);
    expect(syntax("a: [1, [2, 3]\nb: 1\n")).toEqual(["1:4 yaml-syntax '[' is not closed: this list needs a ']'"]);
  });

  it("an unclosed quote at the quote", () => {
    expect(syntax('a: "abc\nb: 1\n')).toEqual(['1:4 yaml-syntax the " that opens this string is never closed']);
    expect(syntax("a: 'it''s\nb: 1\n")).toEqual(["1:4 yaml-syntax the ' that opens this string is never closed"]);
    expect(syntax("a: 'it''s'\nb: \"a \\\" b\"\n")).toEqual([]);
  });

  it("one error for a stray bracket, not one for every token after it", () => {
    const cases = Array.from({ length: 30 }, (_, i) => `  - text: "post ${i}"\n    note: "n" ${i === 3 ? "[" : ""}\n`).join("");
    expect(syntax(`cases:\n${cases}`)).toEqual(["9:15 yaml-syntax unexpected '[' after a complete value"]);
  });

  it("keeps errors that are not consequences of an earlier one", () => {
    expect(syntax("a: 1\na: 2\nb: [x\n")).toEqual(["2:1 duplicate-key duplicate key 'a': each key may appear once in a mapping", "3:4 yaml-syntax '[' is not closed: this list needs a ']'"]);
  });
});
