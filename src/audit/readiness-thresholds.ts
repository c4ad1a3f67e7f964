/** Thresholds of the readiness matrix (shares in [0, 1]). */
export interface ReadinessThresholds {
  /** Least completeness for `ready`; default 0.95. */
  ready: number;
  /** Least completeness for `partial`; below it the cell is `not-possible`; default 0.80. */
  partial: number;
  /** Most groups withheld or below the minimum n for `ready` (share of known groups); default 0.20. */
  maxSmallShare: number;
}

/**
 * Default readiness thresholds. Completeness of a cell = the lowest of (a) the share of
 * the indicator's records whose outcome is known (1 − nExcluded ÷ (n + nExcluded) at
 * the national level), (b) the share of records with each required field filled, and
 * (c) the share of records whose equity dimension is not `unknown`.
 * - `ready`: completeness ≥ 95% and at most 20% of the known groups withheld by
 *   disclosure control or below the indicator's minimum n;
 * - `partial`: completeness ≥ 80%, or more groups than that are small;
 * - `not-possible`: a structural gap (no table, no field, no population denominator,
 *   not disaggregable by definition), completeness under 80%, or every group small.
 * The 95% bar follows the usual EMIS census-coverage target (UIS data-quality
 * assessment frameworks treat under 5% missing as complete); 80% is where a
 * breakdown still describes most of the population but needs a caveat.
 */
export const READINESS_THRESHOLDS: Readonly<ReadinessThresholds> = { ready: 0.95, partial: 0.8, maxSmallShare: 0.2 };
