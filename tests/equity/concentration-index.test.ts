import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { concentrationIndex } from "../../src/equity/concentration-index";
import { gini } from "../../src/equity/gini";
import { seededRandom } from "../../src/stats/random";

describe("concentrationIndex", () => {
  it("matches the hand derivation for h = [1, 2, 3, 4] ranked 1..4", () => {
    // R = .125, .375, .625, .875; mu = 2.5; cov = (1.5*.375 + .5*.125) * 2 / 4 = 0.3125
    // C = 2 * 0.3125 / 2.5 = 0.25 (the Gini of [1, 2, 3, 4], since rank = outcome)
    const r = concentrationIndex([1, 2, 3, 4], [10, 20, 30, 40]);
    expect(r.concentration).toBeCloseTo(0.25, 15);
    expect(r.value).toBeCloseTo(0.25, 15);
    expect(r.generalized).toBeCloseTo(0.625, 15);
  });
  it("binary outcome held by the richer half: C = 0.5, Wagstaff = Erreygers = 1", () => {
    // h = [0, 0, 1, 1]: mu .5, cov = (.5*.375 + .5*.125)*2/4 = .125; C = .5
    // Wagstaff C/(1 - mu) = 1; Erreygers 4 mu C / (b - a) = 1
    expect(concentrationIndex([0, 0, 1, 1], [1, 2, 3, 4], { correction: "wagstaff" }).value).toBeCloseTo(1, 15);
    expect(concentrationIndex([0, 0, 1, 1], [1, 2, 3, 4], { correction: "erreygers" }).value).toBeCloseTo(1, 15);
    expect(concentrationIndex([1, 1, 0, 0], [1, 2, 3, 4], { correction: "erreygers" }).value).toBeCloseTo(-1, 15);
  });
  it("uses the theoretical bounds for the corrections (scores out of 100)", () => {
    const r = concentrationIndex([20, 40, 60, 80], [1, 2, 3, 4], { correction: "erreygers", bounds: [0, 100] });
    // C = Gini([20..80]) = 0.25, mu = 50: E = 4 * 50 * 0.25 / 100 = 0.5
    expect(r.value).toBeCloseTo(0.5, 14);
  });
  it("gives tied ranks their mean fractional rank, so row order does not matter", () => {
    const a = concentrationIndex([1, 5, 2, 8], [1, 1, 2, 2]);
    const b = concentrationIndex([5, 1, 8, 2], [1, 1, 2, 2]);
    expect(a.concentration).toBeCloseTo(b.concentration!, 15);
    // two blocks at R = .25 and .75: cov = mean((h - 4)(R - .5)) = (-.25*(-3+1) + .25*(-2+4))/4 = 0.25
    expect(a.concentration).toBeCloseTo((2 * 0.25) / 4, 15);
  });
  it("reads rows with two accessors and weights", () => {
    const rows = [{ enrolled: 0, wealth: 1, w: 2 }, { enrolled: 1, wealth: 2, w: 1 }, { enrolled: 1, wealth: 3, w: 1 }];
    const expanded = concentrationIndex([0, 0, 1, 1], [1, 1, 2, 3]);
    expect(concentrationIndex(rows, "enrolled", "wealth", { weights: "w" }).concentration).toBeCloseTo(expanded.concentration!, 14);
    expect(concentrationIndex(rows, "enrolled", "wealth", { weights: "w" }).standardError).toBeNull();
  });
  describe("edge cases", () => {
    it("gives null with zero-mean, and null Wagstaff when every unit has the outcome", () => {
      expect(concentrationIndex([0, 0], [1, 2])).toMatchObject({ value: null, flags: ["zero-mean"] });
      expect(concentrationIndex([1, 1], [1, 2], { correction: "wagstaff" })).toMatchObject({ value: null, flags: ["undefined-measure"] });
    });
    it("throws on outcomes outside the bounds, missing ranks and length mismatch", () => {
      expect(() => concentrationIndex([0, 2], [1, 2], { correction: "wagstaff" })).toThrowError(/within \[0, 1\]; got 2 at index 1/);
      expect(() => concentrationIndex([0, 1], [1, null])).toThrowError(/missing rank/);
      expect(() => concentrationIndex([0, 1], [1])).toThrowError(/one rank per outcome/);
      expect(() => concentrationIndex([], [])).toThrowError(/at least one/);
    });
  });
  describe("properties", () => {
    it("ranked by the outcome itself equals the Gini, with or without weights", () => {
      fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 15 }), (pairs) => {
        const xs = pairs.map((p) => p[0]);
        const ws = pairs.map((p) => p[1]);
        fc.pre(xs.some((v) => v > 0));
        expect(concentrationIndex(xs, xs, { weights: ws }).concentration).toBeCloseTo(gini(xs, { weights: ws })!, 12);
      }));
    });
    it("flips sign when the ranking is reversed and is scale invariant in the outcome", () => {
      fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: 0.1, max: 100, noNaN: true }), fc.integer({ min: 0, max: 1000 })), { minLength: 2, maxLength: 15 }), (pairs) => {
        const h = pairs.map((p) => p[0]);
        const r = pairs.map((p) => p[1]);
        const c = concentrationIndex(h, r).concentration!;
        expect(concentrationIndex(h, r.map((v) => -v)).concentration).toBeCloseTo(-c, 12);
        expect(concentrationIndex(h.map((v) => v * 3), r).concentration).toBeCloseTo(c, 12);
      }));
    });
  });
  it("its delta-method standard error is close to the spread of C over resamples (n = 400)", () => {
    const rnd = seededRandom(7);
    const n = 400;
    const rank = Array.from({ length: n }, () => rnd());
    const h = rank.map((r) => (rnd() < 0.3 + 0.4 * r ? 1 : 0));
    const se = concentrationIndex(h, rank).standardError!;
    const draws: number[] = [];
    for (let b = 0; b < 300; b++) {
      const idx = Array.from({ length: n }, () => Math.floor(rnd() * n));
      draws.push(concentrationIndex(idx.map((i) => h[i]), idx.map((i) => rank[i])).concentration!);
    }
    const m = draws.reduce((a, b) => a + b, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((a, b) => a + (b - m) ** 2, 0) / (draws.length - 1));
    expect(se / sd).toBeGreaterThan(0.8);
    expect(se / sd).toBeLessThan(1.25);
  });
  describe("negative outcomes (METHODS.md 3.6: defined for non-negative outcomes)", () => {
    it("throws negative-value by default", () => {
      expect(() => concentrationIndex([1, -2, 3], [1, 2, 3])).toThrowError("concentrationIndex requires non-negative outcomes; got -2 at index 1");
    });
    it("computes the generalised index with negatives: \"allow\" (e.g. score gains)", () => {
      // h = [-1, 1], ranks 1, 2: R = .25, .75, mu = 0, cov = (-1 * -.25 + 1 * .25) / 2 = .25
      // generalised = 2 cov = 0.5; C = 2 cov / mu is undefined (mu = 0): null with zero-mean
      const r = concentrationIndex([-1, 1], [1, 2], { negatives: "allow" });
      expect(r.generalized).toBeCloseTo(0.5, 15);
      expect(r.value).toBeNull();
      expect(r.flags).toEqual(["zero-mean"]);
      // h = [-1, 3]: mu = 1, cov = (-2 * -.25 + 2 * .25) / 2 = .5, C = 1, generalised 1
      const s = concentrationIndex([-1, 3], [1, 2], { negatives: "allow" });
      expect(s.value).toBeCloseTo(1, 15);
      expect(s.generalized).toBeCloseTo(1, 15);
    });
    it("rejects an unknown negatives rule", () => {
      expect(() => concentrationIndex([1, 2], [1, 2], { negatives: "keep" as never })).toThrowError(/negatives "reject" or "allow"/);
    });
  });
});
