import { EmisInputError } from "../models/errors";
import { finiteOrNull, giniCore, giniNumerator, normalise, totalWeight, wAt } from "./internal/core";
import { readMeasureInput, requireNonNegative, invalidOption } from "./internal/input";
import type { Accessor, NumericInput, RowInput, WeightOptions } from "./internal/input";

/** Options for {@link gini}. */
export interface GiniOptions<T = unknown> extends WeightOptions<T> {
  /**
   * Multiply by n/(n-1) (ineq `Gini(x, corrected = TRUE)`), so that the most unequal
   * arrangement of n units scores 1. Unweighted data only. Default `false`.
   */
  corrected?: boolean;
  /**
   * What to do with negative values: `"reject"` (default) throws `negative-value`;
   * `"rsv"` uses the Raffinetti–Siletti–Vernizzi (2015) normalisation, which replaces
   * the mean by (T+ + |T-|) / W and keeps the index in [0, 1].
   */
  negatives?: "reject" | "rsv";
}

/**
 * Gini coefficient: how far a distribution (school PTRs, spending per pupil, pass
 * rates across districts) is from perfect equality; 0 = all equal, (n-1)/n = one unit
 * holds everything.
 *
 * Formula: half the mean absolute difference between all pairs of units, divided by
 * the mean, G = sum_i sum_j w_i w_j |x_i - x_j| / (2 W^2 mu); computed in O(n log n)
 * from the sorted values. Weights are frequency weights: the weighted index equals the
 * index of the replicated data (same as ineq and PySAL on replicated data).
 * Source: METHODS.md 3.1; R ineq `Gini` (https://cran.r-project.org/package=ineq).
 *
 * Rules: empty input throws `empty-input`; missing values (null, undefined, NaN) throw
 * `missing-value` (never read as 0); negative values throw `negative-value` unless
 * `negatives: "rsv"`; zeros are kept; one value gives 0 (corrected: `null`); mean 0
 * gives `null`. Values and weights up to Number.MAX_VALUE are divided by a power of two
 * before summing (exact; the index is scale-invariant), so the result is never NaN:
 * `gini([1e308, 1e308, 1])` is 1/3.
 *
 * @param values plain numbers, or rows with an `accessor` (function or column name)
 * @param options {@link GiniOptions}
 * @returns the Gini coefficient, or `null` when undefined (mean 0; corrected with n = 1)
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-weight`, `invalid-option`
 * @example
 * gini([541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261]); // 0.4620911 (ineq's example)
 * gini([{ ptr: 20 }, { ptr: 40 }], "ptr"); // 0.1666667
 */
export function gini(values: NumericInput, options?: GiniOptions): number | null;
export function gini<T>(data: RowInput<T>, accessor: Accessor<T>, options?: GiniOptions<T>): number | null;
export function gini<T>(a: unknown, b?: unknown, c?: unknown): number | null {
  const { x, w, options } = readMeasureInput<T, GiniOptions<T>>("gini", a, b, c, ["weights", "corrected", "negatives"]);
  const negatives = options.negatives ?? "reject";
  if (negatives !== "reject" && negatives !== "rsv") invalidOption("gini", `requires negatives "reject" or "rsv"; got ${String(negatives)}`);
  if (options.corrected && w !== null) {
    throw new EmisInputError("invalid-option", "gini's n/(n-1) correction is defined for unweighted data only; drop `corrected` or the weights", {
      function: "gini",
    });
  }
  let g: number | null;
  if (negatives === "reject") {
    requireNonNegative("gini", x);
    g = giniCore(x, w);
  } else {
    const z = normalise(x, w);
    const W = totalWeight(x.length, z.w);
    let abs = 0;
    for (let i = 0; i < x.length; i++) abs += wAt(z.w, i) * Math.abs(z.x[i]);
    g = abs === 0 ? null : finiteOrNull(giniNumerator(z.x, z.w) / (W * abs));
  }
  if (g === null) return null;
  if (options.corrected) {
    const n = x.length;
    return n < 2 ? null : (g * n) / (n - 1);
  }
  return g;
}
