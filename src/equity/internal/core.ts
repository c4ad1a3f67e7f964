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

/** The power of two at or just below m (1 when m is 0): dividing by it is exact. */
function pow2Scale(m: number): number {
  // log2 rounds up to 1024 near Number.MAX_VALUE; 2^1023 is the largest power of two.
  return m > 0 ? 2 ** Math.min(1023, Math.floor(Math.log2(m))) : 1;
}

/** Values and weights rescaled so that every sum stays far below Number.MAX_VALUE. */
export interface Normalised {
  /** x / scale, in [-2, 2]; units with weight 0 are set to 0 (they contribute nothing). */
  x: Float64Array;
  /** w / (power of two near the largest weight), in [0, 2]; `null` when unweighted. */
  w: Float64Array | null;
  /** The power of two the values were divided by: x = scale * normalised x, exactly. */
  scale: number;
}

/**
 * Overflow guard of every kernel (values and weights up to Number.MAX_VALUE): divide
 * the values by the power of two nearest their largest magnitude (over units with
 * positive weight) and the weights by the power of two nearest the largest weight.
 * Division by a power of two is exact, so ordinary data give bit-identical results;
 * the scale-invariant indices need no scaling back, means and quantiles are multiplied
 * by `scale` (exact again).
 */
export function normalise(x: ArrayLike<number>, w: ArrayLike<number> | null): Normalised {
  const n = x.length;
  let wmax = 0;
  if (w !== null) for (let i = 0; i < n; i++) if (w[i] > wmax) wmax = w[i];
  const ws = pow2Scale(wmax);
  let xmax = 0;
  for (let i = 0; i < n; i++) if (wAt(w, i) > 0 && Math.abs(x[i]) > xmax) xmax = Math.abs(x[i]);
  const scale = pow2Scale(xmax);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = wAt(w, i) > 0 ? x[i] / scale : 0;
  return { x: y, w: w === null ? null : Float64Array.from(w, (v) => v / ws), scale };
}

/**
 * Mean of already normalised values (sums stay small), clamped to the range of the
 * values: rounding must not lift the mean of [MAX_VALUE, MAX_VALUE] past MAX_VALUE.
 */
function meanOf(x: ArrayLike<number>, w: ArrayLike<number> | null): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    if (wAt(w, i) > 0) {
      if (x[i] < lo) lo = x[i];
      if (x[i] > hi) hi = x[i];
    }
  }
  let mean: number;
  if (w === null) mean = stableSum(x) / x.length;
  else {
    const wx = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) wx[i] = w[i] * x[i];
    mean = stableSum(wx) / stableSum(w);
  }
  return Math.min(hi, Math.max(lo, mean));
}

/** Weighted mean sum(w x) / sum(w), compensated sums, overflow-safe (see {@link normalise}). */
export function weightedMean(x: ArrayLike<number>, w: ArrayLike<number> | null): number {
  const z = normalise(x, w);
  return z.scale * meanOf(z.x, z.w);
}

/** Indices 0..n-1 ordered by ascending x; ties keep input order (stable). */
export function ascendingOrder(x: ArrayLike<number>): number[] {
  const n = x.length;
  // The values sorted natively (no comparator call per comparison); each index then
  // takes the next free place of its value's block, found by binary search, so equal
  // values (and -0 beside 0) keep index order, exactly as the comparator sort below.
  const sorted = Float64Array.from(x).sort();
  if (n > 0 && !(sorted[n - 1] === sorted[n - 1])) {
    // NaN sorts last natively but compares false: the comparator keeps the callers' old behaviour.
    const idx = Array.from({ length: n }, (_, i) => i);
    return idx.sort((a, b) => x[a] - x[b] || a - b);
  }
  const used = new Int32Array(n);
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    order[lo + used[lo]++] = i;
  }
  return order;
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

/** Gini G = sum sum w_i w_j |x_i - x_j| / (2 W^2 mu); null when the mean is 0. Overflow-safe. */
export function giniCore(x0: ArrayLike<number>, w0: ArrayLike<number> | null): number | null {
  const { x, w } = normalise(x0, w0);
  const mu = meanOf(x, w);
  if (mu === 0) return null;
  const W = totalWeight(x.length, w);
  return finiteOrNull(giniNumerator(x, w) / (W * W * mu));
}

