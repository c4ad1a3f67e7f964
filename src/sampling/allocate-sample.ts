import { EmisInputError } from "../models/errors";

/** One stratum of the sampling frame, as {@link allocateSample} reads it. */
export interface StratumFrame {
  /** Stratum label. */
  id: string | number;
  /** Number of units (PSUs) in the stratum's population, a non-negative integer. */
  N: number;
  /** Population standard deviation of the study variable (Neyman allocation only). */
  S?: number;
  /** Cost of surveying one unit (optional, Neyman allocation only; default 1). */
  cost?: number;
}

/** Options of {@link allocateSample}. */
export interface AllocateSampleOptions {
  /** `proportional` to N_h; `neyman` to N_h·S_h/√c_h; `equal` shares. */
  method: "proportional" | "neyman" | "equal";
  /** Smallest sample per stratum (capped at N_h). Default 1: every stratum is sampled. */
  min?: number;
  /** Largest sample per stratum, on top of the cap N_h. Default: no extra cap. */
  max?: number;
}

/** One stratum's allocation. */
export interface StratumAllocation {
  id: string | number;
  N: number;
  /** Integer sample size n_h. */
  n: number;
  /** The real-valued allocation before rounding. */
  target: number;
}

/**
 * Allocation of a sample across strata (proportional, Neyman/optimum, or equal), with
 * bounds.
 *
 * Formula in words: each stratum gets a share of `n` proportional to a size measure
 * a_h (N_h for proportional; N_h·S_h/√cost_h for Neyman, the optimum allocation of
 * Cochran 1977 §5.5 that minimises the variance of the stratified mean for a fixed
 * cost; 1 for equal). Bounds lo_h = min(min, N_h) and hi_h = min(max, N_h) are met
 * exactly by taking n_h = clamp(λ·a_h, lo_h, hi_h) with the single λ that makes the
 * real-valued n_h sum to n (the box-constrained optimum; strata pushed to a bound keep
 * it, the rest share what is left in proportion to a_h). The real values are then
 * rounded by the largest-remainder (Hamilton) method: every stratum gets the integer
 * part, and the units still missing go to the largest fractional parts (ties: the
 * stratum listed first), so the integers sum exactly to n and stay within the bounds.
 * Strata with a_h = 0 (S_h = 0) receive only their minimum.
 *
 * Sources: Cochran (1977) *Sampling Techniques*, §5.5–5.9; Lohr (2022) *Sampling:
 * Design and Analysis*, §3.4. Missing data: `S` is required for every stratum under
 * Neyman allocation (no imputation).
 *
 * @param strata frame strata `{ id, N, S?, cost? }`
 * @param n total sample size, a non-negative integer
 * @param options method and bounds
 * @returns one `{ id, N, n, target }` per stratum, in input order; Σ n = n
 * @throws EmisInputError `invalid-strata`, `invalid-sample-size`,
 *   `sample-exceeds-population` (n > Σ hi_h), `minimum-exceeds-sample` (Σ lo_h > n),
 *   `missing-standard-deviation`, `allocation-infeasible` (Neyman with all S_h = 0)
 * @example
 * allocateSample([{ id: "A", N: 155 }, { id: "B", N: 62 }, { id: "R", N: 93 }], 40, { method: "proportional" });
 * // [{ id: "A", N: 155, n: 20, target: 20 }, { id: "B", N: 62, n: 8, target: 8 },
 * //  { id: "R", N: 93, n: 12, target: 12 }]
 */
