import { readTwoGroups } from "./internal/segregation";
import type { TwoGroupOptions } from "./internal/segregation";
import type { Accessor, NumericInput, RowInput } from "./internal/input";

/** Options for {@link isolationIndex} and {@link exposureIndex}. */
export type IsolationIndexOptions<T = unknown> = TwoGroupOptions<T>;

/**
 * Isolation index xPx (Lieberson 1981): the share of group X among the schoolmates of
 * the average member of X; compare with X's overall share.
 *
 * Formula: xPx = sum_u (x_u/X)(x_u/t_u), t_u the unit total (x + y unless `totals` is
 * given). For two groups xPx + xPy = 1. Source: R `segregation::isolation`;
 * METHODS.md section 4.
 *
 * Rules: counts finite and non-negative; units with total 0 dropped; X = 0 gives
 * `null`; totals below x + y throw `invalid-value`.
 *
 * @param x count of group X per unit, `y` count of the other group(s); or rows with two accessors
 * @param options {@link IsolationIndexOptions}
 * @returns xPx in [0, 1], or `null` when group X is absent
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `length-mismatch`, `invalid-value`, `invalid-option` (unknown option key)
 * @example
 * isolationIndex([30, 10], [10, 30]); // 0.625 ((30/40)(30/40) + (10/40)(10/40))
 */
export function isolationIndex(x: NumericInput, y: NumericInput, options?: IsolationIndexOptions): number | null;
export function isolationIndex<T>(data: RowInput<T>, x: Accessor<T>, y: Accessor<T>, options?: IsolationIndexOptions<T>): number | null;
export function isolationIndex<T>(a: unknown, b: unknown, c?: unknown, d?: unknown): number | null {
  const { x, t } = readTwoGroups<T>("isolationIndex", a, b, c, d);
  const X = x.reduce((s, v) => s + v, 0);
  if (X === 0) return null;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] / X) * (x[i] / t[i]);
  return s;
}
