import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mutualInformationIndex } from "../../src/equity/mutual-information-index";

// R package segregation, tests/testthat/test_mutual_total.R
const testData = [40, 20, 5, 1, 20, 40, 60, 80].map((n, i) => ({ u: i < 4 ? "a" : "b", g: String((i % 4) + 1), supergroup: i % 4 < 2 ? "12" : "34", n }));
const cols = { unit: "u", group: "g", count: "n" } as const;

describe("mutualInformationIndex", () => {
  it("is ln 2 for complete segregation of two equal groups (segregation 'max bound correct')", () => {
    const rows = [40, 0, 0, 0, 0, 0, 0, 40].map((n, i) => ({ u: i < 4 ? "a" : "b", g: String((i % 4) + 1), n }));
    expect(mutualInformationIndex(rows, cols)).toBeCloseTo(Math.log(2), 15);
    expect(mutualInformationIndex(rows, cols, { base: 2 })).toBeCloseTo(1, 15);
  });
  it("works both ways around: units and groups swap (segregation 'mutual works both ways')", () => {
    expect(mutualInformationIndex(testData, cols)).toBeCloseTo(mutualInformationIndex(testData, { unit: "g", group: "u", count: "n" })!, 14);
  });
  it("matches the hand derivation for a 2 x 2 table", () => {
    // school a: 30 X, 10 Y; school b: 10 X, 30 Y; T = 80, all margins 1/2
    // M = 2 (30/80) ln(.375/.25) + 2 (10/80) ln(.125/.25) = .75 ln 1.5 + .25 ln .5
    const rows = [{ s: "a", g: "x", n: 30 }, { s: "a", g: "y", n: 10 }, { s: "b", g: "x", n: 10 }, { s: "b", g: "y", n: 30 }];
    expect(mutualInformationIndex(rows, { unit: "s", group: "g", count: "n" })).toBeCloseTo(0.75 * Math.log(1.5) + 0.25 * Math.log(0.5), 15);
  });
  it("counts one pupil per row when no count column is given", () => {
    const pupils = [{ s: "a", g: "x" }, { s: "a", g: "x" }, { s: "b", g: "y" }, { s: "b", g: "y" }];
    expect(mutualInformationIndex(pupils, { unit: "s", group: "g" })).toBeCloseTo(Math.log(2), 15);
  });
  it("gives null with no pupils; throws on a missing group, negative counts and a bad base", () => {
    expect(mutualInformationIndex([{ s: "a", g: "x", n: 0 }], { unit: "s", group: "g", count: "n" })).toBeNull();
    expect(() => mutualInformationIndex([{ s: "a", g: null }], { unit: "s", group: "g" })).toThrowError(/missing group at index 0/);
    expect(() => mutualInformationIndex([{ s: "a", g: "x", n: -1 }], { unit: "s", group: "g", count: "n" })).toThrowError(/non-negative counts/);
    expect(() => mutualInformationIndex(testData, cols, { base: 1 })).toThrowError(/log base/);
  });
  it("is 0 when every school has the same mix, and scale invariant in the counts", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 5 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 5 }), (mix, sizes) => {
      const rows = sizes.flatMap((k, s) => mix.map((m, g) => ({ s: String(s), g: String(g), n: m * k })));
      expect(mutualInformationIndex(rows, { unit: "s", group: "g", count: "n" })).toBeCloseTo(0, 12);
    }));
  });
});
