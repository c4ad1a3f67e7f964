import type { Catalogue } from "../indicators/resolve-indicators";
import type { Dataset } from "../dataset/create-dataset";
import type { MarginCheck } from "../dataset/internal/count-facts";
import type { InputAccount } from "../dataset/create-dataset";
import type { Flag } from "../models/flags";
import type { ResultTable } from "../models/result";
import type { AuditOptions, AuditResult } from "../audit/audit";
import type { Recommendation } from "../recommend/recommend";

/** A comparison of two groups of one dimension, overall and within each unit of `within`. */
export interface GapSpec {
  indicator: string;
  /** Dimension holding the two groups, e.g. `sex`. */
  by: string;
  /** The group of interest (often the likely disadvantaged one), e.g. `female`, `rural`, `Q1`. */
  group: string;
  /** The comparison group, e.g. `male`, `urban`, `Q5`. */
  reference: string;
  /** Compare within each unit of this dimension too (dzongkhag, state, exam year). */
  within?: string;
}

/** How much an indicator varies across the units of a dimension (districts, states). */
export interface SpreadSpec {
  indicator: string;
  across: string;
}

/**
 * Segregation of pupils across units (schools): how unevenly the groups of
 * `dimension` (SES quintiles, sex, disability...) are spread over the units of `unit`,
 * optionally decomposed into between- and within-`within` parts (ownership, district:
 * `unit` must nest in `within`). Counts come from the indicator `count` (default
 * `enrolment`) in the section's suppressed table; withheld cells are counted.
 */
export interface SegregationSpec {
  dimension: string;
  unit: string;
  within?: string;
  /** Two groups for the dissimilarity index, e.g. ["Q1", "Q5"]. */
  pair?: [string, string];
  count?: string;
}

/** Segregation indices for one spec (null where undefined). */
export interface SegregationRow {
  dimension: string;
  unit: string;
  within: string | null;
  units: number;
  /** Units left out because one of their cells is withheld by disclosure control. */
  unitsLeftOut: number;
  /** Unit × group cells hidden by disclosure control. */
  cellsWithheld: number;
  pair: [string, string] | null;
  dissimilarity: number | null;
  /** Mutual information index M (nats) and Theil's H over all groups (unknown excluded). */
  M: number | null;
  H: number | null;
  /** Share of M between the `within` units (e.g. between public and private schools). */
  betweenShare: number | null;
  flags: Flag[];
}

/** One section of a report: one data source and what to compute on it. */
export interface SectionSpec {
  id: string;
  title: string;
  /** Where the data come from (publisher, table, URL). */
  source: string;
  /** True for generated data: labelled SYNTHETIC wherever it appears. */
  synthetic?: boolean;
  dataset: Dataset;
  catalogue?: Catalogue;
  /** Indicators shown at the top, national level. */
  headline: string[];
  breakdowns?: Array<{ indicators: string[]; by: string[]; rollup?: boolean; cube?: boolean }>;
  gaps?: GapSpec[];
  spread?: SpreadSpec[];
  /** Caveats printed with the section (what the data cannot support, and why). */
  notes?: string[];
  /** Overrides the profile's minimum cell size. */
  minCell?: number;
  /** Gaps in published rates (see `publishedGaps`), ranked with the computed ones. */
  publishedGaps?: GapRow[];
  segregation?: SegregationSpec[];
  /** Readiness audit of the dataset (matrix, score, data quality): `true` for the defaults. */
  readiness?: boolean | AuditOptions;
  /**
   * Recommendation rules (a rule pack, packs or rules, e.g. `[defaultRules, bhutanRules]`),
   * evaluated on this section's suppressed table and readiness matrix.
   */
  rules?: unknown;
}

/** A computed gap between two groups. `gap` is in the indicator's unit (percentage points for percents). */
export interface GapRow {
  indicator: string;
  name: string;
  unit: string;
  direction: "higher-is-better" | "lower-is-better" | "neutral";
  by: string;
  group: string;
  reference: string;
  within: string | null;
  unitCode: string | null;
  groupValue: number;
  referenceValue: number;
  gap: number;
  relativeGap: number | null;
  parityIndex: number | null;
  adjustedParityIndex: number | null;
  band: "parity" | "below" | "above" | null;
  disadvantaged: "group" | "reference" | null;
  groupN: number | null;
  referenceN: number | null;
  flags: Flag[];
  /** `computed` from the data by the engine, or read from `published` rates. */
  origin: "computed" | "published";
}

/** Dispersion of an indicator's values across units (suppressed units skipped and counted). */
export interface SpreadRow {
  indicator: string;
  name: string;
  across: string;
  units: number;
  skippedUnits: number;
  min: number | null;
  minUnit: string | null;
  max: number | null;
  maxUnit: string | null;
  ratioMaxMin: number | null;
  gini: number | null;
  cv: number | null;
  flags: Flag[];
}

/** One computed section. */
export interface ReportSection {
  id: string;
  title: string;
  source: string;
  synthetic: boolean;
  notes: string[];
  headline: ResultTable;
  breakdowns: ResultTable;
  /** Display names of codes, by dimension (from the profile's units), e.g. labels.dzongkhag.paro = "Paro". */
  labels: Record<string, Record<string, string>>;
  /** Indicator names and units by id, for the indicators the section shows. */
  names?: Record<string, string>;
  units?: Record<string, string>;
  gaps: GapRow[];
  spread: SpreadRow[];
  segregation: SegregationRow[];
  /**
   * Readiness audit, when the spec asks for it. Its data-quality findings keep their
   * counts by rule but no records (they quote school-level figures that suppression
   * hides); run `audit()` for the records.
   */
  readiness?: AuditResult;
  /** Ranked, explained recommendations, when the spec gives rules. */
  recommendations?: Recommendation[];
  integrity: {
    accounts: Record<string, InputAccount>;
    issuesByCode: Record<string, number>;
    margins: { checked: number; reconciled: number; withoutParts: number; mismatches: MarginCheck[] };
  };
}

/** The whole report (JSON-serialisable). */
export interface EquityReport {
  title: string;
  sections: ReportSection[];
}
