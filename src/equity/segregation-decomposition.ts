import type { Flag } from "../models/flags";
import { EmisInputError } from "../models/errors";
import { mutualInformation, readBaseOption, readContingency } from "./internal/segregation";
import type { SegregationColumns } from "./internal/segregation";
import type { KeyAccessor, RowInput } from "./internal/input";

/** Columns for {@link segregationDecomposition}: the segregation columns plus the district. */
export interface SegregationDecompositionColumns<T> extends SegregationColumns<T> {
  /** The higher level units nest in (district); a school is keyed by (district, school). */
  within: KeyAccessor<T>;
}

/** One district's part of the decomposition. */
export interface SegregationComponent {
  district: string;
  /** p_d, the district's share of all pupils. */
  share: number;
  /** M among schools within the district (in the chosen base). */
  M: number;
  /** H within the district; `null` when the district has one group only. */
  H: number | null;
  /** p_d * M_d, this district's term of the within part. */
  contribution: number;
}

/** M and H, total = between districts + within districts. */
export interface SegregationDecompositionResult {
  base: number;
  M: { total: number; between: number; within: number } | null;
  H: { total: number; between: number; within: number } | null;
  components: SegregationComponent[];
  flags: Flag[];
}

/**
 * Decomposition of school segregation by district: how much of the segregation of
 * pupils across schools is segregation between districts, and how much lies within
 * districts (and which districts carry it).
 *
 * Formula: M(schools) = M(districts) + sum_d p_d M_d(schools within d), exact; H parts
 * are the M parts over the national group entropy E (H within = (M_total -
 * M_between)/E, METHODS.md section 4). Source: Mora & Ruiz-Castillo (2011); R
 * `segregation::mutual_total(within = )`, `mutual_within`.
 *
 * Rules: as {@link mutualInformationIndex}; a missing district throws
 * `missing-value`; no pupils gives `null` parts with `empty-group`; a single group
 * gives H `null` with `undefined-measure`.
 *
 * @param data long rows (one per school and group with counts, or one per pupil)
 * @param columns {@link SegregationDecompositionColumns}
 * @param options `base` of the logarithm (default e)
 * @returns {@link SegregationDecompositionResult}
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-option`
 * @example
 * segregationDecomposition(rows, { unit: "school", group: "sex", count: "pupils", within: "district" });
 * // { M: { total, between, within }, H: { ... }, components: [{ district, share, M, H, contribution }], ... }
 */
export function segregationDecomposition<T>(
  data: RowInput<T>,
  columns: SegregationDecompositionColumns<T>,
  options: { base?: number } = {},
): SegregationDecompositionResult {
  const fn = "segregationDecomposition";
  const base = readBaseOption(fn, options);
  if (!columns || columns.within === undefined) {
    throw new EmisInputError("invalid-option", `${fn} requires columns.within (the district column)`, { function: fn });
  }
  const { table } = readContingency(fn, data, columns, columns.within);
  const ln = Math.log(base);
  const total = mutualInformation(table.cells);
  if (total === null) return { base, M: null, H: null, components: [], flags: ["empty-group"] };
  // Regroup cells by district.
  const byDistrict = new Map<string, Map<string, Map<string, number>>>();
  const districtCells = new Map<string, Map<string, number>>();
  for (const [key, row] of table.cells) {
    const [district, school] = JSON.parse(key) as [string, string];
    let inner = byDistrict.get(district);
    if (!inner) byDistrict.set(district, (inner = new Map()));
    inner.set(school, row);
    let drow = districtCells.get(district);
    if (!drow) districtCells.set(district, (drow = new Map()));
    for (const [g, n] of row) drow.set(g, (drow.get(g) ?? 0) + n);
  }
  const between = mutualInformation(districtCells)!;
  const components: SegregationComponent[] = [];
  let within = 0;
  for (const [district, inner] of byDistrict) {
    const mi = mutualInformation(inner);
    if (mi === null) {
      components.push({ district, share: 0, M: 0, H: null, contribution: 0 });
      continue;
    }
    const share = mi.total / total.total;
    within += share * mi.M;
    components.push({ district, share, M: mi.M / ln, H: mi.E === 0 ? null : mi.M / mi.E, contribution: (share * mi.M) / ln });
  }
  const M = { total: total.M / ln, between: between.M / ln, within: within / ln };
  const flags: Flag[] = [];
  let H: SegregationDecompositionResult["H"] = null;
  if (total.E === 0) flags.push("undefined-measure");
  else H = { total: total.M / total.E, between: between.M / total.E, within: (total.M - between.M) / total.E };
  return { base, M, H, components, flags };
}
