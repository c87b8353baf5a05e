/**
 * Resource limits on rule files. modpol checks rule files from pull requests in CI, so a file
 * written to exhaust memory or the stack must get a clear diagnostic, never a crash or a hang.
 * Defaults are generous for real policies (the bundled ones use about 5% of each) and every limit
 * can be raised: through {@link LoadOptions.limits} in the API, or the `MODPOL_MAX_*` environment
 * variables on the command line (see SECURITY.md).
 */
// The one piece of term syntax a limit needs, from its own dependency-free module (match/index.js would load the matcher).
import { expansionCount } from "../match/term-alternatives.js";

export interface ResourceLimits {
  /** Largest rule file accepted, in bytes. */
  readonly maxFileBytes: number;
  /** Most alias expansions in one YAML document ("billion laughs"). */
  readonly maxAliasCount: number;
  /** Deepest nesting of YAML collections, and of parentheses and `not` in a `when:` condition. */
  readonly maxDepth: number;
  /** Most terms and patterns in a policy and everything it includes, counted as files are read. */
  readonly maxTerms: number;
  /**
   * Largest total size of a policy's compiled patterns, in RE2 program instructions. Each pattern
   * is run over every post (terms are looked up in an index; patterns cannot be), in time linear in
   * the post but proportional to its program: `(.*){1,100}` is 500 instructions and costs about
   * 0.8 s per 100 KB of text, so the total is what bounds the time per byte.
   */
  readonly maxPatternSize: number;
  /**
   * Largest cost per character of post of a policy's patterns, all together: the RE2 instructions
   * that read a character, which is how many threads a pattern can keep alive at each character of
   * a post (`.(.*){1,394}` keeps 395, `\bkill(ed|ing)?\b` at most 9). Ten patterns of 395 fitted
   * the size limit and cost 25 to 100 s per 100 KB of post (about 25 ns a thread and character);
   * 100 bounds the worst case at a few seconds per 100 KB, and `check` warns of any pattern that
   * costs more than 25 on its own.
   */
  readonly maxPatternCost: number;
}

/** The defaults (SECURITY.md lists them with the reasons). */
export const DEFAULT_LIMITS: ResourceLimits = Object.freeze({
  maxFileBytes: 4 * 1024 * 1024,
  maxAliasCount: 100,
  maxDepth: 64,
  maxTerms: 500_000,
  maxPatternSize: 20_000,
  maxPatternCost: 100,
});

/** Fills in the limits not given with the defaults. */
export function resolveLimits(partial: Partial<ResourceLimits> | undefined): ResourceLimits {
  if (!partial) return DEFAULT_LIMITS;
  return { ...DEFAULT_LIMITS, ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) };
}

/** An environment variable that does not hold a valid limit. */
export class LimitSettingError extends Error {
  override readonly name = "LimitSettingError";
}

/** The environment variable of each limit, and whether it is a size (accepts k, m, g). */
export const LIMIT_ENV: Readonly<Record<keyof ResourceLimits, { readonly name: string; readonly size: boolean }>> = Object.freeze({
  maxFileBytes: { name: "MODPOL_MAX_FILE_SIZE", size: true },
  maxAliasCount: { name: "MODPOL_MAX_ALIASES", size: false },
  maxDepth: { name: "MODPOL_MAX_DEPTH", size: false },
  maxTerms: { name: "MODPOL_MAX_TERMS", size: false },
  maxPatternSize: { name: "MODPOL_MAX_PATTERN_SIZE", size: false },
  maxPatternCost: { name: "MODPOL_MAX_PATTERN_COST", size: false },
});

/**
 * Parses a size: a whole number of bytes, or one followed by k, m or g (binary multiples; an
 * optional `b` or `ib`), e.g. `1048576`, `512k`, `4m`. Returns undefined for anything else.
 */
export function parseByteSize(s: string): number | undefined {
  const m = /^(\d+)\s*([kmg]?)(?:i?b)?$/i.exec(s.trim());
  if (!m) return undefined;
  const mult = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? "").toLowerCase()] ?? 1;
  const n = Number(m[1]) * mult;
  return Number.isSafeInteger(n) ? n : undefined;
}

/**
 * The limits set by `MODPOL_MAX_*` variables in `env`, over the defaults. Throws
 * {@link LimitSettingError} for a value that is not a positive whole number (or size).
 */
export function limitsFromEnv(env: Readonly<Record<string, string | undefined>>): ResourceLimits {
  const out: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const [key, spec] of Object.entries(LIMIT_ENV)) {
    const raw = env[spec.name];
    if (raw === undefined || raw.trim() === "") continue;
    const n = spec.size ? parseByteSize(raw) : /^\s*\d+\s*$/.test(raw) ? Number(raw) : undefined;
    if (n === undefined || !Number.isSafeInteger(n) || n < 1) {
      throw new LimitSettingError(`${spec.name}: '${raw}' is not ${spec.size ? "a size such as 4194304, 512k or 8m" : "a whole number of at least 1"}`);
    }
    out[key] = n;
  }
  return out as unknown as ResourceLimits;
}

/** What {@link countTerms} reads: the `lexicons` mapping of a policy or library file. */
interface WithLexicons {
  readonly lexicons?: Readonly<Record<string, readonly string[] | { readonly terms?: unknown; readonly patterns?: unknown }>> | undefined;
}

/** Patterns are counted one each: they are never expanded. */
function patterns(v: unknown): number {
  if (Array.isArray(v)) return v.length;
  if (v !== null && typeof v === "object") return Object.values(v).reduce((n: number, x) => n + (Array.isArray(x) ? x.length : 0), 0);
  return 0;
}

/** The number of terms (a term with groups: its expansions) and patterns a validated policy or library file defines (for `maxTerms`). */
export function countTerms(doc: WithLexicons): number {
  const size = (v: unknown): number => {
    if (Array.isArray(v)) return v.reduce((n: number, t) => n + (typeof t === "string" ? expansionCount(t) : 1), 0);
    if (v !== null && typeof v === "object") return Object.values(v).reduce((n: number, x) => n + size(Array.isArray(x) ? x : []), 0);
    return 0;
  };
  let n = 0;
  // A term with groups counts as the terms it expands to: the limit bounds the index built of them.
  for (const def of Object.values(doc.lexicons ?? {})) n += Array.isArray(def) ? size(def) : size((def as { terms?: unknown }).terms) + patterns((def as { patterns?: unknown }).patterns);
  return n;
}
