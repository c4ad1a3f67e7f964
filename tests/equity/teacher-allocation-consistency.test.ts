import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { teacherAllocationConsistency } from "../../src/equity/teacher-allocation-consistency";

describe("teacherAllocationConsistency", () => {
  it("matches the hand derivation: pupils [100..400], teachers [5, 5, 15, 15]", () => {
    // centred x = -150, -50, 50, 150; y = -5, -5, 5, 5; Sxy = 2000, Sxx = 50000, Syy = 100
    // R^2 = 2000^2 / (50000 * 100) = 0.8; slope = 2000/50000 = 0.04; intercept = 10 - 0.04*250 = 0
    const r = teacherAllocationConsistency([100, 200, 300, 400], [5, 5, 15, 15]);
    expect(r.rSquared).toBeCloseTo(0.8, 12);
    expect(r.randomness).toBeCloseTo(0.2, 12);
    expect(r.slope).toBeCloseTo(0.04, 12);
    expect(r.intercept).toBeCloseTo(0, 10);
    expect(r.n).toBe(4);
  });
  it("is 1 when teachers follow a fixed PTR, also from rows", () => {
    const schools = [{ p: 40, t: 1 }, { p: 80, t: 2 }, { p: 400, t: 10 }];
    expect(teacherAllocationConsistency(schools, "p", "t").rSquared).toBeCloseTo(1, 12);
  });
  it("gives null with not-computable under 3 schools and undefined-measure without variation", () => {
    expect(teacherAllocationConsistency([1, 2], [1, 2]).flags).toEqual(["not-computable"]);
    expect(teacherAllocationConsistency([10, 10, 10], [1, 2, 3])).toMatchObject({ rSquared: null, flags: ["undefined-measure"] });
  });
  it("throws on missing and negative counts and mismatched lengths", () => {
    expect(() => teacherAllocationConsistency([1, null, 3], [1, 2, 3])).toThrowError(/missing pupil count/);
    expect(() => teacherAllocationConsistency([1, 2, 3], [1, -2, 3])).toThrowError(/non-negative teacher counts/);
    expect(() => teacherAllocationConsistency([1, 2, 3], [1, 2])).toThrowError(/one teacher count per school/);
  });
  it("R^2 does not change when pupils or teachers are rescaled", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 50 })), { minLength: 3, maxLength: 20 }), (rows) => {
      const r = teacherAllocationConsistency(rows.map((d) => d[0]), rows.map((d) => d[1]));
      if (r.rSquared === null) return;
      expect(teacherAllocationConsistency(rows.map((d) => d[0] * 3), rows.map((d) => d[1] * 2)).rSquared).toBeCloseTo(r.rSquared, 9);
    }));
  });
});
