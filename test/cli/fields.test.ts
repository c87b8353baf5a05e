import { describe, expect, it } from "vitest";
import { checkScenario, type Scenario } from "./run.js";

// Record fields from the command line: JSONL nesting and CSV dotted headers, the error records of
// a record whose declared fields are missing or wrong, `check` on ill-typed references, and
// `schema --record`.
const FIELDS = "test/fixtures/fields/policy.yaml";
const BAD = "test/fixtures/broken/bad-fields.yaml";
const jsonl = ["eval", "-p", FIELDS, "-f", "jsonl", "--input-format", "jsonl"];
const lines = (s: string) => s.trim().split("\n").map((l) => JSON.parse(l));

const scenarios: Scenario[] = [
  { name: "nested JSONL fields decide", args: jsonl, stdin: '{"id":"a","text":"you idiot","account":{"type":"satire","followers":5}}\n', exitCode: 0, stdout: (s) => {
      expect(lines(s)[0]).toMatchObject({ id: "a", decision: "exempt", rule: "satire" });
    } },
  { name: "CSV columns with dotted headers are the same fields, read from text", args: ["eval", "-p", FIELDS, "-f", "jsonl", "--input-format", "csv"], stdin: "id,text,account.type,account.followers,account.verified,account.labels\n1,you idiot,parody,7,false,\n2,hello,,7,,bot|spam\n", exitCode: 0, stdout: (s) => {
      expect(lines(s).map((r) => `${r.id} ${r.decision} ${r.rule}`)).toEqual(["1 exempt satire", "2 review watched"]);
    } },
  { name: "error records: a missing required field, a wrong type, an unknown enum value; the rest is decided", args: jsonl, stdin: [
      '{"id":"ok","text":"hello","account":{"followers":1}}',
      '{"id":"missing","text":"hello"}',
      '{"id":"type","text":"hello","account":{"followers":"many"}}',
      '{"id":"enum","text":"hello","account":{"followers":1,"type":"satyre"}}',
      '{"id":"list","text":"hello","account":{"followers":1,"labels":"bot"}}',
    ].join("\n"), exitCode: 3, stdout: (s) => {
      expect(lines(s)).toEqual([
        expect.objectContaining({ id: "ok", decision: "clear" }),
        { id: "missing", line: 2, error: { code: "missing-field", message: 'the record has no "account.followers", a number field the policy requires' } },
        { id: "type", line: 3, error: { code: "invalid-field-type", message: '"account.followers" must be a number, not the text "many"' } },
        { id: "enum", line: 4, error: { code: "unknown-enum-value", message: '"account.type" is "satyre", which is not one of person, satire, parody, media (did you mean \'satire\'?)' } },
        { id: "list", line: 5, error: { code: "invalid-field-type", message: '"account.labels" must be a list of strings, not the text "bot"' } },
      ]);
    }, stderr: /4 of 5 records could not be evaluated/ },
  { name: "an optional field the record lacks is absent, not an error", args: jsonl, stdin: '{"text":"hello","account":{"followers":1},"scores":null}\n', exitCode: 0, stdout: (s) => {
      expect(lines(s)[0]).toMatchObject({ decision: "clear", rule: null });
    } },
  { name: "--explain lists every declared field with its value", args: ["eval", "-p", FIELDS, "--explain", "--input-format", "jsonl"], stdin: '{"text":"you idiot","account":{"type":"person","followers":50000,"verified":true}}\n', exitCode: 0, stdout: (s) => {
      expect(s).toContain('fields account.type = "person", account.followers = 50000, account.labels absent');
      expect(s).toContain("    ✓ reach → violating, when all of:\n        ✓ insult\n        ✓ account.followers >= reach (account.followers = 50000, reach = 10000)\n");
      expect(s).toContain("        ✗ account.handle in watched-handles (account.handle absent)\n");
    } },
  { name: "--why-not shows the field values a condition read", args: ["eval", "-p", FIELDS, "--why-not", "exempt", "--input-format", "jsonl"], stdin: '{"text":"you idiot","account":{"type":"person","followers":5}}\n', exitCode: 0, stdout: /✗ account\.type in satire-accounts does not hold: account\.type is "person"; satire-accounts is "parody" "satire"\n/ },
  { name: "check: unknown fields and type mismatches at line:col, with suggestions", args: ["check", BAD], exitCode: 1, stdout: (s) => {
      expect(s).toContain(`${BAD}:31:22: error unknown-field unknown field 'account.typ' (did you mean 'account.type'?)`);
      expect(s).toContain(`${BAD}:38:32: error type-mismatch`);
      expect(s).toMatch(new RegExp(`${BAD.replace(/[./]/g, "\\$&")}:38:\\d+: error type-mismatch .*account\\.labels`));
    } },
  { name: "schema --record: the JSONL records a policy reads", args: ["schema", "--record", FIELDS], exitCode: 0, stdout: (s) => {
      const schema = JSON.parse(s);
      expect(schema).toMatchObject({ $schema: "http://json-schema.org/draft-07/schema#", title: "records read by fields-mini", type: "object", required: ["text", "account"] });
      expect(Object.keys(schema.properties)).toEqual(["id", "text", "country", "date", "lang", "account", "scores"]);
      expect(schema.properties.account).toMatchObject({ type: "object", required: ["followers"], properties: {
        type: { anyOf: [{ type: "string", enum: ["person", "satire", "parody", "media"] }, { type: "null" }] },
        followers: { type: "number" },
        labels: { anyOf: [{ type: "array", items: { type: "string" } }, { type: "null" }] },
      } });
      expect(schema.properties.scores.properties.violence.anyOf[0]).toEqual({ type: "number", description: "a classifier's score from 0 to 1" });
    } },
  { name: "schema --record of a bundled policy: its one optional field", args: ["schema", "--record", "meta-2022-03-10"], exitCode: 0, stdout: (s) => {
      const schema = JSON.parse(s);
      expect(schema.required).toEqual(["text"]);
      expect(schema.properties.scores.properties.violence.anyOf[0]).toMatchObject({ type: "number" });
    } },
  { name: "schema --record of a policy that cannot be loaded is exit 2", args: ["schema", "--record", BAD], exitCode: 2, stderr: /policy '.*bad-fields\.yaml' cannot be loaded/ },
  { name: "bundled: a violence score with no call found is review, and clear without it", args: ["eval", "-f", "jsonl", "--input-format", "jsonl"], stdin: '{"id":"s","text":"They will pay for what they did.","country":"PL","scores":{"violence":0.97}}\n{"id":"t","text":"They will pay for what they did.","country":"PL"}\n', exitCode: 0, stdout: (s) => {
      expect(lines(s).map((r) => `${r.id} ${r.decision} ${r.rule}`)).toEqual(["s review classifier-second-opinion", "t clear null"]);
    } },
  { name: "bundled: a score that is not a number is an error record", args: ["eval", "-f", "jsonl", "--input-format", "jsonl"], stdin: '{"id":"s","text":"hello","scores":{"violence":"high"}}\n', exitCode: 3, stdout: (s) => {
      expect(lines(s)[0]).toMatchObject({ id: "s", error: { code: "invalid-field-type" } });
    } },
];

describe("record fields (in-process scenarios)", () => {
  it.each(scenarios)("$name", (sc) => checkScenario(sc, expect));
});
