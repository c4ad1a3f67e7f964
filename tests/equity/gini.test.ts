import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { gini } from "../../src/equity/gini";
import { isEmisError } from "../../src/models/errors";

// R package ineq, help page ?ineq / ?Gini example data; `Gini(x)` prints 0.4620911.
const ineqExample = [541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261];

/** Textbook double sum, O(n^2), as an independent oracle. */
function giniBrute(xs: number[]): number {
  const n = xs.length;
  const mu = xs.reduce((a, b) => a + b, 0) / n;
  let s = 0;
  for (const a of xs) for (const b of xs) s += Math.abs(a - b);
  return s / (2 * n * n * mu);
}

const positives = fc.array(fc.double({ min: 0.01, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 25 });

describe("gini", () => {
  it("gini(ineq example) is 0.4620911 (R ineq, Gini(x))", () => {
    expect(gini(ineqExample)).toBeCloseTo(0.4620911, 7);
  });

  it("gini(ineq example, { corrected: true }) is 0.4620911 * 10/9 (ineq corr = TRUE)", () => {
    expect(gini(ineqExample, { corrected: true })).toBeCloseTo((0.46209113 * 10) / 9, 7);
  });

  it("matches the hand derivation for two schools with PTR 20 and 40", () => {
    // pairs |20-40| twice = 40; 2 n^2 mu = 2 * 4 * 30 = 240; G = 40/240 = 1/6
    expect(gini([20, 40])).toBeCloseTo(1 / 6, 15);
  });

  it("reads rows by column name or accessor, with weights by column", () => {
    const rows = [
      { ptr: 20, pupils: 1 },
      { ptr: 40, pupils: 3 },
    ];
    expect(gini(rows, "ptr")).toBeCloseTo(1 / 6, 15);
    expect(gini(rows, (d) => d.ptr)).toBeCloseTo(1 / 6, 15);
    // replicated: [20, 40, 40, 40]: mu = 35, sum |diff| = 2*3*20 = 120, G = 120 / (2*16*35) = 0.107142857
    expect(gini(rows, "ptr", { weights: "pupils" })).toBeCloseTo(120 / 1120, 15);
    expect(gini([20, 40, 40, 40])).toBeCloseTo(120 / 1120, 15);
  });

  it("normalises negative values with RSV: [-20, 5, 5, 20] gives 0.6 (the plain formula gives 3.0)", () => {
    // sum_{i<j} |x_i - x_j| = 25+25+40+0+15+15 = 120; plain: 240 / (2*16*2.5) = 3;
    // RSV replaces mu by (T+ + |T-|)/W = 50/4: 240 / (2*16*12.5) = 0.6
    expect(gini([-20, 5, 5, 20], { negatives: "rsv" })).toBeCloseTo(0.6, 15);
  });

  it("agrees with the O(n^2) double sum", () => {
    fc.assert(fc.property(positives, (xs) => {
      expect(gini(xs)).toBeCloseTo(giniBrute(xs), 10);
    }));
  });

  describe("edge cases", () => {
    it("throws empty-input on an empty array", () => {
      expect(() => gini([])).toThrowError("gini requires at least one value; got none");
    });
    it("throws missing-value on null or NaN, naming the index (never reads missing as 0)", () => {
      try {
        gini([1, null, 3]);
        expect.unreachable();
      } catch (e) {
        expect(isEmisError(e) && e.code).toBe("missing-value");
        expect((e as Error).message).toMatchInlineSnapshot(
          `"gini found a missing value (null) at index 1; drop or impute missing values first (missing is never read as 0)"`,
        );
      }
      expect(() => gini([{ v: 1 }, { v: Number.NaN }], "v")).toThrowError(/missing value \(NaN\) at index 1/);
    });
    it("throws negative-value by default", () => {
      expect(() => gini([1, 2, -3])).toThrowError("gini requires non-negative values; got -3 at index 2");
    });
    it("keeps zeros: [0, 0, 0, 10] has G = 3/4 = (n-1)/n", () => {
      expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75, 15);
      expect(gini([0, 0, 0, 10], { corrected: true })).toBeCloseTo(1, 15);
    });
    it("gives 0 for one value or all equal, null when corrected with one value, null for mean 0", () => {
      expect(gini([7])).toBe(0);
      expect(gini([5, 5, 5])).toBe(0);
      expect(gini([7], { corrected: true })).toBeNull();
      expect(gini([0, 0])).toBeNull();
    });
    it("rejects the correction with weights and bad weights", () => {
      expect(() => gini([1, 2], { weights: [1, 2], corrected: true })).toThrowError(/unweighted data only/);
      expect(() => gini([1, 2], { weights: [1] })).toThrowError(/one weight per value/);
      expect(() => gini([1, 2], { weights: [1, -1] })).toThrowError(/non-negative weights/);
      expect(() => gini([1, 2], { weights: "w" } as never)).toThrowError(/weights accessor but plain values/);
    });
    it("does not mutate its input", () => {
      const xs = Object.freeze([3, 1, 2]);
      gini(xs);
      expect(xs).toEqual([3, 1, 2]);
    });
  });

  describe("properties", () => {
    it("is scale invariant", () => {
      fc.assert(fc.property(positives, fc.double({ min: 0.001, max: 1000, noNaN: true }), (xs, k) => {
        expect(gini(xs.map((v) => v * k))).toBeCloseTo(gini(xs)!, 10);
      }));
    });
    it("weights equal replication (population principle)", () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 10 }), (pairs) => {
          fc.pre(pairs.some(([v]) => v > 0));
          const replicated = pairs.flatMap(([v, k]) => Array<number>(k).fill(v));
          expect(gini(pairs.map((p) => p[0]), { weights: pairs.map((p) => p[1]) })).toBeCloseTo(gini(replicated)!, 12);
        }),
      );
    });
    it("falls under a rank-preserving transfer from richer to poorer (Pigou-Dalton)", () => {
      fc.assert(fc.property(positives, fc.double({ min: 0.01, max: 0.49, noNaN: true }), (xs, f) => {
        const s = [...xs].sort((a, b) => a - b);
        const lo = 0;
        const hi = s.length - 1;
        fc.pre(s[hi] - s[lo] > 1e-6);
        const t = f * (s[hi] - s[lo]);
        const after = [...s];
        after[lo] += t;
        after[hi] -= t;
        expect(gini(after)!).toBeLessThan(gini(s)! + 1e-12);
      }));
    });
    it("lies in [0, (n-1)/n]", () => {
      fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 20 }), (xs) => {
        const g = gini(xs);
        if (g === null) return;
        expect(g).toBeGreaterThanOrEqual(0);
        expect(g).toBeLessThanOrEqual((xs.length - 1) / xs.length + 1e-12);
      }));
    });
  });
});
