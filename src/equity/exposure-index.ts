import { readTwoGroups } from "./internal/segregation";
import type { TwoGroupOptions } from "./internal/segregation";
import type { Accessor, NumericInput, RowInput } from "./internal/input";

/** Options for {@link exposureIndex}. */
export type ExposureIndexOptions<T = unknown> = TwoGroupOptions<T>;

/**
 * Exposure (interaction) index xPy (Lieberson 1981): the share of group Y among the
 * schoolmates of the average member of X. Asymmetric: X xPy = Y yPx.
 *
 * Formula: xPy = sum_u (x_u/X)(y_u/t_u), t_u the unit total (x + y unless `totals`).
 * Source: R `segregation::exposure`; METHODS.md section 4.
 *
 * Rules: as {@link isolationIndex}; X = 0 gives `null`.
 *
 * @param x count of group X per unit, `y` count of group Y; or rows with two accessors
 * @param options {@link ExposureIndexOptions}
 * @returns xPy in [0, 1], or `null` when group X is absent
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `length-mismatch`, `invalid-value`, `invalid-option` (unknown option key)
 * @example
 * exposureIndex([30, 10], [10, 30]); // 0.375 ((30/40)(10/40) + (10/40)(30/40))
 */
export function exposureIndex(x: NumericInput, y: NumericInput, options?: ExposureIndexOptions): number | null;
export function exposureIndex<T>(data: RowInput<T>, x: Accessor<T>, y: Accessor<T>, options?: ExposureIndexOptions<T>): number | null;
export function exposureIndex<T>(a: unknown, b: unknown, c?: unknown, d?: unknown): number | null {
  const { x, y, t } = readTwoGroups<T>("exposureIndex", a, b, c, d);
  const X = x.reduce((s, v) => s + v, 0);
  if (X === 0) return null;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] / X) * (y[i] / t[i]);
  return s;
}
