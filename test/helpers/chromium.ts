import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** The names Chromium goes by on the PATH: Debian's package first (`apt-get install chromium`). */
const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

/** Where the Chromium the HTML reports are tested in was looked for, and what was found. */
export interface ChromiumSearch {
  /** The executable, or undefined when there is none. */
  readonly path: string | undefined;
  /** Why there is none: for the message that says the tests are skipped (or fail, in CI). */
  readonly why: string;
  /** True in CI (`CI` or `MODPOL_REQUIRE_CHROMIUM` set): there a missing Chromium fails the tests instead of skipping them. */
  readonly required: boolean;
}

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const truthy = (v: string | undefined) => v !== undefined && v !== "" && v !== "0" && v.toLowerCase() !== "false";

/**
 * The Chromium the HTML reports are tested in: `MODPOL_CHROMIUM` when set (and then only it: a
 * wrong path is an error, not a reason to skip), else the first of {@link NAMES} on the PATH.
 * playwright-core drives it and downloads nothing.
 */
export function findChromium(env: Readonly<Record<string, string | undefined>> = process.env): ChromiumSearch {
  const required = truthy(env.CI) || truthy(env.MODPOL_REQUIRE_CHROMIUM);
  const set = env.MODPOL_CHROMIUM;
  if (set !== undefined && set !== "") {
    return executable(set) ? { path: set, why: "", required } : { path: undefined, why: `MODPOL_CHROMIUM is '${set}', which is no executable`, required: true };
  }
  const dirs = (env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const name of NAMES) for (const d of dirs) if (executable(join(d, name))) return { path: join(d, name), why: "", required };
  return { path: undefined, why: `no ${NAMES.join(", ")} on the PATH (Debian: apt-get install chromium; or set MODPOL_CHROMIUM to a Chromium)`, required };
}

/** Options to launch it with: no sandbox as root (a container's CI user), where Chromium refuses to start with one. */
export function launchOptions(executablePath: string): { executablePath: string; chromiumSandbox: boolean; args: string[] } {
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  return { executablePath, chromiumSandbox: !root, args: ["--disable-gpu", "--no-first-run", "--no-default-browser-check"] };
}
