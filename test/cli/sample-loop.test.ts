import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { checkScenario, run, type Scenario } from "./run.js";

// The analyst's loop, end to end: sample → label → score → change the policy → diff → score again.
// The corpus carries what a person would say of each post (`truth`); the "labeller" below copies it
// into the empty label column, as people would fill it in.
const MINI = "test/fixtures/mini/policy.yaml";
const CORPUS = "test/fixtures/score/corpus.jsonl";
const dir = mkdtempSync(join(tmpdir(), "modpol-loop-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const truthOf = new Map(readFileSync(CORPUS, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; truth: string }).map((o) => [o.id, o.truth]));

/** The people: fill each JSONL record's empty label with what they judge the post to be. */
function labelJsonl(sample: string): string {
  return sample.trim().split("\n").map((l) => {
    const o = JSON.parse(l) as Record<string, unknown>;
    expect(o.label).toBe("");
    return JSON.stringify({ ...o, label: truthOf.get(o.id as string) });
  }).join("\n");
}

/** The same in a spreadsheet: the label is the last column, empty, so each row ends with a comma. */
function labelCsv(sample: string): string {
  const [head, ...rows] = sample.trim().split("\n");
  expect(head?.endsWith(",label")).toBe(true);
  return [head, ...rows.map((r) => `${r}${truthOf.get(r.split(",")[0] as string)}`)].join("\n");
}

async function decisions(policy: string, file: string): Promise<Map<string, string>> {
  const r = await run(["eval", "-p", policy, "--input", file, "-f", "jsonl"]);
  return new Map(r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { id: string; decision: string }).map((o) => [o.id, o.decision]));
}

describe("sample → label → score → change the policy → diff → score again", () => {
  const sampleArgs = ["eval", "-p", MINI, "--input", CORPUS, "--sample", "12", "--stratify", "decision", "--seed", "3"];

  it("runs end to end, and each step's figures follow from the one before", async () => {
    // 1. Sample: 12 of 24 posts, 4 from each decision; reproducible.
    const s = await run([...sampleArgs, "-f", "jsonl"]);
    expect(s.code).toBe(0);
    expect(s.stderr).toBe("modpol: sampled 12 of 24 posts, stratified by decision\n  clear          4 of 7\n  exempt         4 of 9\n  violating      4 of 8\n");
    expect((await run([...sampleArgs, "-f", "jsonl"])).stdout).toBe(s.stdout);
    const sampleFile = join(dir, "sample.jsonl");
    writeFileSync(sampleFile, s.stdout);

    // 2. Before anyone has labelled: nothing to score yet.
    const empty = await run(["score", "--labels", sampleFile, "-p", MINI, "-f", "json"]);
    expect(JSON.parse(empty.stdout).policies[0]).toMatchObject({ labelled: 0, unlabelled: 12 });

    // 3. Label, then score: the figures are those of the decisions against the labels.
    const labelled = join(dir, "labelled.jsonl");
    writeFileSync(labelled, labelJsonl(s.stdout));
    const ids = [...(await decisions(MINI, labelled)).entries()];
    const right = ids.filter(([id, d]) => truthOf.get(id) === d).length;
    const before = await run(["score", "--labels", labelled, "-p", MINI, "-f", "json"]);
    expect(before.code).toBe(0);
    const p1 = JSON.parse(before.stdout).policies[0];
    expect(p1.accuracy).toMatchObject({ k: right, n: 12 });
    const wrong = p1.misses.map((m: { id: string }) => m.id);
    expect(wrong).toEqual(ids.filter(([id, d]) => truthOf.get(id) !== d).map(([id]) => id));

    // 4. Change the policy: drop the heads-of-state exception.
    const changed = join(dir, "policy-no-hos.yaml");
    const yaml = readFileSync(MINI, "utf8").replace(/  - id: hos\n(?: {4}.*\n)+/, "");
    expect(yaml).not.toContain("id: hos");
    writeFileSync(changed, yaml.replace("id: mini", "id: mini-no-hos"));

    // 5. Diff on the labelled sample: exactly the posts decided by hos change.
    const hos = p1.rules.find((r: { rule: string }) => r.rule === "hos")?.decided ?? 0;
    const diff = await run(["diff", "--from", MINI, "--to", changed, "--input", labelled, "-f", "json"]);
    expect(diff.code).toBe(0);
    expect(JSON.parse(diff.stdout).summary).toMatchObject({ changed: hos, transitions: hos ? [{ from: "exempt", to: "violating", count: hos }] : [] });

    // 6. Score again, both side by side: the change is right where the labels say violating.
    const after = await run(["score", "--labels", labelled, "-p", MINI, "-p", changed, "-f", "json"]);
    const [a, b] = JSON.parse(after.stdout).policies;
    expect(a.accuracy).toEqual(p1.accuracy);
    const now = await decisions(changed, labelled);
    expect(b.accuracy.k).toBe([...now.entries()].filter(([id, d]) => truthOf.get(id) === d).length);
    expect(b.policy).toBe("mini-no-hos");
  });

  it("the same through a spreadsheet: CSV out, a column filled in, CSV back in", async () => {
    const s = await run([...sampleArgs, "-f", "csv"]);
    expect(s.code).toBe(0);
    const [head] = s.stdout.split("\n");
    expect(head).toBe("id,text,country,lang,date,truth,label");
    const file = join(dir, "labelled.csv");
    writeFileSync(file, labelCsv(s.stdout));
    const fromCsv = JSON.parse((await run(["score", "--labels", file, "-p", MINI, "-f", "json"])).stdout).policies[0];
    const jsonl = join(dir, "labelled-2.jsonl");
    writeFileSync(jsonl, labelJsonl((await run([...sampleArgs, "-f", "jsonl"])).stdout));
    const fromJsonl = JSON.parse((await run(["score", "--labels", jsonl, "-p", MINI, "-f", "json"])).stdout).policies[0];
    expect(fromCsv.accuracy).toEqual(fromJsonl.accuracy);
    expect(fromCsv.confusion).toEqual(fromJsonl.confusion);
  });

  it("a post a spreadsheet would run as a formula is guarded in the CSV, and scored as written", async () => {
    const post = '=HYPERLINK("http://x") kill them';
    const s = await run(["eval", "-p", MINI, "--sample", "5", "--stratify", "none", "-f", "csv", "--input-format", "jsonl"], `${JSON.stringify({ id: "f", text: post, truth: "violating" })}\n`);
    expect(s.stdout).toContain(`f,"'=HYPERLINK(""http://x"") kill them"`);
    const file = join(dir, "formula.csv");
    // Labelled clear (wrongly), so that the post comes back among the misclassified, as scored.
    writeFileSync(file, `${s.stdout.trimEnd()}clear\n`);
    const doc = JSON.parse((await run(["score", "--labels", file, "-p", MINI, "-f", "json"])).stdout);
    const miss = doc.policies[0].misses[0];
    expect(miss.text).toBe(post);
    expect(miss.matches[0]).toMatchObject({ text: "kill", start: 23, end: 27 });
  });

  it("a post that already starts with an apostrophe and a formula character comes back as it was", async () => {
    const post = "'=1+1 kill them";
    const file = join(dir, "apostrophe.csv");
    // -o writes the labelling file itself, as on eval.
    const s = await run(["eval", "-p", MINI, "--sample", "1", "--stratify", "none", "-f", "csv", "--input-format", "jsonl", "-o", file], `${JSON.stringify({ id: "a", text: post })}\n`);
    expect(s.code).toBe(0);
    expect(s.stdout).toBe("");
    expect(readFileSync(file, "utf8")).toContain(`a,''=1+1 kill them,`);
    writeFileSync(file, `${readFileSync(file, "utf8").trimEnd()}clear\n`);
    const doc = JSON.parse((await run(["score", "--labels", file, "-p", MINI, "-f", "json"])).stdout);
    expect(doc.policies[0].misses[0].text).toBe(post);
  });

  it("score reads a spreadsheet's ';'-separated CSV with --delimiter, and gzip-compressed labels", async () => {
    const csv = (await run([...sampleArgs, "-f", "csv"])).stdout;
    const labelled = labelCsv(csv);
    const comma = join(dir, "comma.csv");
    writeFileSync(comma, labelled);
    const want = JSON.parse((await run(["score", "--labels", comma, "-p", MINI, "-f", "json"])).stdout).policies[0].confusion;
    // The same rows separated by ';' (no field of this corpus holds a ';' or a quote-worthy ',').
    const semi = join(dir, "semi.csv");
    writeFileSync(semi, labelled.replace(/,/g, ";"));
    const r = await run(["score", "--labels", semi, "--delimiter", ";", "-p", MINI, "-f", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).policies[0].confusion).toEqual(want);
    const gz = join(dir, "labels.csv.gz");
    writeFileSync(gz, gzipSync(labelled));
    const z = await run(["score", "--labels", gz, "-p", MINI, "-f", "json"]);
    expect(z.code, z.stderr).toBe(0);
    expect(JSON.parse(z.stdout).policies[0].confusion).toEqual(want);
  });

  it("a policy over record fields: sample and score read the whole record, as eval does, and group by a nested field", async () => {
    const policy = "examples/officials/officials-harassment.yaml";
    const posts = "examples/officials-posts.jsonl";
    const decided = await decisions(policy, posts);
    // Labelled with eval's own decisions: score must find every one right, fields and all.
    const labelled = join(dir, "officials.jsonl");
    writeFileSync(labelled, readFileSync(posts, "utf8").trim().split("\n").map((l) => {
      const o = JSON.parse(l) as { id: string };
      return JSON.stringify({ ...o, label: decided.get(o.id) });
    }).join("\n"));
    const doc = JSON.parse((await run(["score", "--labels", labelled, "-p", policy, "--by", "account.type", "-f", "json"])).stdout).policies[0];
    expect(doc.accuracy).toMatchObject({ k: decided.size, n: decided.size });
    expect(doc.groups["account.type"].map((g: { value: string | null }) => g.value)).toContain("satire");
    const s = await run(["eval", "-p", policy, "--input", posts, "--sample", "4", "--stratify", "account.type"]);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stderr).toMatch(/stratified by account\.type\n/);
    expect(s.stderr).toMatch(/^ {2}satire +\d of 2$/m);
  });

  it("keeps the order of the input and draws the same posts from it in another order", async () => {
    const shuffled = join(dir, "shuffled.jsonl");
    writeFileSync(shuffled, readFileSync(CORPUS, "utf8").trim().split("\n").reverse().join("\n"));
    const ids = (out: string) => out.trim().split("\n").map((l) => (JSON.parse(l) as { id: string }).id);
    const a = ids((await run([...sampleArgs])).stdout);
    const b = ids((await run(["eval", "-p", MINI, "--input", shuffled, "--sample", "12", "--stratify", "decision", "--seed", "3"])).stdout);
    expect([...b].sort()).toEqual([...a].sort());
    expect(a).toEqual([...a].sort());
  });

  const scenarios: Scenario[] = [
    { name: "--stratify by a record field and by country", args: ["eval", "-p", MINI, "--input", CORPUS, "--sample", "6", "--stratify", "truth,country"], exitCode: 0, stderr: /^modpol: sampled 6 of 24 posts, stratified by truth, country\n {2}clear \| \(none\) +\d of 1\n/ },
    { name: "--sample with --explain is refused", args: ["eval", "-p", MINI, "--sample", "3", "--explain", "x"], exitCode: 2, stderr: /--sample writes a labelling file and cannot be combined with --explain/ },
    { name: "--sample 0", args: ["eval", "-p", MINI, "--sample", "0", "x"], exitCode: 2, stderr: /--sample: '0' is not a number of posts/ },
    { name: "--sample with --format json", args: ["eval", "-p", MINI, "--sample", "3", "-f", "json", "x"], exitCode: 2, stderr: /not json/ },
    { name: "--seed without --sample", args: ["eval", "-p", MINI, "--seed", "3", "x"], exitCode: 2, stderr: /--seed is an option of --sample/ },
    { name: "records that cannot be evaluated are left out and named, exit 3", args: ["eval", "-p", MINI, "--sample", "3", "--input-format", "jsonl"], stdin: '{"text":"kill them"}\nnot json\n', exitCode: 3, stderr: /left out of the sample: invalid-json/ },
    { name: "TEXT arguments can be sampled too", args: ["eval", "-p", MINI, "--sample", "1", "--stratify", "none", "kill them"], exitCode: 0, stdout: /^\{"id":"1","text":"kill them","label":""\}\n$/ },
  ];
  it.each(scenarios.map((s) => [s.name, s] as const))("%s", async (_, sc) => {
    await checkScenario(sc, expect);
  });
});
