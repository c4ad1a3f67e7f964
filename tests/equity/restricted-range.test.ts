import { describe, expect, it } from "vitest";
import { restrictedRange } from "../../src/equity/restricted-range";

describe("restrictedRange", () => {
  it("takes pupil-weighted nearest-rank percentiles (34 CFR 222 Subpart K appendix)", () => {
    // cumulative pupil shares .04, .14, .84, .96, 1: P5 at 820, P95 at 1000
    expect(restrictedRange([700, 820, 900, 1000, 1200], { weights: [4, 10, 70, 12, 4] })).toBe(180);
  });
  it("unweighted 1..20: P5 is the 1st value (1/20 = 5%), P95 the 19th", () => {
    const xs = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(restrictedRange(xs)).toBe(18);
    // interpolated (R type 7): 1 + .05*19 = 1.95 and 1 + .95*19 = 19.05
    expect(restrictedRange(xs, { method: "linear" })).toBeCloseTo(17.1, 12);
  });
  it("accepts other percentiles and rejects inverted ones", () => {
    expect(restrictedRange([1, 2, 3, 4], { lower: 0.25, upper: 0.75 })).toBe(2);
    expect(() => restrictedRange([1, 2], { lower: 0.9, upper: 0.1 })).toThrowError(/lower <= upper/);
  });
  it("throws negative-value on a negative amount", () => {
    expect(() => restrictedRange([1, -2, 3])).toThrowError("restrictedRange requires non-negative values; got -2 at index 1");
  });
  it("gives 0 for one value, throws on empty input", () => {
    expect(restrictedRange([5])).toBe(0);
    expect(() => restrictedRange([])).toThrowError(/restrictedRange requires at least one value/);
  });
});
