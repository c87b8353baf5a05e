/**
 * Splits `buf` at the given byte offsets (sorted, deduplicated, those inside the buffer only): the
 * reads a stream might deliver, for tests of readers that must not care where a read ends.
 */
export function splitAt(buf: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.filter((c) => c > 0 && c < buf.length))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let last = 0;
  for (const p of points) {
    out.push(buf.subarray(last, p));
    last = p;
  }
  out.push(buf.subarray(last));
  return out;
}
