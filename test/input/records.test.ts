import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvHeader } from "../../src/input/csv.js";
import { readLines, type Line } from "../../src/input/lines.js";
import { formatFromPath, fromObject, readRecordBatches, readRecords, type InputFormat, type InputRecord, type ReadOptions } from "../../src/input/records.js";
import { splitAt } from "../helpers/split-buffer.js";

const OPTS: ReadOptions = { maxRecordBytes: 100, name: "in", firstRecord: 1 };

async function* source(chunks: readonly (Buffer | string)[]): AsyncGenerator<Buffer | string> {
  for (const c of chunks) yield c;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

function read(format: InputFormat, chunks: readonly (Buffer | string)[], opts: Partial<ReadOptions> = {}): Promise<InputRecord[]> {
  return collect(readRecords(source(chunks), format, { ...OPTS, ...opts }));
}

/** A small deterministic generator, so "random" splits are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * The ways a byte stream may arrive: whole, one byte per chunk, cut once at every offset (so inside
 * every multi-byte character and between every \r and \n), and cut at several random offsets.
 */
function splittings(buf: Buffer): Buffer[][] {
  const ways: Buffer[][] = [[buf], Array.from(buf, (_, i) => buf.subarray(i, i + 1))];
  for (let i = 1; i < buf.length; i++) ways.push(splitAt(buf, [i]));
  const rnd = lcg(buf.length);
  for (let k = 0; k < 25; k++) {
    const cuts = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => Math.floor(rnd() * buf.length));
    ways.push([Buffer.alloc(0), ...splitAt(buf, cuts), Buffer.alloc(0)]);
  }
  return ways;
}

/** Reads `input` every way it may be split; all must give the same records, which are returned. */
async function readEveryWay(format: InputFormat, input: string | Buffer, opts: Partial<ReadOptions> = {}): Promise<InputRecord[]> {
  const buf = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  const whole = await read(format, [buf], opts);
  for (const chunks of splittings(buf)) expect(await read(format, chunks, opts)).toEqual(whole);
  expect(await read(format, [buf.toString("utf8")], opts)).toEqual(whole);
  return whole;
}

/** A compact view of records: "n@line id: text [country date]" or "n@line id! code". */
function brief(records: readonly InputRecord[]): string[] {
  return records.map((r) =>
    r.kind === "post"
      ? `${r.n}@${r.line} ${r.id}: ${JSON.stringify(r.text)}${r.country ? ` ${r.country}` : ""}${r.date ? ` ${r.date}` : ""}`
      : `${r.n}@${r.line} ${r.id}! ${r.code}`,
  );
}

describe("readLines", () => {
  async function lines(chunks: (Buffer | string)[], max = 100): Promise<Line[]> {
    return collect(readLines(source(chunks), max));
  }

  it.each<[string, string, Line[]]>([
    ["LF", "a\nb\n", [{ line: 1, text: "a" }, { line: 2, text: "b" }]],
    ["CRLF", "a\r\nb\r\n", [{ line: 1, text: "a" }, { line: 2, text: "b" }]],
    ["no final newline", "a\nb", [{ line: 1, text: "a" }, { line: 2, text: "b" }]],
    ["blank lines are lines", "a\n\n\nb", [{ line: 1, text: "a" }, { line: 2, text: "" }, { line: 3, text: "" }, { line: 4, text: "b" }]],
    ["a BOM is dropped from the first line only", "\uFEFFa\nb", [{ line: 1, text: "a" }, { line: 2, text: "b" }]],
    ["CR alone ends a line (old Mac files)", "a\rb\rc", [{ line: 1, text: "a" }, { line: 2, text: "b" }, { line: 3, text: "c" }]],
    ["CR, LF and CRLF mixed", "a\rb\nc\r\n\rd", [{ line: 1, text: "a" }, { line: 2, text: "b" }, { line: 3, text: "c" }, { line: 4, text: "" }, { line: 5, text: "d" }]],
    ["a BOM on a later line is text", "a\n\uFEFFb", [{ line: 1, text: "a" }, { line: 2, text: "\uFEFFb" }]],
    ["multi-byte text", "смерть\nśmierć\r\n𝐃", [{ line: 1, text: "смерть" }, { line: 2, text: "śmierć" }, { line: 3, text: "𝐃" }]],
    ["empty input", "", []],
    ["just a newline", "\n", [{ line: 1, text: "" }]],
  ])("%s", async (_, input, expected) => {
    const buf = Buffer.from(input, "utf8");
    for (const chunks of splittings(buf)) expect(await lines(chunks)).toEqual(expected);
  });

  it("reports a line over the limit by its length in bytes, and goes on", async () => {
    const input = Buffer.from(`ok\n${"ж".repeat(60)}\nnext\n${"x".repeat(100)}\n${"y".repeat(101)}`, "utf8");
    const expected: Line[] = [
      { line: 1, text: "ok" },
      { line: 2, tooLong: 120 },
      { line: 3, text: "next" },
      { line: 4, text: "x".repeat(100) },
      { line: 5, tooLong: 101 },
    ];
    for (const chunks of splittings(input)) expect(await lines(chunks)).toEqual(expected);
  });

  it("turns invalid UTF-8 into U+FFFD", async () => {
    expect(await lines([Buffer.from([0x61, 0xff, 0x62, 0x0a])])).toEqual([{ line: 1, text: "a\uFFFDb" }]);
  });
});

