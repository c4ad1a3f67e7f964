import type { IndicatorDefinitionInput } from "../models/indicator";

/**
 * Pupil–trained-teacher ratio (PTTR): pupils per teacher holding the minimum organised
 * pedagogical training required nationally. Formula: pupils ÷ trained teachers (ratio
 * of sums). Teachers whose training status is unknown are left out of the denominator
 * and counted in `nExcluded` (flag `unknown-excluded`): the ratio is then an upper bound.
 * Source: UIS glossary, http://uis.unesco.org/en/glossary-term/pupil-trained-teacher-ratio
 * @example disaggregate(ds, ["pupil-trained-teacher-ratio"], { by: ["location"] })
 */
export const pupilTrainedTeacherRatio = {
  id: "pupil-trained-teacher-ratio",
  name: "Pupil-trained teacher ratio",
  kind: "ratio",
  formula: "pupils enrolled ÷ trained teachers",
  unit: "ratio",
  direction: "lower-is-better",
  statistic: "ratio",
  disaggregableBy: ["@school", "year"],
  requires: ["students.school_id", "teachers.trained"],
  numerator: { fact: "students", measure: "enrolled" },
  denominator: { fact: "teachers", measure: "trained", filter: { ne: ["teaching", "no"] } },
  references: { uis: "PTTR", url: "http://uis.unesco.org/en/glossary-term/pupil-trained-teacher-ratio" },
} as const satisfies IndicatorDefinitionInput;
