import type { IndicatorDefinitionInput } from "../models/indicator";

/*
 * Teacher characteristics for equity analysis (METHODS.md 1.4: no UIS formula; shares
 * and means per group, read with the parity and inequality tools). Teaching staff only
 * (`teaching` not "no"); a teacher whose value is unknown leaves both parts and is
 * counted in nExcluded. Disaggregate by the school's dimensions or by the teacher's
 * `sex`, `age_band`, `experience_band`, `posting`, `qualified`, `trained`.
 */

const teaching = { ne: ["teaching", "no"] } as { ne: [string, string] };

/**
 * Mean age of teachers (years at the school year, from birth year). Interval: normal
 * approximation (n − 1 SD).
 * @example disaggregate(ds, ["mean-teacher-age"], { by: ["posting"] }) // mean age per posting location
 */
export const meanTeacherAge = {
  id: "mean-teacher-age",
  name: "Mean age of teachers",
  kind: "ratio",
  formula: "sum of teachers' ages ÷ teachers with a known age",
  unit: "years",
  direction: "neutral",
  statistic: "mean",
  requires: ["teachers.birth_year"],
  numerator: { fact: "teachers", measure: "age", filter: teaching },
  denominator: { fact: "teachers", measure: "teachers", filter: teaching },
} as const satisfies IndicatorDefinitionInput;

/** Mean years of teaching experience; higher means a more experienced staff (equity: are novices posted to remote schools?). */
export const meanTeacherExperience = {
  id: "mean-teacher-experience",
  name: "Mean teaching experience",
  kind: "ratio",
  formula: "sum of teachers' years of experience ÷ teachers with known experience",
  unit: "years",
  direction: "higher-is-better",
  statistic: "mean",
  requires: ["teachers.experience_years"],
  numerator: { fact: "teachers", measure: "experience", filter: teaching },
  denominator: { fact: "teachers", measure: "teachers", filter: teaching },
} as const satisfies IndicatorDefinitionInput;

/**
 * Share of teachers with under three years of experience (novices), 100 × teachers in
 * experience band 0-2 ÷ teachers with known experience.
 */
export const noviceTeachersPercent = {
  id: "novice-teachers-percent",
  name: "Novice teachers (under 3 years' experience, %)",
  kind: "ratio",
  formula: "100 × teachers with 0-2 years of experience ÷ teachers with known experience",
  unit: "percent",
  scale: 100,
  direction: "lower-is-better",
  statistic: "proportion",
  requires: ["teachers.experience_years"],
  numerator: { fact: "teachers", measure: "teachers", filter: { and: [teaching, { eq: ["experience_band", "0-2"] }] } },
  denominator: { fact: "teachers", measure: "teachers", filter: { and: [teaching, { ne: ["experience_band", "unknown"] }] } },
} as const satisfies IndicatorDefinitionInput;

/** Share of teachers posted to rural or remote locations: 100 × teachers posted rural or remote ÷ teachers with a known posting. */
export const ruralRemotePostingPercent = {
  id: "rural-remote-posting-percent",
  name: "Teachers posted to rural or remote locations (%)",
  kind: "ratio",
  formula: "100 × teachers whose posting is rural or remote ÷ teachers with a known posting",
  unit: "percent",
  scale: 100,
  direction: "neutral",
  statistic: "proportion",
  requires: ["teachers.posting|schools.location"],
  numerator: { fact: "teachers", measure: "teachers", filter: { and: [teaching, { in: ["posting", ["rural", "remote"]] }] } },
  denominator: { fact: "teachers", measure: "teachers", filter: { and: [teaching, { ne: ["posting", "unknown"] }] } },
} as const satisfies IndicatorDefinitionInput;
