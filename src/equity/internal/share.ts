import { shareBetween } from "./core";
import { invalidOption, readMeasureInput, requireNonNegative } from "./input";
import type { WeightOptions } from "./input";

/** Shared body of shareRatio and palmaRatio. */
export function shareRatioOf<T>(fn: string, a: unknown, b: unknown, c: unknown, top0: number, bottom0: number): number | null {
  const { x, w, options } = readMeasureInput<T, WeightOptions<T> & { top?: number; bottom?: number }>(fn, a, b, c);
  const top = options.top ?? top0;
  const bottom = options.bottom ?? bottom0;
  if (!(top > 0 && bottom > 0 && top + bottom <= 1)) {
    invalidOption(fn, `requires top and bottom shares above 0 that add to at most 1; got top ${top}, bottom ${bottom}`);
  }
  requireNonNegative(fn, x);
  const low = shareBetween(x, w, 0, bottom).amount;
  const high = shareBetween(x, w, 1 - top, 1).amount;
  return low === 0 ? null : high / low;
}
