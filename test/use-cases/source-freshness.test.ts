import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync, type BigIntStats } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHECKED_FILE, nodeFileAccess, RACY_MARGIN_NS, sourcePath, sourcesHold, type CheckedRecord, type FileAccess } from "../../src/use-cases/source-freshness.js";
import { crc32 } from "../../src/use-cases/crc32.js";
import type { SourceStamp } from "../../src/precompiled/serialise.js";

const SECOND = 1_000_000_000n;

/** A file as the fake file system holds it: content and the times `stat` reports. */
interface FakeFile {
  content: Buffer;
  ctimeNs: bigint;
  mtimeNs: bigint;
  ino: bigint;
}

/** An in-memory file system with a clock, counting the files it hashes and the records written. */
function fakeFs(files: Record<string, string>, nowNs: bigint) {
  const held = new Map<string, FakeFile>();
  let ino = 100n;
  for (const [path, text] of Object.entries(files)) held.set(`/rules/${path}`, { content: Buffer.from(text), ctimeNs: nowNs - 3600n * SECOND, mtimeNs: nowNs - 3600n * SECOND, ino: ino++ });
  const state = { now: nowNs, hashed: [] as string[], record: undefined as CheckedRecord | undefined, writes: 0 };
  const io: FileAccess = {
    stat(abs) {
      const f = held.get(abs);
      if (!f) return undefined;
      return { isFile: () => true, size: BigInt(f.content.length), mtimeNs: f.mtimeNs, ctimeNs: f.ctimeNs, ino: f.ino, dev: 7n } as unknown as BigIntStats;
    },
    crcOf(abs) {
      state.hashed.push(abs.slice("/rules/".length));
      return crc32(held.get(abs)!.content);
    },
    readRecord: () => state.record,
    writeRecord(r) {
      // Through JSON, as the real record goes.
      state.record = JSON.parse(JSON.stringify(r)) as CheckedRecord;
      state.writes++;
    },
    now: () => state.now,
  };
  /** Writes `text` to `path` now: new content, modification and change times. */
  const write = (path: string, text: string) => {
    const f = held.get(`/rules/${path}`)!;
    f.content = Buffer.from(text);
    f.ctimeNs = f.mtimeNs = state.now;
  };
  const stamps = (): SourceStamp[] => [...held].map(([abs, f]) => ({ path: abs.slice("/rules/".length), size: f.content.length, crc32: crc32(f.content) }));
  return { io, state, held, write, stamps };
}

const T0 = 1_800_000_000n * SECOND;

describe("checking a precompiled policy's sources", () => {
  it("hashes every file the first time, and none the next time when none was written since", () => {
    const fs = fakeFs({ "a.yaml": "alpha", "shared/b.yaml": "beta" }, T0);
    const stamps = fs.stamps();
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(true);
    expect(fs.state.hashed.sort()).toEqual(["a.yaml", "shared/b.yaml"]);
    expect(fs.state.writes).toBe(1);
    fs.state.hashed = [];
    fs.state.now += SECOND;
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(true);
    expect(fs.state.hashed).toEqual([]);
    // Nothing new was learned, so the record is not written again.
    expect(fs.state.writes).toBe(1);
  });

  it("is stale when a file was edited after the check, even to the same size", () => {
    const fs = fakeFs({ "a.yaml": "alpha", "b.yaml": "beta" }, T0);
    const stamps = fs.stamps();
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(true);
    fs.state.now += 60n * SECOND;
    fs.write("a.yaml", "alphA");
    fs.state.hashed = [];
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(false);
    expect(fs.state.hashed).toEqual(["a.yaml"]);
  });

  it("is stale when an edit restored the modification time: the change time still moved", () => {
    const fs = fakeFs({ "a.yaml": "alpha" }, T0);
    const stamps = fs.stamps();
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(true);
    const f = fs.held.get("/rules/a.yaml")!;
    const mtime = f.mtimeNs;
    fs.state.now += 60n * SECOND;
    fs.write("a.yaml", "alphA");
    f.mtimeNs = mtime;
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(false);
  });

  it("hashes a file changed too close to the check to be sure of it, on every run until it is older", () => {
    const fs = fakeFs({ "a.yaml": "alpha" }, T0);
    fs.write("a.yaml", "alpha2");
    const stamps = fs.stamps();
    fs.state.now += SECOND;
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(true);
    fs.state.hashed = [];
    fs.state.now += SECOND;
    // The record's check began within the margin of the file's last change: not vouched for.
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(true);
    expect(fs.state.hashed).toEqual(["a.yaml"]);
    fs.state.hashed = [];
    fs.state.now += RACY_MARGIN_NS + SECOND;
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(true);
    expect(fs.state.hashed).toEqual(["a.yaml"]);
    fs.state.hashed = [];
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(true);
    expect(fs.state.hashed).toEqual([]);
  });

  it("hashes a file the record saw with another stamp (a rebuilt policy) and answers by its content", () => {
    const fs = fakeFs({ "a.yaml": "alpha" }, T0);
    const stamps = fs.stamps();
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(true);
    fs.state.hashed = [];
    const other = stamps.map((s) => ({ ...s, crc32: (s.crc32 + 1) >>> 0 }));
    expect(sourcesHold("/rules", other, fs.io)).toBe(false);
    expect(fs.state.hashed).toEqual(["a.yaml"]);
  });

  it("is stale when a file's size differs, without reading it", () => {
    const fs = fakeFs({ "a.yaml": "alpha" }, T0);
    const stamps = fs.stamps().map((s) => ({ ...s, size: s.size + 1 }));
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(false);
    expect(fs.state.hashed).toEqual([]);
    expect(fs.state.writes).toBe(0);
  });

  it("is stale when a file is gone, and writes no record when a file is stale", () => {
    const fs = fakeFs({ "a.yaml": "alpha" }, T0);
    const stamps = [...fs.stamps(), { path: "gone.yaml", size: 3, crc32: 1 }];
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(false);
    expect(fs.state.writes).toBe(0);
  });

  it("ignores a record made for another rules folder or by another record format", () => {
    const fs = fakeFs({ "a.yaml": "alpha" }, T0);
    const stamps = fs.stamps();
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(true);
    fs.state.now += SECOND;
    fs.state.record = { ...fs.state.record!, rulesDir: "/elsewhere" };
    fs.state.hashed = [];
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(true);
    expect(fs.state.hashed).toEqual(["a.yaml"]);
    fs.state.record = { ...fs.state.record, version: 99 };
    fs.state.hashed = [];
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(true);
    expect(fs.state.hashed).toEqual(["a.yaml"]);
  });

  it("keeps the entries of other policies' files when it writes the record", () => {
    const fs = fakeFs({ "a.yaml": "alpha", "b.yaml": "beta" }, T0);
    const [a, b] = fs.stamps();
    expect(sourcesHold("/rules", [a!], fs.io)).toBe(true);
    fs.state.now += SECOND;
    expect(sourcesHold("/rules", [b!], fs.io)).toBe(true);
    expect(Object.keys(fs.state.record!.files).sort()).toEqual(["a.yaml", "b.yaml"]);
  });
});

