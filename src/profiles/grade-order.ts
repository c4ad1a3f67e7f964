import type { Profile } from "../models/profile";

/**
 * Position of a grade in the profile's sequence (0 = first grade, e.g. Bhutan PP = 0,
 * Class I = 1, Class XII = 12).
 * @returns the order, or `null` for a code the profile does not list (including `unknown`)
 * @example gradeOrder(bhutanProfile, "VI") // 6
 * @example gradeOrder(bhutanProfile, "unknown") // null
 */
export function gradeOrder(profile: Profile, gradeCode: string): number | null {
  const grade = profile.grades.find((g) => g.code === gradeCode);
  return grade ? grade.order : null;
}
