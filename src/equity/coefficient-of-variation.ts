import { cvCore } from "./internal/core";
import { invalidOption, readMeasureInput, requireNonNegative } from "./internal/input";
import type { Accessor, NumericInput, RowInput, WeightOptions } from "./internal/input";

/** Options for {@link coefficientOfVariation}. */
export interface CoefficientOfVariationOptions<T = unknown> extends WeightOptions<T> {
  /**
   * `"population"` (default; divide by W, as ineq `var.coeff`, GE(2) = CV^2/2 and most
   * school-finance writing) or `"sample"` (divide by W - 1, spreadsheet `STDEV`; with
   * weights, W - 1 treats them as frequencies).
   */
  sd?: "population" | "sample";
}

/**
 * Coefficient of variation (CV): the standard deviation as a share of the mean, a
 * unit-free measure of dispersion (e.g. of spending per pupil or PTR across schools).
 *
 * Formula: CV = SD / mean, SD weighted by frequency weights; population SD by default
 * (METHODS.md 3.4 and section 9 item 2: the two choices differ by sqrt(n/(n-1))).
 * Source: Berne & Stiefel (1984); R ineq `var.coeff`.
 *
 * Rules: empty input throws `empty-input`; missing values throw `missing-value`;
 * negative values throw `negative-value` (a ratio-scale measure); zeros are kept; one
 * value gives 0 (sample SD: `null`); mean 0 gives `null`.
 *
 * @param values plain numbers, or rows with an `accessor`
 * @param options {@link CoefficientOfVariationOptions}
 * @returns the CV (a fraction, not a percent), or `null` when undefined
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-weight`, `invalid-option`
 * @example
 * coefficientOfVariation([2, 4, 4, 4, 5, 5, 7, 9]); // 0.4 (SD 2 / mean 5)
 */
export function coefficientOfVariation(values: NumericInput, options?: CoefficientOfVariationOptions): number | null;
export function coefficientOfVariation<T>(
  data: RowInput<T>,
  accessor: Accessor<T>,
  options?: CoefficientOfVariationOptions<T>,
): number | null;
export function coefficientOfVariation<T>(a: unknown, b?: unknown, c?: unknown): number | null {
  const fn = "coefficientOfVariation";
  const { x, w, options } = readMeasureInput<T, CoefficientOfVariationOptions<T>>(fn, a, b, c, ["weights", "sd"]);
  const sd = options.sd ?? "population";
  if (sd !== "population" && sd !== "sample") invalidOption(fn, `requires sd "population" or "sample"; got ${String(sd)}`);
  requireNonNegative(fn, x);
  return cvCore(x, w, sd === "sample");
}