describe("lines format", () => {
  it("skips blank lines, handles CRLF, a BOM and no final newline", async () => {
    const records = await readEveryWay("lines", "\uFEFFперший\r\n\r\n   \n\tsecond ,\nśmierć 𝐃\nlast");
    expect(brief(records)).toEqual([
      '1@1 1: "перший"',
      '2@4 2: "\\tsecond ,"',
      '3@5 3: "śmierć 𝐃"',
      '4@6 4: "last"',
    ]);
    for (const r of records) expect(r).toMatchObject({ kind: "post", country: undefined, date: undefined });
  });

  it("turns an over-long line into one record-too-large error and reads the following lines", async () => {
    const records = await readEveryWay("lines", `a\n${"ї".repeat(51)}\r\nb\n${"z".repeat(300)}\nc`);
    expect(brief(records)).toEqual(['1@1 1: "a"', "2@2 2! record-too-large", '3@3 3: "b"', "4@4 4! record-too-large", '5@5 5: "c"']);
    expect(records[1]).toEqual({
      kind: "error",
      n: 2,
      line: 2,
      id: "2",
      code: "record-too-large",
      message: "in:2: record is 102 bytes; the limit is 100 (--max-record-size)",
    });
  });

  it("accepts a line of exactly the limit", async () => {
    const records = await readEveryWay("lines", `${"ї".repeat(50)}\n`);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ kind: "post", text: "ї".repeat(50) });
  });

  it("numbers records from firstRecord", async () => {
    const records = await read("lines", ["a\n\nb\n"], { firstRecord: 41 });
    expect(brief(records)).toEqual(['41@1 41: "a"', '42@3 42: "b"']);
  });

  it("gives no records for empty or blank input", async () => {
    expect(await read("lines", [])).toEqual([]);
    expect(await readEveryWay("lines", "\n \r\n\t\n")).toEqual([]);
  });

  it("reads three posts from CR-only line ends, not one", async () => {
    expect(brief(await readEveryWay("lines", "kill them\rhello\rdeath to putin\r"))).toEqual(['1@1 1: "kill them"', '2@2 2: "hello"', '3@3 3: "death to putin"']);
  });

  it("counts a line of other white space (no-break, ideographic, BOM, VT, FF) as a post: it is no blank line", async () => {
    const records = await readEveryWay("lines", "a\n\u00a0\n\u3000\n\uFEFF\n\u000b\n\u000c\n \t \nb\n");
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 8]);
  });
});

