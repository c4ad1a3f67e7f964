import { linearRegression } from "simple-statistics";
import { EmisInputError } from "../models/errors";
import type { ResultRow } from "../models/result";

/** Options of {@link gapTrend}. */
export interface GapTrendOptions {
  indicator: string;
  /** Dimension whose two groups are compared (e.g. `sex`, `location`). */
  dimension: string;
  /** The group of interest (e.g. `female`, `rural`). */
  focal: string;
  /** The comparison group (e.g. `male`, `urban`). */
  reference: string;
  /** Other grouped dimensions and the codes to keep (e.g. `{ dzongkhag: "haa" }`); default none. */
  where?: Record<string, string>;
}

/** One year of a gap. */
export interface GapYear {
  year: number;
  focal: number | null;
  reference: number | null;
  /** focal − reference, in the indicator's unit (percentage points for percentages). */
  gap: number | null;
  /** gap − previous year's gap (null for the first year or when either is null). */
  change: number | null;
}

/** Result of {@link gapTrend}. */
export interface GapTrend {
  years: GapYear[];
  /** Last known gap − first known gap. */
  totalChange: number | null;
  /** Least-squares slope of the gap on the year (units per year); null with fewer than 2 known gaps. */
  slope: number | null;
  /** `narrowing` when |gap| shrank from first to last known year, `widening` when it grew, else `stable`. */
  direction: "narrowing" | "widening" | "stable" | null;
}

/**
 * Change and trend of a gap across years, from a by-year result
 * (`disaggregate(ds, [id], { by: ["year", "sex"] })`). Per year: gap = value(focal) −
 * value(reference); change = gap − previous year's gap; over the years: total change
 * (last − first known gap) and the least-squares slope of the gap on the year
 * (simple-statistics `linearRegression`). Missing-data rule: a suppressed or null value
 * gives a null gap for that year, which the total change and slope skip.
 * @throws EmisInputError when no row of the indicator is grouped by year and the dimension
 * @example gapTrend(rows, { indicator: "net-enrolment-rate-primary", dimension: "sex", focal: "female", reference: "male" })
 * // { years: [{ year: 2024, gap: -2, change: null }, { year: 2025, gap: -1, change: 1 }], totalChange: 1, slope: 1, direction: "narrowing" }
 */
export function gapTrend(rows: ReadonlyArray<ResultRow>, options: GapTrendOptions): GapTrend {
  const where = options.where ?? {};
  const wanted = new Set(["year", options.dimension, ...Object.keys(where)]);
  const picked = rows.filter((r) => {
    if (r.indicator !== options.indicator) return false;
    const dims = r.level === "total" ? [] : r.level.split("+");
    if (dims.length !== wanted.size || !dims.every((d) => wanted.has(d))) return false;
    return Object.entries(where).every(([d, v]) => r[d] === v);
  });
  if (picked.length === 0) {
    throw new EmisInputError("invalid-input", `gapTrend found no rows of ${options.indicator} grouped by year and ${options.dimension}; call disaggregate with by: ["year", "${options.dimension}"]`);
  }
  const byYear = new Map<number, { focal: number | null; reference: number | null }>();
  for (const r of picked) {
    const year = Number(r.year);
    if (!Number.isFinite(year)) continue;
    const y = byYear.get(year) ?? { focal: null, reference: null };
    if (r[options.dimension] === options.focal) y.focal = r.value;
    if (r[options.dimension] === options.reference) y.reference = r.value;
    byYear.set(year, y);
  }
  const years: GapYear[] = [];
  let previous: number | null = null;
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const { focal, reference } = byYear.get(year)!;
    const gap = focal === null || reference === null ? null : focal - reference;
    years.push({ year, focal, reference, gap, change: gap === null || previous === null ? null : gap - previous });
    previous = gap;
  }
  const known = years.filter((y) => y.gap !== null);
  if (known.length < 2) return { years, totalChange: null, slope: null, direction: null };
  const first = known[0].gap!;
  const last = known[known.length - 1].gap!;
  const slope = linearRegression(known.map((y) => [y.year, y.gap!])).m;
  const eps = 1e-12;
  const direction = Math.abs(last) < Math.abs(first) - eps ? "narrowing" : Math.abs(last) > Math.abs(first) + eps ? "widening" : "stable";
  return { years, totalChange: last - first, slope, direction };
}
