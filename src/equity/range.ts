import { readMeasureInput, requireNonNegative } from "./internal/input";
import type { Accessor, NumericInput, RowInput, WeightOptions } from "./internal/input";

/** Options for {@link range}: units with weight 0 are left out. */
export type RangeOptions<T = unknown> = WeightOptions<T>;

/**
 * Range: the largest value minus the smallest (e.g. of spending per pupil across
 * districts), the crudest dispersion measure and the most sensitive to outliers.
 *
 * Formula: max - min over units with positive weight. Source: Berne & Stiefel (1984);
 * METHODS.md 3.7. Rules: empty throws `empty-input`; missing throws `missing-value`;
 * negative values throw `negative-value` (the equity layer's one rule: amounts per
 * pupil are non-negative; for signed data use d3-array `extent`); one value gives 0.
 *
 * @param values plain numbers, or rows with an `accessor`
 * @param options weights (units with weight 0 are ignored)
 * @returns max - min
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-weight`, `invalid-option` (unknown option key)
 * @example
 * range([820, 1000, 640, 1210]); // 570
 */
export function range(values: NumericInput, options?: RangeOptions): number;
export function range<T>(data: RowInput<T>, accessor: Accessor<T>, options?: RangeOptions<T>): number;
export function range<T>(a: unknown, b?: unknown, c?: unknown): number {
  const { x, w } = readMeasureInput<T, RangeOptions<T>>("range", a, b, c, ["weights"]);
  requireNonNegative("range", x);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (w !== null && w[i] === 0) continue;
    if (x[i] < min) min = x[i];
    if (x[i] > max) max = x[i];
  }
  return max - min;
}
