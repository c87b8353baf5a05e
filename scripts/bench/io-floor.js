#!/usr/bin/env node
// The I/O floor for `npm run bench`: what any Node program that reads the same JSONL and writes one
// small JSON result per record costs, with no classification at all. It streams the file (a read
// stream decoded as UTF-8, split into lines), JSON.parses each record, and writes a
// {"id":...,"decision":"clear"}-sized line per record to stdout, buffered in 64 KiB chunks and
// respecting backpressure (as modpol's own output does). With --pad-to N each line is padded (a
// "pad" field) to N bytes: a floor that writes as much as modpol does, since modpol's records (the
// rule, the reason, the evidence) are several times the size of the small line.
//   node scripts/bench/io-floor.js FILE.jsonl [--pad-to N] > /dev/null
import { createReadStream } from "node:fs";

const path = process.argv[2];
const padTo = process.argv[3] === "--pad-to" ? Number(process.argv[4]) : 0;
if (!path || !Number.isFinite(padTo)) {
  process.stderr.write("usage: node scripts/bench/io-floor.js FILE.jsonl [--pad-to BYTES]\n");
  process.exit(2);
}

const FLUSH_AT = 64 * 1024;
let out = [];
let outSize = 0;
let records = 0;

async function flush() {
  if (outSize === 0) return;
  const chunk = out.join("");
  out = [];
  outSize = 0;
  if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once("drain", resolve));
}

async function handle(line) {
  if (line.length === 0) return;
  records++;
  let result;
  try {
    const rec = JSON.parse(line);
    result = JSON.stringify({ id: rec.id ?? String(records), decision: "clear" });
    if (result.length + 10 < padTo) result = `${result.slice(0, -1)},"pad":"${"x".repeat(padTo - result.length - 10)}"}`;
  } catch (e) {
    result = JSON.stringify({ id: String(records), line: records, error: { code: "bad-json", message: String(e.message) } });
  }
  out.push(result, "\n");
  outSize += result.length + 1;
  if (outSize >= FLUSH_AT) await flush();
}

const stream = createReadStream(path, { encoding: "utf8" });
let rest = "";
for await (const chunk of stream) {
  const text = rest + chunk;
  let start = 0;
  let nl;
  while ((nl = text.indexOf("\n", start)) !== -1) {
    await handle(text.endsWith("\r", nl) ? text.slice(start, nl - 1) : text.slice(start, nl));
    start = nl + 1;
  }
  rest = text.slice(start);
}
await handle(rest);
await flush();
