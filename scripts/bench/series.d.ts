// Types of series.js, for the tests (the benchmark's scripts are plain JavaScript).
export interface RealPost {
  readonly text: string;
  readonly country?: string;
}
export declare function realTexts(root: string): { posts: RealPost[]; sources: string[] };
export declare function writeRealText(root: string, path: string, posts?: number): { posts: number; sources: string[] };
export declare function writeLongPosts(root: string, path: string, count: number, bytes: number): { posts: number };
export declare function writeWideVocabulary(from: string, path: string): { posts: number };
export declare function measureSeries(o: unknown, synthetic: string, tools: unknown): Promise<unknown[]>;
