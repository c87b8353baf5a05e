import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { run } from "../cli/run.js";
import { check, timeout } from "./harness.js";

// "No record lost", end to end: whatever an input holds, `modpol eval --format jsonl` writes exactly
// one line per record, in input order, each a decision or an error record with exactly the fields
// SPEC §4 names, and the exit code says whether any record failed.

const MINI = "test/fixtures/mini/policy.yaml";
const DECISION_KEYS = ["country", "decision", "id", "lang", "matches", "policy", "reason", "rule"];
const ERROR_KEYS = ["error", "id", "line"];

/** One input record: a good post, or one of the ways a record goes wrong. */
const RECORD = fc.oneof(
  fc.record({ kind: fc.constant("post" as const), text: fc.string({ maxLength: 30 }), country: fc.constantFrom(undefined, "UA", "pl", "Germany", "") }),
  fc.record({ kind: fc.constant("bad-json" as const), raw: fc.string({ maxLength: 20 }).filter((s) => !s.includes("\n") && s.trim() !== "" && !isJson(s)) }),
  fc.record({ kind: fc.constant("no-text" as const) }),
  fc.record({ kind: fc.constant("bad-country" as const) }),
  fc.record({ kind: fc.constant("too-large" as const), size: fc.integer({ min: 301, max: 2000 }) }),
  fc.record({ kind: fc.constant("proto" as const) }),
);
type Rec = typeof RECORD extends fc.Arbitrary<infer R> ? R : never;

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

/** The JSONL line of a record, and whether it must come out as an error. */
function jsonl(r: Rec, i: number): { line: string; error: boolean } {
  switch (r.kind) {
    case "post":
      return { line: JSON.stringify({ id: `r${i}`, text: r.text, ...(r.country !== undefined ? { country: r.country } : {}) }), error: false };
    case "bad-json":
      return { line: r.raw, error: true };
    case "no-text":
      return { line: JSON.stringify({ id: `r${i}` }), error: true };
    case "bad-country":
      return { line: JSON.stringify({ id: `r${i}`, text: "hi", country: "Narnia" }), error: true };
    case "too-large":
      return { line: JSON.stringify({ id: `r${i}`, text: "x".repeat(r.size) }), error: true };
    case "proto":
      // JSON.parse makes "__proto__" an own key: it is ignored like any other unknown field.
      return { line: `{"__proto__":{"text":"polluted","country":"UA"},"constructor":{"prototype":{"x":1}},"id":"r${i}","text":"kill"}`, error: false };
  }
}

describe("eval: no record lost (properties)", () => {
  it(
    "jsonl: one output line per input record, in order, with exactly the SPEC fields",
    () =>
      check(
        "eval: jsonl records",
        fc.asyncProperty(fc.array(RECORD, { minLength: 1, maxLength: 12 }), fc.array(fc.constantFrom("", "  ", "\r"), { maxLength: 3 }), fc.boolean(), async (recs, blanks, crlf) => {
          const lines = recs.map(jsonl);
          const text = [...lines.map((l) => l.line), ...blanks].join(crlf ? "\r\n" : "\n");
          const r = await run(["eval", "-p", MINI, "-f", "jsonl", "--input-format", "jsonl", "--max-record-size", "300"], text);
          const out = r.stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Record<string, unknown>);
          expect(out).toHaveLength(recs.length);
          out.forEach((o, i) => {
            const want = lines[i] as { error: boolean };
            expect(Object.keys(o).sort(), JSON.stringify(o)).toEqual(want.error ? ERROR_KEYS : DECISION_KEYS);
            // A record that could not be parsed has no id of its own: its record number stands in.
            const unparsed = recs[i]?.kind === "bad-json" || recs[i]?.kind === "too-large";
            expect(o.id).toBe(unparsed ? String(i + 1) : `r${i}`);
          });
          expect(r.code).toBe(lines.some((l) => l.error) ? 3 : 0);
          expect(({} as Record<string, unknown>).x).toBeUndefined();
          expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
        }),
        40,
      ),
    timeout(),
  );

  it(
    "lines: any text (control characters, invalid UTF-8, NUL) gives one output line per non-blank line",
    () =>
      check(
        "eval: lines",
        fc.asyncProperty(fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: "binary", maxLength: 20 }), fc.constantFrom("\u0000kill\u0000", "\u001b[2Jkill", "\ud800")), { minLength: 1, maxLength: 10 }), async (texts) => {
          const clean = texts.map((t) => t.replace(/[\n\r]/g, " ").replace(/^\uFEFF/, ""));
          const bytes = Buffer.concat(clean.map((t, i) => Buffer.concat([Buffer.from(t, "utf8"), i % 3 === 2 ? Buffer.from([0xff, 0x0a]) : Buffer.from([0x0a])])));
          const r = await run(["eval", "-p", MINI, "-f", "jsonl"], bytes);
          const out = r.stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Record<string, unknown>);
          // Blank as modpol reads lines: empty, or spaces and tabs only; a line of other white space
          // (a vertical tab, a no-break space) is a record, as SECURITY.md says.
          const expected = clean.map((t, i) => (i % 3 === 2 ? `${t}\uFFFD` : t)).filter((t) => !/^[ \t]*$/.test(t));
          expect(out).toHaveLength(expected.length);
          expect(out.map((o) => o.id)).toEqual(expected.map((_, i) => String(i + 1)));
          for (const o of out) expect(Object.keys(o).sort()).toEqual(DECISION_KEYS);
          expect(r.code).toBe(0);
        }),
        40,
      ),
    timeout(),
  );

  it(
    "csv: quoting, embedded newlines and ragged rows give one output record per input record",
    () =>
      check(
        "eval: csv",
        fc.asyncProperty(fc.array(fc.tuple(fc.string({ unit: fc.constantFrom("a", "k", "i", "l", " ", ",", '"', "\n", "\r\n", "ж"), maxLength: 15 }), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 10 }), async (rows) => {
          const csv = ["id,text,country", ...rows.map(([t, extra], i) => [`c${i}`, `"${t.replaceAll('"', '""')}"`, ...Array(extra).fill("x")].slice(0, extra === 0 ? 2 : 3 + extra).join(","))].join("\n");
          const r = await run(["eval", "-p", MINI, "-f", "jsonl", "--input-format", "csv"], csv);
          const out = r.stdout.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Record<string, unknown>);
          expect(out.map((o) => o.id)).toEqual(rows.map((_, i) => `c${i}`));
        }),
        40,
      ),
    timeout(),
  );
});
