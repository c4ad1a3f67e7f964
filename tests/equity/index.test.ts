import { describe, expect, it } from "vitest";
import * as equity from "../../src/equity";
import { isEmisError } from "../../src/models/errors";

// Contracts every distribution measure exported by src/equity/index.ts keeps, checked
// across the whole family so a new measure cannot forget one (METHODS.md section 3:
// "inequality measures (distribution of a non-negative quantity)").

type Measure = (xs: number[]) => unknown;

/** Every measure of one non-negative distribution, called with its defaults. */
const distributionMeasures: Record<string, Measure> = {
  gini: (xs) => equity.gini(xs),
  coefficientOfVariation: (xs) => equity.coefficientOfVariation(xs),
  generalizedEntropy: (xs) => equity.generalizedEntropy(xs),
  theil: (xs) => equity.theil(xs),
  meanLogDeviation: (xs) => equity.meanLogDeviation(xs),
  atkinson: (xs) => equity.atkinson(xs),
  range: (xs) => equity.range(xs),
  restrictedRange: (xs) => equity.restrictedRange(xs),
  federalRangeRatio: (xs) => equity.federalRangeRatio(xs),
  mcloone: (xs) => equity.mcloone(xs),
  verstegen: (xs) => equity.verstegen(xs),
  shareRatio: (xs) => equity.shareRatio(xs),
  palmaRatio: (xs) => equity.palmaRatio(xs),
  lorenzCurve: (xs) => equity.lorenzCurve(xs),
  concentrationIndex: (xs) => equity.concentrationIndex(xs, xs.map((_, i) => i)),
};

function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (e) {
    return isEmisError(e) ? e.code : `not an EmisError: ${String(e)}`;
  }
}

describe("equity distribution measures", () => {
  describe("negative-value rule: a negative value throws negative-value naming the function", () => {
    // Rule (METHODS.md 3, 3.6, 3.7): each measure describes a non-negative quantity
    // (spending per pupil, PTR, pass rate); a negative is a data error, never computed
    // through. Only a documented option (gini `negatives: "rsv"`, concentrationIndex
    // `negatives: "allow"`) reads signed data. federalRangeRatio([1, -2, 3]) used to
    // return (3 - -2) / -2 = -2.5.
    it.each(Object.entries(distributionMeasures))("%s([1, -2, 3]) throws negative-value", (name, f) => {
      expect(codeOf(() => f([1, -2, 3]))).toBe("negative-value");
      expect(() => f([1, -2, 3])).toThrowError(new RegExp(`^${name} requires non-negative .*got -2 at index 1`));
    });
  });

  describe("single-unit rule: one unit is a perfectly equal distribution", () => {
    // Rule (src/equity/internal/core.ts header, each measure's TSDoc): one unit with positive weight holds
    // everything and differs from no one, so a measure of spread returns its exact
    // equal-distribution value (gini 0, CV 0, McLoone 1, S80/S20 = top/bottom = 1, Palma
    // = 0.1 / 0.4 = 0.25), with no rounding residue; a measure that needs two units by
    // construction returns null: corrected Gini (n/(n-1)), sample CV (W - 1) and the
    // concentration index (no ranking to correlate with: null with flag single-unit).
    // Before: palmaRatio([5]) = 0.2499999..., shareRatio([5]) = 0.9999999999999998,
    // concentrationIndex([5], [1]).value = 0 with no flag.
    const expected: Record<string, unknown> = {
      gini: 0,
      coefficientOfVariation: 0,
      generalizedEntropy: 0,
      theil: 0,
      meanLogDeviation: 0,
      atkinson: 0,
      range: 0,
      restrictedRange: 0,
      federalRangeRatio: 0,
      mcloone: 1,
      verstegen: 1,
      shareRatio: 1,
      palmaRatio: 0.25,
      lorenzCurve: [
        { population: 0, share: 0 },
        { population: 1, share: 1 },
      ],
    };
    it.each(Object.entries(expected))("%s([5]) is exactly %j", (name, value) => {
      expect(distributionMeasures[name]([5])).toEqual(value);
      expect(distributionMeasures[name]([0.1])).toEqual(value);
    });
    it("covers every measure in the table", () => {
      expect(Object.keys(expected).sort()).toEqual(Object.keys(distributionMeasures).filter((k) => k !== "concentrationIndex").sort());
    });
    it("gives null where two units are needed: corrected gini, sample CV, concentrationIndex (flag single-unit)", () => {
      expect(equity.gini([5], { corrected: true })).toBeNull();
      expect(equity.coefficientOfVariation([5], { sd: "sample" })).toBeNull();
      expect(equity.concentrationIndex([5], [1])).toMatchObject({ value: null, concentration: null, generalized: null, standardError: null, flags: ["single-unit"] });
    });
    it("counts units with positive weight: a second unit of weight 0 is still one unit", () => {
      expect(equity.palmaRatio([5, 9], { weights: [3, 0] })).toBe(0.25);
      expect(equity.shareRatio([5, 9], { weights: [0, 7] })).toBe(1);
      expect(equity.concentrationIndex([5, 9], [1, 2], { weights: [0, 2] }).flags).toEqual(["single-unit"]);
    });
    it("gives exact share ratios for equal values when the cuts fall on unit boundaries or inside one unit", () => {
      // ten equal units: bottom 40% = 4 units, top 10% = 1 unit: 1 / 4
      expect(equity.palmaRatio(Array<number>(10).fill(3))).toBe(0.25);
      // three equal units: the top 10% is 0.3 of one unit, the bottom 40% is 1.2 units
      expect(equity.palmaRatio([7, 7, 7])).toBe(0.25);
      expect(equity.shareRatio([2, 2, 2, 2, 2, 2, 2])).toBe(1);
    });
  });
});
