import { mutualInformation, readContingency } from "./internal/segregation";
import type { SegregationColumns } from "./internal/segregation";
import type { RowInput } from "./internal/input";

/**
 * Theil's information index H (entropy index of segregation): the mutual information
 * index divided by the entropy of the group distribution, so 0 = even and 1 = complete
 * segregation whatever the number and size of groups; base-free.
 *
 * Formula: H = M / E, E = -sum_g p_g ln p_g. Source: Theil & Finizza (1971); R
 * `segregation::mutual_total` ("H"); METHODS.md section 4.
 *
 * Rules: as {@link mutualInformationIndex}; one group only (E = 0) or no pupils gives
 * `null`.
 *
 * @param data long rows
 * @param columns {@link SegregationColumns}
 * @returns H in [0, 1], or `null`
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-option`
 * @example
 * theilH([{ s: "a", g: "x", n: 40 }, { s: "b", g: "y", n: 40 }], { unit: "s", group: "g", count: "n" }); // 1
 */
export function theilH<T>(data: RowInput<T>, columns: SegregationColumns<T>): number | null {
  const mi = mutualInformation(readContingency("theilH", data, columns).table.cells);
  if (mi === null || mi.E === 0) return null;
  return Math.min(1, mi.M / mi.E);
}