describe("jsonl format", () => {
  it("reads two records from CR-only line ends, not one invalid-json", async () => {
    const records = await readEveryWay("jsonl", '{"text":"a"}\r{"text":"b"}\r');
    expect(records.map((r) => (r.kind === "post" ? r.text : r.code))).toEqual(["a", "b"]);
  });

  it("makes a line of white space that JSON does not allow an invalid-json record, not a skipped line", async () => {
    const records = await readEveryWay("jsonl", '{"text":"a"}\n\u00a0\n\u3000\n\uFEFF\n\u000b\n\u000c\n \t\n{"text":"b"}\n');
    expect(records.map((r) => (r.kind === "post" ? r.text : `${r.line} ${r.code}`))).toEqual(["a", "2 invalid-json", "3 invalid-json", "4 invalid-json", "5 invalid-json", "6 invalid-json", "b"]);
  });

  it("sizes a line of invalid UTF-8 by its bytes as they came, not as repaired", async () => {
    // 500 invalid bytes are 500 bytes, though each reads as U+FFFD (three bytes in UTF-8).
    const bad = Buffer.concat([Buffer.from('{"text":"'), Buffer.alloc(500, 0xff), Buffer.from('"}\n')]);
    const over = await read("jsonl", [bad], { maxRecordBytes: 510 });
    expect(over[0]).toMatchObject({ code: "record-too-large", message: expect.stringContaining("record is 511 bytes") });
    const within = await read("jsonl", [bad], { maxRecordBytes: 600 });
    expect(within[0]).toMatchObject({ kind: "post", text: "\uFFFD".repeat(500) });
  });

  it("reads posts, turning each bad line into an error record in place", async () => {
    const input = [
      '{"id":"a1","text":"перший","country":"ua","date":"2022-03-11"}',
      "{bad json",
      '{"id":7,"text":"second","country":"Poland"}',
      "",
      '{"text":"no id"}',
      '{"id":"x"}',
      '{"text":42}',
      '{"text":"c","country":"Narnia"}',
      '{"text":"d","date":"not a date"}',
      "[1,2]",
      '{"text":"last"}',
    ].join("\r\n");
    expect(brief(await readEveryWay("jsonl", input))).toEqual([
      '1@1 a1: "перший" UA 2022-03-11',
      "2@2 2! invalid-json",
      '3@3 7: "second" PL',
      '4@5 4: "no id"',
      "5@6 x! missing-text",
      "6@7 6! invalid-text",
      "7@8 7! invalid-country",
      '8@9 8: "d" not a date',
      "9@10 9! invalid-record",
      '10@11 10: "last"',
    ]);
  });

  it("names the input and line in error messages", async () => {
    const records = await read("jsonl", ['{"text":"ok"}\n{oops\n{"id":"q","text":null}\n'], { name: "posts.jsonl" });
    expect(records[1]).toMatchObject({ kind: "error", n: 2, line: 2, id: "2", code: "invalid-json" });
    // The rest of the message is V8's own, which varies between Node versions.
    expect(records[1]?.kind === "error" && records[1].message).toMatch(/^posts\.jsonl:2: \S/);
    expect(records[2]).toEqual({ kind: "error", n: 3, line: 3, id: "q", code: "missing-text", message: 'posts.jsonl:3: the record has no "text" field' });
  });

  it("turns an over-long line into one record-too-large error and goes on", async () => {
    const records = await readEveryWay("jsonl", `{"text":"${"a".repeat(120)}"}\n{"text":"ok"}\n`);
    expect(brief(records)).toEqual(["1@1 1! record-too-large", '2@2 2: "ok"']);
  });

  it("keeps multi-byte text split across chunks intact", async () => {
    const text = "Смерть окупантам! Śmierć wrogom. 𝐃𝐞𝐚𝐭𝐡 — вб’ю";
    const records = await readEveryWay("jsonl", `${JSON.stringify({ text })}\n`, { maxRecordBytes: 1000 });
    expect(records).toEqual([{ kind: "post", n: 1, line: 1, id: "1", text, country: undefined, date: undefined, fields: { text } }]);
  });
});

