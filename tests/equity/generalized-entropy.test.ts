import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { generalizedEntropy } from "../../src/equity/generalized-entropy";
import { coefficientOfVariation } from "../../src/equity/coefficient-of-variation";
import { theil } from "../../src/equity/theil";
import { meanLogDeviation } from "../../src/equity/mean-log-deviation";

const positives = fc.array(fc.double({ min: 0.01, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 25 });
const alphas = fc.constantFrom(-1, 0, 0.5, 1, 2, 3);

describe("generalizedEntropy", () => {
  it("matches the hand derivation for [1, 3] at alpha -1, 0, 1, 2", () => {
    // mu = 2, ratios r = 0.5, 1.5
    // GE(2) = (1/2) * mean(r^2 - 1) = (1/2) * ((0.25 - 1) + (2.25 - 1)) / 2 = 0.125
    expect(generalizedEntropy([1, 3], { alpha: 2 })).toBeCloseTo(0.125, 15);
    // GE(-1) = (1/2) * mean(1/r - 1) = (1/2) * ((2 - 1) + (2/3 - 1)) / 2 = 1/6
    expect(generalizedEntropy([1, 3], { alpha: -1 })).toBeCloseTo(1 / 6, 15);
    // GE(1) = mean(r ln r) = (0.5 ln 0.5 + 1.5 ln 1.5) / 2
    expect(generalizedEntropy([1, 3])).toBeCloseTo((0.5 * Math.log(0.5) + 1.5 * Math.log(1.5)) / 2, 15);
    // GE(0) = -mean(ln r)
    expect(generalizedEntropy([1, 3], { alpha: 0 })).toBeCloseTo(-(Math.log(0.5) + Math.log(1.5)) / 2, 15);
  });
  it("GE(2) is half the squared population CV (ineq var.coeff identity)", () => {
    fc.assert(fc.property(positives, (xs) => {
      expect(generalizedEntropy(xs, { alpha: 2 })).toBeCloseTo(coefficientOfVariation(xs)! ** 2 / 2, 10);
    }));
  });
  it("GE(1) and GE(0) agree with theil and meanLogDeviation", () => {
    fc.assert(fc.property(positives, (xs) => {
      expect(generalizedEntropy(xs, { alpha: 1 })).toBeCloseTo(theil(xs)!, 12);
      expect(generalizedEntropy(xs, { alpha: 0 })).toBeCloseTo(meanLogDeviation(xs)!, 12);
    }));
  });
  it("is continuous in alpha around 0 and 1 (the limits are the log forms)", () => {
    const xs = [2, 5, 9, 14];
    expect(generalizedEntropy(xs, { alpha: 1e-7 })).toBeCloseTo(generalizedEntropy(xs, { alpha: 0 })!, 5);
    expect(generalizedEntropy(xs, { alpha: 1 + 1e-7 })).toBeCloseTo(generalizedEntropy(xs, { alpha: 1 })!, 5);
  });
  describe("edge cases", () => {
    it("keeps zeros for alpha > 0 and gives null for alpha <= 0", () => {
      // [0, 4]: mu 2, r = 0, 2; GE(2) = (1/2)((0 - 1) + (4 - 1))/2 = 0.5
      expect(generalizedEntropy([0, 4], { alpha: 2 })).toBeCloseTo(0.5, 15);
      expect(generalizedEntropy([0, 4], { alpha: 0 })).toBeNull();
      expect(generalizedEntropy([0, 4], { alpha: -1 })).toBeNull();
    });
    it("ignores a zero whose weight is 0", () => {
      expect(generalizedEntropy([0, 1, 3], { alpha: 0, weights: [0, 1, 1] })).toBeCloseTo(meanLogDeviation([1, 3])!, 15);
    });
    it("gives 0 for one value and null for mean 0; throws on negatives, missing and a bad alpha", () => {
      expect(generalizedEntropy([4])).toBe(0);
      expect(generalizedEntropy([0, 0])).toBeNull();
      expect(() => generalizedEntropy([1, -2])).toThrowError(/non-negative values; got -2 at index 1/);
      expect(() => generalizedEntropy([1, null])).toThrowError(/missing value/);
      expect(() => generalizedEntropy([1, 2], { alpha: Number.NaN })).toThrowError(/finite alpha/);
      expect(() => generalizedEntropy([])).toThrowError(/at least one/);
    });
  });
  describe("properties", () => {
    it("is scale invariant for every alpha", () => {
      fc.assert(fc.property(positives, alphas, fc.double({ min: 0.01, max: 100, noNaN: true }), (xs, alpha, k) => {
        expect(generalizedEntropy(xs.map((v) => v * k), { alpha })).toBeCloseTo(generalizedEntropy(xs, { alpha })!, 8);
      }));
    });
    it("weights equal replication for every alpha", () => {
      fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 8 }), alphas, (pairs, alpha) => {
        const rep = pairs.flatMap(([v, k]) => Array<number>(k).fill(v));
        expect(generalizedEntropy(pairs.map((p) => p[0]), { alpha, weights: pairs.map((p) => p[1]) })).toBeCloseTo(generalizedEntropy(rep, { alpha })!, 10);
      }));
    });
    it("falls under a rank-preserving Pigou-Dalton transfer", () => {
      fc.assert(fc.property(positives, alphas, fc.double({ min: 0.01, max: 0.49, noNaN: true }), (xs, alpha, f) => {
        const s = [...xs].sort((a, b) => a - b);
        fc.pre(s[s.length - 1] - s[0] > 1e-3);
        const t = f * (s[s.length - 1] - s[0]);
        const after = [...s];
        after[0] += t;
        after[after.length - 1] -= t;
        expect(generalizedEntropy(after, { alpha })!).toBeLessThanOrEqual(generalizedEntropy(s, { alpha })! + 1e-12);
      }));
    });
  });
});
