import type { Flag } from "../models/flags";
import { readDirection, readScalar } from "./internal/direction";
import { checkOptionKeys } from "./internal/options";
import type { Direction } from "./internal/direction";

/** Options for {@link gap}. */
export interface GapOptions {
  /** Direction of the indicator; default `"higher-is-better"`. */
  direction?: Direction;
}

/** Absolute and relative gap between a group and its reference. */
export interface GapResult {
  /** value - reference, in the indicator's unit (percentage points for percents). */
  absolute: number;
  /** (value - reference) / reference; `null` when the reference is not positive. */
  relative: number | null;
  /** Who is worse off given the direction; `null` when the values are equal. */
  disadvantaged: "group" | "reference" | null;
  /** `zero-denominator` (reference 0) or `undefined-measure` (reference negative) when `relative` is null. */
  flags: Flag[];
}

/**
 * Absolute and relative gap between a group and a reference group (e.g. rural minus
 * urban pass rate, girls' minus boys' dropout rate).
 *
 * Formula: absolute = value - reference (percentage points when both are percents);
 * relative = (value - reference) / reference. The sign is never flipped: the
 * `direction` only decides who is disadvantaged (for "lower-is-better" indicators
 * such as dropout a positive gap means the group is worse off). Source: METHODS.md
 * section 2 ("expose the orientation rather than inverting silently").
 *
 * Rules: missing values throw `missing-value`; negative values are allowed (z-scores);
 * a reference of 0 gives relative `null` with `zero-denominator`, a negative
 * reference gives relative `null` with `undefined-measure`.
 *
 * @param value indicator value for the group of interest
 * @param reference indicator value for the reference group
 * @param options {@link GapOptions}
 * @returns {@link GapResult}
 * @throws EmisInputError `missing-value`, `invalid-value`, `invalid-option`
 * @example
 * gap(72, 80); // { absolute: -8, relative: -0.1, disadvantaged: "group", flags: [] }
 * gap(12, 8, { direction: "lower-is-better" }); // { absolute: 4, relative: 0.5, disadvantaged: "group", flags: [] }
 */
export function gap(value: number, reference: number, options: GapOptions = {}): GapResult {
  const fn = "gap";
  const v = readScalar(fn, "value", value);
  const r = readScalar(fn, "reference value", reference);
  checkOptionKeys(fn, options, ["direction"]);
  const direction = readDirection(fn, options.direction);
  const absolute = v - r;
  const flags: Flag[] = [];
  let relative: number | null = null;
  if (r > 0) relative = absolute / r;
  else flags.push(r === 0 ? "zero-denominator" : "undefined-measure");
  let disadvantaged: GapResult["disadvantaged"] = null;
  if (absolute !== 0) {
    const groupLower = absolute < 0;
    disadvantaged = groupLower === (direction === "higher-is-better") ? "group" : "reference";
  }
  return { absolute, relative, disadvantaged, flags };
}
