import type { IndicatorDefinitionInput } from "../models/indicator";

/**
 * Pupil–qualified-teacher ratio (PQTR): pupils per teacher holding the minimum academic
 * qualification required nationally. Formula: pupils ÷ qualified teachers (ratio of
 * sums, teaching staff only). Direction: lower is better. Teachers whose qualification
 * status is unknown leave the denominator and are counted in `nExcluded` (the ratio is
 * then an upper bound); no qualified teacher gives null with `zero-denominator`.
 * Source: UIS, http://uis.unesco.org/en/glossary-term/pupil-qualified-teacher-ratio
 * @example disaggregate(ds, ["pupil-qualified-teacher-ratio"], { by: ["location"] })
 * // [{ indicator: "pupil-qualified-teacher-ratio", location: "rural", numerator: 50, denominator: 4, value: 12.5, ... }, ...]
 */
export const pupilQualifiedTeacherRatio = {
  id: "pupil-qualified-teacher-ratio",
  name: "Pupil-qualified teacher ratio",
  kind: "ratio",
  formula: "pupils enrolled ÷ qualified teachers",
  unit: "ratio",
  direction: "lower-is-better",
  statistic: "ratio",
  disaggregableBy: ["@school", "year"],
  requires: ["students.school_id", "teachers.qualified"],
  numerator: { fact: "students", measure: "enrolled" },
  denominator: { fact: "teachers", measure: "qualified", filter: { ne: ["teaching", "no"] } },
  references: { uis: "PQTR", url: "http://uis.unesco.org/en/glossary-term/pupil-qualified-teacher-ratio" },
} as const satisfies IndicatorDefinitionInput;
