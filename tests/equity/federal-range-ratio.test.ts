import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { federalRangeRatio } from "../../src/equity/federal-range-ratio";

describe("federalRangeRatio", () => {
  it("reproduces the 34 CFR 222 Subpart K appendix example: (1000 - 820) / 820 = 22 percent", () => {
    // Appendix: the 5th percentile of pupils is reached at LEA A ($820), the 95th at LEA B
    // ($1,000). Five LEAs built so cumulative pupil shares are .04, .14, .84, .96, 1.
    const leas = [
      { perPupil: 700, pupils: 400 },
      { perPupil: 820, pupils: 1000 },
      { perPupil: 900, pupils: 7000 },
      { perPupil: 1000, pupils: 1200 },
      { perPupil: 1200, pupils: 400 },
    ];
    const frr = federalRangeRatio(leas, "perPupil", { weights: "pupils" })!;
    expect(frr).toBeCloseTo(180 / 820, 15);
    expect(Math.round(frr * 100)).toBe(22);
    expect(frr).toBeLessThanOrEqual(0.25); // passes the disparity standard
  });
  it("gives null when P5 is 0 and 0 for one value", () => {
    expect(federalRangeRatio([0, 5, 6])).toBeNull();
    expect(federalRangeRatio([4])).toBe(0);
  });
  it("throws negative-value on a negative amount instead of a negative ratio", () => {
    // was (P95 - P5) / P5 = (3 - -2) / -2 = -2.5: a negative P5 flips the sign of the test
    expect(() => federalRangeRatio([1, -2, 3])).toThrowError("federalRangeRatio requires non-negative values; got -2 at index 1");
  });
  it("throws on missing values", () => {
    expect(() => federalRangeRatio([1, null])).toThrowError(/federalRangeRatio found a missing value/);
  });
  it("is scale invariant and equals the ratio on replicated data", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 3 })), { minLength: 1, maxLength: 10 }), (pairs) => {
      const xs = pairs.map((p) => p[0]);
      const ws = pairs.map((p) => p[1]);
      const rep = pairs.flatMap(([v, k]) => Array<number>(k).fill(v));
      expect(federalRangeRatio(xs, { weights: ws })).toBeCloseTo(federalRangeRatio(rep)!, 12);
      expect(federalRangeRatio(xs.map((v) => v * 7), { weights: ws })).toBeCloseTo(federalRangeRatio(xs, { weights: ws })!, 12);
    }));
  });
});