describe("the record on a real file system", () => {
  const setUp = () => {
    const rules = mkdtempSync(join(tmpdir(), "modpol-rules-"));
    const record = mkdtempSync(join(tmpdir(), "modpol-checked-"));
    writeFileSync(join(rules, "a.yaml"), "rules: []\n");
    const bytes = readFileSync(join(rules, "a.yaml"));
    const stamps: SourceStamp[] = [{ path: "a.yaml", size: bytes.length, crc32: crc32(bytes) }];
    return { rules, record, stamps };
  };

  it("is written beside the precompiled policies, and tells an edit that kept the size and the modification time", () => {
    const { rules, record, stamps } = setUp();
    expect(sourcesHold(rules, stamps, nodeFileAccess(record))).toBe(true);
    const written = JSON.parse(readFileSync(join(record, CHECKED_FILE), "utf8")) as CheckedRecord;
    expect(Object.keys(written.files)).toEqual(["a.yaml"]);
    const before = statSync(join(rules, "a.yaml"));
    writeFileSync(join(rules, "a.yaml"), "rules: [1]");
    utimesSync(join(rules, "a.yaml"), before.atime, before.mtime);
    expect(sourcesHold(rules, stamps, nodeFileAccess(record))).toBe(false);
  });

  it("vouches for a file older than the check that saw it, without reading it", () => {
    const { rules, record, stamps } = setUp();
    const io = nodeFileAccess(record);
    // As if the check ran well after the file was written (the usual case: a build, an install).
    const later = { ...io, now: () => io.now() + 10n * SECOND };
    expect(sourcesHold(rules, stamps, later)).toBe(true);
    let hashed = 0;
    const counting: FileAccess = { ...io, crcOf: (abs) => (hashed++, io.crcOf(abs)) };
    expect(sourcesHold(rules, stamps, counting)).toBe(true);
    expect(hashed).toBe(0);
  });

  it("checks by content when the record cannot be read or written", () => {
    const { rules, stamps } = setUp();
    const io = nodeFileAccess(join(rules, "no-such-folder"));
    expect(sourcesHold(rules, stamps, io)).toBe(true);
    writeFileSync(join(rules, "a.yaml"), "rules: [2]");
    expect(sourcesHold(rules, stamps, io)).toBe(false);
  });

  it("treats a damaged record as none", () => {
    const { rules, record, stamps } = setUp();
    writeFileSync(join(record, CHECKED_FILE), "{not json");
    let hashed = 0;
    const io = nodeFileAccess(record);
    expect(sourcesHold(rules, stamps, { ...io, crcOf: (abs) => (hashed++, io.crcOf(abs)) })).toBe(true);
    expect(hashed).toBe(1);
  });
});

describe("touched and rewritten files", () => {
  it("hashes a file touched without a change once, holds, and vouches for it again after that", () => {
    const fs = fakeFs({ "a.yaml": "alpha", "b.yaml": "beta" }, T0);
    const stamps = fs.stamps();
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(true);
    fs.state.now += 60n * SECOND;
    // `touch a.yaml`, a checkout that rewrote it as it was: new times, same bytes.
    fs.write("a.yaml", "alpha");
    fs.state.hashed = [];
    fs.state.now += RACY_MARGIN_NS + SECOND;
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(true);
    expect(fs.state.hashed).toEqual(["a.yaml"]);
    fs.state.hashed = [];
    fs.state.now += SECOND;
    expect(sourcesHold("/rules", stamps, fs.io)).toBe(true);
    expect(fs.state.hashed).toEqual([]);
  });
});

describe("sourcePath", () => {
  it.each([
    ["a.yaml", "/rules/a.yaml"],
    ["shared/b.yaml", "/rules/shared/b.yaml"],
    [".hidden/x.yaml", "/rules/.hidden/x.yaml"],
    ["./a.yaml", "/rules/a.yaml"],
    ["../a.yaml", "/a.yaml"],
    ["a/../b.yaml", "/rules/b.yaml"],
    ["a//b.yaml", "/rules/a/b.yaml"],
    ["/abs/a.yaml", "/abs/a.yaml"],
  ])("joins %j under the rules folder as resolve() does", (path, want) => {
    expect(sourcePath("/rules", path)).toBe(want);
    expect(sourcePath("/rules/", path)).toBe(want);
  });
});
