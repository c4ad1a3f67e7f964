import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mean, standardDeviation, sampleStandardDeviation } from "simple-statistics";
import { coefficientOfVariation } from "../../src/equity/coefficient-of-variation";

describe("coefficientOfVariation", () => {
  it("matches the hand derivation: [2, 4, 4, 4, 5, 5, 7, 9] has SD 2 and mean 5, CV 0.4", () => {
    // deviations -3,-1,-1,-1,0,0,2,4; squares sum 32; population var 32/8 = 4
    expect(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(0.4, 15);
  });
  it("{ sd: 'sample' } divides by n - 1: sqrt(32/7)/5", () => {
    expect(coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9], { sd: "sample" })).toBeCloseTo(Math.sqrt(32 / 7) / 5, 15);
  });
  it("agrees with simple-statistics standardDeviation / mean (population and sample)", () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0.1, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 30 }), (xs) => {
      expect(coefficientOfVariation(xs)).toBeCloseTo(standardDeviation(xs) / mean(xs), 9);
      expect(coefficientOfVariation(xs, { sd: "sample" })).toBeCloseTo(sampleStandardDeviation(xs) / mean(xs), 9);
    }));
  });
  it("pupil-weights school values by a column", () => {
    const schools = [
      { spend: 10, pupils: 1 },
      { spend: 20, pupils: 3 },
    ];
    // replicated [10, 20, 20, 20]: mean 17.5, var (56.25 + 3*6.25)/4 = 18.75
    expect(coefficientOfVariation(schools, "spend", { weights: "pupils" })).toBeCloseTo(Math.sqrt(18.75) / 17.5, 14);
  });
  describe("edge cases", () => {
    it("gives 0 for one value, null for one value with sample SD, null for mean 0", () => {
      expect(coefficientOfVariation([3])).toBe(0);
      expect(coefficientOfVariation([3], { sd: "sample" })).toBeNull();
      expect(coefficientOfVariation([0, 0, 0])).toBeNull();
    });
    it("throws on empty, missing and negative input and an unknown sd", () => {
      expect(() => coefficientOfVariation([])).toThrowError(/at least one value/);
      expect(() => coefficientOfVariation([1, undefined])).toThrowError(/missing value \(undefined\) at index 1/);
      expect(() => coefficientOfVariation([1, -1])).toThrowError(/non-negative values; got -1 at index 1/);
      expect(() => coefficientOfVariation([1, 2], { sd: "n" as "sample" })).toThrowError(/sd "population" or "sample"/);
    });
  });
  it("is scale invariant", () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0.1, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 20 }), fc.double({ min: 0.01, max: 100, noNaN: true }), (xs, k) => {
      expect(coefficientOfVariation(xs.map((v) => v * k))).toBeCloseTo(coefficientOfVariation(xs)!, 9);
    }));
  });
});
