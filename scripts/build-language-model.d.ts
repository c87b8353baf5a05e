// Types for scripts/build-language-model.js (used by test/global-setup.ts and the language-id tests).
export declare const LANGUAGE_MODEL_FILE: string;
export declare const FORMAT_VERSION: number;
/** The model file's bytes built from the installed eld, eld's LICENSE text and eld's version. */
export declare function languageModelBytes(): Promise<{ bytes: Uint8Array; license: string; eldVersion: string }>;
/** Writes `<dir>/language-model.bin` and eld's licence beside it; returns the model's path. */
export declare function buildLanguageModel(dir: string): Promise<string>;
