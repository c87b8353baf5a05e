/**
 * Compressed input, recognised by its first bytes rather than its name: exports are usually
 * compressed, and a `.gz` read as text lines would give one "clear" decision per line of binary
 * noise, with exit 0. gzip is decompressed as it streams; the formats Node 20 cannot read are
 * refused with how to read them instead.
 */

/** A compression format, by its magic bytes. */
interface Magic {
  readonly name: string;
  readonly bytes: readonly number[];
  /** How to feed such a file to modpol when Node cannot decompress it itself. */
  readonly tool?: string;
}

const MAGICS: readonly Magic[] = [
  { name: "gzip", bytes: [0x1f, 0x8b] },
  // Node's zlib reads zstd from Node 22.15 on; modpol runs on Node 20, so it is looked for lazily.
  { name: "zstd", bytes: [0x28, 0xb5, 0x2f, 0xfd], tool: "zstd -dc" },
  { name: "bzip2", bytes: [0x42, 0x5a, 0x68], tool: "bzip2 -dc" },
  { name: "xz", bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], tool: "xz -dc" },
];

/** File name endings of compressed files, dropped before the input format is read from the name. */
export const COMPRESSED_SUFFIX = /\.(gz|gzip|zst|zstd|bz2|xz)$/i;

/** A compressed input that cannot be read: the caller reports it as a usage error. */
export class CompressedInputError extends Error {
  override readonly name = "CompressedInputError";
}

/** Which compression `head` starts with, if any (needs the first 6 bytes, or all there are). */
export function compressionOf(head: Uint8Array): Magic | undefined {
  return MAGICS.find((m) => head.length >= m.bytes.length && m.bytes.every((b, i) => head[i] === b));
}

/**
 * Passes `source` through, decompressed when its first bytes say it is compressed. Plain input is
 * passed on as it comes, chunk by chunk, with no copy beyond the first few bytes held to look at.
 */
export async function* decompressed(source: AsyncIterable<Buffer | string>, name: string): AsyncGenerator<Buffer | string> {
  const it = source[Symbol.asyncIterator]();
  // Enough bytes to recognise every format above (a first chunk can be shorter, from a pipe).
  const head: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < 6) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const b = typeof r.value === "string" ? Buffer.from(r.value, "utf8") : r.value;
    head.push(b);
    size += b.length;
  }
  const first = Buffer.concat(head);
  const magic = compressionOf(first);
  const rest: AsyncIterable<Buffer | string> = {
    [Symbol.asyncIterator]: () => ({ next: () => (done ? Promise.resolve({ done: true, value: undefined }) : it.next()), return: async () => (await it.return?.(), { done: true, value: undefined }) }),
  };
  if (!magic) {
    if (first.length > 0) yield first;
    yield* rest;
    return;
  }
  if (magic.name !== "gzip") {
    const zlib = await import("node:zlib");
    // A Node with zstd in zlib (22.15 and later) reads it; Node 20 does not have it.
    const zstd = (zlib as unknown as { createZstdDecompress?: () => NodeJS.ReadWriteStream }).createZstdDecompress;
    if (magic.name === "zstd" && zstd) {
      yield* inflate(zstd(), first, rest, name, magic.name);
      return;
    }
    throw new CompressedInputError(`${name} is ${magic.name}-compressed, which this Node (${process.version}) cannot read: decompress it first, e.g. '${magic.tool} ${name === "<stdin>" ? "FILE" : name} | modpol eval --input -'`);
  }
  const { createGunzip } = await import("node:zlib");
  yield* inflate(createGunzip(), first, rest, name, magic.name);
}

/** Streams `first` and `rest` through a decompressor, with backpressure; a corrupt stream is an error. */
async function* inflate(z: NodeJS.ReadWriteStream, first: Buffer, rest: AsyncIterable<Buffer | string>, name: string, kind: string): AsyncGenerator<Buffer> {
  const feed = async (): Promise<void> => {
    const write = (b: Buffer | string) => (z.write(b) ? Promise.resolve() : new Promise<void>((res) => z.once("drain", () => res())));
    await write(first);
    for await (const chunk of rest) await write(chunk);
    z.end();
  };
  let failure: unknown;
  feed().catch((e: unknown) => {
    failure = e;
    z.end();
  });
  try {
    for await (const chunk of z as AsyncIterable<Buffer>) yield chunk;
  } catch (e) {
    throw new CompressedInputError(`${name}: the ${kind} data is damaged (${(e as Error).message})`);
  }
  if (failure) throw failure;
}
