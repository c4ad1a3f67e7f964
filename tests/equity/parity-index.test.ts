import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parityIndex } from "../../src/equity/parity-index";

describe("parityIndex", () => {
  it("is value / reference: female GER 80 over male GER 100 gives 0.8", () => {
    expect(parityIndex(80, 100)).toBe(0.8);
    expect(parityIndex(100, 80)).toBe(1.25);
  });
  it("{ adjusted: true } follows the SDG 4.5.1 rule: PI <= 1 unchanged, else 2 - 1/PI", () => {
    // SDG 4.5.1 metadata (UIS): 1.25 -> 2 - 1/1.25 = 1.2; 0.8 stays 0.8
    expect(parityIndex(80, 100, { adjusted: true })).toBe(0.8);
    expect(parityIndex(100, 80, { adjusted: true })).toBeCloseTo(1.2, 15);
    // METHODS.md section 9 item 9: an unadjusted 1.03 becomes 1.0291 after adjustment
    expect(parityIndex(103, 100, { adjusted: true })).toBeCloseTo(1.0291, 4);
  });
  describe("edge cases (library convention, METHODS.md section 2)", () => {
    it("0/0 gives null; x/0 gives null unadjusted and 2 adjusted; 0/x gives 0", () => {
      expect(parityIndex(0, 0)).toBeNull();
      expect(parityIndex(0, 0, { adjusted: true })).toBeNull();
      expect(parityIndex(5, 0)).toBeNull();
      expect(parityIndex(5, 0, { adjusted: true })).toBe(2);
      expect(parityIndex(0, 5)).toBe(0);
    });
    it("throws on missing and negative values", () => {
      expect(() => parityIndex(Number.NaN, 1)).toThrowError(/parityIndex requires a value; got NaN/);
      expect(() => parityIndex(1, null as unknown as number)).toThrowError(/requires a reference value/);
      expect(() => parityIndex(-1, 1)).toThrowError(/non-negative/);
    });
  });
  describe("properties", () => {
    const pos = fc.double({ min: 0.001, max: 1e4, noNaN: true });
    it("the adjusted index is symmetric around 1: API(a, b) + API(b, a) = 2", () => {
      fc.assert(fc.property(pos, pos, (a, b) => {
        expect(parityIndex(a, b, { adjusted: true })! + parityIndex(b, a, { adjusted: true })!).toBeCloseTo(2, 12);
      }));
    });
    it("the adjusted index is bounded in [0, 2] and scale free", () => {
      fc.assert(fc.property(fc.double({ min: 0, max: 1e4, noNaN: true }), pos, pos, (a, b, k) => {
        const api = parityIndex(a, b, { adjusted: true })!;
        expect(api).toBeGreaterThanOrEqual(0);
        expect(api).toBeLessThanOrEqual(2);
        const pi = parityIndex(a, b)!;
        expect(Math.abs(parityIndex(a * k, b * k)! - pi)).toBeLessThanOrEqual(1e-12 * Math.max(1, pi));
      }));
    });
  });
});
