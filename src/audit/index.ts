// audit/: can this EMIS produce and disaggregate the equity indicators?
export { audit } from "./audit";
export type { AuditOptions, AuditResult, DimensionReadiness } from "./audit";
export { readinessMatrix } from "./readiness-matrix";
export type { ReadinessCell, ReadinessMatrixOptions } from "./readiness-matrix";
export { readinessScore } from "./readiness-score";
export { READINESS_THRESHOLDS } from "./readiness-thresholds";
export type { ReadinessThresholds } from "./readiness-thresholds";
export { EQUITY_DIMENSIONS } from "./equity-dimensions";
export type { EquityDimension } from "./equity-dimensions";
export { qualityFindings } from "./quality-findings";
export type { QualityFinding, QualityFindingsOptions, QualityReport } from "./quality-findings";
export { renderAuditMarkdown } from "./render-audit-markdown";
export { renderAuditCsv } from "./render-audit-csv";
