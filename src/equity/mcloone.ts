import { halfMeasure } from "./internal/half-index";
import type { MedianRule } from "./internal/half-index";
import type { Accessor, NumericInput, RowInput, WeightOptions } from "./internal/input";

export type { MedianRule } from "./internal/half-index";

/** Options for {@link mcloone} and {@link verstegen}. */
export interface McLooneOptions<T = unknown> extends WeightOptions<T> {
  /**
   * Which units form the lower half: `"below"` (default; strictly below the median),
   * `"at-or-below"`, or `"lower-half"` (the lowest 50% of pupils, splitting the unit at
   * the cut). Conventions differ between sources (METHODS.md 3.7, section 9 item 8).
   */
  medianRule?: MedianRule;
}

/**
 * McLoone index: how close the lower half of the distribution (of spending per pupil,
 * teachers per pupil...) comes to the median; 1 = everyone below the median is brought
 * up to it, lower = the bottom falls further behind.
 *
 * Formula: sum of w_i x_i over units below the median / (median * sum of their w_i),
 * the median pupil-weighted (weighted quantile, R type 2: the midpoint when the
 * cumulative share hits 50% exactly). Source: Berne & Stiefel (1984) *The Measurement of
 * Equity in School Finance*; Odden & Picus, *School Finance*; METHODS.md 3.7. Weights
 * are pupils (frequency weights), the usual unit of analysis in school finance.
 *
 * Rules: empty throws `empty-input`; missing throws `missing-value`; negative throws
 * `negative-value`; zeros kept; one value gives 1; median 0 gives `null`; with
 * `"below"`, no unit strictly below the median gives 1.
 *
 * @param values plain numbers, or rows with an `accessor`
 * @param options {@link McLooneOptions}
 * @returns the McLoone index, or `null` when the median is 0
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-weight`, `invalid-option`
 * @example
 * mcloone([1, 2, 3, 4, 5]); // 0.5 (median 3; (1 + 2) / (3 * 2))
 * mcloone([1, 2, 3, 4, 5], { medianRule: "lower-half" }); // 0.6 ((1 + 2 + 1.5) / (3 * 2.5))
 */
export function mcloone(values: NumericInput, options?: McLooneOptions): number | null;
export function mcloone<T>(data: RowInput<T>, accessor: Accessor<T>, options?: McLooneOptions<T>): number | null;
export function mcloone<T>(a: unknown, b?: unknown, c?: unknown): number | null {
  return halfMeasure<T>("mcloone", "lower", a, b, c);
}
