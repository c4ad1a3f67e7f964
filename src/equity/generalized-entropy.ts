import { geCore } from "./internal/core";
import { invalidOption, readMeasureInput, requireNonNegative } from "./internal/input";
import type { Accessor, NumericInput, RowInput, WeightOptions } from "./internal/input";

/** Options for {@link generalizedEntropy}. */
export interface GeneralizedEntropyOptions<T = unknown> extends WeightOptions<T> {
  /**
   * Sensitivity parameter alpha (any finite number; default 1 = Theil T). 0 is the
   * mean log deviation (Theil L), 2 is half the squared CV; lower alpha weighs the
   * bottom of the distribution more. Indexed as in ineq `entropy`, IC2, dineq, convey
   * and Stata `ineqdeco` (not as ineq `Theil(parameter=)`, METHODS.md section 9 item 1).
   */
  alpha?: number;
}

/**
 * Generalised entropy index GE(alpha): the family of additively decomposable inequality
 * measures (Shorrocks 1980), 0 = all equal.
 *
 * Formula: GE(a) = 1/(a(a-1)) * sum_i (w_i/W) [(x_i/mu)^a - 1] for a != 0, 1;
 * GE(0) = -sum (w_i/W) ln(x_i/mu); GE(1) = sum (w_i/W)(x_i/mu) ln(x_i/mu).
 * Source: METHODS.md 3.2; Shorrocks (1980) Econometrica 48:613; Cowell, *Measuring
 * Inequality*.
 *
 * Rules: empty input throws `empty-input`; missing values throw `missing-value`;
 * negative values throw `negative-value` (undefined for the whole family); zeros are
 * kept: 0 ln 0 = 0 for alpha = 1 and 0^alpha = 0 for alpha > 0, while any zero makes
 * alpha <= 0 undefined (`null`; ineq gives Inf, dineq silently drops zeros); one value
 * gives 0; mean 0 gives `null`; an index beyond Number.MAX_VALUE (alpha < 0 with
 * values spanning ~300 orders of magnitude) gives `null`, never Infinity. Sums are
 * overflow-safe up to Number.MAX_VALUE (values rescaled by a power of two).
 *
 * @param values plain numbers, or rows with an `accessor`
 * @param options {@link GeneralizedEntropyOptions}
 * @returns GE(alpha), or `null` when undefined
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-weight`, `invalid-option`
 * @example
 * generalizedEntropy([1, 3], { alpha: 2 }); // 0.125 (= CV^2 / 2 = 0.5^2 / 2)
 * generalizedEntropy([0, 4], { alpha: 0 }); // null (a zero with alpha <= 0)
 */
export function generalizedEntropy(values: NumericInput, options?: GeneralizedEntropyOptions): number | null;
export function generalizedEntropy<T>(data: RowInput<T>, accessor: Accessor<T>, options?: GeneralizedEntropyOptions<T>): number | null;
export function generalizedEntropy<T>(a: unknown, b?: unknown, c?: unknown): number | null {
  const fn = "generalizedEntropy";
  const { x, w, options } = readMeasureInput<T, GeneralizedEntropyOptions<T>>(fn, a, b, c, ["weights", "alpha"]);
  const alpha = options.alpha ?? 1;
  if (typeof alpha !== "number" || !Number.isFinite(alpha)) invalidOption(fn, `requires a finite alpha; got ${String(alpha)}`);
  requireNonNegative(fn, x);
  return geCore(x, w, alpha);
}
