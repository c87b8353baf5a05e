import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { checkScenario, run, type Scenario } from "./run.js";

const MINI = "test/fixtures/mini/policy.yaml";


const scenarios: Scenario[] = [
  { name: "one post from an argument", args: ["eval", "-p", MINI, "-c", "UA", "Death to the invaders!"], exitCode: 0, stdout: /^exempt \[UA, en\] Death to the invaders!\n  rule inv: invaders\n/ },
  { name: "outside the region the same post violates", args: ["eval", "-p", MINI, "-c", "DE", "Death to the invaders!"], exitCode: 0, stdout: /^violating \[DE, en\]/ },
  { name: "country by English name, any case", args: ["eval", "-p", MINI, "-c", "poland", "Death to Putin"], exitCode: 0, stdout: /^exempt \[PL\]/ },
  { name: "country as an alpha-3 code, or the country's own name", args: ["eval", "-p", MINI, "-c", "UKR", "-f", "jsonl", "--input-format", "jsonl"], stdin: '{"text":"Death to Putin","country":"Polska"}\n{"text":"Death to Putin","country":"DEU"}\n{"text":"Death to Putin"}\n', exitCode: 0, stdout: (s) => {
      expect(s.trim().split("\n").map((l) => JSON.parse(l).country)).toEqual(["PL", "DE", "UA"]);
    } },
  { name: "unknown country is a usage error", args: ["eval", "-p", MINI, "-c", "Narnia", "x"], exitCode: 2, stderr: /unknown country 'Narnia'/ },
  { name: "unknown format is a usage error", args: ["eval", "-p", MINI, "-f", "xml", "x"], exitCode: 2, stderr: /xml/ },
  { name: "missing policy is exit 2", args: ["eval", "-p", "no-such-policy", "x"], exitCode: 2, stderr: /no policy file or bundled policy named 'no-such-policy'/ },
  { name: "a policy id typo gets a did-you-mean, and no hint to run a command that fails the same way", args: ["eval", "-p", "meta-2022-03-11", "x"], exitCode: 2, stderr: (s) => {
      expect(s).toMatch(/no policy file or bundled policy named 'meta-2022-03-11' \(did you mean 'meta-2022-03-10'\?\)/);
      expect(s).toMatch(/bundled id: meta-2022-03-10, meta-2022-03-13, meta-baseline, meta-2022\n$/);
      expect(s).not.toMatch(/modpol check/);
    } },
  { name: "a policy path typo suggests the file beside it", args: ["eval", "-p", "test/fixtures/mini/polcy.yaml", "x"], exitCode: 2, stderr: /\(did you mean 'test\/fixtures\/mini\/policy.yaml'\?\)/ },
  { name: "--fail-on hit exits 1", args: ["eval", "-p", MINI, "--fail-on", "violating", "kill them"], exitCode: 1 },
  { name: "--fail-on miss exits 0", args: ["eval", "-p", MINI, "--fail-on", "violating,review", "hello"], exitCode: 0 },
  { name: "--fail-on with a bad decision", args: ["eval", "-p", MINI, "--fail-on", "bad", "x"], exitCode: 2, stderr: /'bad' is not a decision/ },
  { name: "stdin lines, ids are record numbers", args: ["eval", "-p", MINI, "-f", "jsonl"], stdin: "hello\n\nkill them\n", exitCode: 0, stdout: (s) => {
      const lines = s.trim().split("\n").map((l) => JSON.parse(l));
      expect(lines.map((l) => [l.id, l.decision])).toEqual([["1", "clear"], ["2", "violating"]]);
    } },
  { name: "jsonl record fields are exactly the contract, and lang", args: ["eval", "-p", MINI, "-f", "jsonl", "--input-format", "jsonl"], stdin: '{"id":"a","text":"Death to Putin","country":"pl","lang":"en-GB"}\n', exitCode: 0, stdout: (s) => {
      expect(JSON.parse(s)).toEqual({ id: "a", decision: "exempt", rule: "hos", reason: "hos", policy: "mini", country: "PL", lang: "en", matches: [
        { signal: "violent-call", term: "death to", text: "Death to", start: 0, end: 8 },
        { signal: "hos", term: "putin", text: "Putin", start: 9, end: 14 },
      ] });
    } },
  { name: "a record's lang must be a language code", args: ["eval", "-p", MINI, "-f", "jsonl", "--input-format", "jsonl"], stdin: '{"id":"a","text":"kill","lang":"English!"}\n', exitCode: 3, stdout: (s) => {
      expect(JSON.parse(s)).toMatchObject({ id: "a", error: { code: "invalid-lang" } });
    } },
  { name: "bad records become error records in place and exit 3", args: ["eval", "-p", MINI, "-f", "jsonl", "--input-format", "jsonl"], stdin: '{"text":"ok"}\nnot json\n{"id":9}\n{"text":"kill"}\n', exitCode: 3, stdout: (s) => {
      const lines = s.trim().split("\n").map((l) => JSON.parse(l));
      expect(lines.map((l) => l.error?.code ?? l.decision)).toEqual(["clear", "invalid-json", "missing-text", "violating"]);
      expect(lines[1]).toMatchObject({ id: "2", line: 2 });
      expect(lines[2]).toMatchObject({ id: "9", line: 3 });
    }, stderr: /2 of 4 records could not be evaluated/ },
  { name: "csv in, csv out", args: ["eval", "-p", MINI, "-f", "csv", "--input-format", "csv"], stdin: 'ID,Text,Country\n7,"Death to Putin, now",UA\n8,hello,PL\n', exitCode: 0, stdout: (s) => {
      expect(s.split("\n")[0]).toBe("id,decision,rule,reason,policy,country,lang,matches,error_code,error_message");
      expect(s.split("\n")[1]).toBe("7,exempt,hos,hos,mini,UA,en,violent-call:Death to@0-8; hos:Putin@9-14,,");
      expect(s.split("\n")[2]).toBe("8,clear,,no rule applies: the policy's default is clear,mini,PL,,,,");
    } },
  { name: "csv: the matches cell splits one way only, whatever the post holds", args: ["eval", "-p", MINI, "-f", "csv", "-c", "UA", "Death; to the inv@ders\\"], exitCode: 0, stdout: (s) => {
      const cell = (s.split("\n")[1] as string).split(",")[7] as string;
      expect(cell).toBe("violent-call:Death\\; to@0-9; invaders:inv\\@ders@14-22");
      // Split at "; " not after a backslash, then at the last '@'; unescape the text.
      const items = cell.split(/(?<!\\); /).map((it) => {
        const at = it.lastIndexOf("@");
        const [signal, ...text] = it.slice(0, at).split(":");
        return [signal, text.join(":").replace(/\\(.)/g, "$1"), it.slice(at + 1)];
      });
      expect(items).toEqual([["violent-call", "Death; to", "0-9"], ["invaders", "inv@ders", "14-22"]]);
    } },
  { name: "csv: cells that would start a spreadsheet formula are guarded", args: ["eval", "-p", MINI, "-f", "csv", "--input-format", "csv"], stdin: 'id,text\n=HYPERLINK("http://x"),kill them\n@x,hello\n', exitCode: 0, stdout: (s) => {
      expect(s.split("\n").slice(1, 3).map((l) => l.split(",")[0])).toEqual(['"\'=HYPERLINK(""http://x"")"', "'@x"]);
    } },
  { name: "csv with ';' as European spreadsheets write it: --delimiter", args: ["eval", "-p", MINI, "-f", "jsonl", "--input-format", "csv", "--delimiter", ";"], stdin: 'ID;Text;Country\n7;"Death to Putin; now";UA\n8;hello;PL\n', exitCode: 0, stdout: (s) => {
      expect(s.trim().split("\n").map((l) => [JSON.parse(l).id, JSON.parse(l).decision])).toEqual([["7", "exempt"], ["8", "clear"]]);
    } },
  { name: "--delimiter must be one character", args: ["eval", "-p", MINI, "--delimiter", "ab", "x"], exitCode: 2, stderr: /--delimiter: 'ab' is not one character/ },
  { name: "json output is one document", args: ["eval", "-p", MINI, "-f", "json", "--summary", "-c", "UA", "kill", "hello"], exitCode: 0, stdout: (s) => {
      const doc = JSON.parse(s);
      expect(doc.policy.id).toBe("mini");
      expect(doc.results).toHaveLength(2);
      expect(doc.summary).toMatchObject({ total: 2, errors: 0, decisions: { violating: 1, clear: 1 }, byCountry: { UA: { violating: 1, clear: 1 } } });
    } },
  { name: "summary table in text mode", args: ["eval", "-p", MINI, "--summary", "-q", "-c", "UA", "kill", "hello", "death to putin"], exitCode: 0, stdout: /country\s+violating\s+exempt\s+clear\s+review\s+total\nUA\s+1\s+1\s+1\s+0\s+3\nall\s+1\s+1\s+1\s+0\s+3/ },
  { name: "explain shows signals, spans and the rules tried", args: ["eval", "-p", MINI, "--explain", "-c", "UA", "Death to Putin"], exitCode: 0, stdout: (s) => {
      expect(s).toContain("[Death to] [Putin]");
      // One condition a line, parts indented under the whole, comparisons with their values.
      expect(s).toContain([
        "  rules",
        "    ✗ inv → exempt, when all of:",
        "        ✓ violent-call",
        "        ✓ country in region",
        "        ✗ invaders",
        "    ✓ hos → exempt, when all of:",
        "        ✓ violent-call",
        "        ✓ country in region",
        "        ✓ hos",
        "        ✓ count(method) < threshold (count(method) = 0, threshold = 1)",
        "",
      ].join("\n"));
    } },
  { name: "explain traces of the bundled policy: one condition a line, alternatives and negations nested", args: ["eval", "--explain", "-c", "UA", "Someone should shoot Putin."], exitCode: 0, stdout: (s) => {
      expect(s).toContain(["    ✗ heads-of-state → exempt, when all of:", "        ✓ violent-call", "        ✓ country in exception-region", "        ✓ head-of-state", "        ✓ not any of:", "            ✗ other-target", "            ✗ russians", "        ✗ count(location, method) < credibility-threshold (count(location, method) = 1, credibility-threshold = 1)", ""].join("\n"));
      // A credible call against a head of state is violating by a rule of its own, which says why.
      expect(s).toContain("    ✓ credible-head-of-state → violating, when all of:\n");
      expect(Math.max(...s.split("\n").filter((l) => /^ {4,}[✓✗]/.test(l)).map((l) => l.length))).toBeLessThan(120);
    } },
  { name: "explain says which evasion made a match", args: ["eval", "-p", MINI, "--explain", "-c", "UA", "D3ath to Ｐｕｔｉｎ"], exitCode: 0, stdout: /leetspeak[\s\S]*fullwidth/ },
  { name: "offsets count code points by default", args: ["eval", "-p", MINI, "-f", "jsonl", "-c", "UA", "🇺🇦 Death to Putin"], exitCode: 0, stdout: /"start":3,"end":11/ },
  { name: "utf16 offsets on request", args: ["eval", "-p", MINI, "-f", "jsonl", "--offsets", "utf16", "-c", "UA", "🇺🇦 Death to Putin"], exitCode: 0, stdout: /"start":5,"end":13/ },
  { name: "over-long record is an error record", args: ["eval", "-p", MINI, "-f", "jsonl", "--max-record-size", "10"], stdin: "short\nthis line is far too long\nkill\n", exitCode: 3, stdout: (s) => {
      expect(s.trim().split("\n").map((l) => JSON.parse(l).error?.code ?? "ok")).toEqual(["ok", "record-too-large", "ok"]);
    } },
  { name: "--why-not says which conditions failed, in text", args: ["eval", "-p", MINI, "-c", "UA", "--why-not", "exempt", "Death to Putin, shoot him"], exitCode: 0, stdout: /why not exempt\?\n {4}✗ rule inv does not hold:\n {8}✗ invaders does not hold: nothing in the post matches it\n {4}✗ rule hos does not hold:\n {8}✗ count\(method\) < threshold is false: count\(method\) = 1 \(method: "shoot"\), threshold = 1\n$/ },
  { name: "--why-not in jsonl adds a whyNot object", args: ["eval", "-p", MINI, "-c", "UA", "-f", "jsonl", "--why-not", "EXEMPT", "Death to Putin, shoot him"], exitCode: 0, stdout: (s) => {
      const o = JSON.parse(s);
      expect(o.decision).toBe("violating");
      expect(o.whyNot.rules.map((r: { id: string; failed: { condition: string }[] }) => [r.id, r.failed.map((f) => f.condition)])).toEqual([["inv", ["invaders"]], ["hos", ["count(method) < threshold"]]]);
    } },
  { name: "--why-not says each alternative as the change it would take, not as another failure", args: ["eval", "-c", "UA", "--why-not", "exempt", "Someone should shoot Putin."], exitCode: 0, stdout: (s) => {
      expect(s).toContain([
        "        ✗ (invaders or russian-military or placed-forces or ((russians or perpetrators) and invasion-context)) does not hold; it would if any one of these changed:",
        "            - invaders held (now nothing in the post matches it)",
        "            - russian-military held (now nothing in the post matches it)",
        "            - placed-forces held (now nothing in the post matches it)",
        "            - all of these changed:",
        "                ✗ (russians or perpetrators) does not hold; it would if any one of these changed:",
        "                    - russians held (now nothing in the post matches it)",
        "                    - perpetrators held (now nothing in the post matches it)",
        "                ✗ invasion-context does not hold: nothing in the post matches it",
      ].join("\n"));
      expect(s).not.toMatch(/either invaders does not hold|would make it hold/);
    } },
  { name: "--why-not needs a decision", args: ["eval", "-p", MINI, "--why-not", "allowed", "x"], exitCode: 2, stderr: /--why-not: 'allowed' is not a decision/ },
  { name: "--why-not has no csv form", args: ["eval", "-p", MINI, "--why-not", "exempt", "-f", "csv", "x"], exitCode: 2, stderr: /--why-not has no CSV form/ },
  { name: "--explain has no csv form either: refused, not ignored", args: ["eval", "-p", MINI, "--explain", "-f", "csv", "x"], exitCode: 2, stderr: /^modpol: --explain has no CSV form: use --format text, json or jsonl\n$/ },
  { name: "no arguments prints help and exits 2", args: [], exitCode: 2, stdout: /Usage: modpol/ },
  { name: "unknown option is a usage error", args: ["eval", "--bogus"], exitCode: 2, stderr: /unknown option '--bogus'/ },
  { name: "--help exits 0", args: ["eval", "--help"], exitCode: 0, stdout: /--fail-on <decision>/ },
  { name: "a missing input file is a usage error", args: ["eval", "-p", MINI, "--input", "no/such/file.jsonl"], exitCode: 2, stderr: /cannot read 'no\/such\/file.jsonl': no such file/ },
  { name: "--jobs must be a number", args: ["eval", "-p", MINI, "--jobs", "zero", "x"], exitCode: 2, stderr: /--jobs/ },
];

