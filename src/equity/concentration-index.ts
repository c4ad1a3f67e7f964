import type { Flag } from "../models/flags";
import { EmisInputError } from "../models/errors";
import { checkOptionKeys } from "./internal/options";
import { stableSum } from "../stats/sum";
import { ascendingOrder, finiteOrNull, normalise, totalWeight, wAt, weightedMean } from "./internal/core";
import { asArrayLike, invalidOption, readNumbers, readWeights, requireNonEmpty, requireNonNegative } from "./internal/input";
import type { Accessor, NumericInput, RowInput, WeightOptions } from "./internal/input";

/** Options for {@link concentrationIndex}. */
export interface ConcentrationIndexOptions<T = unknown> extends WeightOptions<T> {
  /**
   * `"none"` (default, Kakwani–Wagstaff–van Doorslaer C), `"wagstaff"` (Wagstaff 2005,
   * for bounded outcomes: C (b-a) mu / ((b-mu)(mu-a)); binary: C/(1-mu)) or
   * `"erreygers"` (Erreygers 2009: 4 mu C / (b-a)).
   */
  correction?: "none" | "wagstaff" | "erreygers";
  /**
   * Theoretical bounds [a, b] of the outcome for the corrections (not the observed
   * min/max, unlike R rineq). Default [0, 1] (a binary or share outcome).
   */
  bounds?: [number, number];
  /**
   * Negative outcomes: `"reject"` (default) throws `negative-value`, since C is defined
   * for non-negative outcomes (METHODS.md 3.6); `"allow"` reads signed outcomes (score
   * gains, net transfers), for which only the generalised index 2 cov(h, R) keeps its
   * meaning: C = GC / mu is unbounded and flips sign with mu (Erreygers & Van Ourti
   * 2011), and is `null` with `zero-mean` at mu = 0 while `generalized` is still given.
   */
  negatives?: "reject" | "allow";
}

/** Result of {@link concentrationIndex}. */
export interface ConcentrationIndexResult {
  /** The index with the chosen correction; `null` when undefined. */
  value: number | null;
  /** The uncorrected concentration index C. */
  concentration: number | null;
  /** Generalised concentration index mu * C = 2 cov_w(h, R); defined at mu = 0 too. */
  generalized: number | null;
  mean: number;
  n: number;
  /**
   * Standard error by the delta method of Kakwani, Wagstaff & van Doorslaer (1997),
   * unweighted data only (`null` with weights: use `bootstrapInterval`); for the
   * corrected indices it is scaled by the same factor, treating the mean as fixed.
   */
  standardError: number | null;
  correction: "none" | "wagstaff" | "erreygers";
  /** `single-unit` (one unit with positive weight), `zero-mean`, or `undefined-measure` (Wagstaff at mu = a or b). */
  flags: Flag[];
}

/**
 * Concentration index: the socioeconomic gradient of an outcome (enrolment,
 * completion, a test score) across units ranked by a living standard (wealth, SES);
 * positive = the outcome is concentrated among the better-off, in [-1, 1].
 *
 * Formula: fractional rank R_i = (weight of units ranked below + w_i/2)/W, tied
 * ranking values sharing the mean rank of their block; C = 2 cov_w(h, R) / mu_h
 * (Kakwani, Wagstaff & van Doorslaer 1997, J Econometrics 77:87). Corrections for
 * bounded outcomes as in Stata `conindex` (O'Donnell et al. 2016, Stata Journal
 * 16:112). Ranked by the outcome itself, C equals the Gini. Source: O'Donnell et al.
 * (2008) *Analyzing Health Equity Using Household Survey Data*, ch. 8; METHODS.md 3.6.
 *
 * Rules: empty throws `empty-input`; missing outcome or rank throws `missing-value`;
 * negative outcomes throw `negative-value` unless `negatives: "allow"` (generalised
 * index for signed outcomes); outcomes outside the bounds throw `invalid-value` when a
 * correction is asked; one unit with positive weight gives every index `null` with
 * `single-unit` (no ranking to correlate with; the single-unit rule of `equity/`:
 * measures that need two units return null); mean 0 gives `value` and `concentration` `null` with
 * `zero-mean` (`generalized` is 2 cov, 0 for all-zero outcomes); weights are frequency
 * weights.
 *
 * @param outcomes outcome per unit, with `ranks` the ranking variable; or rows with two accessors
 * @param options {@link ConcentrationIndexOptions}
 * @returns {@link ConcentrationIndexResult}
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `length-mismatch`, `invalid-value`, `invalid-weight`, `invalid-option`
 * @example
 * concentrationIndex([0, 0, 1, 1], [1, 2, 3, 4], { correction: "wagstaff" });
 * // { value: 1, concentration: 0.5, generalized: 0.25, mean: 0.5, n: 4, ... }
 */
