import type { Flag } from "../models/flags";
import { EmisInputError } from "../models/errors";
import { readDirection } from "./internal/direction";
import { checkOptionKeys } from "./internal/options";
import type { Direction } from "./internal/direction";

/** Options for {@link parityBand}. */
export interface ParityBandOptions {
  /** Lower edge of the parity band, inclusive. Default 0.97 (UIS/GEM convention). */
  lower?: number;
  /** Upper edge of the parity band, inclusive. Default 1.03. */
  upper?: number;
  /** Direction of the indicator; default `"higher-is-better"`. */
  direction?: Direction;
}

/** Reading of a parity index against the parity band. */
export interface ParityBandResult {
  /** `"parity"` inside [lower, upper]; `"below"` / `"above"` outside; `null` for a null index. */
  band: "parity" | "below" | "above" | null;
  /** Which side the disparity is against, given the direction; `null` at parity or for a null index. */
  disadvantaged: "group" | "reference" | null;
  /** `undefined-measure` when the index is `null`. */
  flags: Flag[];
}

/**
 * Parity band classification: is a parity index close enough to 1 to count as parity,
 * and if not, which group is disadvantaged?
 *
 * Rule: lower <= index <= upper (0.97..1.03 by default) is parity. For a
 * "higher-is-better" indicator an index below the band is a disparity against the
 * group of interest (numerator), above it against the reference group; a
 * "lower-is-better" indicator (dropout, out-of-school) reverses the reading. UIS and
 * the GEM Report apply the band to the adjusted index (METHODS.md section 2 and
 * section 9 item 9): pass the adjusted index from `parityIndex(..., { adjusted: true })`.
 *
 * @param index a parity index, or `null` (gives band `null` with flag `undefined-measure`)
 * @param options {@link ParityBandOptions}
 * @returns band, disadvantaged side and flags
 * @throws EmisInputError `invalid-option` when lower > upper or the direction is unknown; `missing-value` for NaN
 * @example
 * parityBand(0.95); // { band: "below", disadvantaged: "group", flags: [] }
 * parityBand(0.95, { direction: "lower-is-better" }); // { band: "below", disadvantaged: "reference", flags: [] }
 */
export function parityBand(index: number | null, options: ParityBandOptions = {}): ParityBandResult {
  const fn = "parityBand";
  checkOptionKeys(fn, options, ["lower", "upper", "direction"]);
  const lower = options.lower ?? 0.97;
  const upper = options.upper ?? 1.03;
  const direction = readDirection(fn, options.direction);
  if (!(lower <= upper)) {
    throw new EmisInputError("invalid-option", `${fn} requires lower <= upper; got ${lower} and ${upper}`, { function: fn });
  }
  if (index === null) return { band: null, disadvantaged: null, flags: ["undefined-measure"] };
  if (typeof index !== "number" || Number.isNaN(index)) {
    throw new EmisInputError("missing-value", `${fn} requires a number or null; got ${String(index)}`, { function: fn });
  }
  if (index >= lower && index <= upper) return { band: "parity", disadvantaged: null, flags: [] };
  const band = index < lower ? "below" : "above";
  const againstGroup = (band === "below") === (direction === "higher-is-better");
  return { band, disadvantaged: againstGroup ? "group" : "reference", flags: [] };
}
