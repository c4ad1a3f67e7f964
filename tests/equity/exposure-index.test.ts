import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { exposureIndex } from "../../src/equity/exposure-index";

describe("exposureIndex", () => {
  it("matches the hand derivation: X = [30, 10], Y = [10, 30]", () => {
    // xPy = (30/40)(10/40) + (10/40)(30/40) = 0.375
    expect(exposureIndex([30, 10], [10, 30])).toBeCloseTo(0.375, 15);
  });
  it("satisfies X xPy = Y yPx (segregation package test_exposure_isolation.R)", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 50 })), { minLength: 1, maxLength: 10 }), (units) => {
      const x = units.map((u) => u[0]);
      const y = units.map((u) => u[1]);
      const t = units.map((u) => u[0] + u[1] + u[2]);
      const X = x.reduce((a, b) => a + b, 0);
      const Y = y.reduce((a, b) => a + b, 0);
      fc.pre(X > 0 && Y > 0);
      expect(X * exposureIndex(x, y, { totals: t })!).toBeCloseTo(Y * exposureIndex(y, x, { totals: t })!, 9);
    }));
  });
  it("gives null when X is absent and throws on empty input", () => {
    expect(exposureIndex([0], [4])).toBeNull();
    expect(() => exposureIndex([], [])).toThrowError(/exposureIndex requires at least one unit/);
  });
});
