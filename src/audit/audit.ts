import type { Dataset } from "../dataset/create-dataset";
import { readinessMatrix, type ReadinessCell, type ReadinessMatrixOptions } from "./readiness-matrix";
import { readinessScore } from "./readiness-score";
import { qualityFindings, type QualityFindingsOptions, type QualityReport } from "./quality-findings";
import { READINESS_THRESHOLDS, type ReadinessThresholds } from "./readiness-thresholds";
import { EQUITY_DIMENSIONS } from "./equity-dimensions";

/** Options of {@link audit}. */
export interface AuditOptions extends ReadinessMatrixOptions {
  quality?: QualityFindingsOptions;
}

/** Readiness of one equity dimension across the indicators it pairs with. */
export interface DimensionReadiness {
  dimension: string;
  label: string;
  ready: number;
  partial: number;
  notPossible: number;
  /** readinessScore of its cells (0-100), null without cells. */
  score: number | null;
}

/** Result of {@link audit}. */
export interface AuditResult {
  /** Overall readiness score, 0-100 (see `readinessScore`). */
  score: number | null;
  matrix: ReadinessCell[];
  dimensions: DimensionReadiness[];
  quality: QualityReport;
  thresholds: ReadinessThresholds;
}

/**
 * EMIS readiness audit: can this EMIS produce and disaggregate the equity indicators?
 * The readiness matrix (indicator × equity dimension, ready / partial / not possible
 * with reasons), a score per dimension and overall (ready 1, partial ½, not possible 0,
 * mean × 100), and the data-quality findings (duplicate ids, orphans, totals that do
 * not reconcile, impossible ages, outliers, free text in coded fields, year-on-year
 * jumps). Deterministic.
 * @param dataset from `createDataset`
 * @param options catalogue, indicators, dimensions, thresholds, quality-check options
 * @returns {@link AuditResult}
 * @example const a = audit(ds); a.score // 57.8 ; a.matrix[0] // { indicator: "enrolment", dimension: "sex", status: "ready", ... }
 */
export function audit(dataset: Dataset, options: AuditOptions = {}): AuditResult {
  const matrix = readinessMatrix(dataset, options);
  const dims = options.dimensions ?? EQUITY_DIMENSIONS;
  const dimensions = dims.map((d) => {
    const cells = matrix.filter((c) => c.dimension === d.id);
    return {
      dimension: d.id,
      label: d.label,
      ready: cells.filter((c) => c.status === "ready").length,
      partial: cells.filter((c) => c.status === "partial").length,
      notPossible: cells.filter((c) => c.status === "not-possible").length,
      score: readinessScore(cells),
    };
  });
  return {
    score: readinessScore(matrix),
    matrix,
    dimensions,
    quality: qualityFindings(dataset, options.quality),
    thresholds: { ...READINESS_THRESHOLDS, ...options.thresholds },
  };
}
