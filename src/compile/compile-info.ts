import type { SourceRef } from "../load/yaml-file.js";

/** The kinds of named definition a policy (or a library file it includes) can make. */
export type DefinitionKind = "lexicon" | "lexicon-group" | "signal" | "country-set" | "set" | "setting";

/** One place a name is defined, for "unused" warnings that point at it. */
export interface Definition {
  readonly kind: DefinitionKind;
  readonly name: string;
  readonly ref: SourceRef;
  /** Path of the definition's key inside its file, e.g. ["signals", "violent-call"]. */
  readonly path: readonly (string | number)[];
}

/** One term as written in a lexicon, with its normalised key (language included). */
export interface TermSite {
  readonly lexicon: string;
  readonly lang: string;
  /** `lang NUL normalised-words`: equal keys match exactly the same words. */
  readonly key: string;
  readonly source: string;
  readonly ref: SourceRef;
  readonly path: readonly (string | number)[];
}

/**
 * What the compiler learnt about a policy's source besides the policy itself: where every name is
 * defined, which names are used, and every term. Only `check` needs it (semantic lint); it is not
 * part of the CompiledPolicy, so precompiled policies stay small.
 */
export interface CompileInfo {
  readonly policyRef: SourceRef;
  readonly definitions: readonly Definition[];
  /** Names referenced anywhere: by a rule, a signal (`any`, `near`) or a context (through a lexicon group too). */
  readonly used: { readonly [K in DefinitionKind]: ReadonlySet<string> };
  readonly terms: readonly TermSite[];
  /** Per lexicon, the languages it has terms or patterns in. */
  readonly lexiconLanguages: ReadonlyMap<string, ReadonlySet<string>>;
}
