/**
 * Numeric kernels shared by the inequality measures, decompositions and the bootstrap.
 * They take validated `Float64Array`s (weights `null` = every unit weighs 1) and return
 * `null` when the measure is undefined. No validation happens here.
 *
 * Single-unit rule of `equity/`: one unit with positive weight is a perfectly equal
 * distribution, so a measure of spread returns its exact equal-distribution value
 * (Gini, CV, GE, Atkinson, ranges 0; McLoone, Verstegen 1; share ratios top/bottom;
 * Lorenz curve the diagonal), while a measure that needs two units by construction
 * returns `null` (corrected Gini, sample CV; concentrationIndex with flag
 * `single-unit`). Callers with a flag channel (summarizeAcross, the engine) add
 * `single-unit` to the scalar results.
 */
import { stableSum } from "../../stats/sum";

/** Weight of unit i (1 when unweighted). */
export function wAt(w: ArrayLike<number> | null, i: number): number {
  return w === null ? 1 : w[i];
}

/** Total weight W. */
export function totalWeight(n: number, w: ArrayLike<number> | null): number {
  return w === null ? n : stableSum(w);
}

/** Weighted mean sum(w x) / sum(w), compensated sums. */
export function weightedMean(x: ArrayLike<number>, w: ArrayLike<number> | null): number {
  if (w === null) return stableSum(x) / x.length;
  const wx = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) wx[i] = w[i] * x[i];
  return stableSum(wx) / stableSum(w);
}

/** Indices 0..n-1 ordered by ascending x; ties keep input order (stable). */
export function ascendingOrder(x: ArrayLike<number>): number[] {
  const idx = Array.from({ length: x.length }, (_, i) => i);
  idx.sort((a, b) => x[a] - x[b] || a - b);
  return idx;
}

/**
 * Gini mean-difference numerator: sum_i sum_j w_i w_j |x_i - x_j| / 2, computed in
 * O(n log n) from the sorted order as sum_i w_i x_i (weight below i - weight above i).
 */
export function giniNumerator(x: ArrayLike<number>, w: ArrayLike<number> | null): number {
  const order = ascendingOrder(x);
  const W = totalWeight(x.length, w);
  const terms = new Float64Array(x.length);
  let below = 0;
  for (const i of order) {
    const wi = wAt(w, i);
    const above = W - below - wi;
    terms[i] = wi * x[i] * (below - above);
    below += wi;
  }
  return stableSum(terms);
}

/** Gini G = sum sum w_i w_j |x_i - x_j| / (2 W^2 mu); null when the mean is 0. */
export function giniCore(x: ArrayLike<number>, w: ArrayLike<number> | null): number | null {
  const mu = weightedMean(x, w);
  if (mu === 0) return null;
  const W = totalWeight(x.length, w);
  return giniNumerator(x, w) / (W * W * mu);
}

/**
 * Generalised entropy GE(alpha) of non-negative values. Zeros: 0 ln 0 = 0 for
 * alpha = 1 and 0^alpha = 0 for alpha > 0; any zero with positive weight makes
 * alpha <= 0 undefined (null). Mean 0 gives null.
 */
export function geCore(x: ArrayLike<number>, w: ArrayLike<number> | null, alpha: number): number | null {
  const n = x.length;
  const mu = weightedMean(x, w);
  if (!(mu > 0)) return null;
  const W = totalWeight(n, w);
  const terms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const wi = wAt(w, i);
    if (wi === 0) continue;
    const r = x[i] / mu;
    if (r === 0 && alpha <= 0) return null;
    if (alpha === 1) terms[i] = r === 0 ? 0 : wi * r * Math.log(r);
    else if (alpha === 0) terms[i] = -wi * Math.log(r);
    else terms[i] = wi * (Math.pow(r, alpha) - 1);
  }
  const s = stableSum(terms) / W;
  const value = alpha === 0 || alpha === 1 ? s : s / (alpha * (alpha - 1));
  // Rounding can leave -1e-17 for an equal distribution; the index is never negative.
  return value < 0 && value > -1e-12 ? 0 : value;
}

/**
 * Atkinson A(e) = 1 - EDE / mu with EDE the equally distributed equivalent; null when
 * the mean is 0, or e >= 1 with a zero value.
 */
export function atkinsonCore(x: ArrayLike<number>, w: ArrayLike<number> | null, epsilon: number): number | null {
  const ede = edeCore(x, w, epsilon);
  if (ede === null) return null;
  const mu = weightedMean(x, w);
  const a = 1 - ede / mu;
  return Math.abs(a) < 1e-14 ? 0 : a;
}

/** Equally distributed equivalent value for Atkinson's epsilon. */
export function edeCore(x: ArrayLike<number>, w: ArrayLike<number> | null, epsilon: number): number | null {
  const n = x.length;
  const mu = weightedMean(x, w);
  if (!(mu > 0)) return null;
  if (epsilon === 0) return mu;
  const W = totalWeight(n, w);
  const terms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const wi = wAt(w, i);
    if (wi === 0) continue;
    if (x[i] === 0 && epsilon >= 1) return null;
    terms[i] = epsilon === 1 ? wi * Math.log(x[i] / mu) : wi * Math.pow(x[i] / mu, 1 - epsilon);
  }
  const s = stableSum(terms) / W;
  return epsilon === 1 ? mu * Math.exp(s) : mu * Math.pow(s, 1 / (1 - epsilon));
}

/** Weighted variance with divisor W (population) or W - 1 (sample, frequency weights). */
export function varianceCore(x: ArrayLike<number>, w: ArrayLike<number> | null, sample: boolean): number | null {
  const n = x.length;
  const W = totalWeight(n, w);
  const mu = weightedMean(x, w);
  const terms = new Float64Array(n);
  for (let i = 0; i < n; i++) terms[i] = wAt(w, i) * (x[i] - mu) * (x[i] - mu);
  const divisor = sample ? W - 1 : W;
  if (!(divisor > 0)) return null;
  return stableSum(terms) / divisor;
}

/**
 * Mean value of the population slice of share `p` (0..1] at one end of the ascending
 * order: the bottom `p` of the weight, or the top `p`. A unit straddling the cut is
 * split in proportion to its weight (library convention, METHODS.md 3.5). The slice
 * holds p * W of weight, so its share of the total is p * mean / mu.
 *
 * Computed as x_ref + sum (take_i / T)(x_i - x_ref) with x_ref the first unit taken
 * and T the weight taken: a slice of equal values gives exactly that value (no
 * 1 - 1e-16 residue), and every partial sum stays within the slice's range, so values
 * up to Number.MAX_VALUE cannot overflow.
 */
export function sliceMean(x: ArrayLike<number>, w: ArrayLike<number> | null, p: number, end: "bottom" | "top"): number {
  const order = ascendingOrder(x);
  if (end === "top") order.reverse();
  const want = p * totalWeight(x.length, w);
  const idx: number[] = [];
  const take: number[] = [];
  let T = 0;
  for (const i of order) {
    const wi = wAt(w, i);
    if (wi === 0) continue;
    const t = Math.min(wi, want - T);
    if (!(t > 0)) break;
    idx.push(i);
    take.push(t);
    T += t;
  }
  if (idx.length === 0) return x[order.find((i) => wAt(w, i) > 0)!];
  const ref = x[idx[0]];
  return ref + stableSum(idx.map((i, k) => (take[k] / T) * (x[i] - ref)));
}
