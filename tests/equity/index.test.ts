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
});
