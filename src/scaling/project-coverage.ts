import type { Dataset } from "../dataset/create-dataset";
import type { SuppressionOptions } from "../disaggregate/internal/suppress";
import { parityIndex } from "../equity/parity-index";
import type { Catalogue } from "../indicators/resolve-indicators";
import { EmisInputError } from "../models/errors";
import type { InnovationAdoption } from "../models/innovation";
import type { ResultTable } from "../models/result";
import { seededRandom, shuffledIndices } from "../stats/random";
import { coverage } from "./coverage";
import type { NeedScore } from "./need-index";
import { withAdoption } from "./with-adoption";
import { schoolIds } from "./internal/school-facts";

/** How the next schools are chosen. */
export type ScalingOrder = "need" | "convenience" | "random";

/** Options of {@link projectCoverage}. */
export interface ProjectCoverageOptions {
  /** Schools to add (capped at the schools not yet reached). */
  k: number;
  order: ScalingOrder;
  /** Dimensions whose coverage gaps are reported (e.g. `location`, `dzongkhag`, `ownership`). */
  by: string[];
  innovation?: string;
  /** Year of the projection: adoptions up to it count, new ones are dated it. Default: all adoptions. */
  year?: number;
  /** `need` order: scores from `needIndex` (neediest first; unscored schools last). */
  need?: readonly NeedScore[];
  /** `convenience` order: a numeric School field, smallest first (default `distance_road_km`); missing values last. */
  convenienceField?: string;
  /** `random` order: seed of the generator; default 1. */
  seed?: number;
  /** Which coverage the gaps read; default pupils. */
  measure?: "pupils" | "schools";
  catalogue?: Catalogue;
  suppression?: SuppressionOptions;
}

/** Coverage gap across the groups of one dimension. */
export interface CoverageGap {
  dimension: string;
  /** Known groups with a value (unknown and withheld left out, counted in `groupsWithheld`). */
  groups: number;
  groupsWithheld: number;
  lowest: { group: string; value: number } | null;
  highest: { group: string; value: number } | null;
  /** highest − lowest coverage, percentage points. */
  range: number | null;
  /** UIS-adjusted parity index of the lowest vs the highest group. */
  adjustedParity: number | null;
}

