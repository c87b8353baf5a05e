/** Text styling for terminal output. Formatters take one, so they stay pure and testable. */
export interface Style {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly red: (s: string) => string;
  readonly green: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly cyan: (s: string) => string;
  readonly magenta: (s: string) => string;
  /** Marks matched evidence inside a post. */
  readonly highlight: (s: string) => string;
}

const id = (s: string): string => s;

/** No styling, for pipes, files and NO_COLOR; highlights become [brackets] so they stay visible. */
export const PLAIN: Style = { bold: id, dim: id, red: id, green: id, yellow: id, cyan: id, magenta: id, highlight: (s) => `[${s}]` };

/** Colour for a decision name. */
export function decisionColour(style: Style, decision: string): (s: string) => string {
  switch (decision) {
    case "violating":
      return style.red;
    case "exempt":
      return style.yellow;
    case "review":
      return style.magenta;
    default:
      return style.green;
  }
}
