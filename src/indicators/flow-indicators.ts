import type { IndicatorDefinitionInput } from "../models/indicator";

/*
 * UIS pupil-flow indicators (kind `flow`), reconstructed-cohort method: enrolment
 * E(g, t) and repeaters R(g, t+1) by grade for two consecutive years; the pupil
 * records' `repeater` field (repeating the grade this year) gives R. Rows are for the
 * base year t: by `year`, each t whose t+1 is in the data; without `year`, all such
 * pairs pooled as sums. By `grade`, one row per grade of the cycle; without it, the
 * cycle as a ratio of sums over its grades (promotion, dropout and effective promotion
 * over every grade but the last, whose promotion needs graduates). Other dimensions
 * (sex, location, dzongkhag, disability...) apply when both years' records carry them:
 * a pupil's group in t+1 is read from the t+1 record, so a dimension that changes
 * between years (e.g. a move to another district) moves the pupil between groups, as
 * with the published national method.
 * Edge rules: E(g, t) = 0 gives null with `zero-denominator`; negative promotion or
 * dropout rates are reported with flag `negative-rate`; a repeater status of `unknown`
 * leaves the record out of R and is counted in nExcluded; with one year of data every
 * row is null with `not-computable`. The status-based rates from one year's records
 * are the different ids `repetition-status`, `promotion-status`, `dropout-status`.
 * Sources: UIS Education Indicators Technical Guidelines (2009); glossary
 * http://uis.unesco.org/en/glossary-term/repetition-rate-grade ; METHODS.md 1.3.
 */

const blocks = {
  kind: "flow" as const,
  numerator: { fact: "students", measure: "repeater" },
  denominator: { fact: "students", measure: "enrolled" },
  unit: "percent" as const,
  scale: 100,
  isced: "1",
  requires: ["students.grade", "students.year", "students.repeater"],
};

/** Repetition rate by grade (UIS): 100 × R(g, t+1) ÷ E(g, t). */
export const repetitionRateUis = {
  ...blocks,
  id: "repetition-rate-uis",
  name: "Repetition rate (UIS flow)",
  method: "repetition-rate-uis",
  description: "Repeaters in a grade in year t+1 as a percentage of enrolment in that grade in year t.",
  formula: "100 × repeaters of grade g in t+1 ÷ enrolment in grade g in t",
  direction: "lower-is-better",
  statistic: "proportion",
  references: { uis: "RR", url: "http://uis.unesco.org/en/glossary-term/repetition-rate-grade" },
} as const satisfies IndicatorDefinitionInput;

/** Promotion rate by grade (UIS): 100 × (E(g+1, t+1) − R(g+1, t+1)) ÷ E(g, t). */
export const promotionRateUis = {
  ...blocks,
  id: "promotion-rate-uis",
  name: "Promotion rate (UIS flow)",
  method: "promotion-rate-uis",
  description: "New (non-repeating) enrolment in the next grade in t+1 as a percentage of enrolment in the grade in t.",
  formula: "100 × (enrolment − repeaters) of grade g+1 in t+1 ÷ enrolment in grade g in t",
  direction: "higher-is-better",
  statistic: "proportion",
  references: { uis: "PR", url: "http://uis.unesco.org/node/10005" },
} as const satisfies IndicatorDefinitionInput;

/** Dropout rate by grade (UIS): 100 − promotion rate − repetition rate. */
export const dropoutRateUis = {
  ...blocks,
  id: "dropout-rate-uis",
  name: "Dropout rate (UIS flow)",
  method: "dropout-rate-uis",
  description: "Pupils of a grade in t who are neither promoted nor repeating in t+1, as a percentage of the grade's enrolment in t.",
  formula: "100 × (E(g, t) − promoted − repeaters in t+1) ÷ E(g, t) = 100 − promotion − repetition",
  direction: "lower-is-better",
  statistic: "proportion",
  references: { uis: "DR", url: "http://uis.unesco.org/en/glossary-term/dropout-rate-grade" },
} as const satisfies IndicatorDefinitionInput;

/** Effective promotion rate: promotion ÷ (1 − repetition), the chance of moving up among those who do not repeat. */
export const effectivePromotionRate = {
  ...blocks,
  id: "effective-promotion-rate",
  name: "Effective promotion rate",
  method: "effective-promotion-rate",
  description: "Promoted pupils as a percentage of the grade's enrolment net of its repeaters in t+1: p ÷ (1 − r).",
  formula: "100 × (enrolment − repeaters) of grade g+1 in t+1 ÷ (E(g, t) − R(g, t+1))",
  direction: "higher-is-better",
  statistic: "proportion",
  references: { uis: "EPR", url: "http://uis.unesco.org/node/10005" },
} as const satisfies IndicatorDefinitionInput;

/**
 * Survival rate to the last grade of primary (reconstructed cohort, UIS; SDG-era
 * "survival rate to the last grade"): 100 × ∏ p_g ÷ (1 − r_g) over the grades before
 * the last. By grade: the survival rate to each grade. No numerator or denominator
 * (a model result); interval none.
 */
export const survivalRateLastGrade = {
  ...blocks,
  id: "survival-rate-last-grade",
  name: "Survival rate to the last grade of primary",
  method: "survival-rate",
  description: "Percentage of a cohort entering the first grade expected to reach the last grade, regardless of repetition (reconstructed cohort).",
  formula: "100 × ∏ over grades before the last of promotion ÷ (1 − repetition)",
  direction: "higher-is-better",
  statistic: "ratio",
  references: { uis: "SR", url: "http://uis.unesco.org/node/3079596" },
} as const satisfies IndicatorDefinitionInput;

/** Cumulative dropout rate to the last grade of primary: 100 − survival rate. */
export const cumulativeDropoutRate = {
  ...survivalRateLastGrade,
  id: "cumulative-dropout-rate",
  name: "Cumulative dropout rate to the last grade of primary",
  method: "cumulative-dropout-rate",
  description: "Percentage of a cohort entering the first grade expected to leave before the last grade (100 − survival rate).",
  formula: "100 − survival rate to the last grade",
  direction: "lower-is-better",
  references: { uis: "CR", url: "http://uis.unesco.org/node/3079596" },
} as const satisfies IndicatorDefinitionInput;

/** Effective transition rate, primary to lower secondary (UIS). */
export const effectiveTransitionRate = {
  ...blocks,
  id: "effective-transition-rate",
  name: "Effective transition rate, primary to lower secondary",
  method: "effective-transition-rate",
  description: "New entrants to the first grade of lower secondary in t+1 as a percentage of last-grade primary pupils in t who do not repeat it.",
  formula: "100 × (E − R) of the first grade of lower secondary in t+1 ÷ (E(last primary grade, t) − R(last primary grade, t+1))",
  direction: "higher-is-better",
  statistic: "proportion",
  references: { uis: "TRANS.ETR", url: "http://uis.unesco.org/en/glossary-term/effective-transition-rate" },
} as const satisfies IndicatorDefinitionInput;

/** Gross transition rate, primary to lower secondary (UIS 2009). */
export const grossTransitionRate = {
  ...effectiveTransitionRate,
  id: "gross-transition-rate",
  name: "Transition rate, primary to lower secondary",
  method: "gross-transition-rate",
  description: "New entrants to the first grade of lower secondary in t+1 as a percentage of enrolment in the last grade of primary in t.",
  formula: "100 × (E − R) of the first grade of lower secondary in t+1 ÷ E(last primary grade, t)",
  references: { uis: "TRANS", url: "http://uis.unesco.org/en/glossary-term/transition-rate" },
} as const satisfies IndicatorDefinitionInput;
