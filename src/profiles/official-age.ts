import type { Profile } from "../models/profile";
import { entryAgeFor } from "./entry-age-for";
import { gradeOrder } from "./grade-order";

/**
 * Official age for a grade in a school year, by the cohort rule.
 *
 * Rule: a pupil in grade g (order k) in `year` entered the first grade in `year − k`
 * (no repetition), so the official age is `entryAgeFor(profile, year − k) + k`. When the
 * entry age changes (Bhutan: PP at 6 until 2019, at 5 from 2020) only the cohorts that
 * entered under the new rule get the new ages; pupils who entered under the old rule are
 * not counted as over-age. E.g. in 2024 PP is 5 and Class IV (entered 2020) is 9, but
 * Class V (entered 2019) is 11. Ages are in completed years at the profile's
 * `referenceDate`.
 * Source: bhutan_reference/school_system.csv (ages = entry age + years since PP).
 * @returns the age, or `null` when the grade is not in the profile (e.g. `unknown`)
 * @throws EmisDefinitionError `no-entry-age` when no entry age covers the entry year
 * @example officialAge(bhutanProfile, "PP", 2024) // 5
 * @example officialAge(bhutanProfile, "PP", 2019) // 6
 * @example officialAge(bhutanProfile, "I", 2020) // 7 (entered PP in 2019 at 6)
 */
export function officialAge(profile: Profile, gradeCode: string, year: number): number | null {
  const order = gradeOrder(profile, gradeCode);
  if (order === null) return null;
  return entryAgeFor(profile, year - order) + order;
}
