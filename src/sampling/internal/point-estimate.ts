/** The statistics `surveyEstimate` computes. */
export type SurveyStatistic = "total" | "mean" | "proportion" | "ratio";

/** Prepared analysis variables: `y`, `x` and domain indicator `d` (0/1), zero where d = 0. */
export interface AnalysisColumns {
  y: Float64Array;
  x: Float64Array | null;
  d: Uint8Array;
}

/** Weighted numerator Σ w d y, denominator (Σ w d, Σ w d x or null) and estimate. */
export interface PointEstimate {
  numerator: number;
  denominator: number | null;
  estimate: number | null;
}

/** Horvitz–Thompson totals and their ratio, with domain zeroing. */
export function pointEstimate(w: Float64Array, c: AnalysisColumns, statistic: SurveyStatistic): PointEstimate {
  let num = 0;
  let den = 0;
  let cNum = 0;
  let cDen = 0;
  for (let i = 0; i < w.length; i++) {
    if (c.d[i] === 0) continue;
    // Neumaier-compensated sums: weights times values can span many magnitudes.
    const a = w[i] * c.y[i];
    const tn = num + a;
    cNum += Math.abs(num) >= Math.abs(a) ? num - tn + a : a - tn + num;
    num = tn;
    const b = statistic === "ratio" ? w[i] * (c.x as Float64Array)[i] : w[i];
    const td = den + b;
    cDen += Math.abs(den) >= Math.abs(b) ? den - td + b : b - td + den;
    den = td;
  }
  num += cNum;
  den += cDen;
  if (statistic === "total") return { numerator: num, denominator: null, estimate: num };
  return { numerator: num, denominator: den, estimate: den === 0 ? null : num / den };
}

/**
 * Linearised (influence) variable whose PSU totals give the variance: total, w·d·y;
 * mean and proportion, w·d·(y − R)/N̂; ratio, w·d·(y − R·x)/X̂ (Woodruff 1971).
 */
export function linearised(w: Float64Array, c: AnalysisColumns, statistic: SurveyStatistic, p: PointEstimate): Float64Array {
  const z = new Float64Array(w.length);
  const R = p.estimate as number;
  for (let i = 0; i < w.length; i++) {
    if (c.d[i] === 0) continue;
    if (statistic === "total") z[i] = w[i] * c.y[i];
    else if (statistic === "ratio") z[i] = (w[i] * (c.y[i] - R * (c.x as Float64Array)[i])) / (p.denominator as number);
    else z[i] = (w[i] * (c.y[i] - R)) / (p.denominator as number);
  }
  return z;
}