export function concentrationIndex(outcomes: NumericInput, ranks: NumericInput, options?: ConcentrationIndexOptions): ConcentrationIndexResult;
export function concentrationIndex<T>(
  data: RowInput<T>,
  outcome: Accessor<T>,
  rank: Accessor<T>,
  options?: ConcentrationIndexOptions<T>,
): ConcentrationIndexResult;
export function concentrationIndex<T>(a: unknown, b: unknown, c?: unknown, d?: unknown): ConcentrationIndexResult {
  const fn = "concentrationIndex";
  const byRows = typeof b === "function" || typeof b === "string";
  if (a === null || a === undefined || typeof a !== "object") invalidOption(fn, "requires an array of outcomes or rows");
  let h: Float64Array;
  let r: Float64Array;
  let w: Float64Array | null;
  let options: ConcentrationIndexOptions<T>;
  if (byRows) {
    const data = asArrayLike(a as RowInput<T>);
    requireNonEmpty(fn, data.length);
    options = (d ?? {}) as ConcentrationIndexOptions<T>;
    h = readNumbers(fn, data, b as Accessor<T>, "outcome");
    r = readNumbers(fn, data, c as Accessor<T>, "rank");
    w = readWeights(fn, options.weights, data, h.length);
  } else {
    const ho = asArrayLike(a as NumericInput);
    if (b === null || b === undefined || typeof b !== "object") invalidOption(fn, "requires one rank per outcome");
    const ro = asArrayLike(b as NumericInput);
    requireNonEmpty(fn, ho.length);
    if (ro.length !== ho.length) {
      throw new EmisInputError("length-mismatch", `${fn} requires one rank per outcome; got ${ro.length} ranks for ${ho.length} outcomes`, { function: fn });
    }
    options = (c ?? {}) as ConcentrationIndexOptions<T>;
    h = readNumbers(fn, ho, undefined, "outcome");
    r = readNumbers(fn, ro, undefined, "rank");
    w = readWeights<T>(fn, options.weights, null, h.length);
  }
  checkOptionKeys(fn, options, ["weights", "correction", "bounds", "negatives"]);
  const correction = options.correction ?? "none";
  if (correction !== "none" && correction !== "wagstaff" && correction !== "erreygers") {
    invalidOption(fn, `requires correction "none", "wagstaff" or "erreygers"; got ${String(correction)}`);
  }
  const negatives = options.negatives ?? "reject";
  if (negatives !== "reject" && negatives !== "allow") invalidOption(fn, `requires negatives "reject" or "allow"; got ${String(negatives)}`);
  if (negatives === "reject") requireNonNegative(fn, h, "outcomes");
  const [lo, hi] = options.bounds ?? [0, 1];
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo < hi && Number.isFinite(hi - lo))) invalidOption(fn, `requires bounds [a, b] with a < b; got [${lo}, ${hi}]`);
  if (correction !== "none") {
    for (let i = 0; i < h.length; i++) {
      if (h[i] < lo || h[i] > hi) {
        throw new EmisInputError("invalid-value", `${fn} with the ${correction} correction requires outcomes within [${lo}, ${hi}]; got ${h[i]} at index ${i}`, { function: fn, index: i });
      }
    }
  }
  const n = h.length;
  let units = 0;
  for (let i = 0; i < n; i++) if (wAt(w, i) > 0) units++;
  if (units < 2) {
    // One unit has no ranking to correlate the outcome with (var(R) = 0): undefined.
    return { value: null, concentration: null, generalized: null, mean: weightedMean(h, w), n, correction, standardError: null, flags: ["single-unit"] };
  }
  // Outcomes and weights divided by powers of two (exact) so no sum can overflow; the
  // fractional ranks and C are scale-invariant, the mean and generalised index scale back.
  const z = normalise(h, w);
  const y = z.x;
  const v = z.w;
  const W = totalWeight(n, v);
  const m = weightedMean(y, v);
  const mu = z.scale * m;
  const base = { mean: mu, n, correction, standardError: null };

  // Fractional ranks with tie blocks sharing the mean rank.
  const order = ascendingOrder(r);
  const R = new Float64Array(n);
  let below = 0;
  for (let k = 0; k < n; ) {
    let end = k;
    let blockW = 0;
    while (end < n && r[order[end]] === r[order[k]]) blockW += wAt(v, order[end++]);
    for (let j = k; j < end; j++) R[order[j]] = (below + blockW / 2) / W;
    below += blockW;
    k = end;
  }
  const rBar = weightedMean(R, v);
  const cov = stableSum(Float64Array.from(y, (yi, i) => wAt(v, i) * (yi - m) * (R[i] - rBar))) / W;
  const generalized = finiteOrNull(2 * cov * z.scale);
  if (m === 0) return { ...base, value: null, concentration: null, generalized, flags: ["zero-mean"] };
  const C = (2 * cov) / m;

  let factor: number | null = 1;
  if (correction === "wagstaff") factor = mu === lo || mu === hi ? null : ((hi - lo) / (hi - mu)) * (mu / (mu - lo));
  if (correction === "erreygers") factor = 4 * (mu / (hi - lo));

  let se: number | null = null;
  if (v === null && n > 1) {
    // KWV (1997): var(C) = (1/n) [ (1/n) sum a_i^2 - (1 + C)^2 ],
    // a_i = (h_i/mu)(2R_i - 1 - C) + 2 - q_{i-1} - q_i, q_i the concentration curve ordinate.
    const a2 = new Float64Array(n);
    let q = 0;
    for (const i of order) {
      const qPrev = q;
      q += y[i] / (m * n);
      const ai = (y[i] / m) * (2 * R[i] - 1 - C) + 2 - qPrev - q;
      a2[i] = ai * ai;
    }
    const variance = (stableSum(a2) / n - (1 + C) * (1 + C)) / n;
    se = Math.sqrt(Math.max(0, variance));
  }
  // Wagstaff past the double range (mu within ~1e-308 of a bound) is undefined too.
  const value = factor === null ? null : finiteOrNull(C * factor);
  const flags: Flag[] = value === null ? ["undefined-measure"] : [];
  return {
    ...base,
    value,
    concentration: C,
    generalized,
    standardError: se === null || value === null ? null : finiteOrNull(se * Math.abs(factor!)),
    flags,
  };
}
