import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { verstegen } from "../../src/equity/verstegen";

describe("verstegen", () => {
  it("matches the hand derivation for [1, 2, 3, 4, 5]", () => {
    // median 3; strictly above {4, 5}: 9 / (3 * 2) = 1.5
    expect(verstegen([1, 2, 3, 4, 5])).toBeCloseTo(1.5, 15);
    // at or above {3, 4, 5}: 12 / 9
    expect(verstegen([1, 2, 3, 4, 5], { medianRule: "at-or-below" })).toBeCloseTo(12 / 9, 15);
    // top 2.5 pupils: 5 + 4 + 1.5 = 10.5; 10.5 / 7.5 = 1.4
    expect(verstegen([1, 2, 3, 4, 5], { medianRule: "lower-half" })).toBeCloseTo(1.4, 15);
  });
  it("gives 1 for all equal, null for median 0, throws on empty input", () => {
    expect(verstegen([4, 4])).toBe(1);
    expect(verstegen([0, 0, 3])).toBeNull();
    expect(() => verstegen([])).toThrowError(/verstegen requires at least one value/);
  });
  it("is at least 1 and scale invariant", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 15 }), (xs) => {
      const v = verstegen(xs)!;
      expect(v).toBeGreaterThanOrEqual(1);
      expect(verstegen(xs.map((x) => x * 3))).toBeCloseTo(v, 12);
    }));
  });
});