describe("fromObject", () => {
  const rec = (value: unknown): InputRecord => fromObject(value, 3, 9, { name: "f" });

  it.each<[string, unknown, string]>([
    ["a string id", "post-1", "post-1"],
    ["a number id", 42, "42"],
    ["a fractional id", 4.5, "4.5"],
    ["no id", undefined, "3"],
    ["an empty id", "", "3"],
    ["a boolean id", true, "3"],
    ["a list id", ["a"], "3"],
    ["a null id", null, "3"],
  ])("%s", (_, id, expected) => {
    expect(rec({ id, text: "t" })).toMatchObject({ kind: "post", id: expected, n: 3, line: 9 });
  });

  it.each<[string, unknown]>([
    ["an upper-case code", "UA"],
    ["a lower-case code", "ua"],
    ["a mixed-case code", "uA"],
    ["a code with spaces", " ua "],
    ["an English name", "Ukraine"],
    ["a lower-case English name", "ukraine"],
  ])("resolves %s to UA", (_, country) => {
    expect(rec({ text: "t", country })).toMatchObject({ kind: "post", country: "UA" });
  });

  it.each<[unknown, string]>([
    ["Poland", "PL"],
    ["POLAND", "PL"],
    ["United Kingdom", "GB"],
    ["USA", "US"],
    ["Czechia", "CZ"],
  ])("resolves the country %j to %s", (country, code) => {
    expect(rec({ text: "t", country })).toMatchObject({ kind: "post", country: code });
  });

  // Dates are checked where they are used (a timeline picks a version by them): under a single
  // policy they are ignored, so a date in another format is no reason to fail the record.
  it.each<[unknown, string]>([["yesterday", "yesterday"], [20220311, "20220311"], ["2022-03-11", "2022-03-11"]])("keeps the date %j as written, for a timeline to judge", (date, kept) => {
    expect(rec({ text: "t", date })).toMatchObject({ kind: "post", date: kept });
  });

  it.each<[unknown]>([[undefined], [null], [""]])("treats country %j as none", (country) => {
    expect(rec({ text: "t", country })).toMatchObject({ kind: "post", country: undefined });
  });

  it.each<[string, unknown, string, string]>([
    ["no text", { id: "a" }, "missing-text", 'f:9: the record has no "text" field'],
    ["null text", { text: null }, "missing-text", 'f:9: the record has no "text" field'],
    ["a number as text", { text: 5 }, "invalid-text", 'f:9: "text" must be a string, not number'],
    ["a list as text", { text: ["a"] }, "invalid-text", 'f:9: "text" must be a string, not a list'],
    ["an object as text", { text: {} }, "invalid-text", 'f:9: "text" must be a string, not object'],
    ["a boolean as text", { text: true }, "invalid-text", 'f:9: "text" must be a string, not boolean'],
    ["an unknown code", { text: "t", country: "ZZ" }, "invalid-country", 'f:9: "ZZ" is not a country code (PL, POL) or country name (Poland, Polska)'],
    ["an unknown name", { text: "t", country: "Narnia" }, "invalid-country", 'f:9: "Narnia" is not a country code (PL, POL) or country name (Poland, Polska)'],
    ["a number as country", { text: "t", country: 380 }, "invalid-country", 'f:9: "country" must be a string'],
    ["a list", [1], "invalid-record", 'f:9: a record must be a JSON object with a "text" field'],
    ["a string", "text", "invalid-record", 'f:9: a record must be a JSON object with a "text" field'],
    ["null", null, "invalid-record", 'f:9: a record must be a JSON object with a "text" field'],
    ["a number", 1, "invalid-record", 'f:9: a record must be a JSON object with a "text" field'],
  ])("rejects %s", (_, value, code, message) => {
    expect(rec(value)).toMatchObject({ kind: "error", n: 3, line: 9, code, message });
  });

  it("keeps the record's id on an error when it has one", () => {
    expect(rec({ id: "p7", text: 1 })).toMatchObject({ kind: "error", id: "p7" });
    expect(rec({ id: 8, country: "zz", text: "t" })).toMatchObject({ kind: "error", id: "8" });
  });

  it.each(["2022-03-11", "2022-03-11T10:20:30Z", "2022-03-11T10:20:30+02:00"])("accepts the date %j as written", (date) => {
    expect(rec({ text: "t", date })).toMatchObject({ kind: "post", date });
  });

  it("accepts an empty text", () => {
    expect(rec({ text: "" })).toMatchObject({ kind: "post", text: "" });
  });

  it("keeps the whole object, nesting and all, for the fields a policy declares", () => {
    const o = { text: "t", account: { type: "satire", followers: 12000 }, scores: { violence: 0.97 } };
    const r = rec(o);
    expect(r).toMatchObject({ kind: "post", fields: o });
    expect(r).not.toHaveProperty("fieldsAreText");
  });
});

