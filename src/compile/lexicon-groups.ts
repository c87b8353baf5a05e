import type { SourceRef } from "../load/yaml-file.js";
import { didYouMean } from "../base/suggest.js";
import type { Definition } from "./compile-info.js";
import type { Reporter } from "./reporter.js";

/**
 * Lexicon groups: a list of lexicon references named once (`lexicon-groups:` in a policy or a library
 * file) and used by that name wherever a list of lexicons is accepted, so that a guard written forty
 * times ("any of the war's targets") cannot drift copy by copy. A group stands for the union of its
 * members, each a lexicon or another group, in the order written, each lexicon once.
 *
 * Groups and lexicons share one namespace, since a list names both: a group may not have a lexicon's
 * name (a list could not tell which is meant), and a group is defined once across a policy and its
 * includes. Lexicons merge across files because each file adds a language; a group merged the same
 * way would let one file silently widen another file's guard, the very drift groups are for.
 */

/** The file a group definition comes from: the policy or one library file. */
export interface GroupFile {
  readonly doc: { readonly "lexicon-groups"?: Readonly<Record<string, readonly string[]>> | undefined };
  readonly ref: SourceRef;
}

/** One group with its members resolved. */
interface Group {
  readonly name: string;
  readonly members: readonly string[];
  readonly ref: SourceRef;
  /** The lexicons it stands for, in order of first mention, each once (known after resolving). */
  lexicons: readonly string[];
  /** The groups it names, directly or through others: used whenever it is. */
  nested: readonly string[];
}

/** What a name in a list of lexicons stands for. */
export interface Resolved {
  /** The lexicons, in order of first mention, each once. */
  readonly lexicons: readonly string[];
  /** The groups the name went through (itself and those it names), empty for a lexicon. */
  readonly groups: readonly string[];
}

/** The groups of a policy, resolved: what each name of a lexicon list stands for. */
export interface LexiconGroups {
  /** The groups defined, by name. */
  readonly names: ReadonlySet<string>;
  /** What a name stands for: a lexicon itself, a group its lexicons; undefined for a name that is neither. */
  resolve(name: string): Resolved | undefined;
}

/**
 * Collects and resolves the lexicon groups of a policy (its own file first, then each included file
 * in include order), reporting at the YAML node concerned: a group defined twice or with a lexicon's
 * name (`duplicate-name`), a member that is neither a lexicon nor a group (`unknown-lexicon`), groups
 * that name each other in a circle (`lexicon-group-cycle`). Each group's definition is recorded for the
 * `unused-lexicon-group` warning.
 */
export function compileLexiconGroups(files: readonly GroupFile[], lexicons: ReadonlyMap<string, { readonly ref: SourceRef }>, r: Reporter, definitions: Definition[]): LexiconGroups {
  const groups = new Map<string, Group>();
  for (const { doc, ref } of files) {
    for (const [name, members] of Object.entries(doc["lexicon-groups"] ?? {})) {
      const path = ["lexicon-groups", name];
      const prev = groups.get(name);
      if (prev) {
        r.error(ref, path, "duplicate-name", `lexicon group '${name}' is already defined in ${prev.ref.file}`, "key");
        continue;
      }
      const lexicon = lexicons.get(name);
      if (lexicon) {
        // The lexicon keeps the name: every list naming it meant the lexicon before the group came.
        r.error(ref, path, "duplicate-name", `'${name}' is both a lexicon (in ${lexicon.ref.file}) and a lexicon group: a list naming it could not tell which is meant; rename the group`, "key");
        continue;
      }
      groups.set(name, { name, members, ref, lexicons: [], nested: [] });
      definitions.push({ kind: "lexicon-group", name, ref, path });
    }
  }

  // Depth first, each group once; a group met again while it is being resolved closes a cycle.
  const state = new Map<string, "open" | "done">();
  const resolveGroup = (g: Group, stack: readonly string[]): void => {
    if (state.get(g.name) === "done") return;
    state.set(g.name, "open");
    const lexs = new Set<string>();
    const nested = new Set<string>();
    g.members.forEach((m, i) => {
      if (lexicons.has(m)) {
        lexs.add(m);
        return;
      }
      const inner = groups.get(m);
      if (!inner) {
        r.error(g.ref, ["lexicon-groups", g.name, i], "unknown-lexicon", `lexicon group '${g.name}' names '${m}', which is neither a lexicon nor a lexicon group${didYouMean(m, [...lexicons.keys(), ...groups.keys()])}`);
        return;
      }
      if (state.get(m) === "open") {
        const path = [...stack, g.name];
        const chain = [...path.slice(path.indexOf(m)), m];
        r.error(inner.ref, ["lexicon-groups", m], "lexicon-group-cycle", `lexicon groups name each other in a cycle: ${chain.join(" → ")}`, "key");
        return;
      }
      resolveGroup(inner, [...stack, g.name]);
      nested.add(m);
      for (const n of inner.nested) nested.add(n);
      for (const l of inner.lexicons) lexs.add(l);
    });
    g.lexicons = [...lexs];
    g.nested = [...nested];
    state.set(g.name, "done");
  };
  for (const g of groups.values()) resolveGroup(g, []);

  return {
    names: new Set(groups.keys()),
    resolve(name: string): Resolved | undefined {
      if (lexicons.has(name)) return { lexicons: [name], groups: [] };
      const g = groups.get(name);
      return g ? { lexicons: g.lexicons, groups: [name, ...g.nested] } : undefined;
    },
  };
}

/**
 * The "unknown" message for a name in a list of lexicons: it speaks of groups only in a policy that
 * has some, and suggests the closest lexicon or group.
 */
export function unknownLexiconMessage(name: string, lexicons: Iterable<string>, groups: ReadonlySet<string>): string {
  const what = groups.size > 0 ? "lexicon or lexicon group" : "lexicon";
  return `unknown ${what} '${name}'${didYouMean(name, [...lexicons, ...groups])}`;
}
