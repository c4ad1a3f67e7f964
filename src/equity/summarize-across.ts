import type { Flag } from "../models/flags";
import type { ResultTable } from "../models/result";
import { EmisInputError } from "../models/errors";
import { atkinson } from "./atkinson";
import { coefficientOfVariation } from "./coefficient-of-variation";
import { federalRangeRatio } from "./federal-range-ratio";
import { gini } from "./gini";
import { mcloone } from "./mcloone";
import { meanLogDeviation } from "./mean-log-deviation";
import { palmaRatio } from "./palma-ratio";
import { range } from "./range";
import { restrictedRange } from "./restricted-range";
import { shareRatio } from "./share-ratio";
import { theil } from "./theil";
import { verstegen } from "./verstegen";
import { checkOptionKeys } from "./internal/options";
import { groupRows, requireTable } from "./internal/result-table";

type Summary = (x: number[], w: number[] | undefined) => number | null;

const MEASURES = {
  gini: (x, w) => gini(x, { weights: w }),
  theil: (x, w) => theil(x, { weights: w }),
  "mean-log-deviation": (x, w) => meanLogDeviation(x, { weights: w }),
  atkinson: (x, w) => atkinson(x, { weights: w }),
  "coefficient-of-variation": (x, w) => coefficientOfVariation(x, { weights: w }),
  mcloone: (x, w) => mcloone(x, { weights: w }),
  verstegen: (x, w) => verstegen(x, { weights: w }),
  range: (x, w) => range(x, { weights: w }),
  "restricted-range": (x, w) => restrictedRange(x, { weights: w }),
  "federal-range-ratio": (x, w) => federalRangeRatio(x, { weights: w }),
  "palma-ratio": (x, w) => palmaRatio(x, { weights: w }),
  "share-ratio": (x, w) => shareRatio(x, { weights: w }),
} satisfies Record<string, Summary>;

/** A summary measure {@link summarizeAcross} can compute (each with its default options). */
export type SummaryMeasure = keyof typeof MEASURES;

/** Options for {@link summarizeAcross}. */
export interface SummarizeAcrossOptions {
  /** The measure across rows, e.g. `"gini"` of school PTRs. */
  measure: SummaryMeasure;
  /** Keep only this indicator; default: one summary per indicator found. */
  indicator?: string;
  /** Keep only rows at this level (e.g. `"school"`); default all rows given. */
  level?: string;
  /** Dimension columns to summarise within (e.g. `["district"]`); default none (one summary per indicator). */
  by?: string[];
  /**
   * Weight each row by one of its counts: `"denominator"` (pupils, for a PTR or a
   * pass rate), `"numerator"` or `"n"`. Default unweighted (each row counts once).
   */
  weight?: "numerator" | "denominator" | "n";
}

/** One summary row: the measure over the rows of one indicator (and `by` group). */
export interface SummaryRow {
  indicator: string;
  measure: SummaryMeasure;
  /** The level filtered on, or `null`. */
  level: string | null;
  /** The measure, or `null` when undefined (see flags). */
  value: number | null;
  /** Rows used. */
  n: number;
  /** Rows skipped because suppressed (never read as 0). */
  nSuppressed: number;
  /** Rows skipped because their value (or weight) was null. */
  nMissing: number;
  weighted: boolean;
  /** `empty-group`, `single-unit`, `zero-mean`, `undefined-measure`. */
  flags: Flag[];
  /** The `by` dimension columns. */
  [dimension: string]: string | number | boolean | null | Flag[];
}

/**
 * Summarise an indicator across the rows of a ResultTable with an inequality or
 * dispersion measure: the Gini of school PTRs, the CV of district pass rates, the
 * federal range ratio of spending per pupil weighted by pupils.
 *
 * Rows that are suppressed (`suppressed: true`) or have a `null` value (or a `null`
 * weight) are skipped and counted in `nSuppressed` / `nMissing`; they are never read as
 * 0. Each measure keeps its own rules and defaults (see `gini`, `coefficientOfVariation`
 * ...); weights are frequency weights taken from the chosen count column.
 *
 * @param table a ResultTable (already suppressed, as everything that leaves the engine)
 * @param options {@link SummarizeAcrossOptions}
 * @returns one {@link SummaryRow} per indicator and `by` group, in first-seen order
 * @throws EmisInputError `invalid-input`, `invalid-option`; and the measure's own errors (e.g. `negative-value`)
 * @example
 * summarizeAcross(ptrBySchool, { measure: "gini", level: "school", weight: "denominator" });
 * // [{ indicator: "ptr", measure: "gini", level: "school", value: 0.18, n: 240, nSuppressed: 3, nMissing: 1, ... }]
 */
export function summarizeAcross(table: ResultTable, options: SummarizeAcrossOptions): SummaryRow[] {
  const fn = "summarizeAcross";
  const rows = requireTable(fn, table);
  checkOptionKeys(fn, options, ["measure", "indicator", "level", "by", "weight"]);
  const measure = options?.measure;
  const f: Summary | undefined = (MEASURES as Record<string, Summary>)[measure as string];
  if (!f) throw new EmisInputError("invalid-option", `${fn} has no measure ${String(measure)}; use one of ${Object.keys(MEASURES).join(", ")}`, { function: fn });
  const by = options.by ?? [];
  const weight = options.weight;
  if (weight !== undefined && weight !== "numerator" && weight !== "denominator" && weight !== "n") {
    throw new EmisInputError("invalid-option", `${fn} requires weight "numerator", "denominator" or "n"; got ${String(weight)}`, { function: fn });
  }
  const kept = rows.filter((r) => (options.indicator === undefined || r.indicator === options.indicator) && (options.level === undefined || r.level === options.level));
  return groupRows(kept, (r) => [r.indicator, ...by.map((d) => r[d] ?? null)]).map(({ key, rows: group }) => {
    let nSuppressed = 0;
    let nMissing = 0;
    const x: number[] = [];
    const w: number[] = [];
    for (const r of group) {
      if (r.suppressed) nSuppressed++;
      else if (r.value === null || r.value === undefined || Number.isNaN(r.value)) nMissing++;
      else if (weight !== undefined && (r[weight] === null || r[weight] === undefined)) nMissing++;
      else {
        x.push(r.value);
        if (weight !== undefined) w.push(r[weight] as number);
      }
    }
    const flags: Flag[] = [];
    let value: number | null = null;
    const positive = weight === undefined || w.some((v) => v > 0);
    if (x.length === 0 || !positive) flags.push("empty-group");
    else {
      value = f(x, weight === undefined ? undefined : w);
      if (x.length === 1) flags.push("single-unit");
      if (value === null) flags.push(x.every((v) => v === 0) ? "zero-mean" : "undefined-measure");
    }
    const row: SummaryRow = { indicator: key[0] as string, measure, level: options.level ?? null, value, n: x.length, nSuppressed, nMissing, weighted: weight !== undefined, flags };
    by.forEach((d, k) => (row[d] = key[k + 1] as string | null));
    return row;
  });
}
