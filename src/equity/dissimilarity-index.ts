import { readTwoGroups } from "./internal/segregation";
import type { Accessor, NumericInput, RowInput } from "./internal/input";

/**
 * Index of dissimilarity D (Duncan & Duncan 1955): the share of either group that would
 * have to change school for both groups to be spread evenly; 0 = even, 1 = complete
 * segregation.
 *
 * Formula: D = 1/2 sum_u |x_u/X - y_u/Y|. Source: R `segregation::dissimilarity`
 * (Elbers 2023); METHODS.md section 4.
 *
 * Rules: counts must be finite and non-negative (`negative-value`, `missing-value`);
 * units with no pupils are dropped; a group with total 0 gives `null`; empty input
 * throws `empty-input`.
 *
 * @param x count of group X per unit (school), with `y` the count of group Y; or rows with two accessors
 * @returns D in [0, 1], or `null` when a group is absent
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `length-mismatch`
 * @example
 * dissimilarityIndex([100, 60, 40, 0], [0, 40, 60, 100]); // 0.6 (segregation package tests)
 */
export function dissimilarityIndex(x: NumericInput, y: NumericInput): number | null;
export function dissimilarityIndex<T>(data: RowInput<T>, x: Accessor<T>, y: Accessor<T>): number | null;
export function dissimilarityIndex<T>(a: unknown, b: unknown, c?: unknown): number | null {
  const { x, y } = readTwoGroups<T>("dissimilarityIndex", a, b, c, undefined);
  const X = x.reduce((s, v) => s + v, 0);
  const Y = y.reduce((s, v) => s + v, 0);
  if (X === 0 || Y === 0) return null;
  let d = 0;
  for (let i = 0; i < x.length; i++) d += Math.abs(x[i] / X - y[i] / Y);
  return d / 2;
}
