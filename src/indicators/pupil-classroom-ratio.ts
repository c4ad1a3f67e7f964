import type { IndicatorDefinitionInput } from "../models/indicator";

/**
 * Pupil–classroom ratio: pupils ÷ classrooms in use. In double-shift schools classrooms
 * count once, so it exceeds class size. Schools with an unknown number of classrooms
 * are left out of the denominator and counted (`unknown-excluded`).
 * Source: METHODS.md 1.1; UIS glossary.
 * @example disaggregate(ds, ["pupil-classroom-ratio"], { by: ["dzongkhag"] })
 */
export const pupilClassroomRatio = {
  id: "pupil-classroom-ratio",
  name: "Pupil-classroom ratio",
  kind: "ratio",
  formula: "pupils enrolled ÷ classrooms",
  unit: "ratio",
  direction: "lower-is-better",
  statistic: "ratio",
  disaggregableBy: ["@school", "year"],
  requires: ["students.school_id", "schools.classrooms"],
  numerator: { fact: "students", measure: "enrolled" },
  denominator: { fact: "schools", measure: "classrooms" },
  references: { url: "http://uis.unesco.org/en/glossary-term/pupil-classroom-ratio" },
} as const satisfies IndicatorDefinitionInput;
