// Types for scripts/build-freshness.js (used by test/global-setup.ts).
/** What the build reads: the sources, the build scripts, the rule files and the dependencies. */
export declare const BUILD_INPUTS: readonly string[];
/** The build's outputs whose age is compared: the compiled code, the CLI's bundle, the precompile record. */
export declare const BUILD_OUTPUTS: readonly string[];
/** The newest modification time of any file under these paths (0 when none exists). */
export declare function newestMtime(paths: readonly string[]): number;
/** Whether every one of `outputs` exists and is newer than every build input. */
export declare function builtAfterSources(outputs?: readonly string[]): boolean;
