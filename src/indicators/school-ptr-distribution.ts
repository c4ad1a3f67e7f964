import type { IndicatorDefinitionInput } from "../models/indicator";

/**
 * Gini coefficient of school pupil–teacher ratios: each school's PTR (its pupils ÷ its
 * teachers), then the Gini across schools, each school counting once (`weight: none`).
 * 0 = every school has the same PTR. Schools with no teachers have no PTR and are left
 * out (counted in `nExcluded`). Source: METHODS.md 3.1 and 1.1.
 * @example disaggregate(ds, ["gini-school-ptr"], { by: ["dzongkhag"] })
 */
export const giniSchoolPtr = {
  id: "gini-school-ptr",
  name: "Gini of school pupil-teacher ratios",
  kind: "distribution",
  formula: "Gini across schools of (pupils ÷ teachers) per school",
  unit: "index",
  direction: "lower-is-better",
  statistic: "ratio",
  disaggregableBy: ["@school", "year"],
  requires: ["students.school_id", "teachers.school_id"],
  unitOf: "school",
  numerator: { fact: "students", measure: "enrolled" },
  denominator: { fact: "teachers", measure: "teachers", filter: { ne: ["teaching", "no"] } },
  summary: "gini",
  weight: "none",
} as const satisfies IndicatorDefinitionInput;

/**
 * Coefficient of variation (population SD ÷ mean) of school pupil–teacher ratios,
 * each school counting once.
 */
export const cvSchoolPtr = {
  ...giniSchoolPtr,
  id: "cv-school-ptr",
  name: "Coefficient of variation of school pupil-teacher ratios",
  formula: "SD ÷ mean across schools of (pupils ÷ teachers) per school",
  summary: "cv",
} as const satisfies IndicatorDefinitionInput;

/**
 * Share of schools whose PTR is above the national norm (the profile's
 * `pupil-teacher-ratio` norm; 18 for Bhutan), each school counting once.
 */
export const schoolsAbovePtrNorm = {
  ...giniSchoolPtr,
  id: "schools-above-ptr-norm",
  name: "Schools above the PTR norm (%)",
  formula: "100 × schools with pupils ÷ teachers above the norm ÷ schools with teachers",
  unit: "percent",
  scale: 100,
  summary: "share-above-norm",
  norm: "pupil-teacher-ratio",
} as const satisfies IndicatorDefinitionInput;
