import { genericProfile } from "./generic";
import { bhutanProfile } from "./bhutan";
import { indiaProfile } from "./india";
import { tanzaniaProfile } from "./tanzania";

/**
 * The built-in country profiles as a plain object (a value, not a registry): pass one
 * to functions that need codes, ages or norms, or as `bases` to `parseProfile`.
 * `generic` (ISCED), `bhutan`, and the minimal `india` and `tanzania` profiles for the
 * public data sets the report reads.
 * @example Object.keys(profiles) // ["generic", "bhutan", "india", "tanzania"]
 */
export const profiles = {
  generic: genericProfile,
  bhutan: bhutanProfile,
  india: indiaProfile,
  tanzania: tanzaniaProfile,
};
