import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lorenzCurve } from "../../src/equity/lorenz-curve";
import { gini } from "../../src/equity/gini";

describe("lorenzCurve", () => {
  it("lorenzCurve([3, 1]) gives (0,0), (0.5, 0.25), (1,1)", () => {
    expect(lorenzCurve([3, 1])).toEqual([
      { population: 0, share: 0 },
      { population: 0.5, share: 0.25 },
      { population: 1, share: 1 },
    ]);
  });
  it("uses weights for the population axis and skips zero-weight units", () => {
    expect(lorenzCurve([{ v: 1, w: 3 }, { v: 5, w: 1 }, { v: 9, w: 0 }], "v", { weights: "w" })).toEqual([
      { population: 0, share: 0 },
      { population: 0.75, share: 3 / 8 },
      { population: 1, share: 1 },
    ]);
  });
  it("gives null for a zero total and throws on negatives", () => {
    expect(lorenzCurve([0, 0])).toBeNull();
    expect(() => lorenzCurve([1, -1])).toThrowError(/lorenzCurve requires non-negative/);
  });
  it("cross-check: 1 - 2 * (area under the curve) equals the Gini", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 20 }), (xs) => {
      const pts = lorenzCurve(xs)!;
      let area = 0;
      for (let k = 1; k < pts.length; k++) area += ((pts[k].population - pts[k - 1].population) * (pts[k].share + pts[k - 1].share)) / 2;
      expect(1 - 2 * area).toBeCloseTo(gini(xs)!, 10);
    }));
  });
});
