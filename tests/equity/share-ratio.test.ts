import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { shareRatio } from "../../src/equity/share-ratio";

describe("shareRatio", () => {
  it("S80/S20 of 1..20 is 7.4, as convey::svyqsr and by hand (METHODS.md 3.5)", () => {
    // top 4: 17+18+19+20 = 74; bottom 4: 1+2+3+4 = 10
    expect(shareRatio(Array.from({ length: 20 }, (_, i) => i + 1))).toBeCloseTo(7.4, 14);
  });
  it("splits a unit that straddles a cut: [1, 2, 3] S80/S20", () => {
    // bottom 20% = 0.6 of unit 1: 0.6; top 20% = 0.6 of unit 3: 1.8; ratio 3
    expect(shareRatio([3, 1, 2])).toBeCloseTo(3, 14);
  });
  it("supports S90/S10 and weights by column", () => {
    const rows = [{ v: 1, w: 1 }, { v: 9, w: 1 }];
    // bottom 10% = 0.2 of unit 1 -> 0.2; top 10% = 0.2 of unit 9 -> 1.8
    expect(shareRatio(rows, "v", { weights: "w", top: 0.1, bottom: 0.1 })).toBeCloseTo(9, 14);
  });
  it("gives 1 for all equal and one value, null when the bottom holds nothing", () => {
    expect(shareRatio([5, 5, 5])).toBeCloseTo(1, 14);
    expect(shareRatio([5])).toBeCloseTo(1, 14);
    expect(shareRatio([0, 0, 0, 0, 0, 1])).toBeNull();
  });
  it("throws on bad shares, negatives and missing values", () => {
    expect(() => shareRatio([1, 2], { top: 0.7, bottom: 0.5 })).toThrowError(/add to at most 1/);
    expect(() => shareRatio([1, -2])).toThrowError(/non-negative/);
    expect(() => shareRatio([1, undefined])).toThrowError(/missing/);
  });
  it("equals replication and is scale invariant", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 10 }), (pairs) => {
      const rep = pairs.flatMap(([v, k]) => Array<number>(k).fill(v));
      const xs = pairs.map((p) => p[0]);
      expect(shareRatio(xs, { weights: pairs.map((p) => p[1]) })).toBeCloseTo(shareRatio(rep)!, 10);
      expect(shareRatio(xs.map((v) => v * 5))).toBeCloseTo(shareRatio(xs)!, 10);
    }));
  });
});
