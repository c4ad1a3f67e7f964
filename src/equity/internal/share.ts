import { normalise, sliceMean } from "./core";
import { invalidOption, readMeasureInput, requireNonNegative } from "./input";
import type { WeightOptions } from "./input";

/** Shared body of shareRatio and palmaRatio. */
export function shareRatioOf<T>(fn: string, a: unknown, b: unknown, c: unknown, top0: number, bottom0: number): number | null {
  const { x, w, options } = readMeasureInput<T, WeightOptions<T> & { top?: number; bottom?: number }>(fn, a, b, c, ["weights", "top", "bottom"]);
  const top = options.top ?? top0;
  const bottom = options.bottom ?? bottom0;
  if (!(top > 0 && bottom > 0 && top + bottom <= 1)) {
    invalidOption(fn, `requires top and bottom shares above 0 that add to at most 1; got top ${top}, bottom ${bottom}`);
  }
  requireNonNegative(fn, x);
  // share(top) / share(bottom) = (top * mean of top slice) / (bottom * mean of bottom
  // slice): equal values (one unit included) give top / bottom exactly.
  const z = normalise(x, w);
  const low = sliceMean(z.x, z.w, bottom, "bottom");
  const high = sliceMean(z.x, z.w, top, "top");
  if (low === 0) return null;
  const ratio = (top / bottom) * (high / low);
  // A ratio past Number.MAX_VALUE (bottom mean below ~1e-308 of the top) has no double:
  // null, as for a bottom share of 0.
  return Number.isFinite(ratio) ? ratio : null;
}
