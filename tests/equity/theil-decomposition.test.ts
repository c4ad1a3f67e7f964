import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { theilDecomposition } from "../../src/equity/theil-decomposition";
import { generalizedEntropy } from "../../src/equity/generalized-entropy";
import { theil } from "../../src/equity/theil";

describe("theilDecomposition", () => {
  it("matches the hand derivation: two districts [1, 3] and [6, 6]", () => {
    // mu = 4; v = 1/2 each; district means 2 and 6; s_a = (1/2)(2/4) = 1/4, s_b = 3/4.
    // T_a = theil([1, 3]) = 0.1308120, T_b = 0; within(T) = s_a T_a = 0.0327030
    // between = theil([2, 2, 6, 6]) = ((2/4) ln(1/2) + (6/4) ln(3/2)) / 2 = 0.1308120
    const r = theilDecomposition([1, 3, 6, 6], ["a", "a", "b", "b"]);
    expect(r.within).toBeCloseTo(0.25 * theil([1, 3])!, 14);
    expect(r.between).toBeCloseTo(theil([2, 2, 6, 6])!, 14);
    expect(r.total).toBeCloseTo(theil([1, 3, 6, 6])!, 14);
    expect(r.groups.map((g) => [g.group, g.n, g.mean, g.populationShare, g.valueShare])).toEqual([
      ["a", 2, 2, 0.5, 0.25],
      ["b", 2, 6, 0.5, 0.75],
    ]);
    expect(r.flags).toEqual([]);
  });
  it("weights the MLD's within part by population shares (alpha = 0)", () => {
    const r = theilDecomposition([1, 3, 6, 6], ["a", "a", "b", "b"], { alpha: 0 });
    expect(r.within).toBeCloseTo(0.5 * generalizedEntropy([1, 3], { alpha: 0 })!, 14);
  });
  it("reads rows with a value accessor, a group column and weights", () => {
    const rows = [
      { ptr: 10, district: "x", pupils: 100 },
      { ptr: 30, district: "x", pupils: 300 },
      { ptr: 20, district: "y", pupils: 200 },
    ];
    const r = theilDecomposition(rows, "ptr", "district", { weights: "pupils" });
    expect(r.total).toBeCloseTo(theil(rows, "ptr", { weights: "pupils" })!, 14);
    expect(r.between! + r.within!).toBeCloseTo(r.total!, 14);
  });
  it("puts everything between groups when groups are internally equal", () => {
    const r = theilDecomposition([1, 1, 3, 3], ["a", "a", "b", "b"]);
    expect(r.within).toBe(0);
    expect(r.betweenShare).toBeCloseTo(1, 14);
  });
  describe("edge cases", () => {
    it("gives null parts with undefined-measure for zeros at alpha 0", () => {
      const r = theilDecomposition([0, 3, 6], ["a", "a", "b"], { alpha: 0 });
      expect(r).toMatchObject({ total: null, between: null, within: null, flags: ["undefined-measure"] });
    });
    it("throws on a missing group, a length mismatch and empty input", () => {
      expect(() => theilDecomposition([1, 2], ["a", null as unknown as string])).toThrowError(/missing group at index 1/);
      expect(() => theilDecomposition([1, 2], ["a"])).toThrowError(/one group per value/);
      expect(() => theilDecomposition([], [])).toThrowError(/at least one/);
    });
  });
  it("between + within = total for every alpha, with and without weights (property)", () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.double({ min: 0.1, max: 1000, noNaN: true }), fc.constantFrom("a", "b", "c"), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 30 }),
      fc.constantFrom(-1, 0, 0.5, 1, 2),
      fc.boolean(),
      (rows, alpha, weighted) => {
        const r = theilDecomposition(rows.map((d) => d[0]), rows.map((d) => d[1]), { alpha, weights: weighted ? rows.map((d) => d[2]) : undefined });
        expect(r.between! + r.within!).toBeCloseTo(r.total!, 10);
        expect(r.between!).toBeGreaterThanOrEqual(-1e-12);
        expect(r.within!).toBeGreaterThanOrEqual(-1e-12);
      },
    ));
  });
});
