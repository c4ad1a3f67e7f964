import { geCore } from "./internal/core";
import { readMeasureInput, requireNonNegative } from "./internal/input";
import type { Accessor, NumericInput, RowInput, WeightOptions } from "./internal/input";

/** Options for {@link meanLogDeviation}. */
export type MeanLogDeviationOptions<T = unknown> = WeightOptions<T>;

/**
 * Mean log deviation (MLD, Theil L, GE(0)): the average log gap between the mean and
 * each value; sensitive to the bottom of the distribution, and decomposes with
 * population-share weights.
 *
 * Formula: L = -sum_i (w_i/W) ln(x_i/mu). Same as `generalizedEntropy(values,
 * { alpha: 0 })` and ineq `Theil(x, parameter = 1)`. Relation: Atkinson A(1) =
 * 1 - exp(-L). Source: METHODS.md 3.2.
 *
 * Rules: empty throws `empty-input`; missing throws `missing-value`; negative throws
 * `negative-value`; any zero value (with positive weight) gives `null` (ln 0 is
 * undefined; ineq returns Inf); one value gives 0; mean 0 gives `null`.
 *
 * @param values plain numbers, or rows with an `accessor`
 * @param options weights (frequency)
 * @returns the MLD, or `null` when undefined
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-weight`, `invalid-option` (unknown option key)
 * @example
 * meanLogDeviation([1, 3]); // 0.1438410 (= -(ln 0.5 + ln 1.5) / 2)
 */
export function meanLogDeviation(values: NumericInput, options?: MeanLogDeviationOptions): number | null;
export function meanLogDeviation<T>(data: RowInput<T>, accessor: Accessor<T>, options?: MeanLogDeviationOptions<T>): number | null;
export function meanLogDeviation<T>(a: unknown, b?: unknown, c?: unknown): number | null {
  const { x, w } = readMeasureInput<T, MeanLogDeviationOptions<T>>("meanLogDeviation", a, b, c, ["weights"]);
  requireNonNegative("meanLogDeviation", x);
  return geCore(x, w, 0);
}
