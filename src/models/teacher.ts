import { z } from "zod";
import { Code, Location, Sex, YesNo } from "./codes";

/**
 * A teacher posted to a school. Staff without teaching duties (`teaching: "no"`) are
 * excluded from pupil-teacher ratios, as UIS excludes administrative posts.
 */
export const Teacher = z.object({
  teacher_id: Code,
  school_id: Code,
  year: z.number().int().min(1900).max(2200).optional(),
  sex: Sex,
  birth_year: z.number().int().min(1900).max(2200).optional(),
  experience_years: z.number().min(0).max(60).optional(),
  qualification: Code.optional(),
  /** Holds the minimum academic qualification required nationally (SDG 4.c.1). */
  qualified: YesNo.optional(),
  /** Has the minimum organised pedagogical training required nationally. */
  trained: YesNo.optional(),
  /** Full-time equivalent (1 = full time); headcount is used unless the profile says fte. */
  fte: z.number().min(0).max(1).optional(),
  teaching: YesNo.optional(),
  /** Posting location class; defaults to the school's location. */
  posting: Location.optional(),
  /** Socio-economic background of the teacher, as the country codes it. */
  ses: Code.optional(),
});
export type Teacher = z.infer<typeof Teacher>;
