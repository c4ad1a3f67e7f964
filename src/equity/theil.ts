import { geCore } from "./internal/core";
import { readMeasureInput, requireNonNegative } from "./internal/input";
import type { Accessor, NumericInput, RowInput, WeightOptions } from "./internal/input";

/** Options for {@link theil}. */
export type TheilOptions<T = unknown> = WeightOptions<T>;

/**
 * Theil T index (Theil's first measure, GE(1)): an entropy measure of inequality,
 * sensitive to the top of the distribution; 0 = all equal, ln(n) = one unit holds all.
 *
 * Formula: T = sum_i (w_i/W) (x_i/mu) ln(x_i/mu), with 0 ln 0 = 0 (as PySAL
 * `inequality.theil`). Same as `generalizedEntropy(values, { alpha: 1 })` and ineq
 * `Theil(x, parameter = 0)`. Source: Theil (1967) *Economics and Information Theory*;
 * METHODS.md 3.2.
 *
 * Rules: empty throws `empty-input`; missing throws `missing-value`; negative throws
 * `negative-value`; zeros kept; one value gives 0; mean 0 gives `null`.
 *
 * @param values plain numbers, or rows with an `accessor`
 * @param options weights (frequency)
 * @returns Theil T, or `null` when the mean is 0
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-weight`, `invalid-option` (unknown option key)
 * @example
 * theil([0, 0, 0, 10]); // 1.3862944 (= ln 4)
 */
export function theil(values: NumericInput, options?: TheilOptions): number | null;
export function theil<T>(data: RowInput<T>, accessor: Accessor<T>, options?: TheilOptions<T>): number | null;
export function theil<T>(a: unknown, b?: unknown, c?: unknown): number | null {
  const { x, w } = readMeasureInput<T, TheilOptions<T>>("theil", a, b, c, ["weights"]);
  requireNonNegative("theil", x);
  return geCore(x, w, 1);
}
