/**
 * Quantiles: weighted empirical quantiles with named rules, and the standard normal
 * quantile used by the interval helpers.
 */
import { quantileSorted } from "d3-array";
import { EmisInputError } from "../models/errors";

/**
 * Quantile rule, named as in numpy / Hyndman & Fan (1996):
 * - `"inverted-cdf"` (R type 1; the nearest-rank rule of the 34 CFR 222 Subpart K
 *   appendix): the first value, in ascending order, at which the cumulative weight
 *   share reaches p.
 * - `"averaged-inverted-cdf"` (R type 2, default): as above, but when the cumulative
 *   share lands exactly on p the value is averaged with the next one, so the
 *   unweighted median of an even count is the mean of the middle two.
 * - `"linear"` (R type 7, the d3-array / R default; unweighted only): linear
 *   interpolation, computed with d3-array `quantileSorted`.
 * Both inverted-CDF rules treat weights as frequencies (weights = replication).
 */
export type QuantileMethod = "inverted-cdf" | "averaged-inverted-cdf" | "linear";

/** Options for {@link weightedQuantile}. */
export interface QuantileOptions {
  /** One non-negative frequency weight per value (e.g. pupils per school). */
  weights?: ArrayLike<number>;
  /** Quantile rule; default `"averaged-inverted-cdf"`. */
  method?: QuantileMethod;
}

function fail(code: string, message: string, details: Record<string, unknown> = {}): never {
  throw new EmisInputError(code, message, { function: "weightedQuantile", ...details });
}

/**
 * Weighted quantile: the value below which a share p of the (weighted) units lie, e.g.
 * the pupil-weighted 5th percentile of spending per pupil across districts.
 *
 * Rules: empty input throws `empty-input`; missing values (null, NaN) throw
 * `missing-value`; weights must be finite and non-negative with a positive sum
 * (`invalid-weight`); units with weight 0 are ignored; p outside [0, 1] throws
 * `invalid-option`. Complexity O(n log n).
 *
 * @param values the values
 * @param p the quantile, 0..1
 * @param options {@link QuantileOptions}
 * @returns the quantile
 * @throws EmisInputError `empty-input`, `missing-value`, `invalid-weight`, `length-mismatch`, `invalid-option`
 * @example
 * weightedQuantile([1, 2, 3, 4], 0.5); // 2.5
 * weightedQuantile([1, 2, 3, 4], 0.5, { method: "inverted-cdf" }); // 2
 * weightedQuantile([10, 20], 0.5, { weights: [1, 3] }); // 20
 */
export function weightedQuantile(values: ArrayLike<number>, p: number, options: QuantileOptions = {}): number {
  const n = values.length;
  if (n === 0) fail("empty-input", "weightedQuantile requires at least one value; got none");
  if (!(p >= 0 && p <= 1)) fail("invalid-option", `weightedQuantile requires p in [0, 1]; got ${p}`);
  for (let i = 0; i < n; i++) {
    const v = values[i] as unknown;
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) {
      fail("missing-value", `weightedQuantile found a missing value at index ${i}; drop missing values first`, { index: i });
    }
    if (typeof v !== "number" || !Number.isFinite(v)) fail("invalid-value", `weightedQuantile requires finite numbers; got ${String(v)} at index ${i}`);
  }
  const method = options.method ?? "averaged-inverted-cdf";
  const w = options.weights;
  if (w !== undefined) {
    if (w.length !== n) fail("length-mismatch", `weightedQuantile requires one weight per value; got ${w.length} for ${n}`);
    let total = 0;
    for (let i = 0; i < n; i++) {
      if (!(Number.isFinite(w[i]) && w[i] >= 0)) fail("invalid-weight", `weightedQuantile requires finite non-negative weights; got ${w[i]} at index ${i}`);
      total += w[i];
    }
    if (!(total > 0)) fail("invalid-weight", "weightedQuantile requires weights with a positive sum; all weights are 0");
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  if (method === "linear") {
    if (w !== undefined) fail("invalid-option", 'weightedQuantile method "linear" is for unweighted data; use "inverted-cdf" or "averaged-inverted-cdf" with weights');
    return quantileSorted(order.map((i) => values[i]), p) as number;
  }
  if (method !== "inverted-cdf" && method !== "averaged-inverted-cdf") fail("invalid-option", `weightedQuantile has no method ${String(method)}`);
  const units = order.filter((i) => (w === undefined ? 1 : w[i]) > 0);
  let W = 0;
  for (const i of units) W += w === undefined ? 1 : w[i];
  const target = p * W;
  const tol = 1e-12 * W;
  let cum = 0;
  for (let k = 0; k < units.length; k++) {
    const i = units[k];
    cum += w === undefined ? 1 : w[i];
    if (cum >= target - tol && cum > 0) {
      if (method === "averaged-inverted-cdf" && Math.abs(cum - target) <= tol && k + 1 < units.length && p > 0) {
        return (values[i] + values[units[k + 1]]) / 2;
      }
      return values[i];
    }
  }
  return values[units[units.length - 1]];
}


/**
 * Standard normal quantile (probit): z with P(Z <= z) = p, by Wichura (1988) algorithm
 * AS 241 (PPND16), accurate to about 1e-16 also far in the tails (1e-10 gives
 * -6.361340902404056, as R `qnorm`). simple-statistics `probit` is not used: it gives
 * 1.95716 for 0.975 (exact 1.959964), too coarse to match survey software.
 *
 * @param p probability in (0, 1)
 * @returns the quantile
 * @throws EmisInputError `invalid-option` when p is not in (0, 1)
 * @example normalQuantile(0.975); // 1.9599639845400536 (R `qnorm(0.975)` prints 1.959963984540054)
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    throw new EmisInputError("invalid-option", `normalQuantile requires p strictly between 0 and 1; got ${p}`, { function: "normalQuantile" });
  }
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
          133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
        42.313330701600911252) * r + 1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    x =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
        0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -x : x;
}