export function allocateSample(
  strata: readonly StratumFrame[],
  n: number,
  options: AllocateSampleOptions,
): StratumAllocation[] {
  const fn = "allocateSample";
  if (!Array.isArray(strata) || strata.length === 0) {
    throw new EmisInputError("invalid-strata", `${fn} requires a non-empty array of strata { id, N }`, {});
  }
  if (!Number.isInteger(n) || n < 0) {
    throw new EmisInputError("invalid-sample-size", `${fn} requires n to be a non-negative integer; got ${n}`, { n });
  }
  const method = options?.method;
  if (method !== "proportional" && method !== "neyman" && method !== "equal") {
    throw new EmisInputError("invalid-method", `${fn} requires options.method "proportional", "neyman" or "equal"`, {
      method,
    });
  }
  const min = options.min ?? 1;
  const max = options.max ?? Infinity;
  if (!(min >= 0) || !Number.isInteger(min) || !(max >= 0) || (max !== Infinity && !Number.isInteger(max)) || max < min) {
    throw new EmisInputError("invalid-bounds", `${fn} requires integer bounds with 0 ≤ min ≤ max; got min ${min}, max ${max}`, {
      min,
      max,
    });
  }
  const H = strata.length;
  const lo = new Array<number>(H);
  const hi = new Array<number>(H);
  const a = new Array<number>(H);
  const seen = new Set<string>();
  for (let h = 0; h < H; h++) {
    const s = strata[h];
    if (!Number.isInteger(s?.N) || s.N < 0) {
      throw new EmisInputError("invalid-strata", `${fn} requires each stratum's N to be a non-negative integer; stratum ${h} has ${s?.N}`, {
        index: h,
      });
    }
    if (seen.has(String(s.id))) {
      throw new EmisInputError("invalid-strata", `${fn} requires distinct stratum ids; ${JSON.stringify(s.id)} repeats`, { id: s.id });
    }
    seen.add(String(s.id));
    lo[h] = Math.min(min, s.N);
    hi[h] = Math.min(max, s.N);
    if (method === "proportional") a[h] = s.N;
    else if (method === "equal") a[h] = s.N > 0 ? 1 : 0;
    else {
      const cost = s.cost ?? 1;
      if (typeof s.S !== "number" || !(s.S >= 0) || !Number.isFinite(s.S)) {
        throw new EmisInputError(
          "missing-standard-deviation",
          `${fn} with method "neyman" requires a finite S ≥ 0 for every stratum; stratum ${JSON.stringify(s.id)} has ${s.S}`,
          { id: s.id },
        );
      }
      if (!(cost > 0) || !Number.isFinite(cost)) {
        throw new EmisInputError("invalid-cost", `${fn} requires a positive finite cost; stratum ${JSON.stringify(s.id)} has ${cost}`, {
          id: s.id,
        });
      }
      a[h] = (s.N * s.S) / Math.sqrt(cost);
    }
  }
  const sumLo = lo.reduce((t, v) => t + v, 0);
  const sumHi = hi.reduce((t, v) => t + v, 0);
  const sumN = strata.reduce((t, s) => t + s.N, 0);
  if (n > sumN) {
    throw new EmisInputError("sample-exceeds-population", `${fn}: n = ${n} exceeds the population (Σ N_h = ${sumN}); lower n`, {
      n,
      population: sumN,
    });
  }
  if (n > sumHi) {
    throw new EmisInputError("sample-exceeds-population", `${fn}: n = ${n} exceeds Σ min(max, N_h) = ${sumHi}; raise options.max or lower n`, {
      n,
      capacity: sumHi,
    });
  }
  if (sumLo > n) {
    throw new EmisInputError(
      "minimum-exceeds-sample",
      `${fn}: the minimum of ${min} per stratum needs ${sumLo} units but n = ${n}; lower options.min or raise n`,
      { n, needed: sumLo },
    );
  }
  // Strata that can grow above their minimum must have a positive size measure.
  const growable = a.reduce((t, v, h) => t + (v > 0 ? hi[h] - lo[h] : 0), 0);
  if (sumLo + growable < n) {
    throw new EmisInputError(
      "allocation-infeasible",
      `${fn}: strata with a positive size measure cannot absorb n = ${n} (Neyman with S_h = 0 everywhere?); use method "proportional"`,
      { n },
    );
  }
  const target = solveClamped(a, lo, hi, n);
  return largestRemainder(target, lo, hi, n).map((v, h) => ({ id: strata[h].id, N: strata[h].N, n: v, target: target[h] }));
}

/** Real n_h = clamp(λ a_h, lo_h, hi_h) with Σ n_h = n; λ found on the piecewise-linear path. */
function solveClamped(a: number[], lo: number[], hi: number[], n: number): number[] {
  const H = a.length;
  const at = (lambda: number) => a.map((v, h) => Math.min(hi[h], Math.max(lo[h], lambda * v)));
  const total = (lambda: number) => at(lambda).reduce((t, v) => t + v, 0);
  const breaks = [0];
  for (let h = 0; h < H; h++) if (a[h] > 0) breaks.push(lo[h] / a[h], hi[h] / a[h]);
  const sorted = [...new Set(breaks.filter((b) => Number.isFinite(b)))].sort((x, y) => x - y);
  let left = 0;
  for (const b of sorted) {
    if (total(b) >= n) {
      // g is linear on [left, b]: solve g(λ) = n exactly.
      const gl = total(left);
      const mid = (left + b) / 2;
      const slope = a.reduce((t, v, h) => (v > 0 && mid * v > lo[h] && mid * v < hi[h] ? t + v : t), 0);
      const lambda = slope > 0 ? left + (n - gl) / slope : b;
      return at(Math.min(Math.max(lambda, left), b));
    }
    left = b;
  }
  return at(left);
}

/** Largest-remainder rounding within [lo, hi]; ties go to the stratum listed first. */
function largestRemainder(target: number[], lo: number[], hi: number[], n: number): number[] {
  const out = target.map((t, h) => Math.min(hi[h], Math.max(lo[h], Math.floor(t + 1e-9))));
  let missing = n - out.reduce((t, v) => t + v, 0);
  const order = target.map((t, h) => h).sort((x, y) => target[y] - out[y] - (target[x] - out[x]) || x - y);
  for (const h of order) {
    if (missing <= 0) break;
    if (out[h] < hi[h]) {
      out[h]++;
      missing--;
    }
  }
  // Floating-point guard: a target a hair below an integer was floored up.
  for (let k = order.length - 1; k >= 0 && missing < 0; k--) {
    const h = order[k];
    if (out[h] > lo[h]) {
      out[h]--;
      missing++;
    }
  }
  return out;
}
