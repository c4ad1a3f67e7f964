import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { atkinson } from "../../src/equity/atkinson";

// R ineq help example data; `Atkinson(x)` (epsilon 0.5) prints 0.1796591.
const ineqExample = [541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261];

describe("atkinson", () => {
  it("atkinson(ineq example) is 0.1796591 (R ineq, default epsilon 0.5)", () => {
    expect(atkinson(ineqExample)).toBeCloseTo(0.1796591, 7);
  });
  it("matches PySAL's tests on [10, 20, 30, 40, 50]: 0.06315 (e = 0.5), 0.1316096 (e = 1), 0 (e = 0)", () => {
    // pysal/inequality inequality/tests/test_atkinson.py; EDE 28.105398 and 26.051711 on mean 30
    const xs = [10, 20, 30, 40, 50];
    expect(atkinson(xs, { epsilon: 0.5 })).toBeCloseTo(0.06315, 5);
    expect(atkinson(xs, { epsilon: 0.5 })).toBeCloseTo(1 - 28.105398233 / 30, 9);
    expect(atkinson(xs, { epsilon: 1 })).toBeCloseTo(0.1316096, 7);
    expect(atkinson(xs, { epsilon: 1 })).toBeCloseTo(1 - 26.0517108 / 30, 7);
    expect(atkinson(xs, { epsilon: 0 })).toBe(0);
  });
  it("matches the hand derivation for [1, 4] at e = 2: EDE is the harmonic mean 1.6", () => {
    // EDE = (mean(x^-1))^-1 = 1 / ((1 + 0.25)/2) = 1.6; mu = 2.5; A = 1 - 1.6/2.5 = 0.36
    expect(atkinson([1, 4], { epsilon: 2 })).toBeCloseTo(0.36, 14);
  });
  describe("edge cases", () => {
    it("keeps zeros for e < 1 and gives null for e >= 1", () => {
      // [0, 4], e = 0.5: EDE = (mean(sqrt x))^2 = 1; A = 1 - 1/2 = 0.5
      expect(atkinson([0, 4])).toBeCloseTo(0.5, 15);
      expect(atkinson([0, 4], { epsilon: 1 })).toBeNull();
      expect(atkinson([0, 4], { epsilon: 2 })).toBeNull();
    });
    it("gives 0 for one value, null for mean 0, throws for negative epsilon or values", () => {
      expect(atkinson([5])).toBe(0);
      expect(atkinson([0, 0])).toBeNull();
      expect(() => atkinson([1, 2], { epsilon: -1 })).toThrowError(/epsilon >= 0/);
      expect(() => atkinson([1, -2])).toThrowError(/non-negative/);
    });
  });
  describe("properties", () => {
    const positives = fc.array(fc.double({ min: 0.01, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 20 });
    it("is scale invariant, within [0, 1] and increasing in epsilon", () => {
      fc.assert(fc.property(positives, fc.double({ min: 0.01, max: 100, noNaN: true }), (xs, k) => {
        const a = atkinson(xs, { epsilon: 0.5 })!;
        expect(atkinson(xs.map((v) => v * k), { epsilon: 0.5 })).toBeCloseTo(a, 9);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
        expect(atkinson(xs, { epsilon: 2 })!).toBeGreaterThanOrEqual(atkinson(xs, { epsilon: 1 })! - 1e-12);
      }));
    });
    it("weights equal replication", () => {
      fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 8 }), (pairs) => {
        const rep = pairs.flatMap(([v, k]) => Array<number>(k).fill(v));
        expect(atkinson(pairs.map((p) => p[0]), { epsilon: 1.5, weights: pairs.map((p) => p[1]) })).toBeCloseTo(atkinson(rep, { epsilon: 1.5 })!, 10);
      }));
    });
  });
});