/** Result of {@link projectCoverage}. */
export interface CoverageProjection {
  order: ScalingOrder;
  k: number;
  /** Schools added, in the order chosen. */
  chosen: string[];
  national: number | null;
  gaps: CoverageGap[];
  table: ResultTable;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What-if projection: coverage and its gaps across groups if the next `k` schools not
 * yet reached are chosen by need (highest `needIndex` score first), by convenience
 * (smallest value of a School field first, e.g. distance to the road or to the district
 * headquarters: how scaling often goes), or at random (seeded Fisher-Yates shuffle
 * over the schools sorted by id). Ties break by school id; the same input gives the
 * same output. Coverage comes from `coverage` (disclosure-controlled): for each `by`
 * dimension, the range between the best and worst covered known groups and the
 * adjusted parity index of worst vs best. With `k` ≥ the schools not reached, every
 * order gives full coverage.
 * @param dataset from `createDataset`
 * @param adoptions adoption rows so far
 * @param options k, order, by, need / convenienceField / seed
 * @returns the schools chosen, national coverage and the gaps by dimension
 * @throws EmisInputError `invalid-option` (negative k, need order without scores, unknown field)
 * @example projectCoverage(ds, adoptions, { k: 50, order: "need", need, by: ["location"] }).gaps[0]
 * // { dimension: "location", lowest: { group: "urban", value: 31.2 }, highest: { group: "remote", value: 48.0 }, range: 16.8, ... }
 */
export function projectCoverage(dataset: Dataset, adoptions: readonly InnovationAdoption[], options: ProjectCoverageOptions): CoverageProjection {
  const fn = "projectCoverage";
  if (!Number.isInteger(options.k) || options.k < 0) throw new EmisInputError("invalid-option", `${fn} requires k to be a non-negative integer; got ${options.k}`);
  const ids = schoolIds(dataset, fn);
  const { adopting } = withAdoption(dataset, adoptions, { innovation: options.innovation, year: options.year });
  const reached = new Set(adopting);
  const candidates = ids.filter((s) => !reached.has(s)).sort(cmp);
  let ordered: string[];
  if (options.order === "need") {
    if (!options.need) throw new EmisInputError("invalid-option", `${fn}: order "need" requires options.need (scores from needIndex)`);
    const score = new Map(options.need.map((x) => [x.school, x.score]));
    ordered = [...candidates].sort((a, b) => {
      const sa = score.get(a) ?? null;
      const sb = score.get(b) ?? null;
      if (sa === null || sb === null) return sa === null ? (sb === null ? cmp(a, b) : 1) : -1;
      return sb - sa || cmp(a, b);
    });
  } else if (options.order === "convenience") {
    const field = options.convenienceField ?? "distance_road_km";
    const m = dataset.facts.schools.measures[field];
    if (!m) throw new EmisInputError("invalid-option", `${fn}: convenienceField ${field} is not a numeric School field of this dataset (have ${Object.keys(dataset.facts.schools.measures).join(", ")})`);
    const v = new Map(ids.map((s, i) => [s, m[i]]));
    ordered = [...candidates].sort((a, b) => {
      const va = v.get(a)!;
      const vb = v.get(b)!;
      if (Number.isNaN(va) || Number.isNaN(vb)) return Number.isNaN(va) ? (Number.isNaN(vb) ? cmp(a, b) : 1) : -1;
      return va - vb || cmp(a, b);
    });
  } else if (options.order === "random") {
    const idx = shuffledIndices(candidates.length, seededRandom(options.seed ?? 1));
    ordered = Array.from(idx, (i) => candidates[i]);
  } else {
    throw new EmisInputError("invalid-option", `${fn}: order must be need, convenience or random; got ${String(options.order)}`);
  }
  const chosen = ordered.slice(0, options.k);
  const innovation = options.innovation ?? adoptions[0]?.innovation ?? "innovation";
  const year = options.year ?? Math.max(0, ...adoptions.map((a) => a.year_adopted));
  const projected: InnovationAdoption[] = [...adoptions, ...chosen.map((school_id) => ({ school_id, innovation, year_adopted: year }))];
  const indicator = options.measure === "schools" ? "innovation-school-coverage" : "innovation-pupil-coverage";
  const table = coverage(dataset, projected, { innovation: options.innovation ?? (adoptions.length ? innovation : undefined), by: options.by, years: options.year === undefined ? undefined : [options.year], indicators: [indicator], catalogue: options.catalogue, suppression: options.suppression });
  const national = table.find((r) => r.level === "total")?.value ?? null;
  const gaps = options.by.map((d) => coverageGap(table.filter((r) => r.level === d), d));
  return { order: options.order, k: chosen.length, chosen, national, gaps, table };
}

/** Range and adjusted parity between the best and worst covered known groups. */
export function coverageGap(rows: ResultTable, dimension: string): CoverageGap {
  const known = rows.filter((r) => r[dimension] !== "unknown");
  const usable = known.filter((r) => r.value !== null).sort((a, b) => cmp(String(a[dimension]), String(b[dimension])));
  const withheld = known.length - usable.length;
  if (!usable.length) return { dimension, groups: 0, groupsWithheld: withheld, lowest: null, highest: null, range: null, adjustedParity: null };
  const lo = usable.reduce((a, b) => ((b.value as number) < (a.value as number) ? b : a));
  const hi = usable.reduce((a, b) => ((b.value as number) > (a.value as number) ? b : a));
  const lv = lo.value as number;
  const hv = hi.value as number;
  return {
    dimension,
    groups: usable.length,
    groupsWithheld: withheld,
    lowest: { group: String(lo[dimension]), value: lv },
    highest: { group: String(hi[dimension]), value: hv },
    range: hv - lv,
    adjustedParity: hv > 0 ? parityIndex(lv, hv, { adjusted: true }) : null,
  };
}
