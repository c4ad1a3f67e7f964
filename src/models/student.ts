import { z } from "zod";
import { AffectFrequency, Code, Functioning, Location, Sex, Status, YesNo } from "./codes";

/**
 * One enrolment record: a pupil in a school, grade and year. The pupil inherits the
 * school's dimensions in `createDataset`; `residence_location` is kept apart from the
 * school's location. Age is either given (`age`, completed years at the profile's
 * reference date) or derived from `birth_date` (ISO `YYYY-MM-DD`).
 */
export const Student = z.object({
  student_id: Code,
  school_id: Code,
  year: z.number().int().min(1900).max(2200).optional(),
  grade: Code,
  sex: Sex,
  birth_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  age: z.number().int().min(0).max(99).optional(),
  /** Reported disability status; derived from functioning answers when absent. */
  disability: YesNo.optional(),
  wg_seeing: Functioning.optional(),
  wg_hearing: Functioning.optional(),
  wg_walking: Functioning.optional(),
  wg_selfcare: Functioning.optional(),
  wg_communication: Functioning.optional(),
  wg_learning: Functioning.optional(),
  /** UNICEF Child Functioning Module: 1 daily ... 5 never. */
  cfm_anxiety: AffectFrequency.optional(),
  cfm_depression: AffectFrequency.optional(),
  residence_location: Location.optional(),
  nomadic: YesNo.optional(),
  language: Code.optional(),
  ethnicity: Code.optional(),
  /** Socio-economic quintile Q1 (poorest) to Q5, or `unknown`. */
  ses_quintile: z.enum(["Q1", "Q2", "Q3", "Q4", "Q5", "unknown"]).optional(),
  /** Repeating the grade this year (not the end-of-year outcome). */
  repeater: YesNo.optional(),
  status: Status.optional(),
  /** Sat the end-of-grade examination and passed it. */
  passed: YesNo.optional(),
  score: z.number().min(0).max(100).optional(),
  /** Attendance rate in percent. */
  attendance: z.number().min(0).max(100).optional(),
});
export type Student = z.infer<typeof Student>;
