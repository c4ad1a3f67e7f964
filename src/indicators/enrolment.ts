import type { IndicatorDefinitionInput } from "../models/indicator";

/**
 * Enrolment: number of pupils enrolled (headcount of enrolment records). A count: the
 * value of a group is the sum over its records; groups add up to the total.
 * Unknown codes (sex, location...) are groups of their own, so no pupil is lost.
 * @example disaggregate(ds, ["enrolment"], { by: ["sex"] }) // rows female, male, unknown
 */
export const enrolment = {
  id: "enrolment",
  name: "Enrolment",
  kind: "ratio",
  formula: "number of pupils enrolled",
  unit: "count",
  direction: "neutral",
  statistic: "count",
  requires: ["students.student_id", "students.school_id"],
  numerator: { fact: "students", measure: "enrolled" },
  references: { url: "http://uis.unesco.org/en/glossary-term/enrolment" },
} as const satisfies IndicatorDefinitionInput;
