import { EmisInputError } from "../models/errors";
import { raoWuWeights } from "./internal/rao-wu";
import { resolveDesign } from "./internal/resolve-design";
import type { LonelyPsuRule, SurveyDesign } from "./survey-design";

/** Options of {@link surveyBootstrap}. */
export interface SurveyBootstrapOptions<T> {
  design: SurveyDesign<T>;
  /** Number of replicates B, default 500. */
  replicates?: number;
  /** Seed of the generator, default 1. */
  seed?: number;
  /** Single-PSU strata: "error" (default), or "remove"/"certainty" (weights unchanged). */
  lonely?: LonelyPsuRule;
}

/** Replicate weights and how to turn replicate estimates into a variance. */
export interface SurveyBootstrapResult {
  /** Full-sample design weights. */
  weights: Float64Array;
  /** B arrays of replicate weights, one value per row. */
  replicateWeights: Float64Array[];
  /** Variance = scale · Σ_b (θ_b − θ̄)², with scale = 1/(B − 1). */
  scale: number;
}

/**
 * Stratified bootstrap replicate weights by the Rao–Wu rescaling bootstrap, the
 * resampling alternative to linearisation for any smooth statistic.
 *
 * Formula in words: in each replicate and each stratum h, draw n_h − 1 of the n_h
 * sampled PSUs with replacement; PSU i drawn r_hi times gets multiplier
 * 1 − λ_h + λ_h · n_h/(n_h − 1) · r_hi with λ_h = √(1 − f_h) (Rao, Wu & Yue 1992, so the
 * finite population correction carries over), and each row's weight is multiplied by
 * its PSU's multiplier. For a linear statistic the expected bootstrap variance equals
 * the linearisation variance of {@link surveyEstimate} exactly. This is R survey's
 * `as.svrepdesign(design, type = "subbootstrap")` scheme, with the fpc factor added.
 * Compute any statistic θ with each replicate's weights and estimate its variance as
 * Σ_b (θ_b − θ̄)²/(B − 1).
 *
 * Sources: Rao & Wu (1988) JASA 83:231; Rao, Wu & Yue (1992) Survey Methodology 18:209.
 * Missing data: design values as in {@link SurveyDesign} (missing labels throw).
 * Census strata (f_h = 1) keep multiplier 1. Single-PSU strata cannot be resampled:
 * "error" (default) and "adjust" throw; "remove"/"certainty" keep multiplier 1.
 *
 * @param rows the sample
 * @param options design, number of replicates, seed, lonely-PSU rule
 * @returns full-sample weights, B replicate-weight arrays and the variance scale
 * @throws EmisInputError `lonely-psu`, `invalid-option` and the design errors of
 *   {@link surveyEstimate}
 * @example
 * const rows = [{ s: "a", w: 2 }, { s: "a", w: 2 }, { s: "b", w: 3 }, { s: "b", w: 3 }];
 * const boot = surveyBootstrap(rows, { design: { strata: "s", weight: "w" }, replicates: 2, seed: 1 });
 * boot.replicateWeights.length; // 2
 * boot.replicateWeights[0].length; // 4 (each replicate weight is 0 or 2× the row's weight here)
 */
export function surveyBootstrap<T>(rows: readonly T[], options: SurveyBootstrapOptions<T>): SurveyBootstrapResult {
  const fn = "surveyBootstrap";
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new EmisInputError("empty-input", `${fn} requires a non-empty array of sample rows`, {});
  }
  const B = options?.replicates ?? 500;
  const seed = options?.seed ?? 1;
  const lonely = options?.lonely ?? "error";
  if (!Number.isInteger(B) || B < 2) {
    throw new EmisInputError("invalid-option", `${fn} requires options.replicates to be an integer ≥ 2; got ${B}`, { replicates: B });
  }
  if (!Number.isInteger(seed)) {
    throw new EmisInputError("invalid-option", `${fn} requires options.seed to be an integer; got ${seed}`, { seed });
  }
  if (!["error", "remove", "certainty", "adjust"].includes(lonely)) {
    throw new EmisInputError("invalid-option", `${fn} requires options.lonely "error", "remove" or "certainty"; got ${JSON.stringify(lonely)}`, {
      lonely,
    });
  }
  const design = resolveDesign(rows, options.design, fn);
  return { weights: design.weights, replicateWeights: raoWuWeights(design, B, seed, lonely, fn), scale: 1 / (B - 1) };
}
