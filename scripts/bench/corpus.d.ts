// Types for scripts/bench/corpus.js (used by test/scripts/bench-corpus.test.ts).
export declare const CORPUS_VERSION: number;
export declare const DEFAULTS: Readonly<{ posts: number; seed: number; recordBytes: number }>;
export declare const LANGUAGE_MIX: Readonly<Record<"en" | "uk" | "ru" | "pl", number>>;
export declare const VIOLENT_SHARE: number;
export declare const BENIGN_VIOLENT_WORDS_SHARE: number;
export interface CorpusOptions {
  posts?: number;
  seed?: number;
  recordBytes?: number;
}
export interface MadeRecord {
  line: string;
  lang: "en" | "uk" | "ru" | "pl";
  kind: "violent" | "benign" | "plain";
  country: string | null;
}
export declare function mulberry32(seed: number): () => number;
export declare function vocabulary(): Set<string>;
export declare function makeRecord(rng: () => number, index: number, recordBytes?: number): MadeRecord;
export declare function corpusLines(opts?: CorpusOptions): Generator<string>;
export declare function corpusText(opts?: CorpusOptions): string;
export declare function writeCorpus(path: string, opts?: CorpusOptions): string;
export declare function ensureCorpus(dir: string, opts?: CorpusOptions): { path: string; cached: boolean };
