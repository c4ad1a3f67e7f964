import type { IndicatorDefinitionInput } from "../models/indicator";

/**
 * Pass rate: 100 × pupils who passed ÷ pupils who sat the examination. A pupil with no
 * result did not sit (not a fail); a result recorded as `unknown` leaves both parts.
 * Bhutan pass marks: BCSE 35%, BHSEC 40% (profile norms).
 */
export const passRate = {
  id: "pass-rate",
  name: "Pass rate",
  kind: "ratio",
  formula: "100 × pupils who passed ÷ pupils who sat",
  unit: "percent",
  scale: 100,
  direction: "higher-is-better",
  statistic: "proportion",
  requires: ["students.passed"],
  numerator: { fact: "students", measure: "passed", filter: { eq: ["sat", 1] } },
  denominator: { fact: "students", measure: "sat", filter: { eq: ["sat", 1] } },
} as const satisfies IndicatorDefinitionInput;

/**
 * Mean score (0-100) of pupils with a score. Interval: normal approximation with the
 * sample standard deviation (n − 1).
 */
export const meanScore = {
  id: "mean-score",
  name: "Mean score",
  kind: "ratio",
  formula: "sum of scores ÷ pupils with a score",
  unit: "score",
  direction: "higher-is-better",
  statistic: "mean",
  requires: ["students.score"],
  numerator: { fact: "students", measure: "score" },
  denominator: { fact: "students", measure: "enrolled", filter: { ge: ["score", 0] } },
} as const satisfies IndicatorDefinitionInput;

/**
 * Over-age share (SDG 4.1.5): 100 × pupils two or more years older than the intended
 * age for their grade ÷ pupils. Intended age = the official entrance age for the
 * cohort's entry year + the grade's order (profile), ages at the reference date.
 * Pupils of unknown age leave both parts. Source: UIS, SDG 4.1.5 metadata.
 */
export const overAgePercent = {
  id: "over-age-percent",
  name: "Over-age pupils (2+ years)",
  kind: "ratio",
  formula: "100 × pupils ≥ 2 years above the intended age for their grade ÷ pupils",
  unit: "percent",
  scale: 100,
  direction: "lower-is-better",
  statistic: "proportion",
  requires: ["students.age|birth_date", "students.grade"],
  numerator: { fact: "students", measure: "over_age" },
  denominator: { fact: "students", measure: "enrolled" },
  references: { sdg: "4.1.5", url: "https://unstats.un.org/sdgs/metadata/" },
} as const satisfies IndicatorDefinitionInput;

/**
 * Share of enrolled pupils with a disability: from Washington Group functioning answers
 * where given (a lot of difficulty or worse in one domain), else the reported status.
 */
export const disabilityPercent = {
  id: "disability-percent",
  name: "Pupils with disabilities (% of enrolment)",
  kind: "ratio",
  formula: "100 × pupils with a disability ÷ pupils with known status",
  unit: "percent",
  scale: 100,
  direction: "neutral",
  statistic: "proportion",
  requires: ["students.disability|wg_*"],
  numerator: { fact: "students", measure: "disabled" },
  denominator: { fact: "students", measure: "enrolled" },
} as const satisfies IndicatorDefinitionInput;

/**
 * Share of pupils at risk of dropping out under the documented early-warning rule
 * (over-age 2+, repeating, attendance under 80%, failed: `DEFAULT_DERIVE`).
 */
export const atRiskPercent = {
  id: "at-risk-percent",
  name: "Pupils at risk of dropping out",
  kind: "ratio",
  formula: "100 × pupils flagged by the early-warning rule ÷ pupils with known status",
  unit: "percent",
  scale: 100,
  direction: "lower-is-better",
  statistic: "proportion",
  requires: ["students.attendance", "students.age|birth_date"],
  numerator: { fact: "students", measure: "at_risk" },
  denominator: { fact: "students", measure: "enrolled" },
} as const satisfies IndicatorDefinitionInput;

/**
 * Share of girls in enrolment: 100 × girls ÷ pupils of known sex. Pupils whose sex is
 * unknown leave both parts and are counted in `nExcluded` (flag `unknown-excluded`).
 */
export const femalePupilsPercent = {
  id: "female-pupils-percent",
  name: "Girls (% of enrolment)",
  kind: "ratio",
  formula: "100 × girls ÷ pupils of known sex",
  unit: "percent",
  scale: 100,
  direction: "neutral",
  statistic: "proportion",
  requires: ["students.sex"],
  numerator: { fact: "students", measure: "female" },
  denominator: { fact: "students", measure: "enrolled" },
} as const satisfies IndicatorDefinitionInput;