describe("csv format", () => {
  it("reads columns by header name, case-insensitively, in any order", async () => {
    const records = await readEveryWay("csv", "Country, TEXT ,Id,Date\nua,привіт,a1,2022-03-11\nPoland,cześć,a2,\n");
    expect(brief(records)).toEqual(['1@2 a1: "привіт" UA 2022-03-11', '2@3 a2: "cześć" PL']);
  });

  it("handles quoted fields with commas, doubled quotes and embedded newlines, counting lines", async () => {
    const input = 'id,text\r\n1,"hello, world"\r\n2,"say ""hi"""\r\n3,"multi\r\nline\nfield"\r\n4,after\r\n';
    const records = await readEveryWay("csv", input);
    expect(records.map((r) => (r.kind === "post" ? [r.line, r.text] : r.code))).toEqual([
      [2, "hello, world"],
      [3, 'say "hi"'],
      [4, "multi\r\nline\nfield"],
      [7, "after"],
    ]);
  });

  it("keeps a stray quote inside an unquoted field, and text after a closing quote", async () => {
    const records = await readEveryWay("csv", 'id,text\n1,say "hi" now\n2,"x"y\n');
    expect(records.map((r) => r.kind === "post" && r.text)).toEqual(['say "hi" now', "xy"]);
  });

  it("skips blank lines, a BOM and a missing final newline", async () => {
    const records = await readEveryWay("csv", "\uFEFF\"id\",\"text\"\n\n1,a\n\r\n2,b");
    expect(brief(records)).toEqual(['1@3 1: "a"', '2@5 2: "b"']);
  });

  it("strips a BOM even after an empty first chunk", async () => {
    const records = await read("csv", ["", '\uFEFF"text",id\n', "hello,1\n"]);
    expect(brief(records)).toEqual(['1@2 1: "hello"']);
  });

  it("handles ragged rows: missing fields are absent, extra fields are ignored", async () => {
    const records = await readEveryWay("csv", "id,text,country\n1,short\n2\n3,long,pl,extra,more\n4,,ua\n");
    expect(brief(records)).toEqual(['1@2 1: "short"', "2@3 2! missing-text", '3@4 3: "long" PL', '4@5 4: "" UA']);
  });

  it("reports every row when the header has no text column", async () => {
    const records = await readEveryWay("csv", "id,body\nx1,hello\n,there\n");
    expect(records).toMatchInlineSnapshot(`
      [
        {
          "code": "missing-text",
          "id": "x1",
          "kind": "error",
          "line": 2,
          "message": "in:2: the CSV header has no "text" column (columns: id, body)",
          "n": 1,
        },
        {
          "code": "missing-text",
          "id": "2",
          "kind": "error",
          "line": 3,
          "message": "in:3: the CSV header has no "text" column (columns: id, body)",
          "n": 2,
        },
      ]
    `);
  });

  it("takes the first of duplicate columns", async () => {
    const records = await read("csv", ["text,Text\nfirst,second\n"]);
    expect(records[0]).toMatchObject({ kind: "post", text: "first" });
  });

  it("reads ';'-separated CSV with --delimiter, quoted ';' and ',' kept in fields", async () => {
    const records = await readEveryWay("csv", 'id;text;country\n1;"Death to Putin; now, please";UA\n2;a,b;Polska\n', { delimiter: ";" });
    expect(brief(records)).toEqual(['1@2 1: "Death to Putin; now, please" UA', '2@3 2: "a,b" PL']);
  });

  it("says when a header looks separated by ';' or tabs but the delimiter is ','", async () => {
    const [semi] = await readEveryWay("csv", "id;text\n1;x\n");
    expect(semi).toMatchObject({ kind: "error", code: "missing-text", message: expect.stringContaining("its fields seem separated by ';' (--delimiter ';')") });
    const [tab] = await readEveryWay("csv", "id\ttext\n1\tx\n");
    expect(tab).toMatchObject({ kind: "error", message: expect.stringContaining("tabs (--delimiter tab)") });
  });

  it("validates fields like jsonl", async () => {
    const records = await readEveryWay("csv", "id,text,country,date\n1,a,Narnia,\n2,b,,someday\n3,c,gb,2022-01-01\n");
    expect(brief(records)).toEqual(["1@2 1! invalid-country", '2@3 2: "b" someday', '3@4 3: "c" GB 2022-01-01']);
  });

  it("turns an over-long record into one error; later records survive with their line numbers", async () => {
    const long = `"${"word, ".repeat(20)}\n${"x".repeat(100)}"`;
    const records = await readEveryWay("csv", `id,text\n1,a\n2,${long}\n3,b\n4,${"y".repeat(150)}\n5,c`);
    expect(brief(records)).toEqual(['1@2 1: "a"', "2@3 2! record-too-large", '3@5 3: "b"', "4@6 4! record-too-large", '5@7 5: "c"']);
    // Fields and separators: 1 + "," + 120 + 1 + 100 (quotes are not counted).
    expect(records[1]).toMatchObject({ message: "in:3: record is 223 characters; the limit is 100 (--max-record-size)" });
  });

  it("turns a quote left open at the end into an invalid-csv record", async () => {
    const records = await readEveryWay("csv", 'id,text\n1,ok\n2,"never\nclosed, at all\n');
    expect(records).toEqual([
      { kind: "post", n: 1, line: 2, id: "1", text: "ok", country: undefined, date: undefined, fields: { id: "1", text: "ok" }, fieldsAreText: true },
      { kind: "error", n: 2, line: 3, id: "2", code: "invalid-csv", message: "in:3: a quoted field opened on line 3 is never closed" },
    ]);
  });

  it("keeps other columns under their names as written, for the fields a policy declares", async () => {
    const records = await readEveryWay("csv", "Text,account.Type,scores.violence,COUNTRY\nhi,satire,0.97,PL\n");
    expect(records[0]).toMatchObject({ kind: "post", text: "hi", country: "PL", fields: { text: "hi", "account.Type": "satire", "scores.violence": "0.97" }, fieldsAreText: true });
  });

  it("gives no records for a header alone, or nothing", async () => {
    expect(await readEveryWay("csv", "id,text\n")).toEqual([]);
    expect(await readEveryWay("csv", "id,text")).toEqual([]);
    expect(await read("csv", [])).toEqual([]);
  });

  it("numbers records from firstRecord", async () => {
    const records = await read("csv", ["text\na\nb\n"], { firstRecord: 10 });
    expect(brief(records)).toEqual(['10@2 10: "a"', '11@3 11: "b"']);
  });
});

