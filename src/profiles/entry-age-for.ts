import type { Profile } from "../models/profile";
import { EmisDefinitionError } from "../models/errors";

/**
 * Official entrance age to the first grade for pupils who entered in `entryYear`.
 *
 * Rule: the first `entryAge` entry whose [`from`, `to`] range (both inclusive, either
 * open) contains the year. Bhutan: 6 for 1985-2019, 5 from 2020 (Cabinet executive order
 * of 9 January 2020, https://kuenselonline.com/moe-confident-to-absorb-extra-6000-pp-students/).
 * @throws EmisDefinitionError `no-entry-age` when no entry covers the year
 * @example entryAgeFor(bhutanProfile, 2019) // 6
 * @example entryAgeFor(bhutanProfile, 2020) // 5
 */
export function entryAgeFor(profile: Profile, entryYear: number): number {
  const hit = profile.entryAge.find((e) => (e.from === undefined || e.from <= entryYear) && (e.to === undefined || entryYear <= e.to));
  if (!hit) {
    throw new EmisDefinitionError(
      "no-entry-age",
      `entryAgeFor: profile ${profile.id} states no official entry age for entry year ${entryYear}; add an entryAge range that covers it`,
      { field: "entryAge", year: entryYear },
    );
  }
  return hit.age;
}
