import type { Diagnostic } from "../base/diagnostics.js";
import type { ResourceLimits } from "../load/limits.js";
import type { CompiledPolicy } from "../compile/types.js";

// The types of the public loading API, in a module of their own: what a library user's compiler
// reads of modpol must not pull in the YAML parser's or the schema library's types.

/** Options for loading a policy. */
export interface LoadOptions {
  /** Folder relative paths are resolved against and shown relative to (default: process.cwd()). */
  readonly cwd?: string;
  /** Resource limits (file size, aliases, nesting, terms); those not given keep their defaults. */
  readonly limits?: Partial<ResourceLimits>;
}

/** A file a policy was loaded from. */
export interface LoadedFile {
  /** As shown in diagnostics (relative to `cwd` when inside it). */
  readonly file: string;
  readonly absPath: string;
}

/** A loaded policy, or every diagnostic that stopped it from loading. */
export interface PolicyLoadResult {
  readonly policy?: CompiledPolicy;
  readonly diagnostics: readonly Diagnostic[];
  /** Every rule file read (the policy and its includes); none when it came precompiled. */
  readonly files: readonly LoadedFile[];
}
