import { z } from "zod";
import type { Profile } from "./profile";
import { School } from "./school";
import { Student } from "./student";
import { Teacher } from "./teacher";
import { Section } from "./section";
import { Population } from "./population";

function codeEnum(codes: string[]) {
  const unique = [...new Set([...codes, "unknown"])];
  return z.enum(unique as [string, ...string[]]);
}

/** Hierarchy level ids that are columns of the school file (all but school and national). */
export function hierarchyColumns(profile: Profile): string[] {
  const out: string[] = [];
  for (const h of profile.hierarchies) {
    for (const l of h.levels) if (l.id !== "school" && l.id !== "national" && !out.includes(l.id)) out.push(l.id);
  }
  return out;
}

/**
 * Entity schemas narrowed to a profile's codes: school hierarchy columns (e.g.
 * `dzongkhag`, `gewog`, `thromde`), school level, type, ownership and location
 * classes, and the grade list. Every code list gains `unknown`, a category of its own.
 * @example schemasFor(profiles.bhutan).Student.shape.grade.options // ["PP", "I", ..., "XII", "unknown"]
 */
export function schemasFor(profile: Profile) {
  const location = codeEnum(profile.locationClasses);
  const grade = codeEnum(profile.grades.map((g) => g.code));
  const hierarchy: Record<string, z.ZodOptional<z.ZodString>> = {};
  for (const col of hierarchyColumns(profile)) hierarchy[col] = z.string().min(1).optional();
  const school = School.extend({
    ...hierarchy,
    level: profile.schoolLevels.length ? codeEnum(profile.schoolLevels.map((c) => c.code)).optional() : School.shape.level,
    type: profile.schoolTypes.length ? codeEnum(profile.schoolTypes.map((c) => c.code)).optional() : School.shape.type,
    ownership: profile.ownership.length ? codeEnum(profile.ownership.map((c) => c.code)).optional() : School.shape.ownership,
    location: location.optional(),
  });
  return {
    School: school,
    Student: Student.extend({ grade, residence_location: location.optional() }),
    Teacher: Teacher.extend({ posting: location.optional() }),
    Section: Section.extend({ grade }),
    Population: Population.extend({ location: location.optional() }),
  };
}

/** The schemas `schemasFor` returns. */
export type ProfileSchemas = ReturnType<typeof schemasFor>;