describe("modpol eval (in-process scenarios)", () => {
  it.each(scenarios)("$name", (sc) => checkScenario(sc, expect));

  it("colours text on request and not otherwise", async () => {
    const plain = await run(["eval", "-p", MINI, "kill"]);
    const coloured = await run(["eval", "-p", MINI, "kill"], "", { FORCE_COLOR: "1", NO_COLOR: "" });
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    expect(coloured.stdout).toMatch(/\u001b\[/);
  });
});

describe("-o/--output on eval and diff, as on check, test and schema", () => {
  it("eval writes its results to the file, nothing to stdout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "modpol-out-"));
    const r = await run(["eval", "-p", MINI, "-f", "jsonl", "-o", join(dir, "d.jsonl"), "kill them", "hello"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(join(dir, "d.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l).decision)).toEqual(["violating", "clear"]);
  });

  it("diff writes its report to the file; '-' is stdout", async () => {
    const dir = mkdtempSync(join(tmpdir(), "modpol-out-"));
    const args = ["diff", "--from", "test/fixtures/timeline/v2.yaml", "--to", "test/fixtures/timeline/v3.yaml", "-c", "PL", "Death to Putin"];
    const r = await run([...args, "--output", join(dir, "d.txt")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    const dash = await run([...args, "-o", "-"]);
    expect(readFileSync(join(dir, "d.txt"), "utf8")).toBe(dash.stdout);
    expect(dash.stdout).toMatch(/^exempt → violating \[PL\]/);
  });

  it("a file that cannot be written is a usage error before anything is read", async () => {
    const r = await run(["eval", "-p", MINI, "-o", "no/such/folder/out.txt", "kill"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("modpol: --output: cannot write no/such/folder/out.txt: ENOENT\n");
  });
});

describe("modpol eval on compressed input", () => {
  const posts = ['{"id":"a","text":"Death to Putin","country":"UA"}', '{"id":"b","text":"hello"}'].join("\n");

  it("reads a .jsonl.gz file as JSONL, by its magic bytes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "modpol-gz-"));
    writeFileSync(join(dir, "posts.jsonl.gz"), gzipSync(posts));
    const r = await run(["eval", "-p", MINI, "-f", "jsonl", "--input", join(dir, "posts.jsonl.gz")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split("\n").map((l) => [JSON.parse(l).id, JSON.parse(l).decision])).toEqual([["a", "exempt"], ["b", "clear"]]);
  });

  it("reads gzip on stdin too, and refuses damaged data with exit 2", async () => {
    const ok = await run(["eval", "-p", MINI, "-f", "jsonl", "--input-format", "jsonl"], gzipSync(posts));
    expect(ok.stdout.split("\n").filter(Boolean)).toHaveLength(2);
    const bad = await run(["eval", "-p", MINI, "-f", "jsonl", "--input-format", "jsonl"], gzipSync(posts).subarray(0, 20));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^modpol: <stdin>: the gzip data is damaged/m);
  });
});

describe("modpol eval --jobs", () => {
  it("gives byte-identical output, in input order, with worker threads", async () => {
    const texts = ["Death to Putin", "hello there", "kill them", "Death to the invaders!", "nothing to see"];
    const stdin = Array.from({ length: 2600 }, (_, i) => JSON.stringify({ id: `p${i}`, text: texts[i % texts.length], country: i % 3 ? "UA" : "DE" })).join("\n");
    const one = await run(["eval", "-p", MINI, "-f", "jsonl", "--input-format", "jsonl", "--jobs", "1"], stdin);
    const two = await run(["eval", "-p", MINI, "-f", "jsonl", "--input-format", "jsonl", "--jobs", "2"], stdin);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout.split("\n").length).toBe(2601);
    expect(two.stdout).toBe(one.stdout);
  }, 30000);
});
