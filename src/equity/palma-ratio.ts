import { checkOptionKeys } from "./internal/options";
import { shareRatioOf } from "./internal/share";
import type { Accessor, NumericInput, RowInput, WeightOptions } from "./internal/input";

/** Options for {@link palmaRatio}. */
export type PalmaRatioOptions<T = unknown> = WeightOptions<T>;

/**
 * Palma ratio: the share of the total held by the top 10% divided by the share held by
 * the bottom 40% (Cobham & Sumner 2013), e.g. of teachers or spending across pupils.
 *
 * Formula: `shareRatio(values, { top: 0.1, bottom: 0.4 })`; a unit straddling a cut is
 * split in proportion to its weight (METHODS.md 3.5).
 *
 * Rules: as {@link shareRatio}; one unit or all equal gives exactly 0.25; bottom
 * share 0 gives `null`.
 *
 * @param values plain numbers, or rows with an `accessor`
 * @param options weights (frequency)
 * @returns the Palma ratio, or `null` when the bottom 40% hold nothing
 * @throws EmisInputError `empty-input`, `missing-value`, `negative-value`, `invalid-weight`, `invalid-option` (unknown option key)
 * @example
 * palmaRatio([1, 1, 1, 1, 2, 2, 2, 2, 2, 6]); // 1.5 (6 / (1+1+1+1))
 */
export function palmaRatio(values: NumericInput, options?: PalmaRatioOptions): number | null;
export function palmaRatio<T>(data: RowInput<T>, accessor: Accessor<T>, options?: PalmaRatioOptions<T>): number | null;
export function palmaRatio<T>(a: unknown, b?: unknown, c?: unknown): number | null {
  const byAccessor = typeof b === "function" || typeof b === "string";
  // Palma fixes top and bottom: only weights may be given.
  checkOptionKeys("palmaRatio", byAccessor ? c : b, ["weights"]);
  const opts = ((byAccessor ? c : b) ?? {}) as PalmaRatioOptions<T>;
  const only = { weights: opts.weights };
  return byAccessor ? shareRatioOf<T>("palmaRatio", a, b, only, 0.1, 0.4) : shareRatioOf<T>("palmaRatio", a, only, undefined, 0.1, 0.4);
}