describe("csv header", () => {
  it("costs a row the fields it holds, not the width of the header (counted: field reads)", () => {
    // A header of 140,000 columns was looked through for every row.
    const names = Array.from({ length: 140_000 }, (_, i) => `c${i}`);
    names[70_000] = "text";
    names[139_999] = "id";
    const header = csvHeader(names);
    let reads = 0;
    const row = new Proxy(["a", "b"], {
      get(target, key) {
        if (typeof key === "string" && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key);
      },
    });
    for (let i = 0; i < 100; i++) header.pick(row);
    expect(reads).toBeLessThanOrEqual(100 * 4);
    // A full row is read whole: every column is a field a policy may declare.
    const full = header.pick(Object.assign(new Array<string>(140_000).fill("x"), { 70_000: "hello", 139_999: "p1" }));
    expect([full.text, full.id, Object.keys(full).length]).toEqual(["hello", "p1", 140_000]);
  });

  it("names the first columns of a wide header without text, and how many there are", async () => {
    const recs = await read("csv", [`${Array.from({ length: 500 }, (_, i) => `c${i}`).join(",")}\nx\n`], { maxRecordBytes: 1 << 20 });
    expect(recs[0]).toMatchObject({ code: "missing-text", message: expect.stringMatching(/c0, c1, .*c19, … \(500 in all\)\)$/) });
  });
});

describe("formatFromPath", () => {
  it.each([
    ["posts.jsonl", "jsonl"],
    ["posts.NDJSON", "jsonl"],
    ["dir/posts.json", "jsonl"],
    ["posts.csv", "csv"],
    ["POSTS.CSV", "csv"],
    ["posts.txt", "lines"],
    ["posts", "lines"],
    ["-", "lines"],
    ["posts.csv.txt", "lines"],
  ])("%s → %s", (path, format) => {
    expect(formatFromPath(path)).toBe(format);
  });
});

/** What UTF-8 makes of a string: each lone surrogate becomes U+FFFD. */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

