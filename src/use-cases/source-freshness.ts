import { closeSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, type BigIntStats } from "node:fs";
import { join, resolve, sep } from "node:path";
import type { SourceStamp } from "../precompiled/serialise.js";
import { crc32 } from "./crc32.js";

/**
 * Whether the rule files a precompiled policy was built from still hold what they held, without
 * reading 6 MB of them in every one-post run.
 *
 * A stamp is checked by content (size, then CRC-32), as before. What is new is a record of files
 * already checked, kept beside the precompiled policies: for each file, the stamp it matched and
 * what `stat` said of it then (size, modification and change times in nanoseconds, inode, device).
 * A file whose `stat` still says exactly that has not been written since, so its content is the
 * one checked, and it is not read again. This is how git's index tells unchanged files from changed
 * ones without hashing them. Two details carry the guarantee:
 * - The change time (ctime) cannot be set by a program: any write, rename or `touch -d` moves it.
 *   Restoring the modification time after an edit therefore does not fool the record.
 * - A file written in the same clock tick as the check could be written again, unseen, in that tick
 *   ("racy git"). An entry counts only when the file's change time is more than
 *   {@link RACY_MARGIN_NS} older than the check, so a file edited just before or after a check is
 *   hashed on every run until it is old enough.
 *
 * The record is only a way of not repeating work: a missing, unreadable, foreign or damaged record
 * means "check by content", and a folder modpol cannot write (a global install owned by root) keeps
 * today's cost. Whoever can write the record can also replace the precompiled policy beside it, so
 * it opens no new door.
 */

/** The record's file name, in the folder of the precompiled policies. */
export const CHECKED_FILE = "sources.checked.json";

/** Coarse file systems keep times to the second (ext3) or two (FAT): a margin above both. */
export const RACY_MARGIN_NS = 3_000_000_000n;

const RECORD_VERSION = 1;

/** What `stat` said of a file when its content was found to match its stamp. */
export interface CheckedFile {
  readonly size: number;
  readonly crc32: number;
  /** Nanoseconds, as decimal strings (JSON has no 64-bit integers). */
  readonly mtimeNs: string;
  readonly ctimeNs: string;
  readonly ino: string;
  readonly dev: string;
}

/** The record of files checked: when, under which rules folder, and what each file was. */
export interface CheckedRecord {
  readonly version: number;
  /** The rules folder the paths are relative to: a record of another copy of modpol is ignored. */
  readonly rulesDir: string;
  /** When the check began (nanoseconds since the epoch, a decimal string). */
  readonly checkedAtNs: string;
  readonly files: Readonly<Record<string, CheckedFile>>;
}

/** The file-system operations a check needs; the real ones are {@link nodeFileAccess}. */
export interface FileAccess {
  /** `stat` with nanosecond times, or undefined when the file cannot be reached. */
  stat(abs: string): BigIntStats | undefined;
  /** CRC-32 of the whole file's content. */
  crcOf(abs: string): number;
  readRecord(): CheckedRecord | undefined;
  writeRecord(record: CheckedRecord): void;
  /** Now, in nanoseconds since the epoch. */
  now(): bigint;
}

const sameStat = (seen: CheckedFile, st: BigIntStats): boolean =>
  seen.mtimeNs === String(st.mtimeNs) && seen.ctimeNs === String(st.ctimeNs) && seen.ino === String(st.ino) && seen.dev === String(st.dev);

/**
 * True when every stamp still holds: each file is taken as checked when the record vouches for it
 * (see the module's comment), else read and hashed. When all hold and some had to be hashed, the
 * record is written again with what this check learned, for the next run.
 */
