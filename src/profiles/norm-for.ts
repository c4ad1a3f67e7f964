import type { Norm, Profile } from "../models/profile";

/**
 * A national norm of the profile by id, with its value, bound and source.
 * @returns the norm, or `undefined` when the profile has none with that id (rules that
 *   need it are then skipped, not failed)
 * @example normFor(bhutanProfile, "pupil-teacher-ratio")?.value // 18
 */
export function normFor(profile: Profile, id: string): Norm | undefined {
  return profile.norms.find((n) => n.id === id);
}
