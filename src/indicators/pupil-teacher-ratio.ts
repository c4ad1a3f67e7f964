import type { IndicatorDefinitionInput } from "../models/indicator";

/**
 * Pupil–teacher ratio (PTR): average number of pupils per teacher.
 * Formula: total pupils ÷ total teachers (headcount of staff with teaching duties) for
 * the same schools and year; over any group it is a ratio of sums, never a mean of
 * school ratios. Direction: lower is better, up to the national norm (Bhutan 1:18).
 * A group with no teachers gives `null` and flag `zero-denominator`.
 * Only school-level dimensions apply (`@school`): a PTR by pupil sex would divide
 * girls by female teachers. Source: UIS glossary, http://uis.unesco.org/en/glossary-term/pupil-teacher-ratio-ptr
 * @example disaggregate(ds, ["pupil-teacher-ratio"], { by: ["location"] })
 * // [{ indicator: "pupil-teacher-ratio", level: "location", location: "rural", numerator: 100, denominator: 10, value: 10, ... }]
 */
export const pupilTeacherRatio = {
  id: "pupil-teacher-ratio",
  name: "Pupil-teacher ratio",
  kind: "ratio",
  formula: "pupils enrolled ÷ teachers (headcount, teaching staff only)",
  unit: "ratio",
  direction: "lower-is-better",
  statistic: "ratio",
  disaggregableBy: ["@school", "year"],
  requires: ["students.school_id", "teachers.school_id"],
  numerator: { fact: "students", measure: "enrolled" },
  denominator: { fact: "teachers", measure: "teachers", filter: { ne: ["teaching", "no"] } },
  norm: "pupil-teacher-ratio",
  references: { uis: "PTR", url: "http://uis.unesco.org/en/glossary-term/pupil-teacher-ratio-ptr" },
} as const satisfies IndicatorDefinitionInput;
