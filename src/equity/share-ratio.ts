import { shareRatioOf } from "./internal/share";
import type { Accessor, NumericInput, RowInput, WeightOptions } from "./internal/input";

/** Options for {@link shareRatio}. */
export interface ShareRatioOptions<T = unknown> extends WeightOptions<T> {
  /** Population share at the top; default 0.2 (S80/S20). */
  top?: number;
  /** Population share at the bottom; default 0.2. */
  bottom?: number;
}

/**
 * Share ratio (S80/S20 quintile share ratio, the UNDP "20:20 ratio", S90/S10...): the
 * share of the total held by the top `top` of units divided by the share held by the
 * bottom `bottom`.
 *
 * Formula: rank units by value, accumulate weights, and when a cut falls inside a unit
 * split that unit's weight in proportion (library convention, METHODS.md 3.5; R
 * `convey::svyqsr` uses weighted quantiles instead, so small samples can differ; both
 * agree when n is divisible by the cut: 1..20 gives 7.4). Source: Eurostat quintile
 * share ratio; METHODS.md 3.5.
 *
 * Rules: empty throws `empty-input`; missing throws `missing-value`; negative throws
 * `negative-value`; zeros kept; bottom share 0 gives `null`, and so does a ratio beyond
 * Number.MAX_VALUE; one unit (the single-unit rule of `equity/`: one unit is a
 * perfectly equal distribution) or all equal give exactly top/bottom (1 for S80/S20),
 * computed as (top * mean of the top slice) / (bottom * mean of the bottom slice) so no
 * 1 - 1e-16 residue is left.
 *
 * @param values plain numbers, or rows with an `accessor`
 * @param options {@link ShareRatioOptions}
 * @returns the ratio, or `null` when the bottom share is 0
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-weight`, `invalid-option`
 * @example
 * shareRatio(Array.from({ length: 20 }, (_, i) => i + 1)); // 7.4 ((17+18+19+20) / (1+2+3+4))
 */
export function shareRatio(values: NumericInput, options?: ShareRatioOptions): number | null;
export function shareRatio<T>(data: RowInput<T>, accessor: Accessor<T>, options?: ShareRatioOptions<T>): number | null;
export function shareRatio<T>(a: unknown, b?: unknown, c?: unknown): number | null {
  return shareRatioOf<T>("shareRatio", a, b, c, 0.2, 0.2);
}
