import { EmisInputError } from "../../models/errors";
import type { LonelyPsuRule } from "../survey-design";
import type { ResolvedDesign } from "./resolve-design";

/** Variance and the strata that had a single sampled PSU (handled by `lonely`). */
export interface VarianceResult {
  variance: number;
  lonelyStrata: string[];
}

/**
 * Stratified between-PSU variance of a total of `z` (ultimate-cluster estimator):
 * V = Σ_h (1 − f_h) · n_h/(n_h − 1) · Σ_i (z_hi − z̄_h)², where z_hi is the total of `z`
 * over PSU i of stratum h. Strata with f_h = 1 (census) contribute 0 before the lonely
 * rule is consulted, as in R survey's `onestrat`. A stratum with one sampled PSU:
 * "error" throws; "remove" and "certainty" contribute 0; "adjust" contributes
 * (1 − f_h)(z_h1 − c)², c = (Σ of all PSU totals) / (number of PSUs), R survey ≥ 4.2.
 */
export function linearisedVariance(z: Float64Array, d: ResolvedDesign, lonely: LonelyPsuRule, fn: string): VarianceResult {
  const totals = new Float64Array(d.psuCount);
  for (let i = 0; i < d.rows; i++) totals[d.psuOf[i]] += z[i];
  const H = d.strataIds.length;
  const sum = new Float64Array(H);
  let grand = 0;
  for (let p = 0; p < d.psuCount; p++) {
    sum[d.psuStratum[p]] += totals[p];
    grand += totals[p];
  }
  const centre = grand / d.psuCount;
  const ss = new Float64Array(H);
  for (let p = 0; p < d.psuCount; p++) {
    const s = d.psuStratum[p];
    const nh = d.sampledPsu[s];
    const dev = nh > 1 ? totals[p] - sum[s] / nh : totals[p] - centre;
    ss[s] += dev * dev;
  }
  let variance = 0;
  const lonelyStrata: string[] = [];
  for (let s = 0; s < H; s++) {
    const fpcFactor = 1 - d.fraction[s];
    if (fpcFactor < 1e-7) continue; // census stratum: no sampling variance
    const nh = d.sampledPsu[s];
    if (nh > 1) {
      variance += (fpcFactor * nh * ss[s]) / (nh - 1);
      continue;
    }
    lonelyStrata.push(d.strataIds[s]);
    if (lonely === "error") {
      throw new EmisInputError(
        "lonely-psu",
        `${fn}: stratum ${JSON.stringify(d.strataIds[s])} has only one sampled PSU, so its variance cannot be estimated; ` +
          `merge it with a similar stratum or set options.lonely to "remove", "certainty" or "adjust"`,
        { stratum: d.strataIds[s] },
      );
    }
    if (lonely === "adjust") variance += fpcFactor * ss[s];
  }
  return { variance, lonelyStrata };
}
