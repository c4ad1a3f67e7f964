import { EmisInputError } from "../../models/errors";
import { seededRandom } from "../../stats/random";
import type { LonelyPsuRule } from "../survey-design";
import type { ResolvedDesign } from "./resolve-design";

/**
 * Rao–Wu (1988) rescaling bootstrap with m_h = n_h − 1 resampled PSUs per stratum and
 * the finite population correction of Rao, Wu & Yue (1992): the multiplier of PSU i is
 * 1 − λ_h + λ_h · n_h/(n_h − 1) · r_hi, λ_h = √(1 − f_h), r_hi the times it was drawn.
 * Census strata (f_h = 1) and, under "remove"/"certainty", single-PSU strata keep
 * multiplier 1 (no variance contribution), matching the linearisation rules.
 */
export function raoWuWeights(
  d: ResolvedDesign,
  replicates: number,
  seed: number,
  lonely: LonelyPsuRule,
  fn: string,
): Float64Array[] {
  const H = d.strataIds.length;
  const psuByStratum: number[][] = Array.from({ length: H }, () => []);
  for (let p = 0; p < d.psuCount; p++) psuByStratum[d.psuStratum[p]].push(p);
  for (let s = 0; s < H; s++) {
    if (d.sampledPsu[s] > 1 || 1 - d.fraction[s] < 1e-7) continue;
    if (lonely === "error" || lonely === "adjust") {
      throw new EmisInputError(
        "lonely-psu",
        `${fn}: stratum ${JSON.stringify(d.strataIds[s])} has only one sampled PSU, which the bootstrap cannot resample; ` +
          `merge it with a similar stratum or set options.lonely to "remove" or "certainty"`,
        { stratum: d.strataIds[s], lonely },
      );
    }
  }
  const random = seededRandom(seed);
  const multiplier = new Float64Array(d.psuCount);
  const out: Float64Array[] = [];
  for (let b = 0; b < replicates; b++) {
    multiplier.fill(1);
    for (let s = 0; s < H; s++) {
      const nh = d.sampledPsu[s];
      const lambda = Math.sqrt(Math.max(0, 1 - d.fraction[s]));
      if (nh < 2 || lambda < 1e-7) continue;
      const list = psuByStratum[s];
      for (const p of list) multiplier[p] = 1 - lambda;
      const step = (lambda * nh) / (nh - 1);
      for (let k = 0; k < nh - 1; k++) multiplier[list[Math.floor(random() * nh)]] += step;
    }
    const w = new Float64Array(d.rows);
    for (let i = 0; i < d.rows; i++) w[i] = d.weights[i] * multiplier[d.psuOf[i]];
    out.push(w);
  }
  return out;
}
