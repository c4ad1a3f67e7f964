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

/** Standard normal CDF by Marsaglia's (2004) Taylor series; about 1e-15 absolute for |x| < 8. */
function normalCdf(x: number): number {
  if (x < -8) return 0;
  if (x > 8) return 1;
  let s = x;
  let t = 0;
  let b = x;
  const q = x * x;
  let i = 1;
  while (s !== t) {
    t = s;
    i += 2;
    b *= q / i;
    s = t + b;
  }
  return 0.5 + s * Math.exp(-0.5 * q - 0.91893853320467274178);
}

/**
 * Standard normal quantile (probit): z with P(Z <= z) = p. Starts from Abramowitz &
 * Stegun 26.2.23 and refines with Newton steps on Marsaglia's CDF series, giving about
 * 15 significant digits (simple-statistics `probit` is only good to ~3 digits).
 *
 * @param p probability in (0, 1)
 * @returns the quantile
 * @throws EmisInputError `invalid-option` when p is not in (0, 1)
 * @example normalQuantile(0.975); // 1.959963984540052 (exact: 1.9599639845400545)
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    throw new EmisInputError("invalid-option", `normalQuantile requires p strictly between 0 and 1; got ${p}`, { function: "normalQuantile" });
  }
  if (p === 0.5) return 0;
  if (p < 0.5) return -normalQuantile(1 - p);
  const t = Math.sqrt(-2 * Math.log(1 - p));
  let x = t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
  for (let k = 0; k < 50; k++) {
    const density = Math.exp(-0.5 * x * x - 0.91893853320467274178);
    const dx = (normalCdf(x) - p) / density;
    x -= dx;
    if (Math.abs(dx) <= 1e-15 * Math.max(1, Math.abs(x))) break;
  }
  return x;
}
