import { createHash } from "node:crypto";
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { codeInfo } from "../base/diagnostic-codes.js";
import type { Diagnostic, Severity } from "../base/diagnostics.js";

/** What the SARIF log says about the tool and where the files are. */
export interface SarifOptions {
  readonly version: string;
  /** Absolute folder that relative file paths are relative to (the checkout, in CI). */
  readonly srcRoot: string;
  /** File texts by path as shown, for fingerprints that survive lines moving. */
  readonly sources?: ReadonlyMap<string, string>;
  readonly informationUri?: string;
}

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function relUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join("/");
}

function fingerprint(d: Diagnostic, sources: ReadonlyMap<string, string> | undefined): string {
  const line = sources?.get(d.file)?.split("\n")[d.line - 1]?.trim() ?? "";
  return createHash("sha256").update(`${d.file}\u0000${d.code}\u0000${d.message}\u0000${line}`).digest("hex").slice(0, 32);
}

/**
 * A SARIF 2.1.0 log of `check`'s diagnostics, in the shape GitHub code scanning accepts: every code
 * used is listed in `tool.driver.rules` (results refer to it by id and index), regions are 1-based
 * with exclusive end columns counted in UTF-16 code units, and relative paths are resolved against
 * `%SRCROOT%`.
 */
export function toSarif(ds: readonly Diagnostic[], o: SarifOptions): Record<string, unknown> {
  const codes = [...new Set(ds.map((d) => d.code))].sort();
  const index = new Map(codes.map((c, i) => [c, i]));
  const rules = codes.map((id) => {
    const info = codeInfo(id);
    return {
      id,
      name: id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
      shortDescription: { text: info.title },
      fullDescription: { text: `${info.title}. ${info.help}` },
      help: { text: info.help, markdown: `**${info.title}.** ${info.help} See \`docs/policy-language.md\`, section Diagnostics.` },
      defaultConfiguration: { level: LEVEL[info.severity] },
      properties: { tags: ["modpol", info.severity === "error" ? "correctness" : "maintainability"] },
    };
  });
  const results = ds.map((d) => ({
    ruleId: d.code,
    ruleIndex: index.get(d.code) as number,
    level: LEVEL[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: isAbsolute(d.file) ? { uri: pathToFileURL(d.file).href } : { uri: relUri(d.file), uriBaseId: "%SRCROOT%" },
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
      },
    ],
    partialFingerprints: { "modpolFinding/v1": fingerprint(d, o.sources) },
  }));
  const root = pathToFileURL(o.srcRoot).href;
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "modpol", semanticVersion: o.version, version: o.version, ...(o.informationUri ? { informationUri: o.informationUri } : {}), rules } },
        originalUriBaseIds: { "%SRCROOT%": { uri: root.endsWith("/") ? root : `${root}/` } },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
}

/** The SARIF log as text. */
export function formatSarif(ds: readonly Diagnostic[], o: SarifOptions): string {
  return `${JSON.stringify(toSarif(ds, o), null, 2)}\n`;
}
