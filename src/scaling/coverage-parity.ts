import { gap } from "../equity/gap";
import { parityBand } from "../equity/parity-band";
import { parityIndex } from "../equity/parity-index";
import type { ResultTable } from "../models/result";

/** Options of {@link coverageParity}. */
export interface CoverageParityOptions {
  by: string;
  /** Group of interest (likely under-served), e.g. `remote`. */
  group: string;
  /** Comparison group, e.g. `urban`. */
  reference: string;
  /** Default `innovation-pupil-coverage`. */
  indicator?: string;
}

/** Coverage parity of two groups in one year. */
export interface CoverageParityRow {
  year: string | null;
  indicator: string;
  by: string;
  group: string;
  reference: string;
  groupValue: number | null;
  referenceValue: number | null;
  /** group − reference, percentage points. */
  gap: number | null;
  /** UIS-adjusted parity index (group ÷ reference, symmetric around 1). */
  adjustedParityIndex: number | null;
  band: "parity" | "below" | "above" | null;
  /** True when either value is withheld by disclosure control. */
  withheld: boolean;
}

/**
 * Coverage parity between two groups, year by year, from the rows of `coverage`
 * (disclosure-controlled): the gap in percentage points, the UIS-adjusted parity index
 * (METHODS.md 2: PI if ≤ 1, else 2 − 1/PI) and its band (0.97-1.03 = parity).
 * Undefined values (withheld cells; both coverages 0) are `null`.
 * @param table rows from `coverage(...)`
 * @param options by, group, reference, indicator
 * @returns one row per year
 * @example coverageParity(rows, { by: "location", group: "remote", reference: "urban" })
 * // [{ year: "2024", groupValue: 10, referenceValue: 40, gap: -30, adjustedParityIndex: 0.25, band: "below", ... }]
 */
export function coverageParity(table: ResultTable, options: CoverageParityOptions): CoverageParityRow[] {
  const indicator = options.indicator ?? "innovation-pupil-coverage";
  const rows = table.filter((r) => r.indicator === indicator && r.level === options.by);
  const years = [...new Set(rows.map((r) => (r.year ?? null) as string | null))].sort((a, b) => String(a).localeCompare(String(b)));
  return years.map((year) => {
    const inYear = rows.filter((r) => (r.year ?? null) === year);
    const a = inYear.find((r) => r[options.by] === options.group);
    const b = inYear.find((r) => r[options.by] === options.reference);
    const av = a?.value ?? null;
    const bv = b?.value ?? null;
    const both = av !== null && bv !== null;
    const api = both && (av > 0 || bv > 0) ? parityIndex(av, bv, { adjusted: true }) : null;
    return {
      year,
      indicator,
      by: options.by,
      group: options.group,
      reference: options.reference,
      groupValue: av,
      referenceValue: bv,
      gap: both ? gap(av, bv).absolute : null,
      adjustedParityIndex: api,
      band: parityBand(api).band,
      withheld: Boolean(a?.suppressed || b?.suppressed),
    };
  });
}
