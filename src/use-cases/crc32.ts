import * as zlib from "node:zlib";

/**
 * CRC-32 (the checksum of zip and gzip, polynomial 0xEDB88320) of `bytes`, continuing from `value`
 * (the CRC of the bytes before them; 0 to start).
 *
 * Why a CRC and not SHA-1 for telling a precompiled policy is stale: the check runs in every
 * one-post run over ~4.7 MB of rule files, and SHA-1 of those bytes was a third of what a run
 * costs over bare Node (63 million instructions of 179, callgrind); zlib's CRC-32 does the same
 * bytes in a twentieth of the time. Nothing here is a security boundary (whoever can change the
 * rule files can change the precompiled file beside them): the question is only "did these bytes
 * change since the build?", asked together with the file's size, and an edit that keeps both the
 * size and the CRC-32 happens by accident once in 4 billion edits.
 */
export type Crc32 = (bytes: Uint8Array, value?: number) => number;

/** zlib's own CRC-32 (Node 20.15 and later). */
const native = (zlib as { crc32?: Crc32 }).crc32;

let table: Uint32Array | undefined;

/**
 * The same CRC in JavaScript, for a Node 20 older than 20.15, whose zlib module does not offer it
 * (package.json allows any Node 20). Slower by far, but the same numbers, so that a build made on
 * one Node is fresh on the other. Exported for the test that compares the two.
 */
export const crc32Portable: Crc32 = (bytes, value = 0) => {
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = ~value >>> 0;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
};

/** CRC-32 of `bytes` continuing from `value`: zlib's where Node has it, else {@link crc32Portable}. */
export const crc32: Crc32 = native ?? crc32Portable;
