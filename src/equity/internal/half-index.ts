import { weightedQuantile } from "../../stats/quantile";
import { ascendingOrder, finiteOrNull, normalise, totalWeight, wAt } from "./core";
import { invalidOption, readMeasureInput, requireNonNegative } from "./input";
import type { WeightOptions } from "./input";

/** How units are assigned to the half below (or above) the median. */
export type MedianRule = "below" | "at-or-below" | "lower-half";

/**
 * Shared kernel of the McLoone and Verstegen indices: the mean of the chosen half
 * divided by the (pupil-weighted) median. `side` "lower" for McLoone, "upper" for
 * Verstegen; "at-or-below" means at-or-above for the upper side, "lower-half" the
 * upper half. Returns null when the median is 0; 1 when the half is empty (no unit is
 * strictly beyond the median, so none differs from it).
 */
export function halfIndex(x0: Float64Array, w0: Float64Array | null, side: "lower" | "upper", rule: MedianRule): number | null {
  // Scale-invariant: rescale so sums of amounts and pupils cannot overflow.
  const { x, w } = normalise(x0, w0);
  const median = weightedQuantile(x, 0.5, { weights: w ?? undefined, method: "averaged-inverted-cdf" });
  if (median === 0) return null;
  let amount = 0;
  let count = 0;
  if (rule === "lower-half") {
    const order = ascendingOrder(x);
    if (side === "upper") order.reverse();
    const half = totalWeight(x.length, w) / 2;
    let cum = 0;
    for (const i of order) {
      const take = Math.min(wAt(w, i), half - cum);
      if (take <= 0) break;
      amount += take * x[i];
      count += take;
      cum += take;
    }
  } else {
    for (let i = 0; i < x.length; i++) {
      const inHalf =
        side === "lower" ? (rule === "below" ? x[i] < median : x[i] <= median) : rule === "below" ? x[i] > median : x[i] >= median;
      if (!inHalf) continue;
      amount += wAt(w, i) * x[i];
      count += wAt(w, i);
    }
  }
  if (count === 0) return 1;
  return finiteOrNull(amount / (median * count));
}

/** Shared front end of mcloone and verstegen. */
export function halfMeasure<T>(fn: string, side: "lower" | "upper", a: unknown, b: unknown, c: unknown): number | null {
  const { x, w, options } = readMeasureInput<T, WeightOptions<T> & { medianRule?: MedianRule }>(fn, a, b, c, ["weights", "medianRule"]);
  const rule = options.medianRule ?? "below";
  if (rule !== "below" && rule !== "at-or-below" && rule !== "lower-half") {
    invalidOption(fn, `requires medianRule "below", "at-or-below" or "lower-half"; got ${String(rule)}`);
  }
  requireNonNegative(fn, x);
  return halfIndex(x, w, side, rule);
}
