/** One option of a subcommand: what commander is told, and what the quick eval parse reads. */
export interface OptionSpec {
  /** Commander's flags: `-c, --country <code|name>`, `--explain`, `--no-color`. */
  readonly flags: string;
  readonly description: string;
  readonly default?: string;
  /** The values the option accepts; anything else is commander's error. */
  readonly choices?: readonly string[];
  /** Each use adds its value to a list. */
  readonly repeatable?: boolean;
}

/** `--color` and `--no-color`, which every subcommand with text output has. */
export const COLOUR_OPTIONS: readonly OptionSpec[] = [
  { flags: "--color", description: "force colour" },
  { flags: "--no-color", description: "no colour" },
];
