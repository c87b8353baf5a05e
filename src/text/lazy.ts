/**
 * A value made on its first use, then kept. For regexes with a Unicode property class (`\p{L}`,
 * `\p{Script=Latin}`): V8 builds one when its literal is evaluated, about 0.1 ms each, and the text
 * modules hold a few dozen that only unusual text (mixed scripts, leetspeak, combining marks, styled
 * letters) needs. Made at module load, every run paid for all of them; made lazily, a run pays for
 * those its posts need.
 */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
