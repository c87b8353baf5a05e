import type { OutStream } from "./io.js";
import { PLAIN, type Style } from "../report/style.js";

/** Whether to colour output: --color/--no-color, then NO_COLOR / FORCE_COLOR, then "is it a terminal". */
export function wantsColour(stream: OutStream, env: Record<string, string | undefined>, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return stream.isTTY === true && env.TERM !== "dumb";
}

/** A chalk-backed style, loaded only when colour is wanted so plain runs never pay for it. */
export async function makeStyle(colour: boolean): Promise<Style> {
  if (!colour) return PLAIN;
  const { Chalk } = await import("chalk");
  const c = new Chalk({ level: 1 });
  return { bold: c.bold, dim: c.dim, red: c.red, green: c.green, yellow: c.yellow, cyan: c.cyan, magenta: c.magenta, highlight: c.inverse };
}
