/**
 * An equity dimension the readiness audit checks: which fact dimension carries it
 * (`dims`: candidates, the best-filled one present is used), whose records it
 * describes (`subject`: pupils, teachers, or any school-linked record), and whether it
 * needs a population table instead (`population`: out-of-school children are not in
 * the EMIS; only a population denominator can count them).
 */
export interface EquityDimension {
  id: string;
  label: string;
  dims: string[];
  subject: "students" | "teachers" | "any";
  population?: boolean;
}

/**
 * The equity dimensions of the Bhutan EMIS study (pupils: sex, location, disability,
 * ethnicity/language, nomadic, socioeconomic status, out-of-school, at risk of
 * dropout; teachers: age, experience, gender, posting location), in report order.
 * @example EQUITY_DIMENSIONS.map((d) => d.id) // ["sex", "location", "disability", ...]
 */
export const EQUITY_DIMENSIONS: readonly EquityDimension[] = [
  { id: "sex", label: "Sex (pupils)", dims: ["sex"], subject: "students" },
  { id: "location", label: "School location", dims: ["location"], subject: "any" },
  { id: "disability", label: "Disability", dims: ["disability"], subject: "students" },
  { id: "ethnicity-language", label: "Ethnicity / language", dims: ["ethnicity", "language"], subject: "students" },
  { id: "nomadic", label: "Nomadic", dims: ["nomadic"], subject: "students" },
  { id: "ses", label: "Socioeconomic status (quintile)", dims: ["ses_quintile"], subject: "students" },
  { id: "out-of-school", label: "Out-of-school children", dims: [], subject: "students", population: true },
  { id: "at-risk", label: "At risk of dropping out", dims: ["at_risk"], subject: "students" },
  { id: "teacher-age", label: "Teachers' age", dims: ["age_band"], subject: "teachers" },
  { id: "teacher-experience", label: "Teachers' experience", dims: ["experience_band"], subject: "teachers" },
  { id: "teacher-gender", label: "Teachers' gender", dims: ["sex"], subject: "teachers" },
  { id: "posting", label: "Teachers' posting location", dims: ["posting"], subject: "teachers" },
];
