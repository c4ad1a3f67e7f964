import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cronbachAlpha } from "../../src/stats/cronbach-alpha";
import { isEmisError } from "../../src/models";

describe("cronbachAlpha", () => {
  it("matches the hand derivation: items var 1 and 1/3, total var 7/3 → 2 × (1 − (4/3)/(7/3)) = 6/7", () => {
    const r = cronbachAlpha([[1, 2], [2, 3], [3, 3]]);
    expect(r).toMatchObject({ k: 2, n: 3, nExcluded: 0 });
    expect(r.alpha).toBeCloseTo(6 / 7, 12);
  });
  it("matches a three-item hand derivation: alpha = 1.5 × (1 − 7.5/19) = 0.9079", () => {
    // Items x1 = 1..5, x2 = 2,1,4,3,5, x3 = 1,2,3,5,4: sample variances 2.5 each; sums
    // 4,5,10,12,14 (mean 9, squared deviations 25+16+1+9+25 = 76, variance 19)
    const r = cronbachAlpha([[1, 2, 1], [2, 1, 2], [3, 4, 3], [4, 3, 5], [5, 5, 4]]);
    expect(r.alpha).toBeCloseTo(1.5 * (1 - 7.5 / 19), 12);
  });
  it("listwise deletion: a row with a missing item is dropped and counted", () => {
    const r = cronbachAlpha([[1, 2], [2, 3], [3, 3], [Number.NaN, 1]]);
    expect(r).toMatchObject({ n: 3, nExcluded: 1 });
    expect(r.alpha).toBeCloseTo(6 / 7, 12);
  });
  it("edge cases: null with fewer than 2 complete rows or no total variance; throws on no rows or one item", () => {
    expect(cronbachAlpha([[1, 2]]).alpha).toBeNull();
    expect(cronbachAlpha([[3, 3], [3, 3]]).alpha).toBeNull();
    try {
      cronbachAlpha([]);
      expect.unreachable();
    } catch (e) {
      expect(isEmisError(e) && e.code).toBe("empty-input");
    }
    expect(() => cronbachAlpha([[1], [2]])).toThrow(/at least 2 items/);
    expect(() => cronbachAlpha([[1, 2], [1]])).toThrow(/same number/);
  });
  it("does not mutate its input", () => {
    const rows = Object.freeze([Object.freeze([1, 2]), Object.freeze([2, 4]), Object.freeze([3, 5])]);
    expect(cronbachAlpha(rows).alpha).toBeCloseTo(cronbachAlpha([[1, 2], [2, 4], [3, 5]]).alpha!, 15);
  });
  it("properties: identical items give 1; a linear rescaling of all items keeps alpha", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 30 }), fc.integer({ min: 2, max: 6 }), (xs, k) => {
        fc.pre(new Set(xs).size > 1);
        expect(cronbachAlpha(xs.map((x) => Array(k).fill(x))).alpha).toBeCloseTo(1, 9);
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), { minLength: 3, maxLength: 40 }), (rows) => {
        const a = cronbachAlpha(rows);
        const b = cronbachAlpha(rows.map((r) => r.map((v) => 3 * v + 7)));
        if (a.alpha === null) expect(b.alpha).toBeNull();
        else expect(b.alpha).toBeCloseTo(a.alpha, 9);
      }),
    );
  });
});
