import { closeSync, mkdtempSync, openSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { DIRECT_BYTES, LazyStdio } from "../../src/cli/stdio.js";

const dir = mkdtempSync(join(tmpdir(), "modpol-stdio-"));
const fds: number[] = [];
afterEach(() => {
  for (const fd of fds.splice(0)) closeSync(fd);
});

function file(name: string, flags = "w"): { fd: number; path: string } {
  const path = join(dir, name);
  if (flags === "r") closeSync(openSync(path, "w"));
  const fd = openSync(path, flags);
  fds.push(fd);
  return { fd, path };
}

/** A stand-in for process.stdout that records what reaches it, and whether it was made at all. */
function stream(isTTY = false) {
  const s = new PassThrough() as PassThrough & { isTTY: boolean; text: () => string };
  const chunks: Buffer[] = [];
  s.on("data", (b: Buffer) => chunks.push(b));
  s.isTTY = isTTY;
  s.text = () => Buffer.concat(chunks).toString("utf8");
  let made = 0;
  return { open: () => (made++, s), made: () => made, s };
}

const tick = () => new Promise((r) => setImmediate(r));

describe("LazyStdio", () => {
  it("writes a little to a file straight to the descriptor, never making the stream", () => {
    const { fd, path } = file("small");
    const st = stream();
    const out = new LazyStdio(fd, st.open);
    expect(out.isTTY).toBe(false);
    expect(out.write("exempt [UA] ")).toBe(true);
    expect(out.write("Смерть окупантам\n")).toBe(true);
    expect(readFileSync(path, "utf8")).toBe("exempt [UA] Смерть окупантам\n");
    expect(out.destroyed).toBe(false);
    expect(st.made()).toBe(0);
  });

  it(`past ${DIRECT_BYTES} bytes hands over to the stream for good, in order, with the listeners added before`, async () => {
    const { fd, path } = file("large");
    const st = stream();
    const out = new LazyStdio(fd, st.open);
    const errors: unknown[] = [];
    out.on("error", (e) => errors.push(e));
    const removed = () => errors.push("removed listener called");
    out.on("error", removed);
    out.off("error", removed);
    out.write("a".repeat(DIRECT_BYTES - 1));
    out.write("bb");
    out.write("c");
    await tick();
    expect(readFileSync(path, "utf8")).toBe("a".repeat(DIRECT_BYTES - 1));
    expect(st.s.text()).toBe("bbc");
    expect(st.made()).toBe(1);
    st.s.emit("error", new Error("EPIPE"));
    expect(errors).toEqual([new Error("EPIPE")]);
  });

  it("gives the stream what the descriptor refused, to deal with as it always has", async () => {
    const { fd } = file("read-only", "r");
    const st = stream();
    const out = new LazyStdio(fd, st.open);
    expect(out.write("refused\n")).toBe(true);
    await tick();
    expect(st.s.text()).toBe("refused\n");
  });

  it("uses the stream from the start for anything but a pipe, a socket or a file (a terminal)", async () => {
    const fd = openSync("/dev/null", "w");
    fds.push(fd);
    const st = stream(true);
    const out = new LazyStdio(fd, st.open);
    expect(out.isTTY).toBe(true);
    out.write("coloured\n");
    await tick();
    expect(st.s.text()).toBe("coloured\n");
  });
});
