import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { theil } from "../../src/equity/theil";

describe("theil", () => {
  it("matches the hand derivation for [1, 3]: (0.5 ln 0.5 + 1.5 ln 1.5) / 2 = 0.1308120", () => {
    expect(theil([1, 3])).toBeCloseTo(0.130812, 6);
  });
  it("is ln n when one unit holds everything, using 0 ln 0 = 0 (as PySAL)", () => {
    // [0, 0, 0, 10]: mu 2.5, only r = 4 contributes: (1/4) 4 ln 4 = ln 4
    expect(theil([0, 0, 0, 10])).toBeCloseTo(Math.log(4), 14);
  });
  it("reads rows and weights by column", () => {
    expect(theil([{ v: 1, w: 2 }, { v: 3, w: 2 }], "v", { weights: "w" })).toBeCloseTo(theil([1, 3])!, 15);
  });
  it("gives 0 for all equal, null for mean 0, throws on negatives", () => {
    expect(theil([3, 3, 3])).toBe(0);
    expect(theil([0])).toBeNull();
    expect(() => theil([-1, 1])).toThrowError(/theil requires non-negative values/);
  });
  it("lies in [0, ln n]", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 20 }), (xs) => {
      const t = theil(xs);
      if (t === null) return;
      expect(t).toBeGreaterThanOrEqual(0);
      expect(t).toBeLessThanOrEqual(Math.log(xs.length) + 1e-12);
    }));
  });
});
