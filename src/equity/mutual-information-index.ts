import { mutualInformation, readBaseOption, readContingency } from "./internal/segregation";
import type { SegregationColumns } from "./internal/segregation";
import type { RowInput } from "./internal/input";

export type { SegregationColumns } from "./internal/segregation";

/** Options for {@link mutualInformationIndex}. */
export interface MutualInformationOptions {
  /** Logarithm base: e (nats, default, as R `segregation`), 2 for bits. */
  base?: number;
}

/**
 * Mutual information index M (Theil & Finizza 1971; Mora & Ruiz-Castillo 2011): how
 * much knowing a pupil's school tells about their group (any number of groups);
 * 0 = every school has the same mix. Decomposes exactly by district
 * ({@link segregationDecomposition}).
 *
 * Formula: M = sum_u sum_g p_ug ln(p_ug / (p_u p_g)); depends on the log base (nats by
 * default, METHODS.md section 9 item 11). Source: R `segregation::mutual_total`
 * (Elbers 2023); METHODS.md section 4.
 *
 * Rules: rows are long: one per unit and group with a `count` column, or one per pupil
 * (no `count`); missing unit or group throws `missing-value` (give unknown codes their
 * own label); negative counts throw; total 0 gives `null`.
 *
 * @param data long rows
 * @param columns {@link SegregationColumns}: `unit`, `group`, optional `count`
 * @param options {@link MutualInformationOptions}
 * @returns M, or `null` when there are no pupils
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-option`
 * @example
 * mutualInformationIndex(
 *   [{ s: "a", g: "x", n: 40 }, { s: "b", g: "y", n: 40 }],
 *   { unit: "s", group: "g", count: "n" },
 * ); // 0.6931472 (ln 2: complete segregation of two equal groups)
 */
export function mutualInformationIndex<T>(data: RowInput<T>, columns: SegregationColumns<T>, options: MutualInformationOptions = {}): number | null {
  const fn = "mutualInformationIndex";
  const base = readBaseOption(fn, options);
  const mi = mutualInformation(readContingency(fn, data, columns).table.cells);
  return mi === null ? null : mi.M / Math.log(base);
}
