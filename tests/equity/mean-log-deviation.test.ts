import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { meanLogDeviation } from "../../src/equity/mean-log-deviation";
import { atkinson } from "../../src/equity/atkinson";

describe("meanLogDeviation", () => {
  it("matches the hand derivation for [1, 3]: -(ln 0.5 + ln 1.5) / 2 = 0.1438410", () => {
    expect(meanLogDeviation([1, 3])).toBeCloseTo(0.143841, 6);
  });
  it("gives null with a zero (ln 0 undefined; ineq gives Inf, dineq drops zeros)", () => {
    expect(meanLogDeviation([0, 0, 0, 10, 10, 10])).toBeNull();
  });
  it("satisfies A(1) = 1 - exp(-MLD) (Atkinson relation, METHODS.md 3.3)", () => {
    fc.assert(fc.property(fc.array(fc.double({ min: 0.01, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 20 }), (xs) => {
      expect(atkinson(xs, { epsilon: 1 })).toBeCloseTo(1 - Math.exp(-meanLogDeviation(xs)!), 10);
    }));
  });
  it("throws on empty and missing input", () => {
    expect(() => meanLogDeviation([])).toThrowError(/meanLogDeviation requires at least one value/);
    expect(() => meanLogDeviation([1, Number.NaN])).toThrowError(/missing/);
  });
});
