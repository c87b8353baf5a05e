/**
 * Output formats of `check` and `test`, in a module of their own: main.ts lists them in the help
 * without importing the commands (which load the YAML parser and the schema library).
 */
export const CHECK_FORMATS = ["text", "json", "sarif", "github"] as const;

/** Output formats of `modpol test`. */
export const TEST_FORMATS = ["text", "json", "junit"] as const;

/** Output formats of `modpol diff`. */
export const DIFF_FORMATS = ["text", "json", "jsonl", "csv", "html"] as const;

/** Output formats of `modpol eval`. */
export const EVAL_FORMATS = ["text", "json", "jsonl", "csv"] as const;

/** Output formats of `modpol score`. */
export const SCORE_FORMATS = ["text", "json", "html"] as const;
