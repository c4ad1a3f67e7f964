import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dissimilarityIndex } from "../../src/equity/dissimilarity-index";

// Cases from R package segregation, tests/testthat/test_dissimilarity.R ("correct
// calculations"): matrix(c(...), ncol = 2), columns are the two groups, rows the units.
describe("dissimilarityIndex", () => {
  it("matches the segregation package tests: 0, 0.6, 0.6 and 1", () => {
    expect(dissimilarityIndex([100, 100, 100], [100, 100, 100])).toBe(0);
    // 1/2 (|.5 - 0| + |.3 - .2| + |.2 - .3| + |0 - .5|) = 0.6
    expect(dissimilarityIndex([100, 60, 40, 0], [0, 40, 60, 100])).toBeCloseTo(0.6, 15);
    expect(dissimilarityIndex([80, 80, 20, 20], [20, 20, 80, 80])).toBeCloseTo(0.6, 15);
    expect(dissimilarityIndex([100, 100, 0, 0], [0, 0, 100, 100])).toBe(1);
  });
  it("reads rows with two accessors and drops empty schools", () => {
    const schools = [{ girls: 100, boys: 0 }, { girls: 0, boys: 0 }, { girls: 0, boys: 100 }];
    expect(dissimilarityIndex(schools, "girls", "boys")).toBe(1);
  });
  it("gives null when a group is absent; throws on negatives, missing and mismatched input", () => {
    expect(dissimilarityIndex([0, 0], [3, 4])).toBeNull();
    expect(() => dissimilarityIndex([1, -1], [1, 1])).toThrowError(/non-negative counts/);
    expect(() => dissimilarityIndex([1, null], [1, 1])).toThrowError(/missing count/);
    expect(() => dissimilarityIndex([1], [1, 1])).toThrowError(/one count of each group per unit/);
    expect(() => dissimilarityIndex([], [])).toThrowError(/at least one unit/);
  });
  it("is symmetric in the groups, in [0, 1], and invariant to scaling a group", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 10 }), (units) => {
      const x = units.map((u) => u[0]);
      const y = units.map((u) => u[1]);
      const d = dissimilarityIndex(x, y);
      if (d === null) return;
      expect(dissimilarityIndex(y, x)).toBeCloseTo(d, 12);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(1 + 1e-12);
      expect(dissimilarityIndex(x.map((v) => v * 3), y)).toBeCloseTo(d, 12);
    }));
  });
});
