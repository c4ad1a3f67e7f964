import { weightedQuantile } from "../stats/quantile";
import { normalise } from "./internal/core";
import type { QuantileMethod } from "../stats/quantile";
import { invalidOption, readMeasureInput, requireNonNegative } from "./internal/input";
import type { Accessor, NumericInput, RowInput, WeightOptions } from "./internal/input";

/** Options for {@link restrictedRange} and {@link federalRangeRatio}. */
export interface RestrictedRangeOptions<T = unknown> extends WeightOptions<T> {
  /** Lower percentile as a share; default 0.05. */
  lower?: number;
  /** Upper percentile as a share; default 0.95. */
  upper?: number;
  /**
   * Percentile rule; default `"inverted-cdf"`, the nearest-rank pupil-weighted rule of
   * the 34 CFR 222 Subpart K appendix. `"linear"` (interpolated, unweighted only) can
   * differ materially on small data (METHODS.md section 9 item 8).
   */
  method?: QuantileMethod;
}

/** Read and check the percentile pair; shared with federalRangeRatio. */
export function percentilePair<T>(fn: string, a: unknown, b: unknown, c: unknown): { low: number; high: number } {
  const { x, w, options } = readMeasureInput<T, RestrictedRangeOptions<T>>(fn, a, b, c, ["weights", "lower", "upper", "method"]);
  const lower = options.lower ?? 0.05;
  const upper = options.upper ?? 0.95;
  if (!(lower >= 0 && upper <= 1 && lower <= upper)) invalidOption(fn, `requires 0 <= lower <= upper <= 1; got ${lower} and ${upper}`);
  const method = options.method ?? "inverted-cdf";
  requireNonNegative(fn, x);
  // Quantiles of x / 2^k times 2^k are exact and keep the weight sums finite.
  const z = normalise(x, w);
  const q = { weights: z.w ?? undefined, method };
  return { low: z.scale * weightedQuantile(z.x, lower, q), high: z.scale * weightedQuantile(z.x, upper, q) };
}

/**
 * Restricted range: the 95th minus the 5th percentile (by default), the range with the
 * extreme units set aside.
 *
 * Formula: P95 - P5, with percentiles of the pupil-weighted distribution taken by the
 * nearest-rank rule: rank units by value, accumulate pupils, take the unit at which the
 * cumulative share first reaches 5% / 95% (34 CFR 222 Subpart K appendix,
 * https://www.law.cornell.edu/cfr/text/34/part-222/subpart-K/appendix-lii4). Source:
 * Berne & Stiefel (1984); METHODS.md 3.7.
 *
 * Rules: empty throws `empty-input`; missing throws `missing-value`; negative values
 * throw `negative-value` (amounts per pupil are non-negative); weights are pupils; one
 * value gives 0.
 *
 * @param values plain numbers, or rows with an `accessor`
 * @param options {@link RestrictedRangeOptions}
 * @returns the restricted range
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-weight`, `invalid-option`
 * @example
 * restrictedRange([700, 820, 900, 1000, 1200], { weights: [4, 10, 70, 12, 4] }); // 180
 */
export function restrictedRange(values: NumericInput, options?: RestrictedRangeOptions): number;
export function restrictedRange<T>(data: RowInput<T>, accessor: Accessor<T>, options?: RestrictedRangeOptions<T>): number;
export function restrictedRange<T>(a: unknown, b?: unknown, c?: unknown): number {
  const { low, high } = percentilePair<T>("restrictedRange", a, b, c);
  return high - low;
}
