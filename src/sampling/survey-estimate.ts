import { EmisInputError } from "../models/errors";
import type { Flag } from "../models/flags";
import { stableSum } from "../stats/sum";
import { isMissing, readColumn, toNumber } from "./internal/accessor";
import { linearisedVariance } from "./internal/linearised-variance";
import { type AnalysisColumns, type SurveyStatistic, linearised, pointEstimate } from "./internal/point-estimate";
import { normalQuantile } from "../stats/quantile";
import { studentTQuantile } from "../stats/student-t";
import { raoWuWeights } from "./internal/rao-wu";
import { resolveDesign } from "./internal/resolve-design";
import type { Accessor, LonelyPsuRule, SurveyDesign } from "./survey-design";

export type { SurveyStatistic } from "./internal/point-estimate";

/** Options of {@link surveyEstimate}. */
export interface SurveyEstimateOptions<T> {
  /** Study variable (numeric; 0/1 or boolean for a proportion). */
  y: Accessor<T>;
  /** Denominator variable of a ratio (required for `statistic: "ratio"`). */
  x?: Accessor<T>;
  /** What to estimate. */
  statistic: SurveyStatistic;
  /** The sample design. */
  design: SurveyDesign<T>;
  /** Domain membership per row (`true`/`1` in, `false`/`0` out). Absent: every row. */
  domain?: Accessor<T>;
  /** Single-PSU strata: "error" (default, as R survey), "remove", "certainty", "adjust". */
  lonely?: LonelyPsuRule;
  /** Confidence level, default 0.95. */
  level?: number;
  /** "normal" (default, as R survey's `confint`) or "t" with df = #PSU − #strata. */
  interval?: "normal" | "t";
  /** Missing y (or x) inside the domain: "error" (default) or "exclude" (counted). */
  missing?: "error" | "exclude";
  /** "linearisation" (default) or "bootstrap" (Rao–Wu rescaling). */
  variance?: "linearisation" | "bootstrap";
  /** Bootstrap replicates, default 500. */
  replicates?: number;
  /** Bootstrap seed, default 1. */
  seed?: number;
}

/** Result of {@link surveyEstimate}; `null` values carry a flag saying why. */
export interface SurveyEstimateResult {
  statistic: SurveyStatistic;
  /** Point estimate (`null` when the denominator is 0). */
  estimate: number | null;
  /** Standard error. */
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  level: number;
  /** Design degrees of freedom, #PSU − #strata (used only by `interval: "t"`). */
  df: number;
  /** Design effect against simple random sampling without replacement (total, mean, proportion). */
  deff: number | null;
  /** Σ w·y over the domain (the estimated total of y). */
  numerator: number;
  /** N̂ (mean, proportion), X̂ (ratio) or null (total). */
  denominator: number | null;
  /** N̂ = Σ w over the domain: the estimated number of elements in it. */
  populationSize: number;
  /** Rows used: in the domain with y (and x) known. */
  n: number;
  /** Rows of the domain left out because y (or x) was missing (`missing: "exclude"`). */
  nExcluded: number;
  psuCount: number;
  strataCount: number;
  /** Strata with one sampled PSU, handled by the `lonely` rule. */
  lonelyStrata: string[];
  flags: Flag[];
}

