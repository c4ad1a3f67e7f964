import type { Profile } from "../models/profile";

/**
 * Display name of an administrative unit from its level and code (codes are unique
 * within a level; names are not: Bhutan has two gewogs called Gakiling).
 * @returns the name, or `undefined` for a code the profile does not list
 * @example unitName(bhutanProfile, "gewog", "sarpang/gakiling") // "Gakiling"
 */
export function unitName(profile: Profile, level: string, code: string): string | undefined {
  return profile.units.find((u) => u.level === level && u.code === code)?.name;
}
