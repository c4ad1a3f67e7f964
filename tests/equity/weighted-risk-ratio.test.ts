import { describe, expect, it } from "vitest";
import { weightedRiskRatio } from "../../src/equity/weighted-risk-ratio";

const lea = [
  { group: "a", count: 20, total: 100, stateTotal: 300 },
  { group: "b", count: 10, total: 100, stateTotal: 500 },
  { group: "c", count: 30, total: 100, stateTotal: 200 },
];

describe("weightedRiskRatio", () => {
  it("matches the hand derivation (Westat formula)", () => {
    // R = .2, .1, .3; p = .3, .5, .2. WRR_a = .2 * (.5 + .2) / (.5 * .1 + .2 * .3) = .14 / .11
    const r = weightedRiskRatio(lea, "a");
    expect(r.value).toBeCloseTo(0.14 / 0.11, 14);
    expect(r.comparisonRisk).toBeCloseTo(0.11 / 0.7, 14);
  });
  it("equals the plain risk ratio when the LEA mirrors the State composition", () => {
    // State proportions equal to LEA enrolment shares (100 each): comparison = pooled risk of b and c
    const same = lea.map((g) => ({ ...g, stateTotal: g.total }));
    expect(weightedRiskRatio(same, "a").value).toBeCloseTo(0.2 / (40 / 200), 14);
  });
  it("leaves out groups with no LEA enrolment, applies the size rules, and checks its input", () => {
    const withEmpty = [...lea, { group: "d", count: 0, total: 0, stateTotal: 1000 }];
    expect(weightedRiskRatio(withEmpty, "a").value).toBeCloseTo(0.14 / 0.11, 14);
    expect(weightedRiskRatio(lea, "a", { minCell: 25 }).reason).toBe("group-below-min-cell");
    expect(() => weightedRiskRatio(lea, "z")).toThrowError(/has no group z/);
    expect(() => weightedRiskRatio([...lea, lea[0]], "a")).toThrowError(/found group a twice/);
  });
  it("gives null with comparison-risk-zero when no other group has the outcome", () => {
    const zero = [lea[0], { group: "b", count: 0, total: 100, stateTotal: 500 }];
    expect(weightedRiskRatio(zero, "a")).toMatchObject({ value: null, reason: "comparison-risk-zero" });
  });
});