/**
 * Design-based estimate of a total, mean, proportion or ratio from a complex sample
 * (stratified, clustered, weighted), with its standard error and confidence interval.
 *
 * Formula in words: the total is the Horvitz–Thompson sum Ŷ = Σ w_i y_i. A mean or
 * proportion is the ratio Ŷ/N̂ with N̂ = Σ w_i, and a ratio is Ŷ/X̂ (Cochran 1977 §6.11,
 * "combined ratio"). The variance is obtained by linearisation (Woodruff 1971): form the
 * influence variable z_i (w_i y_i for a total, w_i (y_i − R̂)/N̂ for a mean, w_i (y_i −
 * R̂ x_i)/X̂ for a ratio), add it up within each PSU (z_hi), and take V = Σ_h (1 − f_h) ·
 * n_h/(n_h − 1) · Σ_i (z_hi − z̄_h)² over strata h with n_h sampled PSUs. This is R
 * survey's `svytotal`/`svymean`/`svyratio` estimator for `svydesign(ids = ~psu, strata
 * = ~strata, fpc = ~fpc, weights = ~w)`. With `variance: "bootstrap"` the variance is
 * Σ_b (θ_b − θ̄)²/(B − 1) over B Rao–Wu replicates (see {@link surveyBootstrap}).
 *
 * Domains (subgroups) are estimated by zeroing y, x and the weight count outside the
 * domain while keeping every PSU and stratum of the design, never by dropping rows:
 * dropping rows would miscount n_h and understate the variance (Lohr 2022 §4.5;
 * R survey's `subset.survey.design`). The interval is estimate ± q·se, with q the normal
 * quantile by default (as R survey's `confint`, whose df defaults to Inf) or, with
 * `interval: "t"`, the Student t quantile with df = #PSU − #strata (as
 * `confint(..., df = degf(design))`). Quantiles come from internal AS 241 and
 * incomplete-beta routines (simple-statistics' `probit` is too coarse, 1.95716 for 97.5%).
 * `deff` is R's `deff = TRUE`: V divided by the variance under simple random sampling
 * without replacement of the same number of rows from a population of N̂.
 *
 * Missing data: y or x missing (null, undefined, NaN, "") inside the domain throws
 * `missing-value` by default, or with `missing: "exclude"` the row leaves the domain
 * (its PSU stays in the design), is counted in `nExcluded`, and the flag
 * `unknown-excluded` is set; a missing value is never read as 0. Missing outside the
 * domain is ignored. Missing design values always throw.
 *
 * Single-PSU ("lonely") strata, as R `options(survey.lonely.psu)`: "error" throws;
 * "remove" and "certainty" give the stratum no variance contribution (identical for a
 * one-stage design); "adjust" measures its PSU total from the overall mean PSU total,
 * (1 − f_h)(z_h1 − Σz/#PSU)² (R survey ≥ 4.2). Census strata (f_h = 1) contribute 0
 * whatever the rule. Handled lonely strata set the flag `single-unit`.
 *
 * Results: a zero denominator gives `estimate: null` with `zero-denominator` (and
 * `empty-group` when no row is in the domain). Complexity O(rows) for linearisation,
 * O(rows × replicates) for the bootstrap.
 *
 * @param rows the sample, one row per sampled element
 * @param options variable, statistic, design, domain and rules
 * @returns estimate, se, interval, df, deff, N̂, counts and flags
 * @throws EmisInputError `missing-value`, `non-numeric-value`, `not-binary`,
 *   `invalid-domain`, `lonely-psu`, `missing-weight`, `invalid-weight`, `invalid-fpc`,
 *   `fpc-below-sample`, `fpc-varies-within-stratum`, `mixed-fpc-forms`,
 *   `missing-design-value`, `invalid-option`, `empty-input`
 * @example
 * // Scheaffer, Mendenhall & Ott, Elementary Survey Sampling, Example 5.1 (TV hours):
 * // rows { town, hours, N }: 20 / 8 / 12 households from towns of N = 155 / 62 / 93.
 * surveyEstimate(rows, { y: "hours", statistic: "mean", design: { strata: "town", fpc: "N" } });
 * // { estimate: 27.675, se: 1.403396, ciLow: 24.924395, ciHigh: 30.425605, df: 37, deff: 0.7065, ... }
 */
