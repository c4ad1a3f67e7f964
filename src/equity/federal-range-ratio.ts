import { finiteOrNull } from "./internal/core";
import { percentilePair } from "./restricted-range";
import type { RestrictedRangeOptions } from "./restricted-range";
import type { Accessor, NumericInput, RowInput } from "./internal/input";

/** Options for {@link federalRangeRatio}; see {@link RestrictedRangeOptions}. */
export type FederalRangeRatioOptions<T = unknown> = RestrictedRangeOptions<T>;

/**
 * Federal range ratio (the US Impact Aid disparity test): the restricted range as a
 * share of the 5th percentile; a State's aid program counts as equalising when it is at
 * most 0.25 (34 CFR 222.162).
 *
 * Formula: (P95 - P5) / P5, percentiles pupil-weighted by the nearest-rank rule of the
 * 34 CFR 222 Subpart K appendix (rank LEAs by per-pupil amount, accumulate pupils, take
 * the LEA where the cumulative share first reaches 5% / 95%). Source:
 * https://www.law.cornell.edu/cfr/text/34/part-222/subpart-K/appendix-lii4; METHODS.md 3.7.
 *
 * Rules: empty throws `empty-input`; missing throws `missing-value`; negative values
 * throw `negative-value` (a negative P5 would flip the sign of the ratio:
 * [1, -2, 3] is rejected, not -2.5); P5 = 0 gives `null`, and so does a ratio beyond
 * Number.MAX_VALUE; one value gives 0.
 *
 * @param values per-pupil amounts, or rows with an `accessor`
 * @param options {@link FederalRangeRatioOptions}; pass pupils as `weights`
 * @returns the ratio (0.22 means 22 percent), or `null` when P5 is 0
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-weight`, `invalid-option`
 * @example
 * // the appendix example: P5 reached at $820, P95 at $1,000
 * federalRangeRatio([700, 820, 900, 1000, 1200], { weights: [4, 10, 70, 12, 4] }); // 0.2195 (22 percent)
 */
export function federalRangeRatio(values: NumericInput, options?: FederalRangeRatioOptions): number | null;
export function federalRangeRatio<T>(data: RowInput<T>, accessor: Accessor<T>, options?: FederalRangeRatioOptions<T>): number | null;
export function federalRangeRatio<T>(a: unknown, b?: unknown, c?: unknown): number | null {
  const { low, high } = percentilePair<T>("federalRangeRatio", a, b, c);
  // A ratio past Number.MAX_VALUE (P5 below ~1e-308 of P95) has no double: null.
  return low === 0 ? null : finiteOrNull((high - low) / low);
}
