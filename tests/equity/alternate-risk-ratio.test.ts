import { describe, expect, it } from "vitest";
import { alternateRiskRatio } from "../../src/equity/alternate-risk-ratio";
import { riskRatio } from "../../src/equity/risk-ratio";

describe("alternateRiskRatio", () => {
  it("compares the LEA group with the rest of the State: 12/40 vs 1000/20000 gives 6", () => {
    expect(alternateRiskRatio({ count: 12, total: 40 }, { count: 1000, total: 20000 })).toEqual({ value: 6, risk: 0.3, comparisonRisk: 0.05, reason: null, flags: [] });
  });
  it("is the fallback when the LEA comparison group is too small", () => {
    const group = { count: 12, total: 40 };
    expect(riskRatio(group, { count: 2, total: 20 }).reason).toBe("comparison-below-min-cell");
    expect(alternateRiskRatio(group, { count: 1000, total: 20000 }).value).toBe(6);
  });
  it("still applies the size rules to the group of interest", () => {
    expect(alternateRiskRatio({ count: 3, total: 40 }, { count: 1000, total: 20000 }).reason).toBe("group-below-min-cell");
  });
});