export function sourcesHold(rulesDir: string, sources: readonly SourceStamp[], io: FileAccess): boolean {
  const startedNs = io.now();
  const old = io.readRecord();
  const prior = old !== undefined && old.version === RECORD_VERSION && old.rulesDir === rulesDir ? old : undefined;
  const priorCheckNs = prior ? BigInt(prior.checkedAtNs) : 0n;
  const learned: Record<string, CheckedFile> = {};
  let hashed = 0;
  const base = resolve(rulesDir);
  for (const s of sources) {
    const abs = sourcePath(base, s.path);
    const st = io.stat(abs);
    // Size first, by path: a file that is not the one stamped (a FIFO, say) is never opened.
    if (st === undefined || !st.isFile() || st.size !== BigInt(s.size)) return false;
    const seen = prior?.files[s.path];
    const vouched = seen !== undefined && seen.size === s.size && seen.crc32 === s.crc32 && sameStat(seen, st) && st.ctimeNs + RACY_MARGIN_NS < priorCheckNs;
    if (!vouched) {
      if (io.crcOf(abs) !== s.crc32) return false;
      hashed++;
    }
    learned[s.path] = { size: s.size, crc32: s.crc32, mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs), ino: String(st.ino), dev: String(st.dev) };
  }
  if (hashed > 0) {
    // Entries of other policies' files are kept; those of files hashed here carry this check's time,
    // so entries vouched for by the old record keep what they had as well (a file is vouched only
    // when it is older than the check that saw it, and this check began later).
    const files = { ...(prior?.files ?? {}), ...learned };
    io.writeRecord({ version: RECORD_VERSION, rulesDir, checkedAtNs: String(startedNs), files });
  }
  return true;
}

/** A path with no empty, "." or ".." segment, and no backslash: relative, and already normal. */
const PLAIN_PATH = /^(?!\/)(?!.*\\)(?!(?:.*\/)?\.{0,2}(?:\/|$))/;

/**
 * `resolve(base, path)` for a stamp's path under the normalised absolute folder `base`. Stamps
 * hold plain relative paths ("shared/signals.yaml"), which are joined as strings: resolve() on each
 * of a policy's ~60 files was a third of the check's time in a one-post run. Anything else, and
 * any system whose separator is not "/", goes through resolve().
 */
export function sourcePath(base: string, path: string): string {
  if (sep !== "/" || !PLAIN_PATH.test(path)) return resolve(base, path);
  return base.endsWith("/") ? base + path : `${base}/${path}`;
}

/**
 * The real file system, the record kept as {@link CHECKED_FILE} in `recordDir`. Writing it is
 * best-effort: a folder modpol may not write, or a full disk, only means hashing again next time.
 */
export function nodeFileAccess(recordDir: string): FileAccess {
  const recordFile = join(recordDir, CHECKED_FILE);
  // One reused buffer, fed to the hash a piece at a time: reading each file whole was a new buffer
  // and a garbage collection in every run that had to hash.
  let chunk: Buffer | undefined;
  return {
    stat(abs) {
      try {
        return statSync(abs, { bigint: true });
      } catch {
        return undefined;
      }
    },
    crcOf(abs) {
      chunk ??= Buffer.allocUnsafe(64 * 1024);
      const fd = openSync(abs, "r");
      try {
        let crc = 0;
        for (let n: number; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) crc = crc32(chunk.subarray(0, n), crc);
        return crc;
      } finally {
        closeSync(fd);
      }
    },
    readRecord() {
      try {
        const r = JSON.parse(readFileSync(recordFile, "utf8")) as CheckedRecord;
        return typeof r === "object" && r !== null && typeof r.files === "object" && r.files !== null && typeof r.checkedAtNs === "string" && /^[0-9]+$/.test(r.checkedAtNs) ? r : undefined;
      } catch {
        return undefined;
      }
    },
    writeRecord(record) {
      // Written whole to a file of its own, then renamed over the record: runs side by side (--jobs,
      // a shell loop) each see an old record or a new one, never half of one.
      const tmp = `${recordFile}.${process.pid}.tmp`;
      try {
        writeFileSync(tmp, JSON.stringify(record));
        renameSync(tmp, recordFile);
      } catch {
        rmSync(tmp, { force: true });
      }
    },
    // The wall clock, as file times are: a monotonic clock has no relation to them.
    now: () => BigInt(Date.now()) * 1_000_000n,
  };
}
