import { describe, expect, it } from "vitest";
import { riskRatio } from "../../src/equity/risk-ratio";

describe("riskRatio", () => {
  it("matches the hand derivation: 30/200 vs 50/1000 gives 3", () => {
    // risk .15 over .05
    expect(riskRatio({ count: 30, total: 200 }, { count: 50, total: 1000 })).toEqual({ value: 3, risk: 0.15, comparisonRisk: 0.05, reason: null, flags: [] });
  });
  it("does not calculate when the group fails the minimum cell or n size (34 CFR 300.647)", () => {
    expect(riskRatio({ count: 9, total: 200 }, { count: 50, total: 1000 })).toMatchObject({ value: null, reason: "group-below-min-cell", flags: ["below-min-n"] });
    expect(riskRatio({ count: 12, total: 29 }, { count: 50, total: 1000 })).toMatchObject({ value: null, reason: "group-below-min-n" });
    // exactly at the minimum passes
    expect(riskRatio({ count: 10, total: 30 }, { count: 50, total: 1000 }).value).toBeCloseTo(20 / 3, 14);
  });
  it("points to the alternate risk ratio when the LEA comparison group fails", () => {
    expect(riskRatio({ count: 20, total: 100 }, { count: 5, total: 100 }).reason).toBe("comparison-below-min-cell");
    expect(riskRatio({ count: 20, total: 100 }, { count: 15, total: 25 }).reason).toBe("comparison-below-min-n");
  });
  it("gives null with comparison-risk-zero when no comparison child has the outcome", () => {
    expect(riskRatio({ count: 20, total: 100 }, { count: 0, total: 500 }, { minCell: 0 })).toMatchObject({ value: null, reason: "comparison-risk-zero", flags: ["zero-denominator"] });
  });
  it("accepts other minimum sizes and throws on invalid counts", () => {
    expect(riskRatio({ count: 2, total: 4 }, { count: 1, total: 4 }, { minCell: 1, minN: 1 }).value).toBe(2);
    expect(() => riskRatio({ count: 5, total: 4 }, { count: 1, total: 4 })).toThrowError(/group.count <= group.total/);
    expect(() => riskRatio({ count: Number.NaN, total: 4 }, { count: 1, total: 4 })).toThrowError(/requires group.count; got NaN/);
    expect(() => riskRatio({ count: 1, total: 4 }, { count: 1, total: 4 }, { minCell: -1 })).toThrowError(/non-negative minCell/);
  });
});
