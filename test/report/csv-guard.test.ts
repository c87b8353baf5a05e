import { describe, expect, it } from "vitest";
import { guardFormula } from "../../src/report/csv-guard.js";

describe("CSV formula-injection guard", () => {
  it("makes cells that would start a formula inert with a leading quote", () => {
    expect(["=1+1", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1"].map(guardFormula)).toEqual(["'=1+1", "'+1", "'-2", "'@SUM(A1)", "'\t=1", "'\r=1"]);
  });

  it("leaves every other cell as it is", () => {
    expect(["dev-001", "Calls for death", "", "a=b", "1", "'quoted"].map(guardFormula)).toEqual(["dev-001", "Calls for death", "", "a=b", "1", "'quoted"]);
  });
});