/** A result past the double range has no value to report: null, never Infinity or NaN. */
export function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/**
 * Generalised entropy GE(alpha) of non-negative values. Zeros: 0 ln 0 = 0 for
 * alpha = 1 and 0^alpha = 0 for alpha > 0; any zero with positive weight makes
 * alpha <= 0 undefined (null). Mean 0 gives null.
 */
export function geCore(x0: ArrayLike<number>, w0: ArrayLike<number> | null, alpha: number): number | null {
  const { x, w } = normalise(x0, w0);
  const n = x.length;
  const mu = meanOf(x, w);
  if (!(mu > 0)) return null;
  const W = totalWeight(n, w);
  const logMu = Math.log(mu);
  const terms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const wi = wAt(w, i);
    if (wi === 0) continue;
    // A zero stays zero after rescaling only if it was zero (or below 2^-1074 of the max).
    if (x[i] === 0 && alpha <= 0) return null;
    // ln(x/mu) as ln x - ln mu: x/mu can underflow where the logarithm is finite.
    const lr = x[i] === 0 ? -Infinity : Math.log(x[i]) - logMu;
    const r = x[i] / mu;
    if (alpha === 1) terms[i] = r === 0 ? 0 : wi * r * lr;
    else if (alpha === 0) terms[i] = -wi * lr;
    else terms[i] = wi * (Math.exp(alpha * lr) - 1);
  }
  const s = stableSum(terms) / W;
  const value = alpha === 0 || alpha === 1 ? s : s / (alpha * (alpha - 1));
  // Rounding can leave -1e-17 for an equal distribution; the index is never negative.
  // GE(alpha < 0) of values spanning ~300 orders of magnitude exceeds the double range: null.
  return value < 0 && value > -1e-12 ? 0 : finiteOrNull(value);
}

/**
 * Atkinson A(e) = 1 - EDE / mu with EDE the equally distributed equivalent; null when
 * the mean is 0, or e >= 1 with a zero value.
 */
export function atkinsonCore(x0: ArrayLike<number>, w0: ArrayLike<number> | null, epsilon: number): number | null {
  const { x, w } = normalise(x0, w0);
  const ede = edeCore(x, w, epsilon);
  if (ede === null) return null;
  const mu = meanOf(x, w);
  const a = 1 - ede / mu;
  return Math.abs(a) < 1e-14 ? 0 : finiteOrNull(a);
}

/** Equally distributed equivalent value for Atkinson's epsilon. */
export function edeCore(x0: ArrayLike<number>, w0: ArrayLike<number> | null, epsilon: number): number | null {
  const { x, w, scale } = normalise(x0, w0);
  const n = x.length;
  const mu = meanOf(x, w);
  if (!(mu > 0)) return null;
  if (epsilon === 0) return scale * mu;
  const W = totalWeight(n, w);
  const logMu = Math.log(mu);
  const terms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const wi = wAt(w, i);
    if (wi === 0) continue;
    if (x[i] === 0 && epsilon >= 1) return null;
    const lr = x[i] === 0 ? -Infinity : Math.log(x[i]) - logMu;
    terms[i] = epsilon === 1 ? wi * lr : wi * Math.exp((1 - epsilon) * lr);
  }
  const s = stableSum(terms) / W;
  // e > 1: a term past the double range makes s Infinity and the EDE its limit 0.
  return scale * (epsilon === 1 ? mu * Math.exp(s) : mu * Math.pow(s, 1 / (1 - epsilon)));
}

/**
 * Coefficient of variation SD / mu with the variance divided by W (population) or
 * W - 1 (sample, frequency weights); null when the mean is 0 or W <= 1 for the sample
 * SD. Overflow-safe: computed on normalised values as sqrt(pop var * W/(W-1)) / mu,
 * the raw W used only in the W/(W-1) factor (1 in the limit when W overflows).
 */
export function cvCore(x0: ArrayLike<number>, w0: ArrayLike<number> | null, sample: boolean): number | null {
  const { x, w } = normalise(x0, w0);
  const n = x.length;
  const mu = meanOf(x, w);
  if (mu === 0) return null;
  const terms = new Float64Array(n);
  for (let i = 0; i < n; i++) terms[i] = wAt(w, i) * (x[i] - mu) * (x[i] - mu);
  let v = stableSum(terms) / totalWeight(n, w);
  if (sample) {
    const W = totalWeight(n, w0);
    if (!(W > 1)) return null;
    v *= Number.isFinite(W) ? W / (W - 1) : 1;
  }
  return finiteOrNull(Math.sqrt(v) / mu);
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
