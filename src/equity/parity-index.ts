import { EmisInputError } from "../models/errors";
import { readScalar } from "./internal/direction";
import { checkOptionKeys } from "./internal/options";

/** Options for {@link parityIndex}. */
export interface ParityIndexOptions {
  /**
   * Return the UIS adjusted parity index (SDG 4.5.1 since 2018): PI when PI <= 1, else
   * 2 - 1/PI, symmetric around 1 and bounded in [0, 2]. Default `false`.
   */
  adjusted?: boolean;
}

/**
 * Parity index (gender, location, wealth, disability parity index): the value of an
 * indicator for the likely disadvantaged group divided by its value for the comparison
 * group (female/male, rural/urban, poorest/richest quintile).
 *
 * Formula: PI = value / reference; adjusted API = PI if PI <= 1, else 2 - 1/PI.
 * Source: SDG 4.5.1 metadata (UIS), https://worldbank.github.io/sdg-metadata/metadata/en/4-5-1;
 * METHODS.md section 2. For "lower-is-better" indicators (dropout, out-of-school) the
 * index is still value / reference: read it with {@link parityBand} and the direction.
 *
 * Rules (library convention, UIS is silent): 0/0 gives `null`; x/0 with x > 0 gives
 * `null` unadjusted and 2 adjusted (the limit); 0/x gives 0. Missing values throw
 * `missing-value`; negative values throw `negative-value`.
 *
 * @param value the indicator for the group of interest (numerator group)
 * @param reference the indicator for the comparison group
 * @param options {@link ParityIndexOptions}
 * @returns the (adjusted) parity index, or `null` when undefined
 * @throws EmisInputError `missing-value`, `invalid-value`, `negative-value`, `invalid-option` (unknown option key)
 * @example
 * parityIndex(80, 100); // 0.8
 * parityIndex(100, 80); // 1.25
 * parityIndex(100, 80, { adjusted: true }); // 1.2 (= 2 - 1/1.25)
 */
export function parityIndex(value: number, reference: number, options: ParityIndexOptions = {}): number | null {
  const fn = "parityIndex";
  const v = readScalar(fn, "value", value);
  const r = readScalar(fn, "reference value", reference);
  if (v < 0 || r < 0) {
    throw new EmisInputError("negative-value", `${fn} requires non-negative values; got ${v < 0 ? v : r}`, { function: fn, value: v, reference: r });
  }
  checkOptionKeys(fn, options, ["adjusted"]);
  const adjusted = options.adjusted ?? false;
  if (r === 0) return v === 0 ? null : adjusted ? 2 : null;
  const pi = v / r;
  if (!adjusted || pi <= 1) return pi;
  return 2 - 1 / pi;
}