export function surveyEstimate<T>(rows: readonly T[], options: SurveyEstimateOptions<T>): SurveyEstimateResult {
  const fn = "surveyEstimate";
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new EmisInputError("empty-input", `${fn} requires a non-empty array of sample rows`, {});
  }
  const statistic = options?.statistic;
  if (!["total", "mean", "proportion", "ratio"].includes(statistic)) {
    throw new EmisInputError("invalid-option", `${fn} requires options.statistic "total", "mean", "proportion" or "ratio"`, { statistic });
  }
  const lonely = options.lonely ?? "error";
  const level = options.level ?? 0.95;
  const interval = options.interval ?? "normal";
  const missing = options.missing ?? "error";
  const method = options.variance ?? "linearisation";
  checkOption(fn, "lonely", lonely, ["error", "remove", "certainty", "adjust"]);
  checkOption(fn, "interval", interval, ["normal", "t"]);
  checkOption(fn, "missing", missing, ["error", "exclude"]);
  checkOption(fn, "variance", method, ["linearisation", "bootstrap"]);
  if (!(level > 0 && level < 1)) {
    throw new EmisInputError("invalid-option", `${fn} requires options.level strictly between 0 and 1; got ${level}`, { level });
  }
  if (statistic === "ratio" && options.x === undefined) {
    throw new EmisInputError("invalid-option", `${fn} with statistic "ratio" requires options.x, the denominator variable`, {});
  }

  const design = resolveDesign(rows, options.design, fn);
  const { columns, n, nExcluded } = analysisColumns(rows, options, fn);
  const flags: Flag[] = [];
  if (nExcluded > 0) flags.push("unknown-excluded");

  const p = pointEstimate(design.weights, columns, statistic);
  const populationSize = stableSum(design.weights.map((w, i) => (columns.d[i] === 1 ? w : 0)));
  const df = design.psuCount - design.strataIds.length;
  const base = {
    statistic,
    level,
    df,
    numerator: p.numerator,
    denominator: p.denominator,
    populationSize,
    n,
    nExcluded,
    psuCount: design.psuCount,
    strataCount: design.strataIds.length,
  };
  if (p.estimate === null) {
    flags.push("zero-denominator");
    if (n === 0) flags.push("empty-group");
    // Lonely strata are still checked, so "error" fails the same way for every domain.
    const v = linearisedVariance(new Float64Array(design.rows), design, lonely, fn);
    if (v.lonelyStrata.length > 0) flags.push("single-unit");
    return { ...base, estimate: null, se: null, ciLow: null, ciHigh: null, deff: null, lonelyStrata: v.lonelyStrata, flags };
  }

  const lin = linearisedVariance(linearised(design.weights, columns, statistic, p), design, lonely, fn);
  let variance: number | null = lin.variance;
  if (method === "bootstrap") {
    const B = options.replicates ?? 500;
    const seed = options.seed ?? 1;
    if (!Number.isInteger(B) || B < 2) {
      throw new EmisInputError("invalid-option", `${fn} requires options.replicates to be an integer ≥ 2; got ${B}`, { replicates: B });
    }
    if (!Number.isInteger(seed)) {
      throw new EmisInputError("invalid-option", `${fn} requires options.seed to be an integer; got ${seed}`, { seed });
    }
    const reps = raoWuWeights(design, B, seed, lonely, fn).map((w) => pointEstimate(w, columns, statistic).estimate);
    if (reps.some((r) => r === null)) {
      variance = null;
      flags.push("undefined-measure");
    } else {
      const values = reps as number[];
      const mean = values.reduce((t, v) => t + v, 0) / B;
      variance = values.reduce((t, v) => t + (v - mean) * (v - mean), 0) / (B - 1);
    }
  }
  if (lin.lonelyStrata.length > 0) flags.push("single-unit");
  const se = variance === null ? null : Math.sqrt(Math.max(0, variance));
  const q = interval === "t" ? studentTQuantile(1 - (1 - level) / 2, df) : normalQuantile(1 - (1 - level) / 2);
  let ciLow: number | null = null;
  let ciHigh: number | null = null;
  if (se !== null && Number.isFinite(q)) {
    ciLow = p.estimate - q * se;
    ciHigh = p.estimate + q * se;
  } else if (se !== null) flags.push("no-interval");
  const deff = variance === null ? null : designEffectSrs(design.weights, columns, statistic, p.estimate, populationSize, n, variance);
  return { ...base, estimate: p.estimate, se, ciLow, ciHigh, deff, lonelyStrata: lin.lonelyStrata, flags };
}

