import type { Dataset } from "../dataset/create-dataset";
import { disaggregate } from "../disaggregate/disaggregate";
import type { SuppressionOptions } from "../disaggregate/internal/suppress";
import type { Catalogue } from "../indicators/resolve-indicators";
import type { InnovationAdoption } from "../models/innovation";
import type { ResultTable } from "../models/result";
import { withCoverageIndicators } from "./internal/catalogue-list";
import { withAdoption } from "./with-adoption";

/** Options of {@link coverage}. */
export interface CoverageOptions {
  innovation?: string;
  /** Dimensions to break coverage down by, one at a time (plus the national total). */
  by?: string[];
  /** School years to compute (adoptions up to each year count); default one run over all adoptions. */
  years?: number[];
  /** Which coverage: pupils, schools or both (default both). */
  indicators?: Array<"innovation-school-coverage" | "innovation-pupil-coverage">;
  catalogue?: Catalogue;
  suppression?: SuppressionOptions;
}

/**
 * Coverage of an innovation by group and over time: for each year, the share of
 * schools and of pupils reached (`COVERAGE_INDICATORS`), nationally and by each `by`
 * dimension, from one disclosure-controlled `disaggregate` call per year. Rows are
 * engine rows with a `year` column (the school year, as a string; `null` without years).
 * @param dataset from `createDataset` (schools and pupils)
 * @param adoptions `InnovationAdoption` rows
 * @param options innovation, by, years, indicators
 * @returns a ResultTable, year by year
 * @example
 * coverage(ds, adoptions, { by: ["location"], years: [2023, 2024] })
 * // [{ indicator: "innovation-school-coverage", level: "total", year: "2023", value: 12.5, ... }, ...]
 */
export function coverage(dataset: Dataset, adoptions: readonly InnovationAdoption[], options: CoverageOptions = {}): ResultTable {
  const ids = options.indicators ?? ["innovation-school-coverage", "innovation-pupil-coverage"];
  const cat = withCoverageIndicators(options.catalogue);
  const sets = [[], ...(options.by ?? []).map((d) => [d])];
  const years: Array<number | undefined> = options.years?.length ? [...options.years].sort((a, b) => a - b) : [undefined];
  const out: ResultTable = [];
  for (const year of years) {
    const { dataset: ds } = withAdoption(dataset, adoptions, { innovation: options.innovation, year });
    const rows = disaggregate(ds, ids, { groupingSets: sets, catalogue: cat, onInapplicable: "skip", suppression: options.suppression });
    for (const r of rows) out.push({ ...r, year: year === undefined ? null : String(year) });
  }
  return out;
}
