import type { LonelyPsuRule } from "../survey-design";
import { linearisedVariance } from "./linearised-variance";
import { linearised, pointEstimate } from "./point-estimate";
import type { ResolvedDesign } from "./resolve-design";

/**
 * The design seen at PSU level: one "row" per PSU (its own PSU, its stratum), same
 * strata, sampled counts and fractions. Estimating from PSU totals of weighted values
 * on this design gives what `surveyEstimate` gives from the rows, because both the
 * Horvitz–Thompson totals and the linearised variance only read PSU totals.
 */
export function psuLevelDesign(d: ResolvedDesign): ResolvedDesign {
  const psuOf = new Uint32Array(d.psuCount);
  for (let p = 0; p < d.psuCount; p++) psuOf[p] = p;
  return {
    rows: d.psuCount,
    weights: new Float64Array(d.psuCount).fill(1),
    stratumOf: d.psuStratum,
    strataIds: d.strataIds,
    psuOf,
    psuStratum: d.psuStratum,
    psuCount: d.psuCount,
    sampledPsu: d.sampledPsu,
    fraction: d.fraction,
  };
}

/** Estimate of a total or a ratio from PSU totals, with its linearised variance. */
export interface PsuTotalsEstimate {
  /** Ŷ = Σ_p Y_p. */
  numerator: number;
  /** X̂ = Σ_p X_p, or null for a total. */
  denominator: number | null;
  /** Ŷ (total) or Ŷ/X̂ (ratio); null when X̂ = 0. */
  estimate: number | null;
  /** Linearised variance; null when the estimate is. */
  variance: number | null;
  lonelyStrata: string[];
}

/**
 * Total or ratio (combined ratio estimator, Cochran 1977 §6.11; a domain mean or
 * proportion is the ratio with x = 1 on the domain's rows) from `Y[p]` = Σ w·y and
 * `X[p]` = Σ w·x over the domain's rows of PSU p (zero for a PSU with no such rows: the
 * domain is zeroed, the design kept). Uses the same code as `surveyEstimate`:
 * `pointEstimate` (compensated sums), `linearised` (z_p = Y_p for a total, (Y_p − R̂ X_p)/X̂
 * for a ratio; Woodruff 1971) and `linearisedVariance` (ultimate-cluster variance with
 * fpc and the lonely-PSU rule; Lohr 2022 ch. 5–6, R survey's `svyratio`/`svytotal`).
 * @param psu the design from {@link psuLevelDesign}
 */
export function estimateFromPsuTotals(
  Y: Float64Array,
  X: Float64Array | null,
  psu: ResolvedDesign,
  lonely: LonelyPsuRule,
  fn: string,
): PsuTotalsEstimate {
  const statistic = X === null ? "total" : "ratio";
  const columns = { y: Y, x: X, d: new Uint8Array(psu.rows).fill(1) };
  const p = pointEstimate(psu.weights, columns, statistic);
  if (p.estimate === null) {
    const v = linearisedVariance(new Float64Array(psu.rows), psu, lonely, fn);
    return { ...p, variance: null, lonelyStrata: v.lonelyStrata };
  }
  const v = linearisedVariance(linearised(psu.weights, columns, statistic, p), psu, lonely, fn);
  return { ...p, variance: v.variance, lonelyStrata: v.lonelyStrata };
}
