/** A value made on its first use, then kept. */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * A regex made from `source` on its first use, then kept. For regexes with a Unicode property class
 * (`\p{L}`, `\p{Script=Latin}`), which V8 builds at a cost of about 0.1 ms each, twice: when it
 * compiles a module it checks every regex literal's pattern, in functions not yet called too, and
 * when a literal is evaluated it builds the regex. The text modules hold a few dozen that only
 * unusual text (mixed scripts, leetspeak, combining marks, styled letters) needs; as literals every
 * run paid for all of them. Write the source with String.raw, as it would stand between the slashes.
 */
export function lazyRegExp(source: string, flags: string): () => RegExp {
  return lazy(() => new RegExp(source, flags));
}