describe("properties", () => {
  /** Texts of every kind: any code point, newlines, quotes, commas, lone surrogates. */
  const TEXT = fc.oneof(
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.string({ unit: fc.constantFrom("a", "ж", "ś", "𝐃", "\n", "\r", '"', ",", " ", "\\", "\uFEFF", "\u2028"), maxLength: 30 }),
    fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 3 }),
  );
  const CUTS = fc.array(fc.nat(), { maxLength: 12 });

  /** Cut positions as fractions of the length, so shrinking stays meaningful. */
  const cut = (buf: Buffer, cuts: number[]): Buffer[] => splitAt(buf, cuts.map((c) => c % (buf.length + 1)));

  it("jsonl: every post written comes out, once, in order, however the bytes are split", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(TEXT, { maxLength: 15 }), CUTS, async (texts, cuts) => {
        const buf = Buffer.from(texts.map((text, i) => JSON.stringify({ id: `p${i}`, text })).join("\n"), "utf8");
        const records = await read("jsonl", cut(buf, cuts), { maxRecordBytes: 10_000 });
        expect(records.map((r) => r.kind)).toEqual(texts.map(() => "post"));
        expect(records.map((r) => r.id)).toEqual(texts.map((_, i) => `p${i}`));
        // JSON escapes even lone surrogates, so every text comes back exactly.
        expect(records.map((r) => r.kind === "post" && r.text)).toEqual(texts);
        expect(records.map((r) => r.n)).toEqual(texts.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });

  it("csv: every quoted text written comes out, in order, however the bytes are split", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(TEXT, { maxLength: 15 }), CUTS, async (texts, cuts) => {
        const rows = texts.map((text, i) => `p${i},"${text.replaceAll('"', '""')}"`);
        const buf = Buffer.from(`id,text\r\n${rows.join("\r\n")}\r\n`, "utf8");
        const records = await read("csv", cut(buf, cuts), { maxRecordBytes: 10_000 });
        expect(records.map((r) => (r.kind === "post" ? [r.id, r.text] : r.code))).toEqual(texts.map((t, i) => [`p${i}`, wellFormed(t)]));
      }),
      { numRuns: 300 },
    );
  });

  it("lines: every non-blank line comes out, in order, however the bytes are split", async () => {
    const LINE = fc.string({ unit: fc.constantFrom("a", "ж", "𝐃", " ", "\r", "ś"), maxLength: 12 });
    await fc.assert(
      fc.asyncProperty(fc.array(LINE, { maxLength: 15 }), CUTS, fc.boolean(), async (lines, cuts, crlf) => {
        const clean = lines.map((l) => l.replaceAll("\r", ""));
        const buf = Buffer.from(clean.join(crlf ? "\r\n" : "\n"), "utf8");
        const records = await read("lines", cut(buf, cuts), { maxRecordBytes: 10_000 });
        const expected = clean.map((text, i) => ({ text, line: i + 1 })).filter((l) => l.text.trim() !== "");
        expect(records.map((r) => r.kind === "post" && { text: r.text, line: r.line })).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("readRecordBatches", () => {
  it.each<InputFormat>(["lines", "jsonl", "csv"])("gives the records of readRecords, in order, in non-empty batches (%s), under any chunking", async (format) => {
    const body =
      format === "csv"
        ? 'id,text,country\n1,"Death, to ""them""",UA\n\n2,hello,PL\n3,' + "x".repeat(150) + ",UA\n4,\"multi\nline\",UA\n"
        : format === "jsonl"
          ? '{"id":"a","text":"one"}\n\n{bad\n{"text":"' + "y".repeat(150) + '"}\n{"id":"b","text":"two","country":"PL"}\n'
          : "one\n\n  \ntwo\r\n" + "z".repeat(150) + "\nthree";
    const buf = Buffer.from(body, "utf8");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: buf.length - 1 }), { maxLength: 8 }), async (cuts) => {
        const chunks = splitAt(buf, cuts);
        const batches = await collect(readRecordBatches(source(chunks), format, OPTS));
        expect(batches.every((b) => b.length > 0)).toBe(true);
        expect(batches.flat()).toEqual(await read(format, chunks));
      }),
      { numRuns: 100 },
    );
  });

  it("yields the lines a chunk completes as one batch, as soon as that chunk arrives", async () => {
    const seen: number[] = [];
    async function* slow(): AsyncGenerator<string> {
      yield "a\nb\nc";
      seen.push(-1);
      yield "\nd\n";
    }
    for await (const b of readRecordBatches(slow(), "lines", OPTS)) seen.push(b.length);
    expect(seen).toEqual([2, -1, 2]);
  });
});
