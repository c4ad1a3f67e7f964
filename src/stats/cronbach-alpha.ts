import { sampleVariance } from "simple-statistics";
import { EmisInputError } from "../models/errors";

/** Result of {@link cronbachAlpha}. */
export interface CronbachAlpha {
  /** Cronbach's alpha, or null when undefined (fewer than 2 complete rows, or no total variance). */
  alpha: number | null;
  /** Items (columns). */
  k: number;
  /** Complete rows used. */
  n: number;
  /** Rows dropped by listwise deletion (any item missing). */
  nExcluded: number;
}

/**
 * Cronbach's alpha: internal-consistency reliability of a scale of k items (e.g. the
 * inclusive-pedagogy items of a school survey). Formula:
 * α = k ÷ (k − 1) × (1 − Σ var(item) ÷ var(sum of items)), sample variances (n − 1,
 * simple-statistics `sampleVariance`). Missing-data rule: listwise deletion (a row with
 * any NaN item is dropped and counted in `nExcluded`). Reading: 0.7 or more is usually
 * taken as acceptable for a scale; negative values mean items pull in opposite
 * directions (check reverse-coded items).
 * Source: Cronbach, L. J. (1951), Coefficient alpha and the internal structure of
 * tests, Psychometrika 16, 297-334, https://doi.org/10.1007/BF02310555
 * @param rows one array of item answers per respondent (same length)
 * @returns alpha (null when undefined) with the counts behind it
 * @throws EmisInputError when there are no rows, fewer than 2 items, or rows of different lengths
 * @example cronbachAlpha([[1, 2], [2, 3], [3, 3]]).alpha // 0.857142... = 2 × (1 − (1 + 1/3) ÷ (7/3))
 */
export function cronbachAlpha(rows: ReadonlyArray<ReadonlyArray<number>>): CronbachAlpha {
  if (rows.length === 0) throw new EmisInputError("empty-input", "cronbachAlpha requires at least one row of item answers");
  const k = rows[0].length;
  if (k < 2) throw new EmisInputError("invalid-input", "cronbachAlpha requires at least 2 items per row");
  if (rows.some((r) => r.length !== k)) throw new EmisInputError("invalid-input", "cronbachAlpha requires every row to have the same number of items");
  const complete = rows.filter((r) => r.every((v) => !Number.isNaN(v)));
  const n = complete.length;
  const out = { k, n, nExcluded: rows.length - n };
  if (n < 2) return { alpha: null, ...out };
  let itemVar = 0;
  for (let j = 0; j < k; j++) itemVar += sampleVariance(complete.map((r) => r[j]));
  const totalVar = sampleVariance(complete.map((r) => r.reduce((a, b) => a + b, 0)));
  if (totalVar === 0) return { alpha: null, ...out };
  return { alpha: (k / (k - 1)) * (1 - itemVar / totalVar), ...out };
}
