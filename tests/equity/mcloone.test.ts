import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mcloone } from "../../src/equity/mcloone";

describe("mcloone", () => {
  it("matches the hand derivation for [1, 2, 3, 4, 5] under each median rule", () => {
    // median 3; strictly below {1, 2}: 3 / (3 * 2) = 0.5
    expect(mcloone([5, 4, 3, 2, 1])).toBeCloseTo(0.5, 15);
    // at or below {1, 2, 3}: 6 / (3 * 3) = 2/3
    expect(mcloone([1, 2, 3, 4, 5], { medianRule: "at-or-below" })).toBeCloseTo(2 / 3, 15);
    // lowest 2.5 pupils: 1 + 2 + 0.5 * 3 = 4.5; 4.5 / (3 * 2.5) = 0.6
    expect(mcloone([1, 2, 3, 4, 5], { medianRule: "lower-half" })).toBeCloseTo(0.6, 15);
  });
  it("pupil-weights districts: spend [8, 10, 12] with pupils [30, 20, 50]", () => {
    // cumulative pupil shares 0.3, 0.5 (exactly half: median = (10 + 12)/2 = 11), 1.0
    // below 11: 30 pupils at 8 and 20 at 10: (240 + 200) / (11 * 50) = 0.8
    const rows = [
      { spend: 8, pupils: 30 },
      { spend: 10, pupils: 20 },
      { spend: 12, pupils: 50 },
    ];
    expect(mcloone(rows, "spend", { weights: "pupils" })).toBeCloseTo(440 / 550, 15);
  });
  it("gives 1 for all equal values and one value, null for median 0", () => {
    expect(mcloone([7, 7, 7])).toBe(1);
    expect(mcloone([7])).toBe(1);
    expect(mcloone([0, 0, 5])).toBeNull();
  });
  it("throws on empty, missing and negative input and an unknown rule", () => {
    expect(() => mcloone([])).toThrowError(/mcloone requires at least one value/);
    expect(() => mcloone([1, null])).toThrowError(/missing/);
    expect(() => mcloone([1, -1])).toThrowError(/non-negative/);
    expect(() => mcloone([1, 2], { medianRule: "median" as "below" })).toThrowError(/medianRule/);
  });
  it("lies in (0, 1], is scale invariant and equals replication", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 9 }), (pairs, k) => {
      const xs = pairs.map((p) => p[0]);
      const m = mcloone(xs)!;
      expect(m).toBeGreaterThan(0);
      expect(m).toBeLessThanOrEqual(1);
      expect(mcloone(xs.map((v) => v * k))).toBeCloseTo(m, 12);
      const rep = pairs.flatMap(([v, n]) => Array<number>(n).fill(v));
      expect(mcloone(xs, { weights: pairs.map((p) => p[1]) })).toBeCloseTo(mcloone(rep)!, 12);
    }));
  });
});
