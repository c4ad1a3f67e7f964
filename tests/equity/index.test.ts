import { describe, expect, it } from "vitest";
import fc from "fast-check";
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

  describe("never NaN or Infinity for finite non-negative input up to Number.MAX_VALUE", () => {
    // Rule (METHODS.md conventions: "undefined" is null, never NaN or Infinity): the
    // kernels rescale by the maximum value (and weight) before summing, which the
    // scale-invariant indices allow, so sums of values near 1e308 cannot overflow;
    // a result whose true value lies beyond the double range (a ratio over a
    // denominator below ~1e-308 of its numerator) is null. gini([1e308, 1e308, 1]) was
    // NaN: the sum overflowed to Infinity.
    const value = fc.oneof(
      fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }),
      fc.constantFrom(0, Number.MIN_VALUE, 1, 1e308, Number.MAX_VALUE),
    );
    const weight = fc.oneof(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), fc.constantFrom(0, 1, Number.MAX_VALUE));
    const sample = fc.array(fc.tuple(value, weight), { minLength: 1, maxLength: 12 }).filter((p) => p.some(([, w]) => w > 0));

    /** Every number reachable in the result (scalars, result objects, Lorenz points). */
    function numbersIn(r: unknown): number[] {
      if (typeof r === "number") return [r];
      if (Array.isArray(r)) return r.flatMap(numbersIn);
      if (r !== null && typeof r === "object") return Object.values(r).flatMap(numbersIn);
      return [];
    }
    const finite = (r: unknown) => numbersIn(r).every(Number.isFinite);

    const extra: Record<string, (xs: number[], ws: number[]) => unknown> = {
      "gini corrected": (xs) => equity.gini(xs, { corrected: true }),
      "gini rsv": (xs, ws) => equity.gini(xs, { negatives: "rsv", weights: ws }),
      "coefficientOfVariation sample": (xs, ws) => equity.coefficientOfVariation(xs, { sd: "sample", weights: ws }),
      "generalizedEntropy alpha 2": (xs, ws) => equity.generalizedEntropy(xs, { alpha: 2, weights: ws }),
      "generalizedEntropy alpha -1": (xs, ws) => equity.generalizedEntropy(xs, { alpha: -1, weights: ws }),
      "generalizedEntropy alpha 0.5": (xs, ws) => equity.generalizedEntropy(xs, { alpha: 0.5, weights: ws }),
      "atkinson epsilon 1": (xs, ws) => equity.atkinson(xs, { epsilon: 1, weights: ws }),
      "atkinson epsilon 2": (xs, ws) => equity.atkinson(xs, { epsilon: 2, weights: ws }),
      "mcloone lower-half": (xs, ws) => equity.mcloone(xs, { medianRule: "lower-half", weights: ws }),
      "verstegen lower-half": (xs, ws) => equity.verstegen(xs, { medianRule: "lower-half", weights: ws }),
      "concentrationIndex erreygers": (xs, ws) => equity.concentrationIndex(xs, ws, { correction: "erreygers", bounds: [0, Number.MAX_VALUE] }),
      "concentrationIndex wagstaff": (xs, ws) => equity.concentrationIndex(xs, ws, { correction: "wagstaff", bounds: [0, Number.MAX_VALUE] }),
      "concentrationIndex weighted": (xs, ws) => equity.concentrationIndex(xs, xs, { weights: ws }),
      // group weights are reported as given, so their sum must exist: weights up to 1e300 here
      theilDecomposition: (xs, ws) => equity.theilDecomposition(xs, xs.map((_, i) => i % 2), { weights: ws.map((v) => Math.min(v, 1e300)) }),
      dissimilarityIndex: (xs, ws) => equity.dissimilarityIndex(xs, ws),
      hutchensIndex: (xs, ws) => equity.hutchensIndex(xs, ws),
      isolationIndex: (xs, ws) => equity.isolationIndex(xs, ws),
      exposureIndex: (xs, ws) => equity.exposureIndex(xs, ws),
    };
    const all: Array<[string, (xs: number[], ws: number[]) => unknown]> = [
      ...Object.entries(distributionMeasures).map(([k, f]) => [k, (xs: number[]) => f(xs)] as [string, (xs: number[], ws: number[]) => unknown]),
      ...Object.entries(distributionMeasures)
        .filter(([k]) => k !== "concentrationIndex")
        .map(([k]) => [`${k} weighted`, (xs: number[], ws: number[]) => (equity as unknown as Record<string, (x: number[], o: object) => unknown>)[k](xs, { weights: ws })] as [string, (xs: number[], ws: number[]) => unknown]),
      ...Object.entries(extra),
    ];

    it("gini([1e308, 1e308, 1]) is 1/3 (was NaN)", () => {
      // sorted 1, 1e308, 1e308: pairs |1e308 - 1| four times, so the double sum is
      // 4e308 (to 1e-308 relative), 2 n^2 mu = 2 * 9 * (2e308 + 1)/3 = 12e308: G = 1/3
      expect(equity.gini([1e308, 1e308, 1])).toBeCloseTo(1 / 3, 14);
      expect(equity.coefficientOfVariation([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(0);
      expect(equity.theil([1e308, 1e308, 1e308])).toBe(0);
      // fast-check counterexample: the weighted mean of two MAX_VALUEs rounded past MAX_VALUE
      expect(equity.concentrationIndex([Number.MAX_VALUE, Number.MAX_VALUE], [1, 2], { weights: [2e295, Number.MAX_VALUE] }).mean).toBe(Number.MAX_VALUE);
    });
    it.each(Object.entries(distributionMeasures))("%s of data scaled by 2^1010 (up to ~1e307) is the unscaled value, rescaled", (name, f) => {
      // Not just finite: right. Scaling by a power of two is exact, so the scale-invariant
      // measures must agree to the bit, and range, restrictedRange scale by 2^1010.
      const k = 2 ** 1010;
      const equivariant = name === "range" || name === "restrictedRange";
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }), (xs) => {
          // concentrationIndex: its mean and generalised index carry units; compare C itself
          const unitFree = (r: unknown) => (name === "concentrationIndex" ? { ...(r as object), mean: null, generalized: null } : r);
          const big = unitFree(f(xs.map((v) => v * k)));
          const small = unitFree(f(xs));
          expect(big).toEqual(equivariant ? (small as number) * k : small);
        }),
      );
    });
    it.each(all)("%s is a finite number or null", (_, f) => {
      fc.assert(
        fc.property(sample, (pairs) => {
          const xs = pairs.map((p) => p[0]);
          const ws = pairs.map((p) => p[1]);
          let r: unknown;
          try {
            r = f(xs, ws);
          } catch (e) {
            // segregation counts: a unit total may legitimately be rejected; nothing else may throw
            if (isEmisError(e) && e.code === "invalid-value") return;
            throw e;
          }
          expect(finite(r), `${JSON.stringify(xs)} / ${JSON.stringify(ws)} gave ${JSON.stringify(r)}`).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe("unknown option keys throw invalid-option naming the known ones", () => {
    // Rule (src/equity/internal/options.ts, checkOptionKeys): an options object may
    // only carry keys the function documents; an unknown key (confidence for level,
    // weight for weights) used to be ignored, giving a silently wrong result.
    const rows = [
      { school: "a", sex: "f", n: 3, x: 1, y: 2 },
      { school: "b", sex: "m", n: 5, x: 2, y: 1 },
    ];
    const table = [{ indicator: "ptr", level: "school", numerator: 30, denominator: 1, value: 30, n: 1, nExcluded: 0, ciLow: null, ciHigh: null, suppressed: false, flags: [], school: "a" }];
    const calls: Array<[string, string, (bad: Record<string, unknown>) => unknown]> = [
      ["gini", "weights, corrected, negatives", (o) => equity.gini([1, 2], o)],
      ["gini", "weights, corrected, negatives", (o) => equity.gini(rows, "x", o)],
      ["coefficientOfVariation", "weights, sd", (o) => equity.coefficientOfVariation([1, 2], o)],
      ["generalizedEntropy", "weights, alpha", (o) => equity.generalizedEntropy([1, 2], o)],
      ["theil", "weights", (o) => equity.theil([1, 2], o)],
      ["meanLogDeviation", "weights", (o) => equity.meanLogDeviation([1, 2], o)],
      ["atkinson", "weights, epsilon", (o) => equity.atkinson([1, 2], o)],
      ["range", "weights", (o) => equity.range([1, 2], o)],
      ["restrictedRange", "weights, lower, upper, method", (o) => equity.restrictedRange([1, 2], o)],
      ["federalRangeRatio", "weights, lower, upper, method", (o) => equity.federalRangeRatio([1, 2], o)],
      ["mcloone", "weights, medianRule", (o) => equity.mcloone([1, 2], o)],
      ["verstegen", "weights, medianRule", (o) => equity.verstegen([1, 2], o)],
      ["shareRatio", "weights, top, bottom", (o) => equity.shareRatio([1, 2], o)],
      ["palmaRatio", "weights", (o) => equity.palmaRatio([1, 2], o)],
      ["lorenzCurve", "weights", (o) => equity.lorenzCurve([1, 2], o)],
      ["concentrationIndex", "weights, correction, bounds, negatives", (o) => equity.concentrationIndex([1, 2], [1, 2], o)],
      ["theilDecomposition", "weights, alpha", (o) => equity.theilDecomposition([1, 2], ["a", "b"], o)],
      ["bootstrapInterval", "weights, replicates, seed, level", (o) => equity.bootstrapInterval([1, 2], (v) => v.length, o)],
      ["dissimilarityIndex", "totals", (o) => (equity.dissimilarityIndex as (...a: unknown[]) => unknown)([1, 2], [2, 1], o)],
      ["isolationIndex", "totals", (o) => equity.isolationIndex([1, 2], [2, 1], o)],
      ["exposureIndex", "totals", (o) => equity.exposureIndex(rows, "x", "y", o)],
      ["mutualInformationIndex", "base", (o) => equity.mutualInformationIndex(rows, { unit: "school", group: "sex" }, o)],
      ["mutualInformationIndex", "unit, group, count", (o) => equity.mutualInformationIndex(rows, { unit: "school", group: "sex", ...o } as never)],
      ["theilH", "unit, group, count", (o) => equity.theilH(rows, { unit: "school", group: "sex", ...o } as never)],
      ["segregationDecomposition", "base", (o) => equity.segregationDecomposition(rows, { unit: "school", group: "sex", within: "sex" }, o)],
      ["segregationDecomposition", "unit, group, count, within", (o) => equity.segregationDecomposition(rows, { unit: "school", group: "sex", within: "sex", ...o } as never)],
      ["gap", "direction", (o) => equity.gap(1, 2, o)],
      ["parityIndex", "adjusted", (o) => equity.parityIndex(1, 2, o)],
      ["parityBand", "lower, upper, direction", (o) => equity.parityBand(1, o)],
      ["riskRatio", "minCell, minN", (o) => equity.riskRatio({ count: 20, total: 50 }, { count: 20, total: 50 }, o)],
      ["alternateRiskRatio", "minCell, minN", (o) => equity.alternateRiskRatio({ count: 20, total: 50 }, { count: 20, total: 50 }, o)],
      ["weightedRiskRatio", "minCell, minN", (o) => equity.weightedRiskRatio([{ group: "a", count: 20, total: 50, stateTotal: 9 }], "a", o)],
      ["summarizeAcross", "measure, indicator, level, by, weight", (o) => equity.summarizeAcross(table, { measure: "gini", ...o } as never)],
      ["parityBetween", "dimension, reference, group, indicator, level, adjusted, direction, band", (o) => equity.parityBetween(table, { dimension: "school", reference: "a", ...o } as never)],
      ["teacherDistribution", "kind, teachers, group, order, correction", (o) => equity.teacherDistribution(rows, { kind: "x", teachers: "n", group: "sex", order: ["f", "m"], ...o } as never)],
      ["wilsonInterval", "level, z, continuityCorrection, designEffect", (o) => equity.wilsonInterval(3, 10, o)],
    ];
    it.each(calls)("%s throws invalid-option on a misspelt key, listing: %s", (fn, known, call) => {
      expect(codeOf(() => call({ confidence: 0.9 }))).toBe("invalid-option");
      expect(() => call({ confidence: 0.9 })).toThrowError(`${fn} has no ${known.includes("unit") ? "column" : "option"} "confidence"; known: ${known} (check the spelling)`);
    });
    it("names a misspelt weights key too (gini({ weight }) silently ignored the weights)", () => {
      expect(() => equity.gini([20, 40], { weight: [1, 3] } as never)).toThrowError('gini has no option "weight"; known: weights, corrected, negatives (check the spelling)');
    });
    it("throws invalid-option when options are not an object", () => {
      expect(() => equity.gini([1, 2], 5 as never)).toThrowError("gini requires an options object; got number");
      expect(() => equity.parityIndex(1, 2, [true] as never)).toThrowError("parityIndex requires an options object; got an array");
    });
    it("accepts known keys whose value is undefined (how summarizeAcross and the engine pass optional weights)", () => {
      expect(equity.gini([1, 3], { weights: undefined })).toBe(0.25);
      expect(equity.palmaRatio([4, 4], { weights: undefined })).toBe(0.25);
    });
  });
});
