import { readTwoGroups } from "./internal/segregation";
import type { Accessor, NumericInput, RowInput } from "./internal/input";

/**
 * Hutchens square-root segregation index S (Hutchens 2004): additively decomposable
 * two-group index; 0 = even, 1 = complete segregation.
 *
 * Formula: S = 1 - sum_u sqrt((x_u/X)(y_u/Y)). Source: Hutchens (2004) Mathematical
 * Social Sciences 48:31; METHODS.md section 4.
 *
 * Rules: as {@link dissimilarityIndex}; a group with total 0 gives `null`.
 *
 * @param x count of group X per unit, `y` of group Y; or rows with two accessors
 * @returns S in [0, 1], or `null`
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `length-mismatch`
 * @example
 * hutchensIndex([50, 0], [0, 50]); // 1
 */
export function hutchensIndex(x: NumericInput, y: NumericInput): number | null;
export function hutchensIndex<T>(data: RowInput<T>, x: Accessor<T>, y: Accessor<T>): number | null;
export function hutchensIndex<T>(a: unknown, b: unknown, c?: unknown): number | null {
  const { x, y } = readTwoGroups<T>("hutchensIndex", a, b, c, undefined);
  const X = x.reduce((s, v) => s + v, 0);
  const Y = y.reduce((s, v) => s + v, 0);
  if (X === 0 || Y === 0) return null;
  let s = 0;
  for (let i = 0; i < x.length; i++) s += Math.sqrt((x[i] / X) * (y[i] / Y));
  return Math.max(0, 1 - s);
}
