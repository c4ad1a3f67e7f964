import type { IndicatorDefinitionInput } from "../models/indicator";

/*
 * Enrolment shares of groups at risk of exclusion. Outcomes of each group are the
 * outcome indicators (pass rate, repetition, at risk...) disaggregated by the group's
 * dimension (`disability`, `disability_functioning`, `nomadic`, `ethnicity`,
 * `language`). Minority status is country-specific: a profile or user JSON definition
 * names the minority codes (e.g. `{ in: ["ethnicity", ["lhotshampa"]] }`).
 */

/**
 * Pupils with a disability by functioning (Washington Group short set / UNICEF CFM):
 * 100 × pupils with "a lot of difficulty" or worse in one domain (or daily anxiety or
 * depression) ÷ pupils whose functioning status could be decided. Unlike
 * `disability-percent` it ignores reported status, so schools that only report
 * diagnosed disability do not understate it. Rule and cut-off: `DEFAULT_DERIVE`.
 * Source: https://www.washingtongroup-disability.com/question-sets/wg-short-set-on-functioning-wg-ss/
 */
export const disabilityFunctioningPercent = {
  id: "disability-functioning-percent",
  name: "Pupils with functional difficulty (WG/CFM, %)",
  kind: "ratio",
  formula: "100 × pupils with a lot of difficulty or worse in a functioning domain ÷ pupils with a decided functioning status",
  unit: "percent",
  scale: 100,
  direction: "neutral",
  statistic: "proportion",
  requires: ["students.wg_*"],
  numerator: { fact: "students", measure: "enrolled", filter: { eq: ["disability_functioning", "yes"] } },
  denominator: { fact: "students", measure: "enrolled", filter: { in: ["disability_functioning", ["yes", "no"]] } },
  references: { url: "https://www.washingtongroup-disability.com/question-sets/wg-short-set-on-functioning-wg-ss/" },
} as const satisfies IndicatorDefinitionInput;

/** Nomadic (or highland herding) pupils as a share of pupils with a known status. */
export const nomadicPupilsPercent = {
  id: "nomadic-pupils-percent",
  name: "Nomadic pupils (% of enrolment)",
  kind: "ratio",
  formula: "100 × pupils from nomadic households ÷ pupils with known status",
  unit: "percent",
  scale: 100,
  direction: "neutral",
  statistic: "proportion",
  requires: ["students.nomadic"],
  numerator: { fact: "students", measure: "enrolled", filter: { eq: ["nomadic", "yes"] } },
  denominator: { fact: "students", measure: "enrolled", filter: { in: ["nomadic", ["yes", "no"]] } },
} as const satisfies IndicatorDefinitionInput;

/**
 * Schools accessible to children with disabilities (SDG 4.a.1 d, adapted
 * infrastructure): 100 × schools with both a ramp (or step-free access) and a toilet
 * usable by children with disabilities ÷ schools where both are known.
 */
export const accessibleSchoolsPercent = {
  id: "accessible-schools-percent",
  name: "Schools accessible to children with disabilities (%)",
  kind: "ratio",
  formula: "100 × schools with a ramp and an accessible toilet ÷ schools where both are known",
  unit: "percent",
  scale: 100,
  direction: "higher-is-better",
  statistic: "proportion",
  disaggregableBy: ["@school", "year"],
  requires: ["schools.ramp", "schools.accessible_toilet"],
  numerator: { fact: "schools", measure: "schools", filter: { and: [{ eq: ["ramp", 1] }, { eq: ["accessible_toilet", 1] }] } },
  denominator: { fact: "schools", measure: "schools", filter: { and: [{ ge: ["ramp", 0] }, { ge: ["accessible_toilet", 0] }] } },
  references: { sdg: "4.a.1", url: "https://unstats.un.org/sdgs/metadata/files/Metadata-04-0a-01.pdf" },
} as const satisfies IndicatorDefinitionInput;
