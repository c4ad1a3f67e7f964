import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { hutchensIndex } from "../../src/equity/hutchens-index";

describe("hutchensIndex", () => {
  it("is 0 for even and 1 for complete segregation; hand derivation for [75, 25] vs [25, 75]", () => {
    expect(hutchensIndex([10, 20], [10, 20])).toBeCloseTo(0, 15);
    expect(hutchensIndex([50, 0], [0, 50])).toBe(1);
    // 1 - 2 sqrt(.75 * .25) = 1 - 0.8660254 = 0.1339746
    expect(hutchensIndex([75, 25], [25, 75])).toBeCloseTo(1 - 2 * Math.sqrt(0.1875), 15);
  });
  it("gives null when a group is absent", () => {
    expect(hutchensIndex([0, 0], [1, 1])).toBeNull();
  });
  it("lies in [0, 1] and is symmetric", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 10 }), (u) => {
      const s = hutchensIndex(u.map((d) => d[0]), u.map((d) => d[1]));
      if (s === null) return;
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(hutchensIndex(u.map((d) => d[1]), u.map((d) => d[0]))).toBeCloseTo(s, 12);
    }));
  });
});
