import { halfMeasure } from "./internal/half-index";
import type { McLooneOptions } from "./mcloone";
import type { Accessor, NumericInput, RowInput } from "./internal/input";

/** Options for {@link verstegen}: as McLoone; `medianRule` names the mirror rule for the upper half. */
export type VerstegenOptions<T = unknown> = McLooneOptions<T>;

/**
 * Verstegen index: the McLoone index of the upper half, i.e. how far the top of the
 * distribution pulls away from the median; 1 = no one above the median, higher = the
 * top pulls ahead.
 *
 * Formula: sum of w_i x_i over units above the median / (median * sum of their w_i);
 * `medianRule` `"below"` (default) means strictly above, `"at-or-below"` at-or-above,
 * `"lower-half"` the upper 50% of pupils. Source: Verstegen (1996), *Journal of
 * Education Finance* 22; METHODS.md 3.7.
 *
 * Rules: as {@link mcloone}; no unit strictly above the median gives 1.
 *
 * @param values plain numbers, or rows with an `accessor`
 * @param options {@link VerstegenOptions}
 * @returns the Verstegen index, or `null` when the median is 0
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-weight`, `invalid-option`
 * @example
 * verstegen([1, 2, 3, 4, 5]); // 1.5 ((4 + 5) / (3 * 2))
 */
export function verstegen(values: NumericInput, options?: VerstegenOptions): number | null;
export function verstegen<T>(data: RowInput<T>, accessor: Accessor<T>, options?: VerstegenOptions<T>): number | null;
export function verstegen<T>(a: unknown, b?: unknown, c?: unknown): number | null {
  return halfMeasure<T>("verstegen", "upper", a, b, c);
}
