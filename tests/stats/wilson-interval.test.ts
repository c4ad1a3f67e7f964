import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { wilsonInterval } from "../../src/stats/wilson-interval";
import { isEmisError } from "../../src/models/errors";

// Newcombe RG (1998) "Two-sided confidence intervals for the single proportion: comparison
// of seven methods", Stat Med 17:857-872, Table II: method 3 (score) and method 4 (score
// with continuity correction), 95% limits to 4 decimals.
const newcombeTableII: Array<[number, number, [number, number], [number, number]]> = [
  [81, 263, [0.2553, 0.3662], [0.2535, 0.3682]],
  [15, 148, [0.0624, 0.1605], [0.0598, 0.1644]],
  [0, 20, [0, 0.1611], [0, 0.2005]],
  [1, 29, [0.0061, 0.1718], [0.0018, 0.1963]],
];

describe("wilsonInterval", () => {
  it.each(newcombeTableII)("wilsonInterval(%i, %i) matches Newcombe (1998) Table II, methods 3 and 4", (x, n, plain, cc) => {
    const a = wilsonInterval(x, n);
    expect(a.low).toBeCloseTo(plain[0], 4);
    expect(a.high).toBeCloseTo(plain[1], 4);
    const b = wilsonInterval(x, n, { continuityCorrection: true });
    expect(b.low).toBeCloseTo(cc[0], 4);
    expect(b.high).toBeCloseTo(cc[1], 4);
    expect(b.method).toBe("wilson-cc");
  });

  it("matches the hand derivation for 5/10 with z = 2", () => {
    // p = .5, z^2/n = .4: centre = (.5 + .2) / 1.4 = .5;
    // half = 2 sqrt(.25/10 + 4/400) / 1.4 = 2 sqrt(.035) / 1.4 = .267261...
    const r = wilsonInterval(5, 10, { z: 2 });
    expect(r.low).toBeCloseTo(0.5 - (2 * Math.sqrt(0.035)) / 1.4, 12);
    expect(r.high).toBeCloseTo(0.5 + (2 * Math.sqrt(0.035)) / 1.4, 12);
    expect(r.estimate).toBe(0.5);
  });

  it("uses z = 1.959964 for the default 95% level and 2.575829 for 99%", () => {
    expect(wilsonInterval(1, 2).z).toBeCloseTo(1.959964, 6);
    expect(wilsonInterval(1, 2, { level: 0.99 }).z).toBeCloseTo(2.575829, 6);
  });

  it("clamps x = 0 to a lower limit of exactly 0 and x = n to an upper limit of exactly 1", () => {
    expect(wilsonInterval(0, 7).low).toBe(0);
    expect(wilsonInterval(7, 7).high).toBe(1);
    expect(wilsonInterval(7, 7, { continuityCorrection: true }).high).toBe(1);
  });

  it("returns null bounds with zero-denominator when n = 0", () => {
    expect(wilsonInterval(0, 0)).toMatchObject({ estimate: null, low: null, high: null, flags: ["zero-denominator"] });
  });

  it("widens the interval by the design effect (effective n = n / deff)", () => {
    const byDeff = wilsonInterval(40, 100, { designEffect: 2 });
    const byN = wilsonInterval(20, 50);
    expect(byDeff.low).toBeCloseTo(byN.low!, 12);
    expect(byDeff.high).toBeCloseTo(byN.high!, 12);
    expect(byDeff.estimate).toBe(0.4);
  });

  describe("edge cases", () => {
    it("throws missing-value for NaN or null counts", () => {
      expect(() => wilsonInterval(Number.NaN, 10)).toThrowError(/missing/);
      expect(() => wilsonInterval(null as unknown as number, 10)).toThrowError(/missing/);
    });
    it("throws invalid-value when successes exceed n or are negative", () => {
      try {
        wilsonInterval(11, 10);
        expect.unreachable();
      } catch (e) {
        expect(isEmisError(e) && e.code).toBe("invalid-value");
        expect((e as Error).message).toMatchInlineSnapshot(`"wilsonInterval requires successes <= n; got 11 of 10"`);
      }
      expect(() => wilsonInterval(-1, 10)).toThrowError(/non-negative/);
    });
    it("throws invalid-option for a level outside (0, 1)", () => {
      expect(() => wilsonInterval(1, 10, { level: 95 })).toThrowError(/level/);
    });
  });

  describe("properties", () => {
    const counts = fc.integer({ min: 1, max: 500 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    it("contains the estimate and stays inside [0, 1]; the corrected interval contains the plain one", () => {
      fc.assert(
        fc.property(counts, ([x, n]) => {
          const a = wilsonInterval(x, n);
          const b = wilsonInterval(x, n, { continuityCorrection: true });
          expect(a.low!).toBeGreaterThanOrEqual(0);
          expect(a.high!).toBeLessThanOrEqual(1);
          expect(a.low!).toBeLessThanOrEqual(x / n);
          expect(a.high!).toBeGreaterThanOrEqual(x / n);
          expect(b.low!).toBeLessThanOrEqual(a.low! + 1e-12);
          expect(b.high!).toBeGreaterThanOrEqual(a.high! - 1e-12);
        }),
      );
    });
    it("is symmetric: the interval for n - x mirrors the interval for x", () => {
      fc.assert(
        fc.property(counts, ([x, n]) => {
          const a = wilsonInterval(x, n);
          const b = wilsonInterval(n - x, n);
          expect(a.low!).toBeCloseTo(1 - b.high!, 12);
          expect(a.high!).toBeCloseTo(1 - b.low!, 12);
        }),
      );
    });
  });

  describe("options and weighted counts", () => {
    it("throws invalid-option on an unknown key, naming the known ones (confidence was ignored)", () => {
      // wilsonInterval(3, 10, { confidence: 0.9 }) used to return the 95% interval
      expect(() => wilsonInterval(3, 10, { confidence: 0.9 } as never)).toThrowError(
        'wilsonInterval has no option "confidence"; known: level, z, continuityCorrection, designEffect (check the spelling)',
      );
      try {
        wilsonInterval(3, 10, { confidence: 0.9 } as never);
      } catch (e) {
        expect(isEmisError(e) && e.code).toBe("invalid-option");
      }
      expect(wilsonInterval(3, 10, { level: 0.9 }).level).toBe(0.9);
    });
    it("accepts a non-integer (weighted) count: wilsonInterval(1.5, 10, { z: 2 }) by hand", () => {
      // Documented rule: non-integer counts are weighted counts. p = .15, z^2/n = .4:
      // centre = (.15 + .2) / 1.4 = .25; half = 2 sqrt(.15 * .85 / 10 + 4/400) / 1.4
      // = 2 sqrt(.02275) / 1.4 = .2154729...
      const r = wilsonInterval(1.5, 10, { z: 2 });
      expect(r.estimate).toBe(0.15);
      expect(r.low).toBeCloseTo(0.25 - (2 * Math.sqrt(0.02275)) / 1.4, 14);
      expect(r.high).toBeCloseTo(0.25 + (2 * Math.sqrt(0.02275)) / 1.4, 14);
    });
    it("widens weighted counts through designEffect: deff 2 on 1.5 of 10 is the interval of 0.75 of 5", () => {
      // effective n = n / deff = 5 with the same proportion .15
      const a = wilsonInterval(1.5, 10, { z: 2, designEffect: 2 });
      const b = wilsonInterval(0.75, 5, { z: 2 });
      expect(a.low).toBeCloseTo(b.low!, 14);
      expect(a.high).toBeCloseTo(b.high!, 14);
      expect(a.high! - a.low!).toBeGreaterThan(wilsonInterval(1.5, 10, { z: 2 }).high! - wilsonInterval(1.5, 10, { z: 2 }).low!);
    });
  });
});
