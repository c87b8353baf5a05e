import { describe, expect, it } from "vitest";
import { countTerms, DEFAULT_LIMITS, LimitSettingError, limitsFromEnv, parseByteSize, resolveLimits } from "../../src/load/limits.js";

describe("resource limits", () => {
  it("has the documented defaults (SECURITY.md)", () => {
    expect(DEFAULT_LIMITS).toEqual({ maxFileBytes: 4 * 1024 * 1024, maxAliasCount: 100, maxDepth: 64, maxTerms: 500_000, maxPatternSize: 20_000, maxPatternCost: 100 });
  });

  it("reads MODPOL_MAX_* variables over the defaults", () => {
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    expect(limitsFromEnv({ MODPOL_MAX_FILE_SIZE: "8m", MODPOL_MAX_ALIASES: "7", MODPOL_MAX_DEPTH: " 100 ", MODPOL_MAX_TERMS: "1000000", MODPOL_MAX_PATTERN_SIZE: "50000", MODPOL_MAX_PATTERN_COST: "400", OTHER: "x" })).toEqual({
      maxFileBytes: 8 * 1024 * 1024,
      maxAliasCount: 7,
      maxDepth: 100,
      maxTerms: 1_000_000,
      maxPatternSize: 50_000,
      maxPatternCost: 400,
    });
    expect(limitsFromEnv({ MODPOL_MAX_DEPTH: "" })).toEqual(DEFAULT_LIMITS);
  });

  it.each([
    ["MODPOL_MAX_DEPTH", "deep", "MODPOL_MAX_DEPTH: 'deep' is not a whole number of at least 1"],
    ["MODPOL_MAX_DEPTH", "0", "MODPOL_MAX_DEPTH: '0' is not a whole number of at least 1"],
    ["MODPOL_MAX_TERMS", "1e6", "MODPOL_MAX_TERMS: '1e6' is not a whole number of at least 1"],
    ["MODPOL_MAX_FILE_SIZE", "4 parsecs", "MODPOL_MAX_FILE_SIZE: '4 parsecs' is not a size such as 4194304, 512k or 8m"],
    ["MODPOL_MAX_FILE_SIZE", "99999999999g", "MODPOL_MAX_FILE_SIZE: '99999999999g' is not a size such as 4194304, 512k or 8m"],
  ])("refuses %s=%s", (name, value, message) => {
    expect(() => limitsFromEnv({ [name]: value })).toThrow(LimitSettingError);
    expect(() => limitsFromEnv({ [name]: value })).toThrow(message);
  });

  it("parses sizes", () => {
    expect([parseByteSize("1048576"), parseByteSize("512k"), parseByteSize("4M"), parseByteSize("1 GiB"), parseByteSize("2kb"), parseByteSize("x")]).toEqual([1048576, 524288, 4194304, 1073741824, 2048, undefined]);
  });

  it("fills in what is not given", () => {
    expect(resolveLimits(undefined)).toBe(DEFAULT_LIMITS);
    expect(resolveLimits({ maxDepth: 3, maxTerms: undefined })).toEqual({ ...DEFAULT_LIMITS, maxDepth: 3 });
  });

  it("counts terms and patterns in every form a lexicon takes", () => {
    expect(countTerms({})).toBe(0);
    expect(countTerms({ lexicons: { a: ["x", "y"], b: { terms: ["z"] }, c: { terms: { en: ["1", "2"], uk: ["3"] }, patterns: { en: ["p"] } }, d: {} } })).toBe(7);
  });
});