function checkOption(fn: string, name: string, value: unknown, allowed: string[]): void {
  if (!allowed.includes(value as string)) {
    throw new EmisInputError("invalid-option", `${fn} requires options.${name} to be one of ${allowed.join(", ")}; got ${JSON.stringify(value)}`, {
      option: name,
      value,
    });
  }
}

function analysisColumns<T>(
  rows: readonly T[],
  options: SurveyEstimateOptions<T>,
  fn: string,
): { columns: AnalysisColumns; n: number; nExcluded: number } {
  const m = rows.length;
  const d = new Uint8Array(m).fill(1);
  if (options.domain !== undefined) {
    const raw = readColumn(rows, options.domain, fn, "options.domain");
    for (let i = 0; i < m; i++) {
      const v = raw[i];
      if (v === true || v === 1) d[i] = 1;
      else if (v === false || v === 0) d[i] = 0;
      else {
        throw new EmisInputError(
          "invalid-domain",
          `${fn} requires options.domain to give true/false (or 1/0) on every row; row ${i} gives ${JSON.stringify(v)}`,
          { row: i, value: v },
        );
      }
    }
  }
  const y = new Float64Array(m);
  const x = options.statistic === "ratio" ? new Float64Array(m) : null;
  const yRaw = readColumn(rows, options.y, fn, "options.y");
  const xRaw = x === null ? null : readColumn(rows, options.x as Accessor<T>, fn, "options.x");
  let nExcluded = 0;
  let firstMissing = -1;
  for (let i = 0; i < m; i++) {
    if (d[i] === 0) continue;
    const yi = toNumber(yRaw[i], fn, "options.y", i);
    const xi = xRaw === null ? 0 : toNumber(xRaw[i], fn, "options.x", i);
    if (Number.isNaN(yi) || Number.isNaN(xi)) {
      if (firstMissing < 0) firstMissing = i;
      nExcluded++;
      d[i] = 0;
      continue;
    }
    if (options.statistic === "proportion" && yi !== 0 && yi !== 1) {
      throw new EmisInputError("not-binary", `${fn} with statistic "proportion" requires y to be 0/1 or boolean; row ${i} holds ${JSON.stringify(yRaw[i])}`, {
        row: i,
        value: yRaw[i],
      });
    }
    y[i] = yi;
    if (x !== null) x[i] = xi;
  }
  if (nExcluded > 0 && (options.missing ?? "error") === "error") {
    throw new EmisInputError(
      "missing-value",
      `${fn}: ${nExcluded} row(s) in the domain have no ${xRaw !== null && isMissing(xRaw[firstMissing]) ? "x" : "y"} (first: row ${firstMissing}); ` +
        `fill them, or set options.missing to "exclude" to leave them out (counted in nExcluded)`,
      { count: nExcluded, firstRow: firstMissing },
    );
  }
  let n = 0;
  for (let i = 0; i < m; i++) n += d[i];
  return { columns: { y, x, d }, n, nExcluded };
}

/** R survey's deff = TRUE: V over the SRSWOR variance of the same statistic (total, mean, proportion). */
function designEffectSrs(
  w: Float64Array,
  c: AnalysisColumns,
  statistic: SurveyStatistic,
  estimate: number,
  N: number,
  n: number,
  variance: number,
): number | null {
  if (statistic === "ratio" || n < 2 || !(N > 0)) return null;
  const mean = statistic === "total" ? estimate / N : estimate;
  let ss = 0;
  for (let i = 0; i < w.length; i++) if (c.d[i] === 1) ss += w[i] * (c.y[i] - mean) * (c.y[i] - mean);
  const s2 = (ss / N) * (n / (n - 1));
  const srsMean = (s2 / n) * ((N - n) / N);
  const vsrs = statistic === "total" ? srsMean * N * N : srsMean;
  return vsrs > 0 ? variance / vsrs : null;
}
