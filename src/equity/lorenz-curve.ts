import { stableSum } from "../stats/sum";
import { ascendingOrder, normalise, totalWeight, wAt } from "./internal/core";
import { readMeasureInput, requireNonNegative } from "./internal/input";
import type { Accessor, NumericInput, RowInput, WeightOptions } from "./internal/input";

/** Options for {@link lorenzCurve}. */
export type LorenzCurveOptions<T = unknown> = WeightOptions<T>;

/** One point of a Lorenz curve. */
export interface LorenzPoint {
  /** Cumulative population share, 0..1. */
  population: number;
  /** Cumulative share of the total held by that population, 0..1. */
  share: number;
}

/**
 * Lorenz curve points: the cumulative share of the total held by the poorest p of
 * units, for plotting (the Gini is twice the area between the curve and the diagonal).
 *
 * Formula: sort ascending; after each unit, population = cumulative weight / W and
 * share = cumulative w x / total. Starts at (0, 0), ends at (1, 1); tied values give
 * collinear points. Zero-weight units add no point. Source: Lorenz (1905); R ineq `Lc`.
 *
 * Rules: empty throws `empty-input`; missing throws `missing-value`; negative throws
 * `negative-value`; total 0 gives `null` (shares undefined).
 *
 * @param values plain numbers, or rows with an `accessor`
 * @param options weights (frequency)
 * @returns the points, or `null` when the total is 0
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-weight`, `invalid-option` (unknown option key)
 * @example
 * lorenzCurve([3, 1]); // [{ population: 0, share: 0 }, { population: 0.5, share: 0.25 }, { population: 1, share: 1 }]
 */
export function lorenzCurve(values: NumericInput, options?: LorenzCurveOptions): LorenzPoint[] | null;
export function lorenzCurve<T>(data: RowInput<T>, accessor: Accessor<T>, options?: LorenzCurveOptions<T>): LorenzPoint[] | null;
export function lorenzCurve<T>(a: unknown, b?: unknown, c?: unknown): LorenzPoint[] | null {
  const input = readMeasureInput<T, LorenzCurveOptions<T>>("lorenzCurve", a, b, c, ["weights"]);
  requireNonNegative("lorenzCurve", input.x);
  // Shares are scale-invariant: rescale so the running sums cannot overflow.
  const { x, w } = normalise(input.x, input.w);
  const W = totalWeight(x.length, w);
  const amounts = Float64Array.from(x, (v, i) => v * wAt(w, i));
  const total = stableSum(amounts);
  if (total === 0) return null;
  const points: LorenzPoint[] = [{ population: 0, share: 0 }];
  let cw = 0;
  let cx = 0;
  for (const i of ascendingOrder(x)) {
    if (wAt(w, i) === 0) continue;
    cw += wAt(w, i);
    cx += amounts[i];
    points.push({ population: cw / W, share: cx / total });
  }
  points[points.length - 1] = { population: 1, share: 1 };
  return points;
}
