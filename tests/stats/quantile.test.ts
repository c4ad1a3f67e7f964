import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { quantile } from "d3-array";
import { normalQuantile, weightedQuantile } from "../../src/stats/quantile";

describe("weightedQuantile", () => {
  it("weightedQuantile([1, 2, 3, 4], 0.5) averages the middle two (R type 2)", () => {
    expect(weightedQuantile([4, 1, 3, 2], 0.5)).toBe(2.5);
  });
  it("weightedQuantile(..., { method: 'inverted-cdf' }) takes the first value reaching p (R type 1)", () => {
    expect(weightedQuantile([1, 2, 3, 4], 0.5, { method: "inverted-cdf" })).toBe(2);
    expect(weightedQuantile([1, 2, 3, 4], 0.51, { method: "inverted-cdf" })).toBe(3);
  });
  it("weights count as frequencies: [10, 20] with weights [1, 3] is [10, 20, 20, 20]", () => {
    expect(weightedQuantile([10, 20], 0.5, { weights: [1, 3] })).toBe(20);
    expect(weightedQuantile([10, 20], 0.25, { weights: [1, 3] })).toBe(15);
    expect(weightedQuantile([10, 20, 20, 20], 0.25)).toBe(15);
  });
  it("ignores zero-weight units", () => {
    expect(weightedQuantile([1, 100, 3], 1, { weights: [1, 0, 1] })).toBe(3);
    expect(weightedQuantile([1, 100, 3], 0, { weights: [0, 1, 1] })).toBe(3);
  });
  it("method 'linear' agrees with d3-array quantile (R type 7)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
        expect(weightedQuantile(xs, p, { method: "linear" })).toBeCloseTo(quantile(xs, p)!, 6);
      }),
    );
  });
  it("equals the quantile of replicated data (weights = replication)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pairs, p) => {
          const replicated = pairs.flatMap(([v, k]) => Array<number>(k).fill(v));
          const weighted = weightedQuantile(pairs.map((d) => d[0]), p, { weights: pairs.map((d) => d[1]) });
          expect(weighted).toBe(weightedQuantile(replicated, p));
        },
      ),
    );
  });
  describe("edge cases", () => {
    it("throws empty-input, missing-value, invalid-weight and invalid-option", () => {
      expect(() => weightedQuantile([], 0.5)).toThrowError(/at least one/);
      expect(() => weightedQuantile([1, Number.NaN], 0.5)).toThrowError(/missing/);
      expect(() => weightedQuantile([1, 2], 0.5, { weights: [0, 0] })).toThrowError(/positive sum/);
      expect(() => weightedQuantile([1, 2], 0.5, { weights: [1, -1] })).toThrowError(/non-negative/);
      expect(() => weightedQuantile([1, 2], 1.5)).toThrowError(/p in/);
      expect(() => weightedQuantile([1, 2], 0.5, { weights: [1, 1], method: "linear" })).toThrowError(/unweighted/);
    });
    it("does not mutate its input", () => {
      const xs = Object.freeze([3, 1, 2]);
      expect(weightedQuantile(xs, 0.5)).toBe(2);
      expect(xs).toEqual([3, 1, 2]);
    });
  });
});

describe("normalQuantile", () => {
  it("normalQuantile(0.975) is 1.959963984540054 to 14 digits", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 12);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514722, 13);
    expect(normalQuantile(0.5)).toBe(0);
  });
  it("throws outside (0, 1)", () => {
    expect(() => normalQuantile(1)).toThrowError(/strictly between/);
  });
  it("is antisymmetric: normalQuantile(1 - p) = -normalQuantile(p)", () => {
    fc.assert(fc.property(fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }), (p) => {
      expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 8);
    }));
  });
});
